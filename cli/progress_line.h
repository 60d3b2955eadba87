#pragma once
// indexing progress → one line on a terminal, rewritten in place: files, MB, MB/s, time left.

#include <functional>
#include <ostream>
#include <string>

#include "indexer/progress_meter.h"

namespace vind::cli {

// Each call rewrites the line (a carriage return, then the line, then "clear to its end"); the
// last, finished, call ends it with a newline.
std::function<void(const indexer::Progress&)> progress_line(std::ostream& terminal);

// "12345/20615 files · 201/334 MB · 6.1 MB/s · 0:22 left"; no time left before the first byte is
// done; once every file is read, the time taken: "20615/20615 files · 334/334 MB · 2.7 MB/s ·
// 2:05; merging and writing".
std::string describe(const indexer::Progress& progress);

}  // namespace vind::cli
