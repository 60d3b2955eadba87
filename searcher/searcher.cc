#include "searcher/searcher.h"

#include "analysis/error.h"
#include "schema/schema.h"

namespace vind::searcher {

namespace {

Xapian::Database open_database(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw Error(path.string() + ": no index here; build one with `vind index --db " +
                path.string() + " FILES…`");
  try {
    return Xapian::Database(path.string());
  } catch (const Xapian::Error& e) {
    throw Error(path.string() + ": cannot open the index: " + e.get_description());
  }
}

// The settings the index was built with, checked against what this binary and the user expect.
analysis::AnalysisSettings checked_settings(const std::filesystem::path& path,
                                            const Xapian::Database& db,
                                            const SettingsRequest& request) {
  const auto stored = schema::stored_settings(db);
  if (!stored) throw Error(path.string() + ": not a vind index (no analysis settings stored)");
  // The index chooses its own stemmer and weights; the tokeniser version and stopword list are
  // compiled into this binary and must be the ones the index was made with.
  analysis::AnalysisSettings expected = analysis::default_settings();
  expected.stemmer = request.stemmer.value_or(stored->stemmer);
  expected.fold_diacritics = stored->fold_diacritics;
  expected.heading_weight = stored->heading_weight;
  expected.max_word_bytes = stored->max_word_bytes;
  expected.compounds = stored->compounds;
  if (const std::string diff = analysis::differences(*stored, expected); !diff.empty())
    throw Error(path.string() + ": the index was built with other analysis settings than this search uses (" +
                diff + "); rebuild it with `vind index`");
  return *stored;
}

}  // namespace

Searcher::Searcher(const std::filesystem::path& database, const SettingsRequest& request)
    : path_(database),
      db_(open_database(database)),
      analyser_(checked_settings(database, db_, request)) {}

}  // namespace vind::searcher
