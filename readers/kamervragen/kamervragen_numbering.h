#pragma once
// The numbering of Kamervragen: which line opens a question, an answer or a section, which
// question numbers it covers, and how a group of numbers is named in an anchor and a heading.
//
// In: one line of text. Out: a Marker, or nothing for an ordinary line. Real documents write
// "Vraag 2", "Vraag 2 en 3", "Vraag 4, 5, 7 en 8", "Vragen 2 t/m 6" and "Antwoord 5", "Antwoord 5:",
// "Antwoord op vraag 5", "Antwoord vraag 4-7:", "Antwoorden 5 en 6", "Antwoord vragen 1,2,3,4 en 5",
// "Antwoord"; a document without "Vraag N" lines may number its questions as a list: "1.",
// "1. Bent u …" or "1" alone. Whether such a list item is a question is the reader's call
// (list_marker only says what the line looks like).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vind::readers {

enum class MarkerRole { kQuestion, kAnswer, kSection };

struct Marker {
  MarkerRole role = MarkerRole::kQuestion;
  std::vector<int> numbers;  // ascending, each once; empty for "Antwoord:" or "Vraag" alone
  std::string section;       // kSection: "mededeling" or "toelichting"
  std::string text;          // what follows the marker on its line: "Antwoord: Ja." → "Ja."
};

// A group of questions is at most this wide: "Vraag 1 t/m 999999" is no marker but text, so
// that a typo cannot make a million-number passage.
inline constexpr int kMaxGroupSpan = 200;

// "Vraag …", "Vragen …", "Antwoord …", "Antwoorden …", "Mededeling", "Toelichting:" lines.
// Text may follow only after a colon ("Antwoord 5: Ja."): a sentence that merely starts with
// "Vraag 3 is …" is no marker. No-break spaces count as blanks.
std::optional<Marker> keyword_marker(std::string_view line);

// "1.", "1. Bent u bekend …" or "1" on its own: a question in a numbered list (role kQuestion,
// one number of at most three digits).
std::optional<Marker> list_marker(std::string_view line);

// The numbers as an anchor part: {7} → "7", {2, 3} → "2-en-3", {2, …, 6} → "2-tm-6",
// {4, 5, 7, 8} → "4-5-7-en-8". Groups always contain "en" or "tm", so they never look like the
// number of a single question.
std::string numbers_anchor(const std::vector<int>& numbers);

// The numbers as written in a heading: "7", "2 en 3", "2 t/m 6", "4, 5, 7 en 8".
std::string numbers_label(const std::vector<int>& numbers);

// "Vraag 4 en 5", "Antwoord 7": how warnings and headings name the numbers.
std::string vraag(const std::vector<int>& numbers);
std::string antwoord(const std::vector<int>& numbers);

}  // namespace vind::readers
