#pragma once
// An indexing report → the summary a person reads, and the exit code a script checks:
// 0 all files indexed, 2 some skipped (the rest indexed). Files left out because they ask not to
// be published are counted, per format, but are no reason for 2.

#include <ostream>

#include "indexer/build_index.h"

namespace vind::cli {

int report(const indexer::Report& report, std::ostream& out, std::ostream& err);

}  // namespace vind::cli
