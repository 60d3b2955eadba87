#pragma once
// The text handling every reader shares: lines, blanks, digits and ASCII case, paragraphs.
//
// In: UTF-8 text. Out: its lines with their numbers; text trimmed and collapsed with one notion
// of blank, Unicode's White_Space as ICU knows it: Word and web exports put no-break spaces
// (U+00A0) where a plain space was typed ("Kunt u\u00a0 bevestigen"), the Handelingen a hair
// space (U+200A) after "Voorzitter: Arib"; and paragraphs joined as a Passage holds them. CRLF
// line ends and a byte-order mark never reach a reader's rules.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vind::readers {

struct Line {
  std::string text;  // without its line end ("\n" or "\r\n")
  int number = 0;    // 1-based, for warnings
};

// The text without a leading byte-order mark.
std::string_view without_bom(std::string_view text);

// The lines of a text, a leading byte-order mark dropped.
std::vector<Line> split_lines(std::string_view text);

// Bytes of blank at `at` (a space, tab, line end, no-break or other Unicode space); 0 when none.
std::size_t blank_at(std::string_view s, std::size_t at);

// Nothing but blanks, or nothing at all.
bool is_blank(std::string_view s);

// Without leading and trailing blanks.
std::string_view trim(std::string_view s);

// Trimmed, with every run of blanks made one space: "vandaag  in\u00a0 aparte brieven" →
// "vandaag in aparte brieven".
std::string collapse(std::string_view s);

// Appends text as collapse() does, run by run as a reader meets it: every run of blanks one
// space, none at the start of `out`; a trailing space stays for the next run to share.
void append_collapsed(std::string_view text, std::string& out);

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The number of at most `max_digits` digits that starts `s`: "12. Wat doet …" → 12; 0 when `s`
// starts with no digit or with more digits than that.
int leading_number(std::string_view s, std::size_t max_digits);

// ASCII letters lowercased, every other byte as it is: for the keywords and markup names readers
// look for ("Vragen van", "charset", "<!DOCTYPE"), never for text a user searches.
std::string ascii_lowercase(std::string_view s);

// The word with its first letter, if an ASCII one, a capital: "uitspraak" → "Uitspraak".
std::string capitalised(std::string word);

// Whether `s` starts with `lowercase_prefix`, ASCII letters in any case.
bool starts_with_ignoring_case(std::string_view s, std::string_view lowercase_prefix);

// Where `what` next stands in a text from a position on, for positions that only grow: each
// search goes on where the one before ended, so that together they read the text once. A search
// from every "{{" for its "}}" read to the end of the text for each "{{" of "{{ {{ {{ …".
class ForwardFind {
 public:
  ForwardFind(std::string_view text, std::string_view what) : text_(text), what_(what) {}

  // The first `what` at or after `from` (never less than the `from` of the call before), or npos.
  std::size_t find(std::size_t from);

 private:
  std::string_view text_;
  std::string_view what_;
  bool searched_ = false;
  std::size_t next_ = std::string_view::npos;
};

// The non-empty paragraphs, each after the other, "\n\n" between them: a Passage's text.
std::string join_paragraphs(std::span<const std::string> paragraphs);

}  // namespace vind::readers
