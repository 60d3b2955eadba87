#pragma once
// An indexing report → the summary a person reads, and the exit code a script checks:
// 0 all files indexed, 2 some skipped (the rest indexed).

#include <ostream>

#include "indexer/build_index.h"

namespace vind::cli {

int report(const indexer::Report& report, std::ostream& out, std::ostream& err);

}  // namespace vind::cli
