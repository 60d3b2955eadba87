#include "indexer/index_report.h"

#include <algorithm>
#include <iterator>
#include <set>

namespace vind::indexer {

namespace {

template <typename T>
void append(std::vector<T>& to, std::vector<T>&& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

std::string reason_group(std::string_view reason, const std::string& file) {
  if (reason.starts_with(file)) reason.remove_prefix(file.size());
  while (reason.starts_with(':')) {
    std::size_t digits = 1;
    while (digits < reason.size() && reason[digits] >= '0' && reason[digits] <= '9') ++digits;
    if (digits == 1) break;
    reason.remove_prefix(digits);
  }
  if (reason.starts_with(':')) reason.remove_prefix(1);
  while (reason.starts_with(' ')) reason.remove_prefix(1);
  std::size_t end = reason.find_first_of(":;");
  end = std::min(end, reason.find(" ("));
  return std::string(reason.substr(0, end));
}

void add_skipped(Report& report, Skipped skipped) {
  ++report.files_seen;
  ++report.formats[skipped.format].skipped[reason_group(skipped.reason, skipped.file.string())];
  report.skipped.push_back(std::move(skipped));
}

void merge(Report& report, Report&& part) {
  report.files_seen += part.files_seen;
  append(report.indexed, std::move(part.indexed));
  append(report.unchanged, std::move(part.unchanged));
  append(report.removed, std::move(part.removed));
  append(report.skipped, std::move(part.skipped));
  append(report.left_out, std::move(part.left_out));
  for (const auto& [extension, n] : part.not_documents) report.not_documents[extension] += n;
  for (auto& [name, format] : part.formats) {
    FormatReport& into = report.formats[name];
    into.documents += format.documents;
    into.passages += format.passages;
    for (const auto& [reason, n] : format.skipped) into.skipped[reason] += n;
    for (const auto& [reason, n] : format.left_out) into.left_out[reason] += n;
  }
  append(report.warnings, std::move(part.warnings));
  report.passages_written += part.passages_written;
}

void drop_repeated_warnings(Report& report) {
  std::set<std::string> seen;
  std::erase_if(report.warnings, [&](const std::string& w) { return !seen.insert(w).second; });
}

}  // namespace vind::indexer
