#include "readers/kamervragen/question_groups.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <limits>
#include <map>
#include <optional>

#include "readers/kamervragen/kamervragen_numbering.h"
#include "readers/kamervragen/word_debris.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;

// A group as it is read; it may join an earlier one that covers the same questions.
struct Unit : QuestionGroup {
  bool waiting = false;  // its latest marker was a question
  int merged_into = -1;  // joined to an earlier unit that covers the same questions
};

// The groups read so far, and where the next line goes.
struct Grouping {
  std::vector<Unit> units;  // in order of appearance; a merged one points to the unit it joined
  std::vector<Warning> warnings;
  int open = -1;            // the unit of the latest question marker
  int target = -1;          // the unit the next lines go to
  bool in_answer = false;
  bool answers = false;     // an answer marker was read
  int highest = 0;          // the highest question number so far
  std::set<int> holes;      // numbers a group skipped: "Vraag 4, 5, 7 en 8" leaves 6 for later
  std::map<int, int> unit_of;                // question number → its unit, perhaps merged since
  std::map<std::string, int> sections;       // "mededeling" → its unit
  int loose_answer = -1;    // the unit of "Antwoord" before any question
  std::vector<std::pair<Footnote, int>> footnotes;  // with the unit it stood in
  std::vector<std::pair<int, int>> read;  // (line, unit) of each text line, in order
  bool join = false;                      // laid out: the next line continues the last paragraph
  int list_next = 0;  // a numbered list inside the text expects this number next; 0: none
};

int live(Grouping& r, int unit);

std::string quoted(const std::string& label) { return "\"" + label + "\""; }

// A unit's numbers as a warning names them. Merges can make a unit of any size; past the width
// of a group, the first number names it, so that a hostile file's warnings stay short.
std::vector<int> named(const Unit& unit) {
  if (unit.numbers.size() > static_cast<std::size_t>(kMaxGroupSpan)) return {*unit.numbers.begin()};
  return {unit.numbers.begin(), unit.numbers.end()};
}

std::string missing(int from, int to) {
  if (from == to) return "question " + std::to_string(from) + " is missing";
  return "questions " + std::to_string(from) + " to " + std::to_string(to) + " are missing";
}

Unit& at(Grouping& r, int unit) { return r.units[static_cast<std::size_t>(live(r, unit))]; }

