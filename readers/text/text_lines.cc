#include "readers/text/text_lines.h"

namespace vind::readers {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

}  // namespace

std::vector<Line> split_lines(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  std::vector<Line> lines;
  int number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view raw = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (raw.ends_with('\r')) raw.remove_suffix(1);
    lines.push_back({std::string(raw), ++number});
  }
  return lines;
}

std::size_t blank_at(std::string_view s, std::size_t at) {
  if (at < s.size() && (s[at] == ' ' || s[at] == '\t')) return 1;
  return s.substr(at, kNoBreakSpace.size()) == kNoBreakSpace ? kNoBreakSpace.size() : 0;
}

std::string_view trim(std::string_view s) {
  while (const std::size_t n = blank_at(s, 0)) s.remove_prefix(n);
  while (true) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
      s.remove_suffix(1);
    } else if (s.ends_with(kNoBreakSpace)) {
      s.remove_suffix(kNoBreakSpace.size());
    } else {
      return s;
    }
  }
}

std::string collapse(std::string_view s) {
  s = trim(s);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t n = blank_at(s, i)) {
      if (out.back() != ' ') out += ' ';
      i += n;
    } else {
      out += s[i++];
    }
  }
  return out;
}

}  // namespace vind::readers
