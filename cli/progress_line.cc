#include "cli/progress_line.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace vind::cli {

namespace {

// For display: a double holds every byte count below 2^53 (9 PB) exactly.
double megabytes(std::uintmax_t bytes) { return static_cast<double>(bytes) / 1e6; }

std::string minutes(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

std::string describe(const indexer::Progress& p) {
  const double seconds = std::chrono::duration<double>(p.elapsed).count();
  const double mb_per_s = seconds > 0 ? megabytes(p.bytes_done) / seconds : 0;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%zu/%zu files · %.0f/%.0f MB · %.1f MB/s", p.files_done,
                p.files_total, megabytes(p.bytes_done), megabytes(p.bytes_total), mb_per_s);
  std::string line = buf;
  if (p.finished) return line + " · " + minutes(seconds) + "; merging and writing";
  if (mb_per_s > 0 && p.bytes_done > 0)
    line += " · " + minutes(megabytes(p.bytes_total - p.bytes_done) / mb_per_s) + " left";
  return line;
}

std::function<void(const indexer::Progress&)> progress_line(std::ostream& terminal) {
  return [&terminal](const indexer::Progress& p) {
    // \33[K clears what a longer previous line left behind.
    terminal << "\rindexing: " << describe(p) << "\33[K" << (p.finished ? "\n" : "") << std::flush;
  };
}

}  // namespace vind::cli
