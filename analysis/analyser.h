#pragma once
// Text → words → terms: the only code that decides what a text means to the index. The indexer
// turns its Words into Xapian postings, the searcher turns the same Words into a Xapian query,
// and the snippet maker uses them to find what to highlight: one analysis, three uses.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/compounds.h"
#include "analysis/lemmas.h"
#include "analysis/settings.h"
#include "analysis/stopwords.h"
#include "analysis/string_map.h"

namespace vind::analysis {

// One spelling of a word: its normalised form and its stem.
struct Piece {
  // Case folded, diacritics too unless the settings keep them: "zcert", "geinformeerd", "485000"
  std::string form;
  std::string stem;  // Snowball stem of form; empty for a stopword
};

struct Word {
  std::size_t begin = 0;  // byte offsets in the analysed text
  std::size_t end = 0;
  Piece whole;               // "Z-Cert" → {"zcert", "zcert"}
  // Hyphenated words: "Z-Cert" → {z, cert}. With a dictionary, also words that PDF extraction
  // glued to a stopword: "hetkabinet" → {het, kabinet}, "inNederland" → {in, nederland}.
  // Else empty.
  std::vector<Piece> parts;
  // Compound parts, only from an Analyser with a decompounder (the indexer's) and only for a
  // word without parts that is no stopword: "bevolkingsonderzoek" → {bevolking, onderzoek};
  // else empty.
  std::vector<Piece> compound;
};

// Holds a Xapian stemmer and caches, none of them thread-safe: one Analyser per thread.
class Analyser {
 public:
  // Throws vind::Error when the stemmer is unknown, the stopword list is not the one the
  // settings name, a decompounder is given whose word list the settings do not name, or the
  // lemmatiser is missing or another than the settings name.
  // Without a decompounder no compound parts are made: what the searcher wants, since part terms
  // are looked up, not made, at query time.
  explicit Analyser(const AnalysisSettings& settings, const Decompounder* decompounder = nullptr,
                    const Lemmatiser* lemmatiser = nullptr);

  const AnalysisSettings& settings() const { return settings_; }
  // The dictionary, when the settings name one: which words are Dutch (query correction).
  const Lemmatiser* lemmatiser() const { return lemmatiser_; }

  // A word longer than settings().max_word_bytes, or of combining marks alone (it folds to
  // nothing), is left out.
  std::vector<Word> words(std::string_view text) const;

  // The folded form and stem of one word, as words() gives its whole: the query terms of a
  // spelling correction and of a word split in two, whether a suggested word is a stopword.
  Piece piece(std::string_view word) const;

 private:
  Piece analyse_piece(std::string_view word) const;
  // The compound parts of a word's folded form, cached like pieces.
  const std::vector<Piece>& compound_parts(const std::string& form) const;
  // A word the dictionary does not know, split into the stopwords and known words that were
  // glued together (empty when it is none), cached like pieces.
  const std::vector<Piece>& glued_parts(const std::string& word) const;
  std::vector<std::string> unglue(std::string_view word, int depth) const;

  // Words repeat (Zipf): folding, stemming and splitting each spelling once makes snippets,
  // which analyse every hit's text per query, and indexing several times faster. Bounded:
  // cleared when full.
  static constexpr std::size_t kMaxCachedPieces = 1 << 16;
  mutable StringMap<Piece> pieces_;
  mutable StringMap<std::vector<Piece>> compounds_;
  mutable StringMap<std::vector<Piece>> glued_;

  AnalysisSettings settings_;
  const Stopwords& stopwords_;
  Xapian::Stem stemmer_;
  const Decompounder* decompounder_;
  const Lemmatiser* lemmatiser_;
};

// Every word a text becomes, in order, as "form/stem" ("form/-" for a stopword), its hyphen parts
// after it in brackets and its compound parts in braces: "zcert/zcert [z/z cert/cert]",
// "bevolkingsonderzoek/bevolkingsonderzoek {bevolking/bevolk onderzoek/onderzoek}". For table
// tests.
std::vector<std::string> describe(const std::vector<Word>& words);

}  // namespace vind::analysis
