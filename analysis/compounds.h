#pragma once
// A compound word → its parts, by a Dutch word list: "bevolkingsonderzoek" → bevolking +
// onderzoek, "baarmoederhalskanker" → baarmoeder + halskanker (+ hals + kanker, the head split
// again). Knows the linking sounds
// (-s-, -e-, -en-) and refuses splits whose last part is really a suffix ("natuurlijk" is not
// natuur + lijk).
//
// Used at index time only: each part becomes a part term, so "kanker" finds
// "baarmoederhalskanker" while ranking below a whole-word match.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace vind::analysis {

// Debian's wdutch package: 413,000 Dutch words, inflected forms included.
inline const std::filesystem::path kDutchWordList = "/usr/share/dict/dutch";

class Decompounder {
 public:
  // Throws vind::Error naming the file when it cannot be read.
  explicit Decompounder(const std::filesystem::path& word_list);
  // From words already in memory (tests).
  explicit Decompounder(const std::vector<std::string>& words);

  // "dutch:<digest of the list>": stored in the index settings.
  const std::string& identity() const { return identity_; }

  // The parts of a folded word, or empty when it is no compound (or not one the list explains).
  // Keeps no state: one Decompounder serves every thread (Analysers cache the answers).
  std::vector<std::string> split(const std::string& word) const;

 private:
  bool known(std::string_view part) const;
  std::vector<std::string> best_split(std::string_view word, int depth) const;

  std::unordered_set<std::string> words_;
  std::string identity_;
};

}  // namespace vind::analysis
