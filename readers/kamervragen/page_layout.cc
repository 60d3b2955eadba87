#include "readers/kamervragen/page_layout.h"

#include <cstddef>
#include <map>
#include <optional>
#include <set>

#include "readers/kamervragen/kamervragen_numbering.h"

namespace vind::readers {

namespace {

constexpr std::string_view kEnDash = "\xE2\x80\x93";
// The Eerste Kamer publishes its Aanhangsel in the same layout.
constexpr std::string_view kPageFooters[] = {"Tweede Kamer, vergaderjaar ", "Eerste Kamer, vergaderjaar "};


std::size_t digits_at(std::string_view s, std::size_t at) {
  std::size_t end = at;
  while (end < s.size() && is_digit(s[end])) ++end;
  return end - at;
}

int value_of(std::string_view digits) {
  int n = 0;
  for (const char c : digits) n = n * 10 + (c - '0');
  return n;
}

// "2024–2025" at `at`: where it ends, or 0.
std::size_t after_years(std::string_view s, std::size_t at) {
  if (digits_at(s, at) != 4) return 0;
  std::size_t p = at + 4;
  if (s.substr(p, kEnDash.size()) == kEnDash) {
    p += kEnDash.size();
  } else if (p < s.size() && s[p] == '-') {
    ++p;
  } else {
    return 0;
  }
  return digits_at(s, p) == 4 ? p + 4 : 0;
}

// "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2" ends every page but the first, which
// ends "ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, …, Aanhangsel 1"; question-only
// documents say "Vragen" instead of "Aanhangsel".
bool is_page_end(std::string_view s) {
  std::size_t at = std::string_view::npos;
  for (const std::string_view footer : kPageFooters)
    if (at == std::string_view::npos) at = s.rfind(footer);
  if (at == std::string_view::npos) return false;
  const std::size_t footer_size = kPageFooters[0].size();  // both are as long
  const std::string_view before = s.substr(0, at);
  if (!before.empty() && before.find("Gravenhage") == std::string_view::npos &&
      !before.starts_with("ISSN"))
    return false;
  std::size_t p = after_years(s, at + footer_size);
  if (p == 0 || s.substr(p, 2) != ", ") return false;
  std::string_view rest = s.substr(p + 2);
  if (rest.starts_with("Aanhangsel")) {
    rest.remove_prefix(10);
  } else if (rest.starts_with("Vragen")) {
    rest.remove_prefix(6);
  } else {
    return false;
  }
  if (rest.starts_with(' ')) rest.remove_prefix(1);
  return digits_at(rest, 0) == rest.size() && rest.size() <= 3;
}

bool is_page_header(std::string_view s) {
  if (s.starts_with("Tweede Kamer der Staten-Generaal") || s.starts_with("Eerste Kamer der Staten-Generaal"))
    return digits_at(s, 32) == s.size() - 32;  // "…Staten-Generaal2": the logo's digit
  if (s.starts_with("Vergaderjaar ")) {
    const std::size_t p = after_years(s, 13);
    return p != 0 && (s.substr(p) == " Aanhangsel van de Handelingen" ||
                      s.substr(p) == " Vragen gesteld door de leden der Kamer");
  }
  return s == "Vragen gesteld door de leden der Kamer, met de daarop door de" ||
         s == "regering gegeven antwoorden";
}

bool starts_with_utf8(std::string_view s, std::size_t at, std::string_view what) {
  return s.substr(at, what.size()) == what;
}

// The closing marks a footnote number is printed against: "verzekeraars»2", "bevatten)3".
constexpr std::string_view kClosers[] = {"\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x99"};

bool is_closing_mark_at(std::string_view s, std::size_t at) {
  if (at < s.size() && std::string_view(",.;:)?!").find(s[at]) != std::string_view::npos) return true;
  for (const std::string_view closer : kClosers)
    if (starts_with_utf8(s, at, closer)) return true;
  return false;
}

// The footnote whose body starts this line: "1NOS, …", "10Aanhangsel …", "22023 Annual report"
// (footnote 2 on a text that starts with a year). A blank or a list mark after the number
// ("2 Zo nee", "2. In 2023") is text with a footnote number in it, not a footnote.
bool starts_footnote(std::string_view s, int number) {
  const std::string digits = std::to_string(number);
  if (!s.starts_with(digits) || s.size() == digits.size()) return false;
  const char next = s[digits.size()];
  if (next == ' ' || std::string_view(".,;:)-/%").find(next) != std::string_view::npos) return false;
  if (!is_digit(next)) return true;
  const std::string_view year = s.substr(digits.size());
  return digits_at(year, 0) == 4 && (year.starts_with("19") || year.starts_with("20"));
}

struct Kept {
  ClassifiedLine line;
  int page = 0;
};

struct Footnotes {
  std::vector<Footnote> found;
  std::map<int, int> page_of;  // footnote number → page its body stood on
};

// A page's footnotes stand between its last text line and its footer, numbered on from the
// previous page. The block starts at the next footnote number and has no question or answer
// after it on the page; lines starting with the numbers after it start the next footnotes.
Footnotes cut_footnotes(std::vector<Kept>& kept) {
  Footnotes footnotes;
  std::vector<Kept> text;
  int next = 1;
  for (std::size_t begin = 0; begin < kept.size();) {
    std::size_t end = begin;
    while (end < kept.size() && kept[end].page == kept[begin].page) ++end;
    std::size_t last_marker = begin;
    for (std::size_t i = begin; i < end; ++i)
      if (kept[i].line.marker) last_marker = i;
    std::size_t zone = end;
    for (std::size_t i = last_marker; i < end && zone == end; ++i)
      if (starts_footnote(kept[i].line.line.text, next)) zone = i;
    for (std::size_t i = begin; i < zone; ++i) text.push_back(std::move(kept[i]));
    for (std::size_t i = zone; i < end; ++i) {
      const std::string& s = kept[i].line.line.text;
      if (i == zone || starts_footnote(s, next)) {
        const std::string digits = std::to_string(next);
        footnotes.found.push_back({next, "", kept[i].line.line.number});
        footnotes.page_of[next] = kept[i].page;
        append_layout_line(footnotes.found.back().text, std::string_view(s).substr(digits.size()));
        ++next;
      } else {
        append_layout_line(footnotes.found.back().text, s);
      }
    }
    begin = end;
  }
  kept = std::move(text);
  return footnotes;
}

// Footnote numbers in running text, cited in order: the next one is at most two past the last
// one cited (a number the extraction lost must not stop the rest), and its body stood on the
// same page, unless the number stands alone on its line.
class Citations {
 public:
  explicit Citations(const Footnotes& footnotes) : footnotes_(footnotes) {}

