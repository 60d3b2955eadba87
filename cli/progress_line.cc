#include "cli/progress_line.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace vind::cli {

namespace {

std::string minutes(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

std::string describe(const indexer::Progress& p) {
  const double seconds = std::chrono::duration<double>(p.elapsed).count();
  const double mb_per_s = seconds > 0 ? p.bytes_done / 1e6 / seconds : 0;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%zu/%zu files · %.0f/%.0f MB · %.1f MB/s", p.files_done,
                p.files_total, p.bytes_done / 1e6, p.bytes_total / 1e6, mb_per_s);
  std::string line = buf;
  if (p.finished) return line + " · " + minutes(seconds) + "; merging and writing";
  if (mb_per_s > 0 && p.bytes_done > 0)
    line += " · " + minutes((p.bytes_total - p.bytes_done) / 1e6 / mb_per_s) + " left";
  return line;
}

std::function<void(const indexer::Progress&)> progress_line(std::ostream& terminal) {
  return [&terminal](const indexer::Progress& p) {
    // \33[K clears what a longer previous line left behind.
    terminal << "\rindexing: " << describe(p) << "\33[K" << (p.finished ? "\n" : "") << std::flush;
  };
}

}  // namespace vind::cli
