#pragma once
// ranked passages → text for a terminal: rank, heading, document, link, snippet with the matches
// in bold when the output is a terminal (plain when piped), lines fitted to its width.

#include <cstddef>
#include <ostream>

#include "searcher/search.h"

namespace vind::searcher {

// How the terminal wants it (cli/terminal.h decides); the defaults are for a pipe.
struct TextStyle {
  bool bold = false;       // the matches in bold (ANSI escapes)
  std::size_t width = 0;   // break lines before this column, continuing them indented; 0: never
};

// 1. heading, shortened (result_text.h; a long one continues under its first word)
//    short document title · date (a line left out when it has neither)
//    link (never broken)
//    snippet, continued at the same indent
//    Ook op: the links of its copies (Hit::copies), when it has any
void write_text(const Results& results, std::ostream& out, const TextStyle& style);

// How the query was understood, word by word, and the Xapian query that ran (vind explain).
void write_explanation(const Results& results, std::ostream& out);

}  // namespace vind::searcher
