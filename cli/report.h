#pragma once
// An indexing report → the summary a person reads, and the exit code a script checks:
// kExitOk all files indexed, kExitSkipped some skipped (the rest indexed; exit_code.h). Files left
// out because they ask not to be published are counted, per format, and files that are not
// documents (images, stylesheets: "skipped 143 files that are not documents: 120 .scss, 23 .png")
// in one line; neither is a reason for kExitSkipped.
// File names are shown printable (schema/printable.h).

#include <ostream>

#include "indexer/build_index.h"
#include "indexer/shards.h"

namespace vind::cli {

int report(const indexer::Report& report, std::ostream& out, std::ostream& err);

// The same, then the passages each shard holds: "passages per shard: 60, 58, 59".
int report(const indexer::ShardsReport& report, std::ostream& out, std::ostream& err);

}  // namespace vind::cli
