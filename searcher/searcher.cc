#include "searcher/searcher.h"

#include "analysis/error.h"

namespace vind::searcher {

namespace {

// The settings the shards were built with: the same in all of them, and what this binary and the
// user expect.
analysis::AnalysisSettings checked_settings(const ShardSet& set, const SettingsRequest& request) {
  const OpenShard& first = set.shards.front();
  for (const OpenShard& shard : set.shards) {
    if (!shard.settings) throw Error(shard.name + ": not a vind index (no analysis settings stored)");
    if (const std::string diff = analysis::differences(*shard.settings, *first.settings, shard.name,
                                                       first.name);
        !diff.empty())
      throw Error(shard.name + ": built with other analysis settings than " + first.name + " (" + diff +
                  "); the shards of one index must be built alike, so rebuild them with `vind index`");
  }
  const analysis::AnalysisSettings& stored = *first.settings;
  // The index chooses its own stemmer and weights; the tokeniser version and stopword list are
  // compiled into this binary and must be the ones the index was made with.
  analysis::AnalysisSettings expected = analysis::default_settings();
  expected.stemmer = request.stemmer.value_or(stored.stemmer);
  expected.fold_diacritics = stored.fold_diacritics;
  expected.heading_weight = stored.heading_weight;
  expected.max_word_bytes = stored.max_word_bytes;
  expected.compounds = stored.compounds;
  if (const std::string diff = analysis::differences(stored, expected); !diff.empty())
    throw Error(first.name + ": the index was built with other analysis settings than this search uses (" +
                diff + "); rebuild it with `vind index`");
  return stored;
}

}  // namespace

Searcher::Searcher(const std::filesystem::path& database, const SettingsRequest& request)
    : Searcher(std::vector<std::filesystem::path>{database}, request, RemoteTimeouts{}) {}

Searcher::Searcher(const std::vector<std::filesystem::path>& databases,
                   const SettingsRequest& request, const RemoteTimeouts& timeouts,
                   const std::vector<MissingShard>& known_down)
    : shards_(open_shards(databases, timeouts, known_down)),
      analyser_(checked_settings(shards_, request)) {}

}  // namespace vind::searcher
