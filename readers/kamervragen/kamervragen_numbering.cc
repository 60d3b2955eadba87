#include "readers/kamervragen/kamervragen_numbering.h"

#include <algorithm>
#include <cstddef>

#include "readers/text/text.h"

namespace vind::readers {

namespace {

constexpr std::string_view kEnDash = "\xE2\x80\x93";


std::size_t skip_blanks(std::string_view s, std::size_t at) {
  while (const std::size_t n = blank_at(s, at)) at += n;
  return at;
}

// `word` (lowercase) at `at`, in any case, and not the start of a longer word: "Vraag" is in
// "Vraag 2" but not in "Vraagstelling 2".
bool word_at(std::string_view s, std::size_t at, std::string_view word) {
  if (at > s.size() || s.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (ascii_lower(s[at + i]) != word[i]) return false;
  const std::size_t after = at + word.size();
  return after == s.size() || !is_ascii_letter(s[after]);
}

// Digits at `at` as a number of at most six digits; moves `at` past them.
std::optional<int> number_at(std::string_view s, std::size_t& at) {
  std::size_t end = at;
  int number = 0;
  while (end < s.size() && is_digit(s[end]) && end - at < 6) number = number * 10 + (s[end++] - '0');
  if (end == at || (end < s.size() && is_digit(s[end]))) return std::nullopt;
  at = end;
  return number;
}

// Where a range separator ends ("-", "–", "t/m", "tot en met"), or 0 when there is none.
std::size_t after_range(std::string_view s, std::size_t at) {
  if (at < s.size() && s[at] == '-') return at + 1;
  if (s.substr(at, kEnDash.size()) == kEnDash) return at + kEnDash.size();
  if (s.size() - at >= 3 && ascii_lower(s[at]) == 't' && s[at + 1] == '/' && ascii_lower(s[at + 2]) == 'm') return at + 3;
  if (word_at(s, at, "tot")) {
    std::size_t p = skip_blanks(s, at + 3);
    if (!word_at(s, p, "en")) return 0;
    p = skip_blanks(s, p + 2);
    return word_at(s, p, "met") ? p + 3 : 0;
  }
  return 0;
}

// Where a list separator ends (",", "en", "&", ", en"), or 0 when there is none.
std::size_t after_and(std::string_view s, std::size_t at) {
  if (at < s.size() && s[at] == ',') {
    const std::size_t p = skip_blanks(s, at + 1);
    return word_at(s, p, "en") ? p + 2 : at + 1;
  }
  if (at < s.size() && s[at] == '&') return at + 1;
  return word_at(s, at, "en") ? at + 2 : 0;
}

// "2", "2 en 3", "4, 5, 7 en 8", "2 t/m 6", "4-7", "1,2,3,4 en 5" at `at`; moves `at` past the
// last number. Nothing when a number is missing, zero, or a range runs backwards or too wide.
std::optional<std::vector<int>> number_list(std::string_view s, std::size_t& at) {
  std::vector<int> numbers;
  bool range = false;
  while (true) {
    std::size_t p = skip_blanks(s, at);
    const std::optional<int> n = number_at(s, p);
    if (!n || *n == 0) return std::nullopt;
    if (range) {
      const int from = numbers.back();
      if (*n <= from || *n - from > kMaxGroupSpan) return std::nullopt;
      for (int k = from + 1; k <= *n; ++k) numbers.push_back(k);
    } else {
      numbers.push_back(*n);
    }
    at = p;
    p = skip_blanks(s, at);
    if (const std::size_t r = after_range(s, p)) {
      range = true;
      at = r;
    } else if (const std::size_t a = after_and(s, p)) {
      range = false;
      at = a;
    } else {
      break;
    }
  }
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  if (numbers.back() - numbers.front() > kMaxGroupSpan) return std::nullopt;
  return numbers;
}

// What may end a marker line: nothing, a colon with text after it, or a full stop.
std::optional<std::string> marker_tail(std::string_view s, std::size_t at) {
  const std::size_t p = skip_blanks(s, at);
  if (p == s.size()) return std::string();
  if (s[p] == ':') return collapse(s.substr(p + 1));
  if (s[p] == '.' && skip_blanks(s, p + 1) == s.size()) return std::string();
  return std::nullopt;
}

// The numbers, the last after `last`, or the first and last around `through` when they are three
// or more in a row.
std::string spelled(const std::vector<int>& numbers, std::string_view between, std::string_view last,
                    std::string_view through) {
  if (numbers.empty()) return "";
  if (numbers.size() == 1) return std::to_string(numbers.front());
  const bool run = numbers.size() >= 3 && numbers.back() - numbers.front() + 1 == static_cast<int>(numbers.size());
  if (run) return std::to_string(numbers.front()) + std::string(through) + std::to_string(numbers.back());
  std::string out;
  for (std::size_t i = 0; i + 1 < numbers.size(); ++i)
    out += std::to_string(numbers[i]) + std::string(i + 2 < numbers.size() ? between : last);
  return out + std::to_string(numbers.back());
}

}  // namespace

std::optional<Marker> keyword_marker(std::string_view line) {
  const std::string_view s = trim(line);
  Marker marker;
  std::size_t at = 0;
  if (word_at(s, 0, "vraag")) {
    at = 5;
  } else if (word_at(s, 0, "vragen")) {
    at = 6;
  } else if (word_at(s, 0, "antwoorden")) {
    marker.role = MarkerRole::kAnswer;
    at = 10;
  } else if (word_at(s, 0, "antwoord")) {
    marker.role = MarkerRole::kAnswer;
    at = 8;
  } else {
    for (const std::string_view section : {"mededeling", "toelichting"}) {
      if (!word_at(s, 0, section)) continue;
      const std::optional<std::string> tail = marker_tail(s, section.size());
      if (!tail || !tail->empty()) return std::nullopt;  // "Mededeling van …" is a header
      marker.role = MarkerRole::kSection;
      marker.section = std::string(section);
      return marker;
    }
    return std::nullopt;
  }
  std::size_t p = skip_blanks(s, at);
  if (marker.role == MarkerRole::kAnswer) {  // "Antwoord op (de) vraag/vragen 4"
    if (word_at(s, p, "op")) {
      p = skip_blanks(s, p + 2);
      if (word_at(s, p, "de")) p = skip_blanks(s, p + 2);
      if (!(p < s.size() && is_digit(s[p])) && !word_at(s, p, "vraag") && !word_at(s, p, "vragen"))
        return std::nullopt;
    }
    if (word_at(s, p, "vragen")) {
      p = skip_blanks(s, p + 6);
    } else if (word_at(s, p, "vraag")) {
      p = skip_blanks(s, p + 5);
    }
  }
  if (p < s.size() && is_digit(s[p])) {
    if (p == at) return std::nullopt;  // "Vraag1": no blank, no marker
    std::optional<std::vector<int>> numbers = number_list(s, p);
    if (!numbers) return std::nullopt;
    marker.numbers = std::move(*numbers);
  } else if (p != skip_blanks(s, at)) {
    return std::nullopt;  // "Antwoord op vraag" without a number
  }
  std::optional<std::string> tail = marker_tail(s, p);
  if (!tail) return std::nullopt;
  marker.text = std::move(*tail);
  return marker;
}

std::optional<Marker> list_marker(std::string_view line) {
  const std::string_view s = trim(line);
  std::size_t p = 0;
  while (p < s.size() && is_digit(s[p]) && p < 3) ++p;
  if (p == 0 || (p < s.size() && is_digit(s[p]))) return std::nullopt;
  int number = 0;
  for (std::size_t i = 0; i < p; ++i) number = number * 10 + (s[i] - '0');
  if (number == 0) return std::nullopt;
  Marker marker;
  marker.numbers = {number};
  if (p == s.size()) return marker;
  if (s[p] != '.') return std::nullopt;
  if (p + 1 == s.size()) return marker;
  if (blank_at(s, p + 1) == 0) return std::nullopt;  // "1.5 graden"
  marker.text = collapse(s.substr(p + 1));
  return marker;
}

std::string numbers_anchor(const std::vector<int>& numbers) { return spelled(numbers, "-", "-en-", "-tm-"); }

std::string numbers_label(const std::vector<int>& numbers) { return spelled(numbers, ", ", " en ", " t/m "); }

std::string vraag(const std::vector<int>& numbers) { return "Vraag " + numbers_label(numbers); }
std::string antwoord(const std::vector<int>& numbers) { return "Antwoord " + numbers_label(numbers); }

}  // namespace vind::readers
