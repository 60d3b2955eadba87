#include "cli/report.h"

#include "cli/exit_code.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "schema/printable.h"

namespace vind::cli {

namespace {

// "not UTF-8: 3, empty file: 1": most frequent first.
std::string counted(const std::map<std::string, std::size_t>& groups) {
  std::vector<std::pair<std::string, std::size_t>> sorted(groups.begin(), groups.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [group, count] : sorted)
    out += (out.empty() ? "" : ", ") + group + ": " + std::to_string(count);
  return out;
}

std::size_t total(const std::map<std::string, std::size_t>& groups) {
  std::size_t n = 0;
  for (const auto& [group, count] : groups) n += count;
  return n;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

int report(const indexer::Report& r, std::ostream& out, std::ostream& err) {
  // One line each, whatever bytes a file name holds ("twee\x0Aregels.md").
  for (const indexer::Skipped& s : r.skipped) err << "skipped: " << schema::printable(s.reason) << "\n";
  for (const std::string& w : r.warnings) err << "warning: " << schema::printable(w) << "\n";
  for (const auto& path : r.removed) out << "removed: " << schema::printable(path.string()) << "\n";
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", r.seconds);
  out << "files seen: " << r.files_seen << ", indexed: " << r.indexed.size()
      << ", unchanged: " << r.unchanged.size() << ", skipped: " << r.skipped.size()
      << ", removed: " << r.removed.size();
  if (!r.left_out.empty()) out << ", left out: " << r.left_out.size();
  out << "\n";
  if (!r.not_documents.empty()) {
    std::vector<std::pair<std::string, std::size_t>> sorted(r.not_documents.begin(), r.not_documents.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    out << "skipped " << plural(total(r.not_documents), "file that is not a document", "files that are not documents")
        << ":";
    for (std::size_t i = 0; i < sorted.size(); ++i)
      out << (i == 0 ? " " : ", ") << sorted[i].second << " " << schema::printable(sorted[i].first);
    out << "\n";
  }
  out << "passages written: " << r.passages_written << ", in index: " << r.passages_in_index
      << ", seconds: " << seconds << "\n";
  if (!r.formats.empty()) out << "by format:\n";
  std::vector<std::pair<std::string, indexer::FormatReport>> formats(r.formats.begin(), r.formats.end());
  std::stable_partition(formats.begin(), formats.end(), [](const auto& f) { return !f.first.empty(); });
  for (const auto& [format, f] : formats) {
    std::vector<std::string> parts;
    if (!format.empty()) {
      parts.push_back(plural(f.documents, "document", "documents"));
      parts.push_back(plural(f.passages, "passage", "passages"));
    }
    if (!f.skipped.empty())
      parts.push_back(std::to_string(total(f.skipped)) + " skipped (" + counted(f.skipped) + ")");
    if (!f.left_out.empty())
      parts.push_back(std::to_string(total(f.left_out)) + " left out (" + counted(f.left_out) + ")");
    out << "  " << (format.empty() ? "(no format)" : format) << ":";
    for (std::size_t i = 0; i < parts.size(); ++i) out << (i == 0 ? " " : ", ") << parts[i];
    out << "\n";
  }
  return r.skipped.empty() ? kExitOk : kExitSkipped;
}

int report(const indexer::ShardsReport& r, std::ostream& out, std::ostream& err) {
  const int code = report(r.report, out, err);
  out << "passages per shard:";
  for (std::size_t i = 0; i < r.passages.size(); ++i) out << (i == 0 ? " " : ", ") << r.passages[i];
  out << "\n";
  return code;
}

}  // namespace vind::cli
