#pragma once
// The Dutch stopword list, built into the binary from stopwords/dutch.txt so that indexer and
// searcher can never read different copies.

#include <string>
#include <string_view>
#include <unordered_set>

namespace vind::analysis {

struct Stopwords {
  std::unordered_set<std::string> words;  // lowercase, diacritics as written
  std::string digest;                     // of the words, stored in the index settings
};

// Parses the stopwords/ file format: one word per line, '#' comments, blank lines ignored.
Stopwords parse_stopwords(std::string_view text);

// stopwords/dutch.txt as compiled in.
const Stopwords& dutch_stopwords();

}  // namespace vind::analysis
