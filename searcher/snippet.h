#pragma once
// passage text + query → snippet: the stretch of the text with the most query words, split into
// fragments so each output can mark the matches its own way (bold, <mark>).

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyser.h"

namespace vind::searcher {

// What counts as a match: forms and stems of the query's words, and prefixes for a word being
// typed. Filled by parse_query, through the same analyser as the index.
struct Highlight {
  std::set<std::string> forms;
  std::set<std::string> stems;
  std::vector<std::string> prefixes;
};

struct Fragment {
  std::string text;
  bool match = false;
};

using Snippet = std::vector<Fragment>;

// At most max_words words, whitespace collapsed, "… " / " …" where the text was cut.
Snippet make_snippet(std::string_view text, const analysis::Analyser& analyser,
                     const Highlight& highlight, std::size_t max_words = 30);

bool matches(const analysis::Word& word, const Highlight& highlight);

}  // namespace vind::searcher
