#include "readers/kamervragen/word_debris.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <utility>

#include "readers/text/text.h"

namespace vind::readers {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;

// Digits at `at` as a number (at most 6 of them), and where they end.
std::optional<std::pair<int, std::size_t>> number_at(std::string_view s, std::size_t at) {
  std::size_t end = at;
  int number = 0;
  while (end < s.size() && is_digit(s[end]) && end - at < 6) number = number * 10 + (s[end++] - '0');
  if (end == at || (end < s.size() && is_digit(s[end]))) return std::nullopt;
  return std::pair{number, end};
}

}  // namespace

WordLine without_word_debris(std::string_view line, int line_number) {
  WordLine out;
  std::string text;
  ForwardFind closing(line, "]");  // "[[[[…" must not search to the end of the line from each '['
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t open = line.find('[', i);
    text += line.substr(i, open == kNpos ? kNpos : open - i);
    if (open == kNpos) break;
    const std::string_view rest = line.substr(open);
    const std::size_t close_at = closing.find(open);
    const std::size_t close = close_at == kNpos ? kNpos : close_at - open;
    const std::string_view inside = rest.substr(1, close == kNpos ? kNpos : close - 1);
    std::size_t end = close == kNpos ? line.size() : open + close + 1;
    const auto footnote = number_at(inside, 0);
    if (inside.starts_with("footnoteRef:")) {
      const auto number = number_at(inside, 12);
      if (number) out.cited.push_back({number->first, line_number});
      // Never closed: only the marker goes, not the text after it.
      if (close == kNpos) end = open + 1 + (number ? number->second : 12);
    } else if (inside.starts_with("bookmark:")) {
      if (close == kNpos) {
        const std::size_t id = inside.find_first_not_of(" \t", 9);
        end = open + 1 + (id == kNpos ? inside.size() : std::min(inside.size(), inside.find_first_of(" \t", id)));
      }
    } else if (footnote && footnote->second < inside.size() && inside[footnote->second] == ':') {
      if (close == kNpos)
        out.problems.push_back("footnote " + std::to_string(footnote->first) +
                               " has no closing \"]\"; taken to the end of the line");
      out.footnotes.push_back({footnote->first, collapse(inside.substr(footnote->second + 1)), line_number});
    } else {
      text += '[';
      i = open + 1;
      continue;
    }
    i = end;
  }
  out.text = collapse(text);
  return out;
}

std::string_view without_bullet(std::string_view text) {
  for (const std::string_view bullet : {"\xC2\xB7", "\xE2\x80\xA2"}) {
    if (text.starts_with(bullet) && text.size() > bullet.size() &&
        (text[bullet.size()] == ' ' || text[bullet.size()] == '\t'))
      return trim(text.substr(bullet.size()));
  }
  return text;
}

}  // namespace vind::readers
