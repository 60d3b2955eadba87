#pragma once
// ranked passages → text for a terminal: rank, heading, document, link, snippet with the matches
// in bold when the output is a terminal (plain when piped).

#include <ostream>

#include "searcher/search.h"

namespace vind::searcher {

void write_text(const Results& results, std::ostream& out, bool bold);

// How the query was understood, word by word, and the Xapian query that ran (vind explain).
void write_explanation(const Results& results, std::ostream& out);

}  // namespace vind::searcher
