#include "readers/kamervragen/kamervragen_passages.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "readers/kamervragen/aanhangsel_pages.h"
#include "readers/text/dutch_date.h"
#include "readers/kamervragen/kamervragen_header.h"
#include "readers/kamervragen/kamervragen_numbering.h"
#include "readers/kamervragen/kamervragen_pairing.h"
#include "readers/text/text.h"
#include "readers/kamervragen/word_debris.h"

namespace vind::readers {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;
// The sniff looks for a header this far into a file: the Aanhangsel's takes 12 lines.
constexpr int kHeaderLines = 40;
// Closing source notes ("1) Nos.nl, …") are few: two in the corpus. Past this many they stay
// where they stand rather than each be looked for in every question.
constexpr std::size_t kMaxSourceNotes = 100;

struct Footnote {
  int number = 0;
  std::string text;
  int line = 0;
  int unit = -1;  // the unit whose lines it stood among; -1 before the first
};

// Word exports put no-break spaces where a plain one was typed: "Kunt u\u00a0 bevestigen",
// "Antwoord 19 " and "…overgenomen.\u00a0\u00a0 " in the answers. Every blank is a plain
// space from here on, for the page layout's rules that look for one.
std::vector<Line> plain_lines(std::string_view text) {
  std::vector<Line> lines = split_lines(text);
  for (Line& line : lines) {
    std::string plain;
    for (std::size_t i = 0; i < line.text.size();) {
      const std::size_t blank = blank_at(line.text, i);
      plain += blank > 0 ? ' ' : line.text[i];
      i += std::max<std::size_t>(blank, 1);
    }
    line.text = std::move(plain);
  }
  return lines;
}

// The pairing so far, plus what the line reader needs besides.
struct Reading : Pairing {
  std::vector<Footnote> footnotes;        // Word's "[N: …]" and the PDF's page-end footnotes
  std::vector<std::pair<int, int>> read;  // (line, unit) of each text line, in order
  bool join = false;                      // laid out: the next line continues the last paragraph
  int list_next = 0;  // a numbered list inside the text expects this number next; 0: none
};

void read_text(Reading& r, const Line& line, std::string_view text, bool laid_out,
               const std::string& whole) {
  const WordLine clean = without_word_debris(text);
  for (const std::string& problem : clean.problems) r.warnings.push_back({line.number, problem});
  if (r.target < 0 && !whole.empty()) {
    r.target = section(r, whole);
    r.units[static_cast<std::size_t>(r.target)].whole = true;
  }
  const int u = live(r, r.target);
  for (const WordFootnote& footnote : clean.footnotes)
    r.footnotes.push_back({footnote.number, footnote.text, line.number, u});
  if (u < 0) return;  // before the first question: nothing of a passage
  Unit& unit = r.units[static_cast<std::size_t>(u)];
  for (const int number : clean.cited) unit.cited.push_back({number, line.number});
  const std::string_view paragraph = without_bullet(clean.text);
  if (paragraph.empty()) {
    r.join = false;
    return;
  }
  if (r.join && !unit.paragraphs.empty()) {
    append_layout_line(unit.paragraphs.back().text, paragraph);
  } else {
    unit.paragraphs.push_back({line.number, r.in_answer, std::string(paragraph)});
  }
  r.join = laid_out;
  r.read.emplace_back(line.number, u);
}

// A numbered list line ("1.", "2. Kunt u …", "3") is a question when it carries a number just
// above the highest so far (up to three above: a question may be lost), and not when it
// continues a list inside an answer ("1. …", "2. …").
bool is_list_question(Reading& r, int number) {
  if (r.list_next != 0 && number == r.list_next) {
    ++r.list_next;
    return false;
  }
  if (number > r.highest && number <= r.highest + 3) {
    r.list_next = 0;
    return true;
  }
  if (number <= r.highest) r.list_next = number + 1;
  return false;
}

// "1) Nos.nl, 11 augustus 2025, …" after the last answer: the note's number, or 0.
int note_number(std::string_view paragraph) {
  std::size_t end = 0;
  int number = 0;
  while (end < paragraph.size() && end < 6 && paragraph[end] >= '0' && paragraph[end] <= '9')
    number = number * 10 + (paragraph[end++] - '0');
  if (end == 0 || number == 0 || end + 1 >= paragraph.size()) return 0;
  if (paragraph[end] != ')' || paragraph[end + 1] != ' ') return 0;
  return number;
}

// Vraag 1 ends "… zijn buitgemaakt? 1)": remove that " 1)". A ")" closing a parenthesis
// ("(zie bijlage 1)") is no marker.
bool remove_note_marker(std::string& paragraph, int note) {
  const std::string mark = std::to_string(note) + ")";
  int depth = 0;
  for (std::size_t i = 0; i < paragraph.size(); ++i) {
    if (depth <= 0 && i > 0 && paragraph[i - 1] == ' ' && paragraph.compare(i, mark.size(), mark) == 0 &&
        (i + mark.size() == paragraph.size() || paragraph[i + mark.size()] == ' ')) {
      paragraph = collapse(paragraph.erase(i - 1, mark.size() + 1));
      return true;
    }
    if (paragraph[i] == '(') ++depth;
    if (paragraph[i] == ')') --depth;
  }
  return false;
}

// Moves the trailing source notes of the last unit to the questions that cite them; a note no
// question cites stays where it is.
void move_source_notes(std::vector<Unit*>& units) {
  std::vector<Paragraph>& tail = units.back()->paragraphs;
  std::size_t first = tail.size();
  while (first > 0 && note_number(tail[first - 1].text) > 0) --first;
  if (tail.size() - first > kMaxSourceNotes) return;
  for (std::size_t k = first; k < tail.size();) {
    const int note = note_number(tail[k].text);
    bool moved = false;
    for (Unit* unit : units) {
      const std::size_t end = unit == units.back() ? first : unit->paragraphs.size();
      for (std::size_t q = 0; q < end && !moved; ++q)
        moved = !unit->paragraphs[q].answer && remove_note_marker(unit->paragraphs[q].text, note);
      if (moved) {
        std::string_view text = tail[k].text;
        text.remove_prefix(text.find(')') + 1);
        unit->notes.push_back(std::string(trim(text)));
        tail.erase(tail.begin() + static_cast<std::ptrdiff_t>(k));
        break;
      }
    }
    if (!moved) ++k;
  }
}

// Each footnote goes to the first unit that cites it, else to the unit it stood in.
void place_footnotes(Reading& r) {
  std::map<int, std::size_t> first_of;
  std::vector<bool> placed(r.footnotes.size(), false);
  for (std::size_t f = 0; f < r.footnotes.size(); ++f) {
    if (first_of.try_emplace(r.footnotes[f].number, f).second) continue;
    r.warnings.push_back(
        {r.footnotes[f].line, "footnote " + std::to_string(r.footnotes[f].number) + " given twice"});
  }
  for (Unit& unit : r.units) {
    for (const Citation& citation : unit.cited) {
      const auto found = first_of.find(citation.footnote);
      if (found == first_of.end()) {
        r.warnings.push_back({citation.line, "[footnoteRef:" + std::to_string(citation.footnote) +
                                                 "] has no footnote text"});
      } else if (!placed[found->second]) {
        placed[found->second] = true;
        if (!r.footnotes[found->second].text.empty()) unit.notes.push_back(r.footnotes[found->second].text);
      }
    }
  }
  for (std::size_t f = 0; f < r.footnotes.size(); ++f) {
    if (placed[f] || r.footnotes[f].text.empty()) continue;
    if (const int u = live(r, r.footnotes[f].unit); u >= 0) {
      r.units[static_cast<std::size_t>(u)].notes.push_back(r.footnotes[f].text);
    } else {
      r.warnings.push_back({r.footnotes[f].line, "footnote " + std::to_string(r.footnotes[f].number) +
                                                     " is cited nowhere and stands before \"Vraag 1\"; dropped"});
    }
  }
}

// The unit of the last text line read at or before `line`: where a removed line belonged.
int unit_at(Reading& r, int line) {
  const auto after =
      std::upper_bound(r.read.begin(), r.read.end(), std::pair{line, std::numeric_limits<int>::max()});
  return after == r.read.begin() ? -1 : live(r, std::prev(after)->second);
}

// The PDF's footnotes join the Word ones: each stood in the unit of the text above it and is
// cited by the unit of the line that carried its number.
void add_page_footnotes(Reading& r, const PageText& page) {
  for (const PdfFootnote& footnote : page.footnotes)
    r.footnotes.push_back({footnote.number, footnote.text, footnote.line, unit_at(r, footnote.line)});
  for (const FootnoteCitation& citation : page.citations)
    if (const int u = unit_at(r, citation.line); u >= 0)
      r.units[static_cast<std::size_t>(u)].cited.push_back({citation.number, citation.line});
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

Passage to_passage(const Unit& unit, const std::string& title) {
  Passage passage;
  const std::vector<int> numbers(unit.numbers.begin(), unit.numbers.end());
  std::vector<std::string> question, paragraphs;
  for (const Paragraph& p : unit.paragraphs) {
    if (!p.answer) question.push_back(p.text);
    paragraphs.push_back(p.text);
  }
  paragraphs.insert(paragraphs.end(), unit.notes.begin(), unit.notes.end());
  passage.text = join(paragraphs, "\n\n");
  passage.number = numbers.empty() ? 0 : numbers.front();
  if (unit.whole) {
    passage.anchor = unit.section;
    passage.heading = title;
    if (passage.text.empty()) passage.text = title;  // "Mondelinge vragen …": the header is all
  } else if (!unit.section.empty()) {
    passage.anchor = unit.section;
    passage.heading = unit.section;
    passage.heading[0] = static_cast<char>(passage.heading[0] - 'a' + 'A');
  } else if (unit.asked) {
    passage.anchor = "vraag-" + numbers_anchor(numbers);
    const std::string asked = collapse(join(question, " "));
    passage.heading = vraag(numbers) + (asked.empty() ? "" : ": " + asked);
  } else {
    passage.anchor = numbers.empty() ? "antwoord" : "antwoord-" + numbers_anchor(numbers);
    passage.heading = numbers.empty() ? "Antwoord" : antwoord(numbers);
  }
  return passage;
}

// What the document is, for the "soort" field: answers, a notice that they are late, or the
// questions alone.
std::string kind_of(const Reading& r, const Header& header) {
  if (r.answers) return "antwoord";
  const auto has = [&r](auto&& test) { return std::any_of(r.units.begin(), r.units.end(), test); };
  if (header.kind == "mededeling" || has([](const Unit& u) { return u.section == "mededeling"; }))
    return "mededeling";
  if (header.kind == "vragen" || has([](const Unit& u) { return u.asked; })) return "vragen";
  return header.kind.empty() ? "tekst" : header.kind;
}

}  // namespace

bool looks_like_kamervragen(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::string_view start = trim(text.substr(0, 200));
  if (start.starts_with('<') || start.starts_with("---")) return false;  // HTML, XML, front matter
  bool question = false;
  bool answer = false;
  int lines = 0;
  std::string head;  // the first lines, joined: a header sentence may span several
  bool sentence = false;
  while (!text.empty() && !(question && answer)) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    line = trim(line);
    if (const auto marker = keyword_marker(line)) {
      if (marker->role == MarkerRole::kQuestion && !marker->numbers.empty()) question = true;
      if (marker->role == MarkerRole::kAnswer) answer = true;
    }
    if (++lines <= kHeaderLines) {
      if (line.starts_with('#')) return false;  // Markdown
      const std::string lower = ascii_lowercase(line.substr(0, 40));
      for (const std::string_view opening : {"vragen van ", "vraag van ", "mondelinge vragen van ",
                                             "schriftelijke vragen van ", "antwoord van ",
                                             "aanvullend antwoord van ", "mededeling van "})
        sentence = sentence || lower.starts_with(opening);
      head.append(line).append(" ");
    }
    text.remove_prefix(end == kNpos ? text.size() : end + 1);
  }
  if (question && answer) return true;
  // Questions without answers, or a notice: the Aanhangsel header says so, with its dates.
  for (const std::string_view opening : {"(ingezonden", "(ontvangen"}) {
    const std::size_t at = head.find(opening);
    if (sentence && at != kNpos && !parse_dutch_date(std::string_view(head).substr(at, 40)).empty())
      return true;
  }
  return false;
}

