#include "searcher/shard_set.h"

#include <algorithm>

#include "analysis/error.h"
#include "schema/schema.h"
#include "schema/stub.h"

namespace vind::searcher {

namespace {

namespace fs = std::filesystem;

// A stub may list a stub (a folder of shards); deeper than this it is listing itself.
constexpr int kMaxStubDepth = 8;

// The databases a --db names: itself, or what its stub lists, stubs within stubs expanded.
void list(const fs::path& database, int depth, std::vector<schema::StubEntry>& entries,
          std::vector<fs::path>& watched) {
  const fs::path stub = schema::stub_file(database);
  if (stub.empty()) {
    entries.push_back({database, "", 0});
    return;
  }
  if (depth == kMaxStubDepth)
    throw Error(stub.string() + ": stubs nested more than " + std::to_string(kMaxStubDepth) +
                " deep; does a stub list itself?");
  watched.push_back(stub);
  for (const schema::StubEntry& entry : schema::read_stub(stub)) {
    if (entry.path.empty()) {
      entries.push_back(entry);
    } else {
      list(entry.path, depth + 1, entries, watched);
    }
  }
}

Xapian::Database open_local(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw Error(path.string() + ": no index here; build one with `vind index --db " + path.string() +
                " FILES…`");
  try {
    return Xapian::Database(path.string());
  } catch (const Xapian::DatabaseNotFoundError&) {  // a folder of documents given as --db, say
    throw Error(path.string() + ": not an index (no Xapian database there); give the folder `vind index "
                "--db` wrote, or build one with `vind index --db " + path.string() + " FILES…`");
  } catch (const Xapian::Error& e) {
    throw Error(path.string() + ": cannot open the index: " + e.get_description());
  }
}

std::string reason(const Xapian::Error& e) {
  const char* detail = e.get_error_string();
  return e.get_msg() + (detail && *detail ? std::string(" (") + detail + ")" : "");
}

OpenShard opened(std::string name, Xapian::Database db) {
  OpenShard shard{std::move(name), db, schema::stored_settings(db), false};
  shard.vocabulary = db.get_metadata(schema::kVocabularyKey) == "1";
  return shard;
}

std::string reasons(const std::vector<MissingShard>& missing) {
  std::string s;
  for (const MissingShard& m : missing) s += (s.empty() ? "" : "; ") + m.name + ": " + m.reason;
  return s;
}

}  // namespace

ShardSet open_shards(const std::vector<fs::path>& databases, const RemoteTimeouts& timeouts,
                     const std::vector<MissingShard>& known_down) {
  ShardSet set;
  std::vector<schema::StubEntry> entries;
  for (const fs::path& database : databases) list(database, 0, entries, set.watched);
  bool remote = false;
  for (const schema::StubEntry& entry : entries) {
    if (!entry.path.empty()) {
      set.shards.push_back(opened(entry.name(), open_local(entry.path)));
      std::error_code ec;
      const fs::path version = entry.path / "iamglass";  // rewritten by every commit
      set.watched.push_back(fs::exists(version, ec) ? version : entry.path);
      continue;
    }
    remote = true;
    const auto down = std::find_if(known_down.begin(), known_down.end(),
                                   [&entry](const MissingShard& m) { return m.name == entry.name(); });
    if (down != known_down.end()) {
      set.missing.push_back(*down);
      continue;
    }
    try {
      set.shards.push_back(opened(entry.name(), Xapian::Remote::open(entry.host, entry.port,
                                                                     timeouts.operation_ms,
                                                                     timeouts.connect_ms)));
    } catch (const Xapian::NetworkError& e) {  // refused, unreachable, timed out, hung up
      set.missing.push_back({entry.name(), reason(e)});
    }
  }

  Xapian::Database vocabularies;
  bool has_vocabulary = false, has_passages = false;
  for (const OpenShard& shard : set.shards) {
    (shard.vocabulary ? vocabularies : set.passages).add_database(shard.db);
    (shard.vocabulary ? has_vocabulary : has_passages) = true;
  }
  const std::string where = databases.size() == 1 ? databases.front().string() : "the --db given";
  if (!has_passages && !set.missing.empty())
    throw Error(where + ": no shard answered: " + reasons(set.missing));
  if (!has_passages) throw Error(where + ": lists no index with passages, only vocabularies");
  if (remote && !has_vocabulary)
    throw Error(where + ": lists remote shards but no vocabulary: Xapian's remote protocol serves "
                "no spelling or synonym data, so list the index's vocabulary as well " +
                "(`auto /path/to/index/vocabulary`, made by `vind index --shards`)");
  set.vocabulary = has_vocabulary ? vocabularies : set.passages;
  return set;
}

}  // namespace vind::searcher
