#pragma once
// typed text → completions for a search box, asked on every keystroke.
//
// The last word as typed so far is completed with words of the index, most frequent first; with
// words before it ("losgeld be"), only completions that occur in a passage together with those
// words count, the most passages first ("losgeld betaald"). A completion is spelled as most
// passages write it ("patie" → "patiënten", "bsn" → "BSN"), though matched by its folded form;
// the words before the last are returned as typed.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "searcher/searcher.h"

namespace vind::searcher {

inline constexpr std::size_t kMaxSuggestions = 20;

struct Suggestion {
  std::string text;                // the typed text with its last word completed
  Xapian::doccount passages = 0;   // passages with all its words (at least; counting stops at 100)
};

// The index's words in memory, sorted, so a prefix costs a binary search and a scan of its words
// rather than a walk of Xapian's spelling table. Built once per index revision and read-only
// after: share it between threads.
class WordList {
 public:
  explicit WordList(const Xapian::Database& db);

  struct Entry {
    std::string word;
    Xapian::termcount frequency = 0;  // occurrences in the index
  };
  // At most `max` words starting with `prefix`, most frequent first, then alphabetical.
  std::vector<Entry> starting_with(std::string_view prefix, std::size_t max) const;
  std::size_t size() const { return words_.size(); }

 private:
  std::vector<Entry> words_;  // sorted by word
};

// Throws vind::BadRequest for a limit out of 1..kMaxSuggestions or text over kMaxQueryBytes.
std::vector<Suggestion> suggest(const Searcher& searcher, const WordList& words,
                                std::string_view typed, std::size_t limit = 8);

}  // namespace vind::searcher