Document kamervragen_passages(const Source& source) {
  const std::string path = source.path.string();
  Document doc = new_document(source, schema::Kind::kKamervragen);

  const PageText page = without_page_furniture(plain_lines(source.text));
  const Header header = read_header(page.lines, page.laid_out);
  const std::vector<Line>& lines = page.lines;

  // Numbered lists count as questions only where no "Vraag N" line does, and not in a notice;
  // a bare number ("1") not in a PDF, where it is a footnote number that lost its footnote.
  bool keyword_questions = false, numbered = false;
  for (std::size_t i = header.body; i < lines.size(); ++i)
    if (const auto m = keyword_marker(lines[i].text); m && m->role != MarkerRole::kSection) {
      numbered = true;
      keyword_questions = keyword_questions || m->role == MarkerRole::kQuestion;
    }
  const bool lists = !keyword_questions && header.kind != "mededeling";
  const auto list_item = [&](std::string_view text) -> std::optional<Marker> {
    if (!lists) return std::nullopt;
    std::optional<Marker> item = list_marker(text);
    if (item && page.laid_out && trim(text).find('.') == kNpos) return std::nullopt;
    return item;
  };
  for (std::size_t i = header.body; i < lines.size() && !numbered; ++i)
    if (const auto item = list_item(lines[i].text)) numbered = item->numbers.front() == 1;
  // Without numbered questions the text is one passage, named for what the header says it is.
  const std::string whole = numbered ? "" : header.kind == "mededeling" ? "mededeling"
                                        : header.kind == "vragen"     ? "vragen"
                                                                      : "tekst";

  Reading r;
  for (std::size_t i = header.body; i < lines.size(); ++i) {
    const Line& line = lines[i];
    std::optional<Marker> marker = keyword_marker(line.text);
    if (!marker && numbered) {
      marker = list_item(line.text);
      if (marker && !is_list_question(r, marker->numbers.front())) marker.reset();
    }
    if (!marker) {
      read_text(r, line, line.text, page.laid_out, whole);
      continue;
    }
    r.join = false;
    r.list_next = 0;
    if (marker->role == MarkerRole::kQuestion) {
      read_question(r, marker->numbers, line.number);
    } else if (marker->role == MarkerRole::kAnswer) {
      read_answer(r, marker->numbers, line.number);
    } else {
      read_section(r, marker->section);
    }
    if (!marker->text.empty()) read_text(r, line, marker->text, page.laid_out, whole);
  }
  add_page_footnotes(r, page);

  if (!header.title.empty()) doc.title = without_word_debris(header.title).text;
  doc.date = header.date.empty() ? parse_dutch_date(doc.title) : header.date;
  doc.fields = header.fields;
  doc.fields.emplace_back("soort", kind_of(r, header));

  warn_unanswered(r);
  place_footnotes(r);
  std::vector<Unit*> units;
  for (Unit& unit : r.units) {
    if (unit.merged_into >= 0) continue;
    std::stable_sort(unit.paragraphs.begin(), unit.paragraphs.end(),
                     [](const Paragraph& a, const Paragraph& b) { return a.line < b.line; });
    units.push_back(&unit);
  }
  if (units.empty() && !header.kind.empty()) {  // "Mondelinge vragen …": nothing below the header
    Unit unit;
    unit.section = whole.empty() ? "tekst" : whole;
    unit.whole = true;
    r.units.push_back(std::move(unit));
    units.push_back(&r.units.back());
  }
  if (units.empty())
    throw Error(path + ": no text below the title; expected Kamervragen: questions, answers or a notice");
  move_source_notes(units);
  for (const Unit* unit : units) doc.passages.push_back(to_passage(*unit, doc.title));

  std::stable_sort(r.warnings.begin(), r.warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.line < b.line; });
  for (const Warning& warning : r.warnings)
    doc.warnings.push_back(path + ":" + std::to_string(warning.line) + ": " + warning.what);
  return doc;
}

}  // namespace vind::readers
