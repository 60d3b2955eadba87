#pragma once
// --db values → the shards they name → one Xapian database over the shards that answer.
//
// A --db is an index folder, a stub file, or a folder holding a stub (XAPIANDB, schema/stub.h),
// such as `vind index --shards` makes; a stub may list `remote HOST:PORT` shards, each served by
// `xapian-tcpsrv` on its own machine. Each shard is opened on its own, a remote one with the
// timeouts below, so that:
// - a remote shard that does not answer is left out and named (the search says it is partial)
//   rather than failing every search or hanging it;
// - each shard's metadata can be read (a combined database reads metadata from its first only):
//   the analysis settings, which must agree, and what /healthz counts.
// Spelling and synonym data comes from the vocabulary the stub lists (indexer/shard_vocabulary.h):
// Xapian's remote protocol serves none, and its merge over local databases corrects typos
// otherwise than one database would (a candidate word's trigrams are counted once per shard).
// A set with remote shards and no vocabulary is refused; local databases without one (several
// independent indexes) use Xapian's merge.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/settings.h"

namespace vind::searcher {

struct RemoteTimeouts {
  // A shard machine that has not accepted the connection (and greeted) within this is down.
  unsigned connect_ms = 1000;
  // One exchange with a remote shard (statistics, a page of results, a document) that takes
  // longer means the shard is stuck: down. Searches take milliseconds; this bounds the wait for
  // a shard that stopped answering (a killed server is noticed at once). 0 would wait forever.
  unsigned operation_ms = 5000;
};

struct OpenShard {
  std::string name;     // its path, or host:port
  Xapian::Database db;  // this shard alone
  std::optional<analysis::AnalysisSettings> settings;  // as stored in it; nullopt: none
  bool vocabulary = false;  // spelling and synonyms only (schema::kVocabularyKey), no passages
};

struct MissingShard {
  std::string name;
  std::string reason;  // Xapian's description: "Couldn't connect (Connection refused)", a timeout
};

struct ShardSet {
  Xapian::Database passages;    // every shard that answered, as one: what searches rank
  Xapian::Database vocabulary;  // spelling and synonym data: the listed vocabulary, or `passages`
  std::vector<OpenShard> shards;        // those that answered, vocabularies too, in listed order
  std::vector<MissingShard> missing;    // remote shards that did not answer
  // The stubs read and the local shards' version files: when one changes, there is a new
  // revision to open (searcher_pool.h).
  std::vector<std::filesystem::path> watched;
};

// Throws vind::Error naming the --db or stub line: a path with no index, a stub vind cannot read,
// a local shard that cannot be opened, remote shards without a vocabulary, or no shard at all
// answering (each one's reason given).
// Remote shards in `known_down` are not asked, only listed as missing with the reason given:
// the pool (searcher_pool.h) asks them again now and then rather than on every open.
ShardSet open_shards(const std::vector<std::filesystem::path>& databases,
                     const RemoteTimeouts& timeouts, const std::vector<MissingShard>& known_down = {});

}  // namespace vind::searcher
