#pragma once
// A Dutch word → its dictionary form, by Debian's hunspell-nl (OpenTaal): "brieven" → "brief",
// "huisartsen" → "huisarts", "kindje" → "kind", "werkt" → "werk", "grote" → "groot", and in a
// compound the last part: "kantoorpanden" → "kantoorpand". The analyser stems the lemma, so
// inflections Snowball's Dutch stemmer keeps apart are one term; and the dictionary says which
// words are Dutch, so the query parser never "corrects" a word just because the index lacks it.
//
// Used on both sides, like the stemmer: the index stores the dictionary's identity and a
// searcher with another dictionary refuses it.

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/string_map.h"

class Hunspell;

namespace vind::analysis {

// Debian's hunspell-nl package: nl.aff and nl.dic.
inline const std::filesystem::path kDutchDictionary = "/usr/share/hunspell/nl";

class Lemmatiser {
 public:
  // `dictionary` without extension: reads dictionary.aff and dictionary.dic. Throws vind::Error
  // naming the file when either cannot be read.
  explicit Lemmatiser(const std::filesystem::path& dictionary);
  ~Lemmatiser();

  // "hunspell-nl:<digest of both files>": stored in the index settings.
  const std::string& identity() const { return identity_; }

  // The lemma of a lower-case word, or "" when the dictionary does not know the word.
  std::string lemma(std::string_view word) const;

  // Whether the dictionary has the word (an inflection or a compound of its words included), as
  // written or in lower case ("BSN" is known in capitals only).
  bool known(std::string_view word) const;

  // The parts of a compound as the dictionary reads it ("stroomverbruik" → stroom, verbruik),
  // or empty when it reads the word as no compound or does not know it.
  std::vector<std::string> compound_parts(std::string_view word) const;

 private:
  std::string analysed_lemma(const std::string& word) const;

  // Hunspell is not thread-safe; one Lemmatiser serves every thread, and Analysers cache what
  // it answers, so the lock is rarely taken.
  mutable std::mutex mutex_;
  // Lemmas asked for, shared by every thread: `vind serve` has a Searcher (and an Analyser with
  // its caches) per concurrent request, each of which would otherwise ask Hunspell again for
  // the words of every snippet: 12% of a loaded server's time. Bounded: cleared when full.
  static constexpr std::size_t kMaxCachedLemmas = 1 << 17;
  mutable std::mutex lemmas_mutex_;
  mutable StringMap<std::string> lemmas_;
  std::unique_ptr<Hunspell> hunspell_;
  std::string identity_;
};

}  // namespace vind::analysis
