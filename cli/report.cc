#include "cli/report.h"

#include <cstdio>

namespace vind::cli {

int report(const indexer::Report& r, std::ostream& out, std::ostream& err) {
  for (const indexer::Skipped& s : r.skipped) err << "skipped: " << s.reason << "\n";
  for (const std::string& w : r.warnings) err << "warning: " << w << "\n";
  for (const auto& path : r.removed) out << "removed: " << path.string() << "\n";
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", r.seconds);
  out << "files seen: " << r.files_seen << ", indexed: " << r.indexed.size()
      << ", unchanged: " << r.unchanged.size() << ", skipped: " << r.skipped.size()
      << ", removed: " << r.removed.size() << "\n"
      << "passages written: " << r.passages_written << ", in index: " << r.passages_in_index
      << ", seconds: " << seconds << "\n";
  return r.skipped.empty() ? 0 : 2;
}

}  // namespace vind::cli