  bool citable(int number, int page, bool alone) const {
    const auto body = footnotes_.page_of.find(number);
    if (body == footnotes_.page_of.end() || cited_.contains(number)) return false;
    if (number < next_ || number > next_ + 2) return false;
    return alone || body->second == page;
  }

  void cite(int number, int line) {
    if (!cited_.insert(number).second) return;
    next_ = number + 1;
    found_.push_back({number, line});
  }

  bool has_body(int number) const { return footnotes_.page_of.contains(number); }

  std::vector<Citation> found() && { return std::move(found_); }

 private:
  const Footnotes& footnotes_;
  std::set<int> cited_;
  int next_ = 1;
  std::vector<Citation> found_;
};

// "1", "2 3", "2, 3 en 4": a line of footnote numbers only.
std::optional<std::vector<int>> numbers_alone(std::string_view s) {
  std::vector<int> numbers;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == ',') {
      ++i;
    } else if (s.substr(i, 3) == "en " || s.substr(i) == "en") {
      i += 2;
    } else if (const std::size_t n = digits_at(s, i); n > 0 && n <= 3) {
      numbers.push_back(value_of(s.substr(i, n)));
      i += n;
    } else {
      return std::nullopt;
    }
  }
  if (numbers.empty()) return std::nullopt;
  return numbers;
}

