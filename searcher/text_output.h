#pragma once
// ranked passages → text for a terminal: rank, heading, document, link, snippet with the matches
// in bold when the output is a terminal (plain when piped).

#include <ostream>

#include "searcher/search.h"

namespace vind::searcher {

void write_text(const Results& results, std::ostream& out, bool bold);

}  // namespace vind::searcher
