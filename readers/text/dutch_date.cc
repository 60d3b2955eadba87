#include "readers/text/dutch_date.h"

#include <array>
#include <cstddef>

#include "readers/text/text.h"

namespace vind::readers {

namespace {

struct Month {
  std::string_view name;
  int number;
};

constexpr std::array<Month, 25> kMonths = {{
    {"januari", 1},  {"jan", 1},       {"februari", 2}, {"feb", 2},   {"febr", 2},
    {"maart", 3},    {"mrt", 3},       {"april", 4},    {"apr", 4},   {"mei", 5},
    {"juni", 6},     {"jun", 6},       {"juli", 7},     {"jul", 7},   {"augustus", 8},
    {"aug", 8},      {"september", 9}, {"sep", 9},      {"sept", 9},  {"oktober", 10},
    {"okt", 10},     {"november", 11}, {"nov", 11},     {"december", 12}, {"dec", 12},
}};

std::size_t skip_blanks(std::string_view text, std::size_t at) {
  while (std::size_t n = blank_at(text, at)) at += n;
  return at;
}

int month_number(std::string_view word) {
  for (const Month& month : kMonths) {
    if (month.name.size() != word.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < word.size() && same; ++i) same = ascii_lower(word[i]) == month.name[i];
    if (same) return month.number;
  }
  return 0;
}

int days_in(int month, int year) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month != 2) return kDays[month - 1];
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return leap ? 29 : 28;
}

// The ISO date for a date starting at `at` (a digit not preceded by one), or "".
std::string date_at(std::string_view text, std::size_t at) {
  std::size_t i = at;
  int day = 0;
  while (i < text.size() && is_digit(text[i]) && i - at < 2) day = day * 10 + (text[i++] - '0');
  if (i < text.size() && is_digit(text[i])) return "";

  std::size_t after_day = skip_blanks(text, i);
  if (after_day == i) return "";
  i = after_day;
  const std::size_t word_start = i;
  while (i < text.size() && is_ascii_letter(text[i])) ++i;
  const int month = month_number(text.substr(word_start, i - word_start));
  if (month == 0) return "";
  if (i < text.size() && text[i] == '.') ++i;

  // PDF exports lose the blank between month and year: "(ontvangen 18 november2024)".
  std::size_t after_month = skip_blanks(text, i);
  if (after_month == i && !(i < text.size() && is_digit(text[i]))) return "";
  i = after_month;
  int year = 0;
  const std::size_t year_start = i;
  while (i < text.size() && is_digit(text[i]) && i - year_start < 4) year = year * 10 + (text[i++] - '0');
  if (i - year_start != 4 || (i < text.size() && is_digit(text[i]))) return "";

  if (day < 1 || day > days_in(month, year)) return "";
  std::string iso = "0000-00-00";
  const auto put = [&iso](std::size_t end, int value) {
    for (std::size_t digit = end; value > 0; value /= 10) iso[--digit] = static_cast<char>('0' + value % 10);
  };
  put(4, year);
  put(7, month);
  put(10, day);
  return iso;
}

}  // namespace

std::string parse_dutch_date(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) continue;
    std::string iso = date_at(text, i);
    if (!iso.empty()) return iso;
  }
  return "";
}

}  // namespace vind::readers
