#include "analysis/tokenise.h"

#include <unicode/uchar.h>

#include "analysis/utf8.h"

namespace vind::analysis {

namespace {

constexpr UChar32 kNone = -1;

// A cursor over the code points of the text; kNone past the end or on an invalid byte.
struct Cursor {
  std::string_view text;

  UChar32 at(std::size_t i, std::size_t* next = nullptr) const {
    if (i >= text.size()) {
      if (next) *next = text.size();
      return kNone;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (next) *next = i + 1;
      return c;
    }
    const CodePoint cp = code_point_at(text, i);
    if (next) *next = cp.next;
    return cp.value < 0 ? kNone : cp.value;
  }
};

bool is_word(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c == kNone) return false;
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool is_letter(UChar32 c) { return c != kNone && is_word(c) && !(c >= '0' && c <= '9'); }
bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }

// U+2010 hyphen and U+2011 non-breaking hyphen come from word processors; the en dash does not
// join ("FAQ – Hack").
bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Word exports turn ' into ’ (U+2019); ‘ and ʼ appear too.
bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC; }

// Invisible characters that Word and web pages leave inside words: soft hyphen, zero-width
// space/joiners, word joiner, BOM.
bool is_invisible(UChar32 c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

void append(std::string& out, std::string_view text, std::size_t from, std::size_t to) {
  out.append(text.data() + from, to - from);
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::vector<Token> tokenise(std::string_view text) {
  const Cursor cur{text};
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t next;
    if (!is_word(cur.at(i, &next))) {
      i = next;
      continue;
    }
    Token token;
    token.begin = i;
    std::string part;
    std::size_t run_chars = 0;  // code points in the current run of word characters
    std::size_t j = i;
    for (;;) {
      run_chars = 0;
      for (;;) {  // a run of word characters, invisible characters dropped
        std::size_t after;
        const UChar32 c = cur.at(j, &after);
        if (is_word(c)) {
          append(part, text, j, after);
          ++run_chars;
        } else if (!(is_invisible(c) && is_word(cur.at(after)))) {
          break;
        }
        j = after;
      }
      token.end = j;
      std::size_t after_c, after_d, after_e;
      const UChar32 c = cur.at(j, &after_c);
      const UChar32 d = cur.at(after_c, &after_d);
      const UChar32 e = cur.at(after_d, &after_e);
      if (is_hyphen(c) && is_word(d)) {
        token.parts.push_back(std::move(part));
        part.clear();
        j = after_c;
      } else if (is_hyphen(c) && d == ')' && is_word(e)) {  // "(oud-)deelnemers"
        token.parts.push_back(std::move(part));
        part.clear();
        j = after_d;
      } else if (is_apostrophe(c) && (d == 's' || d == 'S') && !is_word(e)) {  // "ID’s"
        token.end = after_d;
        break;
      } else if (is_apostrophe(c) && is_letter(d) && !all_digits(part)) {  // "zo’n", "m’n"
        part += '\'';
        j = after_c;
      } else if ((c == '.' || c == ',') && is_digit(d) &&
                 all_digits(part.substr(part.find_last_of(".,") + 1))) {
        // "485.000": a dot before exactly three digits groups thousands; anything else
        // ("2,5", "1.4.22") is kept as written.
        std::size_t k = after_c;
        while (k < text.size() && is_digit(cur.at(k)) && k - after_c < 4) ++k;
        const bool thousands = c == '.' && k - after_c == 3 && !is_digit(cur.at(k));
        if (!thousands) part += static_cast<char>(c);
        j = after_c;
      } else if (c == '.' && run_chars == 1 && !is_digit(static_cast<unsigned char>(part.back())) &&
                 is_letter(d) && !is_word(e)) {  // single letters between dots: "n.a.v.", "t.o.v."
        j = after_c;
      } else {
        break;
      }
    }
    token.parts.push_back(std::move(part));
    i = token.end;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

std::string written_form(std::string_view token_text) {
  const std::vector<Token> tokens = tokenise(token_text);
  if (tokens.empty()) return "";
  std::string written;
  for (const std::string& part : tokens.front().parts) {
    if (!written.empty()) written += '-';
    written += part;
  }
  return written;
}

}  // namespace vind::analysis
