#pragma once
// Anchors unique within one document, for the readers whose anchors come from the document's
// own words: the second "artikel-1" becomes "artikel-1-2", the third "artikel-1-3".
//
// In: each passage's anchor as the document gives it, in document order. Out: that anchor, or
// it with the first free "-N". Linear in the number of anchors: a suffix once taken is never
// tried again (32,000 identical "### Artikel 1" headings took a minute counting up from 2 each).

#include <string>
#include <unordered_map>

namespace vind::readers {

class UniqueAnchors {
 public:
  // The suffix of the second passage with an anchor: "-2"; kramdown, whose ids the FAQ reader
  // follows, numbers from "-1".
  explicit UniqueAnchors(int first_suffix = 2) : first_suffix_(first_suffix) {}

  // `anchor` when no passage has it yet, else `anchor` + "-N" for the lowest N from the first
  // suffix on that no passage has. The result counts as taken.
  std::string unique_anchor(const std::string& anchor);

 private:
  int first_suffix_;
  // Every anchor given out, with the N from which the search for a free "-N" after it goes on.
  std::unordered_map<std::string, int> taken_;
};

}  // namespace vind::readers
