#pragma once
// shards → their vocabulary: the spelling and synonym data of all shards of a sharded index in
// one local database without passages (`vind index --shards` keeps it at DB/vocabulary).
//
// Xapian 1.4 merges spelling and synonym data over the databases it opens as one, but its remote
// protocol serves none of it: a search over remote shards would lose its spelling corrections,
// completions and synonyms. The vocabulary, copied beside the stub that lists the remote shards,
// gives them back; the searcher asks it instead of the shards (searcher/shard_set.h).

#include <filesystem>

#include <xapian.h>

#include "analysis/settings.h"

namespace vind::indexer {

// Makes the database at `vocabulary` (created if need be) hold exactly the spelling words (with
// their summed frequencies) and synonyms of `shards`, writing only what differs, in one commit,
// so a search that reads it meanwhile sees the old or the new data. Stores `settings`, the
// shards' own, and schema::kVocabularyKey. Throws vind::Error when it cannot be written.
void update_vocabulary(const Xapian::Database& shards, const std::filesystem::path& vocabulary,
                       const analysis::AnalysisSettings& settings);

}  // namespace vind::indexer