// Letters right before `at`, counting a two-byte Latin letter ("é") as one.
std::size_t letters_before(std::string_view s, std::size_t at) {
  std::size_t count = 0;
  while (at > 0) {
    if (is_ascii_letter(s[at - 1])) {
      --at;
    } else if (at >= 2 && s[at - 2] == '\xC3') {
      at -= 2;
    } else {
      break;
    }
    ++count;
  }
  return count;
}

// A footnote number printed against the word before it ("hetzelfde?1", "Algerije4,", "(KNMI)1",
// "ontscheping.2 Een"): after a word of three letters or more or a closing mark, so that "CO2",
// "m3", "€2", "2,5" and "27.7" stay, and before a blank, a closing mark or the line's end.
bool glued_at(std::string_view s, std::size_t at, std::size_t digits) {
  if (at == 0) return false;
  const std::size_t after = at + digits;
  if (after < s.size() && s[after] != ' ' && !is_closing_mark_at(s, after)) return false;
  if (letters_before(s, at) >= 3) return true;
  const char before = s[at - 1];
  if (std::string_view("?!)\"'").find(before) != std::string_view::npos) return true;
  if (before == '.') return at >= 2 && (is_ascii_letter(s[at - 2]) || s[at - 2] == ')');  // not "27.7
  for (const std::string_view closer : kClosers)
    if (at >= closer.size() && s.substr(at - closer.size(), closer.size()) == closer) return true;
  return false;
}

// "10,4 miljard m" + "3 aan aardgas": the line before ends in a unit, and the number starting
// this line is its exponent, not a footnote.
bool ends_in_unit(std::string_view previous) {
  previous = trim(previous);
  std::size_t letters = 0;
  while (letters < previous.size() && is_ascii_letter(previous[previous.size() - letters - 1])) ++letters;
  return (letters == 1 || letters == 2) &&
         (previous.size() == letters || previous[previous.size() - letters - 1] == ' ');
}

// The line without its footnote numbers; citations recorded.
std::string without_numbers(const Kept& kept, const std::string& previous, Citations& citations) {
  const Line& line = kept.line.line;
  std::string s(trim(line.text));
  const std::size_t n = ends_in_unit(previous) ? 0 : digits_at(s, 0);
  // "2 Zo nee, wat klopt", "6). Daarin", "1» en «Alle": the number a line break left in front.
  if (n > 0 && n <= 3 && n < s.size() && is_closing_mark_at(s, n)) {
    const int number = value_of(std::string_view(s).substr(0, n));
    const bool list = s[n] == '.' && std::string_view(previous).starts_with(std::to_string(number - 1) + ".");
    if (!list && citations.citable(number, kept.page, false)) {
      citations.cite(number, line.number);
      s.erase(0, n);
    }
  } else if (n > 0 && n <= 3 && n < s.size() && s[n] == ' ') {
    const int number = value_of(std::string_view(s).substr(0, n));
    if (citations.citable(number, kept.page, false)) {
      citations.cite(number, line.number);
      s.erase(0, n + 1);
    }
  }
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (!is_digit(s[i]) || is_digit(s[i - 1])) continue;
    const std::size_t digits = digits_at(s, i);
    if (digits > 3 || !glued_at(s, i, digits)) continue;
    const int glued = value_of(std::string_view(s).substr(i, digits));
    if (!citations.citable(glued, kept.page, false)) continue;
    citations.cite(glued, line.number);
    s.erase(i, digits);
    // "orthodontie»?1 2 3": the numbers after the first are set apart by blanks.
    while (i + 1 < s.size() && s[i] == ' ') {
      const std::size_t m = digits_at(s, i + 1);
      if (m == 0 || m > 3) break;
      const std::size_t after = i + 1 + m;
      if (after < s.size() && s[after] != ' ' && !is_closing_mark_at(s, after)) break;
      const int next = value_of(std::string_view(s).substr(i + 1, m));
      if (!citations.citable(next, kept.page, false)) break;
      citations.cite(next, line.number);
      s.erase(i, m + 1);
    }
  }
  return s;
}

}  // namespace

