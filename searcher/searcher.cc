#include "searcher/searcher.h"

#include <algorithm>

#include "analysis/error.h"
#include "schema/schema.h"

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
  expected.title_weight = stored.title_weight;
  expected.max_word_bytes = stored.max_word_bytes;
  expected.compounds = stored.compounds;
  expected.lemmas = stored.lemmas;
  if (const std::string diff = analysis::differences(stored, expected); !diff.empty())
    throw Error(first.name + ": the index was built with other analysis settings than this search uses (" +
                diff + "); rebuild it with `vind index`");
  return stored;
}

// The dictionary the index was lemmatised with, or null when it was not.
std::shared_ptr<const analysis::Lemmatiser> lemmatiser_for(const ShardSet& set,
                                                          std::shared_ptr<const analysis::Lemmatiser> given) {
  const std::optional<analysis::AnalysisSettings>& stored = set.shards.front().settings;
  if (!stored || stored->lemmas.empty()) return nullptr;  // checked_settings says what is wrong
  const std::string& wanted = stored->lemmas;
  if (!given) given = std::make_shared<const analysis::Lemmatiser>(analysis::kDutchDictionary);
  if (given->identity() != wanted)
    throw Error(set.shards.front().name + ": the index was lemmatised with the dictionary \"" + wanted +
                "\", but this machine's (" + analysis::kDutchDictionary.string() + ") is \"" +
                given->identity() + "\"; install the same hunspell-nl, or rebuild the index with `vind index`");
  return given;
}

}  // namespace

Searcher::Searcher(const std::filesystem::path& database, const SettingsRequest& request)
    : Searcher(std::vector<std::filesystem::path>{database}, request, RemoteTimeouts{}) {}

Searcher::Searcher(const std::vector<std::filesystem::path>& databases,
                   const SettingsRequest& request, const RemoteTimeouts& timeouts,
                   const std::vector<MissingShard>& known_down,
                   std::shared_ptr<const analysis::Lemmatiser> lemmatiser)
    : shards_(open_shards(databases, timeouts, known_down)),
      lemmatiser_(lemmatiser_for(shards_, std::move(lemmatiser))),
      analyser_(checked_settings(shards_, request), nullptr, lemmatiser_.get()) {}

// Over the shards one by one: a combined database reads metadata from its first shard only.
IndexInfo index_info(const Searcher& searcher) {
  IndexInfo info;
  info.passages = searcher.database().get_doccount();
  for (const OpenShard& shard : searcher.shards().shards) {
    const Xapian::Database& db = shard.db;
    for (auto it = db.metadata_keys_begin(schema::kFileKeyPrefix);
         it != db.metadata_keys_end(schema::kFileKeyPrefix); ++it)
      ++info.documents;
    info.built_at = std::max(info.built_at, db.get_metadata(schema::kBuiltAtKey));
  }
  info.missing = searcher.shards().missing;
  return info;
}

}  // namespace vind::searcher
