#pragma once
// The settings that decide which terms a text becomes. The indexer stores them in every index;
// the searcher rebuilds its analyser from the stored copy and refuses an index whose settings it
// cannot reproduce, saying what differs. Anything that changes terms belongs here.

#include <string>

namespace vind::analysis {

struct AnalysisSettings {
  // Bumped whenever tokenising or normalising rules or the values stored per passage change, so an
  // old index is refused instead of silently missing terms the new rules make. 4: the spelling
  // terms (schema::kWritten) completions show, and the stored short title (searcher/result_text.h).
  // 5: a passage without words of its own has its heading's copy key (schema::copy_key).
  int version = 5;
  // Xapian 1.4 Snowball stemmer. "dutch" beat "kraaij_pohlmann" on eval/ (see the README).
  std::string stemmer = "dutch";
  // "geinformeerd" finds "geïnformeerd": people rarely type diacritics in a search box.
  bool fold_diacritics = true;
  // Digest of the stopword list the terms were made with (stopwords/dutch.txt, built in).
  std::string stopwords = "";
  // A heading word counts as this many body words: headings are what a passage is about.
  int heading_weight = 3;
  // The document's title counts in each of its passages as this many body words, so "Westerveld"
  // finds her questions and "Regeling van werkzaamheden" its speeches; 0: not indexed. Not added
  // where the passage heading is the title (a one-question page).
  int title_weight = 1;
  // Longer "words" are debris (base64, glued URLs) and would only bloat the index.
  int max_word_bytes = 64;
  // The word list compounds were split with ("dutch:<digest>"), or "" for none. Parts become
  // part terms at index time; queries need no list (see searcher/query.h).
  std::string compounds = "";
  // The dictionary words were lemmatised with before stemming ("hunspell-nl:<digest>"), or ""
  // for none. Needed on both sides: queries are lemmatised as the passages were.
  std::string lemmas = "";

  bool operator==(const AnalysisSettings&) const = default;
};

// The defaults with the built-in stopword list's digest filled in.
AnalysisSettings default_settings();

std::string to_json(const AnalysisSettings& settings);
// Throws vind::Error when the text is not settings JSON.
AnalysisSettings settings_from_json(const std::string& json);

// "" when equal, else one clause per field that differs:
// `stemmer: index "kraaij_pohlmann", searcher "dutch"` (the names given for "index", "searcher").
std::string differences(const AnalysisSettings& index, const AnalysisSettings& searcher,
                        const std::string& index_name = "index",
                        const std::string& searcher_name = "searcher");

}  // namespace vind::analysis