bool is_page_furniture(std::string_view line) {
  const std::string_view s = trim(line);
  if (is_page_end(s) || is_page_header(s)) return true;
  for (const std::string_view id : {"ah-tk-", "kv-tk-", "ah-ek-", "kv-ek-"})
    if (s.starts_with(id) && s.find(' ') == std::string_view::npos) return true;
  if (s.starts_with("ISSN ") && digits_at(s, 5) == 4) return true;
  return s.size() >= 3 && s.find_first_not_of('_') == std::string_view::npos;
}

void append_layout_line(std::string& paragraph, std::string_view line) {
  const std::string next = collapse(line);
  if (next.empty()) return;
  while (!paragraph.empty() && paragraph.back() == ' ') paragraph.pop_back();
  if (paragraph.empty()) {
    paragraph = next;
    return;
  }
  const bool closes = is_closing_mark_at(next, 0);
  // "ontwikkelings-" + "hulp", "Noord-" + "Holland": the hyphen stays, so the analyser sees one
  // hyphenated word; but "Klimaat-" + "en Energieverkenning" is two words.
  const bool hyphenated = paragraph.size() >= 2 && paragraph.back() == '-' &&
                          (is_ascii_letter(paragraph[paragraph.size() - 2]) ||
                           static_cast<unsigned char>(paragraph[paragraph.size() - 2]) >= 0x80) &&
                          !next.starts_with("en ") && !next.starts_with("of ");
  // "https://www.kinderombudsman.nl/" + "publicaties/…": a link the line broke after a slash.
  const std::size_t word = paragraph.rfind(' ') + 1;
  const std::string_view last(std::string_view(paragraph).substr(word));
  const bool link = (last.find("://") != std::string_view::npos || last.starts_with("www.") ||
                     last.starts_with("(http") || last.starts_with("(www.")) &&
                    std::string_view("/=&?_%").find(last.back()) != std::string_view::npos;
  if (!closes && !hyphenated && !link) paragraph += ' ';
  paragraph += next;
}

PageText read_page_layout(std::vector<ClassifiedLine> lines) {
  PageText out;
  for (const ClassifiedLine& line : lines) {
    const std::string_view s = trim(line.line.text);
    if (is_page_end(s) || is_page_header(s)) out.laid_out = true;
  }
  std::vector<Kept> kept;
  int page = 0;
  for (ClassifiedLine& line : lines) {
    const std::string_view s = trim(line.line.text);
    if (is_page_end(s)) ++page;
    if (is_page_furniture(s) || (out.laid_out && s.empty())) continue;
    kept.push_back({std::move(line), page});
  }
  if (!out.laid_out) {
    for (Kept& k : kept) out.lines.push_back(std::move(k.line));
    return out;
  }
  const Footnotes footnotes = cut_footnotes(kept);
  Citations citations(footnotes);
  std::string previous;
  for (Kept& k : kept) {
    const Line& line = k.line.line;
    if (const auto numbers = numbers_alone(trim(line.text))) {
      bool all = true;
      for (std::size_t i = 0; i < numbers->size() && all; ++i)
        all = (i == 0 || (*numbers)[i] > (*numbers)[i - 1]) && citations.has_body((*numbers)[i]);
      if (all) {
        for (const int number : *numbers) citations.cite(number, line.number);
        continue;
      }
    }
    std::string text = without_numbers(k, previous, citations);
    previous = line.text;
    if (trim(text).empty()) continue;
    if (text == line.text) {
      out.lines.push_back(std::move(k.line));
    } else {
      out.lines.push_back(classified({std::move(text), line.number}));
    }
  }
  out.footnotes = footnotes.found;
  out.citations = std::move(citations).found();
  return out;
}

}  // namespace vind::readers
