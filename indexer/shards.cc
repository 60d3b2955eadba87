#include "indexer/shards.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <string>

#include "analysis/digest.h"
#include "analysis/error.h"
#include "indexer/shard_vocabulary.h"
#include "schema/schema.h"
#include "schema/stub.h"

namespace vind::indexer {

namespace {

namespace fs = std::filesystem;

constexpr char kVocabulary[] = "vocabulary";

std::string shard_name(std::size_t k) { return "shard-" + std::to_string(k); }

std::vector<schema::StubEntry> layout(std::size_t shards) {
  std::vector<schema::StubEntry> entries;
  for (std::size_t k = 0; k < shards; ++k) entries.push_back({shard_name(k), "", 0});
  entries.push_back({kVocabulary, "", 0});
  return entries;
}

// Written only when it changes: every write is a new revision to the searchers watching it.
void write_stub(const fs::path& database, std::size_t shards) {
  const std::string text = schema::to_stub(
      "vind index --shards " + std::to_string(shards) + ": a document is in shard " +
          "FNV-1a-64(document id) % " + std::to_string(shards) + "; the last line holds the shards'\n" +
          "spelling and synonym data, which Xapian's remote protocol does not serve: keep it in\n" +
          "a stub that lists remote shards (README: Sharded indexes).",
      layout(shards));
  const fs::path file = database / schema::kStubName;
  std::ifstream old(file, std::ios::binary);
  if (std::string(std::istreambuf_iterator<char>(old), {}) == text) return;
  const fs::path temporary = database / (std::string(schema::kStubName) + ".new");
  std::ofstream out(temporary, std::ios::binary);
  out << text;
  out.close();
  // A stub cut short by a full disk would be moved into place and list fewer shards.
  if (!out) throw Error(temporary.string() + ": cannot write the stub: " + std::strerror(errno));
  std::error_code ec;
  fs::rename(temporary, file, ec);  // a reader sees the old stub or the new one, never half of one
  if (ec) throw Error(file.string() + ": cannot replace the stub: " + ec.message());
}

void check_layout(const fs::path& database, std::size_t existing, std::size_t asked) {
  const std::string d = database.string();
  if (existing > 0 && asked > 0 && existing != asked)
    throw Error(d + " holds " + std::to_string(existing) + " shards; index with --shards " +
                std::to_string(existing) + " (or without --shards), or into another --db: a " +
                "document's shard follows from the count, so another count would move documents");
  if (existing > 0) return;
  if (asked == 0) throw Error(d + " holds no shards; give --shards N to make them");
  std::error_code ec;
  if (fs::exists(database / "iamglass", ec))
    throw Error(d + " is one index, not shards; index with --shards into another --db");
  if (fs::exists(database, ec) && !fs::is_empty(database, ec))
    throw Error(d + " is neither empty nor a sharded index; give --shards a new or empty --db");
}

}  // namespace

std::uint64_t stable_hash(std::string_view bytes) { return analysis::fnv1a_64(bytes); }

std::size_t shard_of(std::string_view document_id, std::size_t shards) {
  return static_cast<std::size_t>(stable_hash(document_id) % shards);
}

std::size_t shard_count(const fs::path& database) {
  std::error_code ec;
  const fs::path stub = database / schema::kStubName;
  if (!fs::is_directory(database, ec) || !fs::exists(stub, ec)) return 0;
  const std::vector<schema::StubEntry> entries = schema::read_stub(stub);  // never empty
  const std::vector<schema::StubEntry> expected = layout(entries.size() - 1);
  const fs::path root = fs::absolute(database).lexically_normal();
  const bool ours = std::equal(entries.begin(), entries.end(), expected.begin(), expected.end(),
                               [&root](const schema::StubEntry& e, const schema::StubEntry& x) {
                                 return e.path == root / x.path;
                               });
  if (!ours)
    throw Error(stub.string() + " lists other databases than vind's shards of " + database.string() +
                "; vind indexes only into the shards it made");
  return entries.size() - 1;
}

ShardsReport build_shards(const Options& options, std::size_t shards) {
  const auto start = std::chrono::steady_clock::now();
  const fs::path database = fs::absolute(options.database).lexically_normal();
  const IndexLock lock(database, options.wait);
  const std::size_t existing = shard_count(database);
  check_layout(database, existing, shards);
  const std::size_t n = existing > 0 ? existing : shards;
  fs::create_directories(database);
  write_stub(database, n);

  ShardsReport result;
  Xapian::Database all;
  for (std::size_t k = 0; k < n; ++k) {
    Options shard = options;
    shard.database = database / shard_name(k);
    shard.accept = [k, n](std::string_view id) { return shard_of(id, n) == k; };
    Report part = build_index(shard, lock);
    result.passages.push_back(part.passages_in_index);
    result.report.passages_in_index += part.passages_in_index;
    merge(result.report, std::move(part));
    all.add_database(Xapian::Database(shard.database.string()));
  }
  // A broken manifest is warned about by every shard that indexes from its folder: once is enough.
  drop_repeated_warnings(result.report);
  const auto settings = schema::stored_settings(Xapian::Database((database / shard_name(0)).string()));
  update_vocabulary(all, database / kVocabulary, *settings);
  result.report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace vind::indexer