// The live units that cover any of these numbers, earliest first.
std::vector<int> covering(Grouping& r, const std::vector<int>& numbers) {
  std::vector<int> found;
  for (const int n : numbers)
    if (const auto it = r.unit_of.find(n); it != r.unit_of.end()) found.push_back(live(r, it->second));
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

void claim(Grouping& r, int u, const std::vector<int>& numbers) {
  r.units[static_cast<std::size_t>(u)].numbers.insert(numbers.begin(), numbers.end());
  for (const int n : numbers) r.unit_of[n] = u;
}

// Joins the units into the first of them, so that every question number is in one passage:
// "Vraag 3", "Vraag 4", "Antwoord op vraag 3 en 4" is one passage, and so is a "Vraag 7" that
// came twice. The paragraphs are put back in document order once all is read.
int merge(Grouping& r, const std::vector<int>& units) {
  const int first = units.front();
  Unit& into = r.units[static_cast<std::size_t>(first)];
  for (std::size_t k = 1; k < units.size(); ++k) {
    Unit& from = r.units[static_cast<std::size_t>(units[k])];
    into.numbers.insert(from.numbers.begin(), from.numbers.end());
    into.paragraphs.insert(into.paragraphs.end(), from.paragraphs.begin(), from.paragraphs.end());
    into.cited.insert(into.cited.end(), from.cited.begin(), from.cited.end());
    into.asked = into.asked || from.asked;
    into.answered = into.answered || from.answered;
    into.waiting = into.waiting || from.waiting;
    if (into.question_line == 0 || (from.question_line != 0 && from.question_line < into.question_line))
      into.question_line = from.question_line;
    from = Unit{};
    from.merged_into = first;
  }
  return first;
}


int live(Grouping& r, int unit) {
  int root = unit;
  while (root >= 0 && r.units[static_cast<std::size_t>(root)].merged_into >= 0)
    root = r.units[static_cast<std::size_t>(root)].merged_into;
  while (unit != root) {  // shortcut the chain: a document of many merges stays linear
    const int next = r.units[static_cast<std::size_t>(unit)].merged_into;
    r.units[static_cast<std::size_t>(unit)].merged_into = root;
    unit = next;
  }
  return root;
}

int add_unit(Grouping& r, Unit unit) {
  r.units.push_back(std::move(unit));
  return static_cast<int>(r.units.size()) - 1;
}

void read_question(Grouping& r, std::vector<int> numbers, int line) {
  if (numbers.empty()) {
    numbers = {r.highest + 1};
    r.warnings.push_back({line, "\"Vraag\" without a number; taken as " + quoted(vraag(numbers))});
  }
  const std::string label = quoted(vraag(numbers));
  const std::vector<int> units = covering(r, numbers);
  const bool repeated = std::any_of(units.begin(), units.end(),
                                    [&r](int u) { return r.units[static_cast<std::size_t>(u)].asked; });
  if (repeated) {
    r.warnings.push_back({line, label + " repeated; its text joins the first"});
  } else if (numbers.front() > r.highest + 1) {
    const std::string after =
        r.highest > 0 ? " after " + quoted(vraag({r.highest})) : " is the first question";
    r.warnings.push_back({line, label + after + "; " + missing(r.highest + 1, numbers.front() - 1)});
  } else if (numbers.front() <= r.highest &&
             !std::all_of(numbers.begin(), numbers.end(), [&r](int n) { return r.holes.contains(n); })) {
    r.warnings.push_back({line, label + " after " + quoted(vraag({r.highest})) + "; out of order"});
  }
  for (int n = numbers.front(); n < numbers.back(); ++n)
    if (n > r.highest && !std::binary_search(numbers.begin(), numbers.end(), n)) r.holes.insert(n);
  for (const int n : numbers) r.holes.erase(n);
  r.highest = std::max(r.highest, numbers.back());
  const int u = units.empty() ? add_unit(r, Unit{}) : merge(r, units);
  claim(r, u, numbers);
  Unit& unit = r.units[static_cast<std::size_t>(u)];
  unit.asked = unit.waiting = true;
  if (unit.question_line == 0) unit.question_line = line;
  r.open = r.target = u;
  r.in_answer = false;
}

void read_answer(Grouping& r, const std::vector<int>& numbers, int line) {
  r.answers = true;
  const int open = live(r, r.open);
  const bool open_waits = open >= 0 && at(r, open).waiting;
  const auto expected = [&r, open] {
    const std::vector<int> asked = named(at(r, open));
    return quoted(vraag(asked)) + "; expected " + quoted(antwoord(asked));
  };
  int u = -1;
  const int target = live(r, r.target);
  if (numbers.empty()) {
    if (open >= 0 || (target >= 0 && at(r, target).section.empty())) {
      if (!open_waits) r.warnings.push_back({line, "\"Antwoord\" repeated; its text joins the first"});
      u = open >= 0 ? open : target;
    } else if (r.loose_answer >= 0) {
      u = r.loose_answer;
    } else {
      r.warnings.push_back({line, "\"Antwoord\" before any question; kept as passage \"antwoord\""});
      u = r.loose_answer = add_unit(r, Unit{});
    }
  } else if (const std::vector<int> units = covering(r, numbers); !units.empty()) {
    const std::string label = quoted(antwoord(numbers));
    const bool covers_open = std::find(units.begin(), units.end(), open) != units.end();
    const auto waiting = std::find_if(units.begin(), units.end(),
                                      [&r](int k) { return r.units[static_cast<std::size_t>(k)].waiting; });
    if (open_waits && !covers_open) {
      r.warnings.push_back({line, label + " after " + expected()});
    } else if (!open_waits && waiting != units.end()) {
      const Unit& asked = r.units[static_cast<std::size_t>(*waiting)];
      r.warnings.push_back({line, label + " out of order; paired with " + quoted(vraag(named(asked))) +
                                      " of line " + std::to_string(asked.question_line)});
    } else if (!open_waits) {
      r.warnings.push_back({line, label + " repeated; its text joins the first"});
    }
    u = merge(r, units);
    claim(r, u, numbers);
  } else if (open_waits) {
    r.warnings.push_back({line, quoted(antwoord(numbers)) + " after " + expected()});
    u = open;
  } else {
    const std::string anchor = "antwoord-" + numbers_anchor(numbers);
    r.warnings.push_back({line, quoted(antwoord(numbers)) + " has no " + quoted(vraag(numbers)) +
                                    "; kept as passage \"" + anchor + "\""});
    u = add_unit(r, Unit{});
    claim(r, u, numbers);
  }
  Unit& unit = r.units[static_cast<std::size_t>(u)];
  unit.answered = true;
  unit.waiting = false;
  r.target = u;
  r.in_answer = true;
}

int section(Grouping& r, const std::string& name) {
  if (const auto found = r.sections.find(name); found != r.sections.end()) return live(r, found->second);
  Unit unit;
  unit.section = name;
  return r.sections[name] = add_unit(r, std::move(unit));
}

void read_section(Grouping& r, const std::string& name) {
  r.open = -1;
  r.target = section(r, name);
  r.in_answer = true;
}

void warn_unanswered(Grouping& r) {
  if (!r.answers) return;
  for (const Unit& unit : r.units)
    if (unit.merged_into < 0 && unit.asked && !unit.answered)
      r.warnings.push_back(
          {unit.question_line, quoted(vraag(named(unit))) + " has no " + quoted(antwoord(named(unit)))});
}


void read_text(Grouping& r, const Line& line, std::string_view text, bool laid_out,
               const std::string& whole) {
  const WordLine clean = without_word_debris(text, line.number);
  for (const std::string& problem : clean.problems) r.warnings.push_back({line.number, problem});
  if (r.target < 0 && !whole.empty()) {
    r.target = section(r, whole);
    r.units[static_cast<std::size_t>(r.target)].whole = true;
  }
  const int u = live(r, r.target);
  for (const Footnote& footnote : clean.footnotes) r.footnotes.emplace_back(footnote, u);
  if (u < 0) return;  // before the first question: nothing of a passage
  Unit& unit = r.units[static_cast<std::size_t>(u)];
  unit.cited.insert(unit.cited.end(), clean.cited.begin(), clean.cited.end());
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
bool is_list_question(Grouping& r, int number) {
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

// The unit of the last text line read at or before `line`: where a removed line belonged.
int unit_at(Grouping& r, int line) {
  const auto after =
      std::upper_bound(r.read.begin(), r.read.end(), std::pair{line, std::numeric_limits<int>::max()});
  return after == r.read.begin() ? -1 : live(r, std::prev(after)->second);
}

// The PDF's footnotes join the Word ones: each stood in the unit of the text above it and is
// cited by the unit of the line that carried its number.
void add_page_footnotes(Grouping& r, const PageText& page) {
  for (const Footnote& footnote : page.footnotes) r.footnotes.emplace_back(footnote, unit_at(r, footnote.line));
  for (const Citation& citation : page.citations)
    if (const int u = unit_at(r, citation.line); u >= 0) r.units[static_cast<std::size_t>(u)].cited.push_back(citation);
}

// The question numbers the body's lines mean, by line index: a "Vraag N" written twice by mistake
// is read as the number after the highest so far, when no line asks that one and the next marker
// is the answer to it: "Vraag 7" … "Antwoord 7" … "Vraag 7" … "Antwoord 8" is question 8.
std::map<std::size_t, std::vector<int>> meant_numbers(const std::vector<ClassifiedLine>& lines, std::size_t begin,
                                                      std::vector<Warning>& warnings) {
  const auto question = [](const ClassifiedLine& l) {
    return l.marker && l.marker->role == MarkerRole::kQuestion && !l.marker->numbers.empty();
  };
  std::set<int> asked_anywhere;
  for (std::size_t i = begin; i < lines.size(); ++i)
    if (question(lines[i])) asked_anywhere.insert(lines[i].marker->numbers.begin(), lines[i].marker->numbers.end());
  std::map<std::size_t, std::vector<int>> meant;
  std::set<int> asked;
  int highest = 0;
  for (std::size_t i = begin; i < lines.size(); ++i) {
    if (!question(lines[i])) continue;
    std::vector<int> numbers = lines[i].marker->numbers;
    const int next = highest + 1;
    if (numbers.size() == 1 && asked.contains(numbers.front()) && !asked_anywhere.contains(next)) {
      std::size_t j = i + 1;
      while (j < lines.size() && !lines[j].marker) ++j;
      if (j < lines.size() && lines[j].marker->role == MarkerRole::kAnswer && lines[j].marker->numbers == std::vector{next}) {
        warnings.push_back({lines[i].line.number, quoted(vraag(numbers)) + " repeated; read as " + quoted(vraag({next})) +
                                                      ", which no line asks and " + quoted(antwoord({next})) + " answers"});
        numbers = {next};
        meant[i] = numbers;
      }
    }
    asked.insert(numbers.begin(), numbers.end());
    highest = std::max(highest, numbers.back());
  }
  return meant;
}

// A list item ("1.", "2. Kunt u …", "3") that may be a question: where lists count, and in a PDF
// only with its full stop.
std::optional<Marker> list_item(const ClassifiedLine& line, bool lists, bool laid_out) {
  if (!lists || !line.list_item) return std::nullopt;
  if (laid_out && trim(line.line.text).find('.') == kNpos) return std::nullopt;
  return line.list_item;
}

// How the body numbers its questions.
struct Numbering {
  bool lists = false;  // list items ("1.", "2. Kunt u …") may be questions
  std::string whole;   // without numbered questions, the one passage's name; "" with them
};

// Numbered lists count as questions only where no "Vraag N" line does, and not in a notice;
// a bare number ("1") not in a PDF, where it is a footnote number that lost its footnote.
// Without numbered questions the text is one passage, named for what the header says it is.
Numbering numbering_of(const PageText& page, const Header& header) {
  const std::vector<ClassifiedLine>& lines = page.lines;
  bool keyword_questions = false, numbered = false;
  for (std::size_t i = header.body; i < lines.size(); ++i)
    if (const auto& m = lines[i].marker; m && m->role != MarkerRole::kSection) {
      numbered = true;
      keyword_questions = keyword_questions || m->role == MarkerRole::kQuestion;
    }
  Numbering numbering;
  numbering.lists = !keyword_questions && header.kind != "mededeling";
  for (std::size_t i = header.body; i < lines.size() && !numbered; ++i)
    if (const auto item = list_item(lines[i], numbering.lists, page.laid_out)) numbered = item->numbers.front() == 1;
  if (!numbered)
    numbering.whole = header.kind == "mededeling" ? "mededeling" : header.kind == "vragen" ? "vragen" : "tekst";
  return numbering;
}

// The live units as groups, their paragraphs in document order, and the footnotes pointing to them.
QuestionGroups finished(Grouping& r, const Header& header, const Numbering& numbering) {
  QuestionGroups out;
  std::vector<int> index(r.units.size(), -1);  // a unit's index among the groups
  for (std::size_t u = 0; u < r.units.size(); ++u) {
    if (r.units[u].merged_into >= 0) continue;
    Unit& unit = r.units[u];
    std::stable_sort(unit.paragraphs.begin(), unit.paragraphs.end(),
                     [](const Paragraph& a, const Paragraph& b) { return a.line < b.line; });
    index[u] = static_cast<int>(out.groups.size());
    out.groups.push_back(std::move(static_cast<QuestionGroup&>(unit)));
  }
  if (out.groups.empty() && !header.kind.empty()) {  // "Mondelinge vragen …": nothing below the header
    QuestionGroup group;
    group.section = numbering.whole.empty() ? "tekst" : numbering.whole;
    group.whole = true;
    out.groups.push_back(std::move(group));
  }
  for (auto& [footnote, unit] : r.footnotes) {
    const int u = live(r, unit);
    out.footnotes.emplace_back(std::move(footnote), u < 0 ? -1 : index[static_cast<std::size_t>(u)]);
  }
  out.warnings = std::move(r.warnings);
  out.answers = r.answers;
  return out;
}

}  // namespace

QuestionGroups question_groups(const PageText& page, const Header& header) {
  const std::vector<ClassifiedLine>& lines = page.lines;
  const Numbering numbering = numbering_of(page, header);
  Grouping r;
  const std::map<std::size_t, std::vector<int>> meant = meant_numbers(lines, header.body, r.warnings);
  for (std::size_t i = header.body; i < lines.size(); ++i) {
    const Line& line = lines[i].line;
    std::optional<Marker> marker = lines[i].marker;
    if (!marker && numbering.whole.empty()) {
      marker = list_item(lines[i], numbering.lists, page.laid_out);
      if (marker && !is_list_question(r, marker->numbers.front())) marker.reset();
    }
    if (!marker) {
      read_text(r, line, line.text, page.laid_out, numbering.whole);
      continue;
    }
    r.join = false;
    r.list_next = 0;
    if (marker->role == MarkerRole::kQuestion) {
      const auto corrected = meant.find(i);
      read_question(r, corrected != meant.end() ? corrected->second : marker->numbers, line.number);
    } else if (marker->role == MarkerRole::kAnswer) {
      read_answer(r, marker->numbers, line.number);
    } else {
      read_section(r, marker->section);
    }
    if (!marker->text.empty()) read_text(r, line, marker->text, page.laid_out, numbering.whole);
  }
  add_page_footnotes(r, page);
  warn_unanswered(r);
  return finished(r, header, numbering);
}

}  // namespace vind::readers
