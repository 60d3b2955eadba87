#pragma once
// documents → N shards: `vind index --shards N`. The --db folder D then holds
//
//   D/shard-0 … D/shard-(N-1)   ordinary vind indexes, each of the documents routed to it
//   D/vocabulary                their spelling and synonym data, merged (shard_vocabulary.h)
//   D/XAPIANDB                  a Xapian stub listing them (schema/stub.h), so D opens as one
//
// A document goes to shard stable_hash(id) % N, its id being its path below the indexed folder
// without extension (input_files.h), so re-indexing finds it in the shard that has it: each shard
// is built by build_index() on its own documents and is incremental as any index is. (A document
// whose id changes, because another file came to share its name, is gone from its old shard and
// new in its new one.)
// The shard count is therefore fixed when D is made.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "indexer/build_index.h"

namespace vind::indexer {

// FNV-1a, 64 bits, over the bytes: the same number on every machine and in every release, which
// std::hash does not promise. Changing it would move documents to other shards.
std::uint64_t stable_hash(std::string_view bytes);

std::size_t shard_of(std::string_view document_id, std::size_t shards);

// How many shards the folder holds (as its XAPIANDB lists D/shard-K); 0 when it holds none.
// Throws vind::Error for a XAPIANDB that lists anything else: vind writes only its own layout.
std::size_t shard_count(const std::filesystem::path& database);

struct ShardsReport {
  Report report;                               // all shards together
  std::vector<Xapian::doccount> passages;      // in each shard after the run
};

// Indexes options.inputs into `shards` shards at options.database (0: as many as it holds),
// holding the folder's lock throughout (index_lock.h). Throws vind::Error, before writing
// anything, when the folder holds another number of shards, or is an ordinary index or something
// else; else as build_index() does.
ShardsReport build_shards(const Options& options, std::size_t shards);

}  // namespace vind::indexer
