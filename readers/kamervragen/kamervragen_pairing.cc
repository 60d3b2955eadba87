#include "readers/kamervragen/kamervragen_pairing.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "readers/kamervragen/kamervragen_numbering.h"

namespace vind::readers {

namespace {

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

Unit& at(Pairing& r, int unit) { return r.units[static_cast<std::size_t>(live(r, unit))]; }

// The live units that cover any of these numbers, earliest first.
std::vector<int> covering(Pairing& r, const std::vector<int>& numbers) {
  std::vector<int> found;
  for (const int n : numbers)
    if (const auto it = r.unit_of.find(n); it != r.unit_of.end()) found.push_back(live(r, it->second));
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

void claim(Pairing& r, int u, const std::vector<int>& numbers) {
  r.units[static_cast<std::size_t>(u)].numbers.insert(numbers.begin(), numbers.end());
  for (const int n : numbers) r.unit_of[n] = u;
}

// Joins the units into the first of them, so that every question number is in one passage:
// "Vraag 3", "Vraag 4", "Antwoord op vraag 3 en 4" is one passage, and so is a "Vraag 7" that
// came twice. The paragraphs are put back in document order once all is read.
int merge(Pairing& r, const std::vector<int>& units) {
  const int first = units.front();
  Unit& into = r.units[static_cast<std::size_t>(first)];
  for (std::size_t k = 1; k < units.size(); ++k) {
    Unit& from = r.units[static_cast<std::size_t>(units[k])];
    into.numbers.insert(from.numbers.begin(), from.numbers.end());
    into.paragraphs.insert(into.paragraphs.end(), from.paragraphs.begin(), from.paragraphs.end());
    into.notes.insert(into.notes.end(), from.notes.begin(), from.notes.end());
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

}  // namespace

std::string vraag(const std::vector<int>& numbers) { return "Vraag " + numbers_label(numbers); }
std::string antwoord(const std::vector<int>& numbers) { return "Antwoord " + numbers_label(numbers); }

int live(Pairing& r, int unit) {
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

int add_unit(Pairing& r, Unit unit) {
  r.units.push_back(std::move(unit));
  return static_cast<int>(r.units.size()) - 1;
}

void read_question(Pairing& r, std::vector<int> numbers, int line) {
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

void read_answer(Pairing& r, const std::vector<int>& numbers, int line) {
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

int section(Pairing& r, const std::string& name) {
  if (const auto found = r.sections.find(name); found != r.sections.end()) return live(r, found->second);
  Unit unit;
  unit.section = name;
  return r.sections[name] = add_unit(r, std::move(unit));
}

void read_section(Pairing& r, const std::string& name) {
  r.open = -1;
  r.target = section(r, name);
  r.in_answer = true;
}

void warn_unanswered(Pairing& r) {
  if (!r.answers) return;
  for (const Unit& unit : r.units)
    if (unit.merged_into < 0 && unit.asked && !unit.answered)
      r.warnings.push_back(
          {unit.question_line, quoted(vraag(named(unit))) + " has no " + quoted(antwoord(named(unit)))});
}

}  // namespace vind::readers
