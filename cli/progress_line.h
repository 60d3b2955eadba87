#pragma once
// indexing progress → one line on a terminal, rewritten in place: files, MB, MB/s, time left.

#include <functional>
#include <ostream>

#include "indexer/progress_meter.h"

namespace vind::cli {

std::function<void(const indexer::Progress&)> progress_line(std::ostream& terminal);

// "12,345/20,615 files · 201/334 MB · 6.1 MB/s · 0:22 left"
std::string describe(const indexer::Progress& progress);

}  // namespace vind::cli
