#pragma once
// Question and answer markers → the groups of paragraphs that become one passage each.
//
// In: the markers of a Kamervragen text in document order ("Vraag 3", "Vraag 4", "Antwoord op
// vraag 3 en 4", "Mededeling"), with the reader adding the text between them to `target`.
// Out: units, each a question (group) with its answers, a section, or an answer nobody asked,
// and warnings about the numbering. Units that share a question number are joined, so every
// question number ends up in exactly one unit: "Vraag 3", "Vraag 4", "Antwoord op vraag 3 en 4"
// is one unit, and a "Vraag 7" written twice by mistake joins the first.

#include <map>
#include <set>
#include <string>
#include <vector>

namespace vind::readers {

struct Paragraph {
  int line = 0;
  bool answer = false;
  std::string text;
};

struct Citation {
  int footnote = 0;
  int line = 0;
};

struct Unit {
  std::set<int> numbers;  // the questions it covers
  std::string section;    // "" for questions; else the anchor: "mededeling", "toelichting", …
  bool whole = false;     // the whole text of a document without numbered questions
  bool asked = false;     // a question marker opened or joined it (else it is an answer alone)
  bool answered = false;
  bool waiting = false;   // its latest marker was a question
  int question_line = 0;
  std::vector<Paragraph> paragraphs;  // in document order
  std::vector<std::string> notes;     // footnote bodies, then source notes ("Nos.nl, 11 augustus …")
  std::vector<Citation> cited;
  int merged_into = -1;   // joined to an earlier unit that covers the same questions
};

struct Warning {
  int line = 0;
  std::string what;
};

// The units read so far, and where the next line goes.
struct Pairing {
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
};

// "Vraag 4 en 5", "Antwoord 7": how warnings and headings name the numbers.
std::string vraag(const std::vector<int>& numbers);
std::string antwoord(const std::vector<int>& numbers);

// The unit `unit` was joined to, or `unit` itself; -1 stays -1.
int live(Pairing& pairing, int unit);
int add_unit(Pairing& pairing, Unit unit);

// The unit of a section ("mededeling", "toelichting", or the whole text: "vragen", "tekst"),
// made when it is new.
int section(Pairing& pairing, const std::string& name);

// "Vraag …": a new unit, or the unit that already covers one of its numbers. Without numbers
// ("Vraag" alone) it is taken as the question after the highest so far. Warns about gaps and
// numbers out of order, and about a number asked twice.
void read_question(Pairing& pairing, std::vector<int> numbers, int line);

// "Antwoord N" answers the open question when that covers N. Otherwise, in this order: the
// questions that cover N (a group answer joins them all); the open question if it waits for an
// answer (the number is a typo); a unit of its own. "Antwoord" without a number answers the
// open question.
void read_answer(Pairing& pairing, const std::vector<int>& numbers, int line);

// "Mededeling" (why the answers are late) and "Toelichting:" (why the questions were asked)
// are units of their own; a second one joins the first.
void read_section(Pairing& pairing, const std::string& name);

// Once all is read: a warning for each question without an answer, in a document that
// answers others.
void warn_unanswered(Pairing& pairing);

}  // namespace vind::readers
