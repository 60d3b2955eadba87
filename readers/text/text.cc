#include "readers/text/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace vind::readers {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_ascii_blank(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Bytes of blank that end at `end`; 0 when none.
std::size_t blank_before(std::string_view s, std::size_t end) {
  if (end == 0) return 0;
  const auto last = static_cast<unsigned char>(s[end - 1]);
  if (last < 0x80) return is_ascii_blank(s[end - 1]) ? 1 : 0;
  int32_t at = static_cast<int32_t>(end);
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, at, c);
  return c >= 0 && u_isUWhiteSpace(c) ? end - static_cast<std::size_t>(at) : 0;
}

}  // namespace

std::string_view without_bom(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  return text;
}

std::vector<Line> split_lines(std::string_view text) {
  text = without_bom(text);
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
  if (at >= s.size()) return 0;
  if (static_cast<unsigned char>(s[at]) < 0x80) return is_ascii_blank(s[at]) ? 1 : 0;
  const auto length = static_cast<int32_t>(s.size());
  int32_t end = static_cast<int32_t>(at);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), end, length, c);
  return c >= 0 && u_isUWhiteSpace(c) ? static_cast<std::size_t>(end) - at : 0;
}

bool is_blank(std::string_view s) { return trim(s).empty(); }

std::string_view trim(std::string_view s) {
  while (const std::size_t n = blank_at(s, 0)) s.remove_prefix(n);
  while (const std::size_t n = blank_before(s, s.size())) s.remove_suffix(n);
  return s;
}

void append_collapsed(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = blank_at(text, i)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      i += n;
    } else {
      out += text[i++];
    }
  }
}

std::string collapse(std::string_view s) {
  std::string out;
  append_collapsed(trim(s), out);
  return out;
}

int leading_number(std::string_view s, std::size_t max_digits) {
  int number = 0;
  for (std::size_t i = 0; i < s.size() && is_digit(s[i]); ++i) {
    if (i == max_digits) return 0;
    number = number * 10 + (s[i] - '0');
  }
  return number;
}

std::string ascii_lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::string capitalised(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

bool starts_with_ignoring_case(std::string_view s, std::string_view lowercase_prefix) {
  if (s.size() < lowercase_prefix.size()) return false;
  for (std::size_t i = 0; i < lowercase_prefix.size(); ++i)
    if (ascii_lower(s[i]) != lowercase_prefix[i]) return false;
  return true;
}

std::size_t ForwardFind::find(std::size_t from) {
  if (!searched_ || (next_ != std::string_view::npos && next_ < from)) next_ = text_.find(what_, from);
  searched_ = true;
  return next_;
}

std::string join_paragraphs(std::span<const std::string> paragraphs) {
  std::string out;
  for (const std::string& paragraph : paragraphs) {
    if (paragraph.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += paragraph;
  }
  return out;
}

}  // namespace vind::readers
