#pragma once
// Classified lines → question groups: the fourth stage of the Kamervragen reader, after the page
// layout and the header.
//
// In: the page text (page_layout.h) and the header (kamervragen_header.h), whose body the
// groups are read from. Out: the groups that become one passage each — a question (group) with
// its answers, a section ("mededeling", "toelichting"), an answer nobody asked, or the whole text
// of a document without numbered questions — with their paragraphs, the footnotes they cite and
// where each footnote stood, and warnings about the numbering.
//
// Questions numbered as a list ("1.", "1. Bent u …", "1") count where no "Vraag N" line does.
// Groups that share a question number are joined, so every question number is in exactly one
// group: "Vraag 3", "Vraag 4", "Antwoord op vraag 3 en 4" is one group, and a "Vraag 7" written
// twice by mistake joins the first. Unless the numbering and the answers make the meant number
// clear: a second "Vraag 7" where no line asks "Vraag 8" and the answer after it is "Antwoord 8"
// is read as "Vraag 8", with a warning.

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "readers/kamervragen/footnotes.h"
#include "readers/kamervragen/kamervragen_header.h"
#include "readers/kamervragen/page_layout.h"

namespace vind::readers {

struct Paragraph {
  int line = 0;
  bool answer = false;
  std::string text;
};

struct QuestionGroup {
  std::set<int> numbers;  // the questions it covers
  std::string section;    // "" for questions; else the anchor: "mededeling", "toelichting", "vragen", …
  bool whole = false;     // the whole text of a document without numbered questions
  bool asked = false;     // a question marker opened or joined it (else it is an answer alone)
  bool answered = false;
  int question_line = 0;
  std::vector<Paragraph> paragraphs;  // in document order
  std::vector<Citation> cited;        // the footnotes its lines cite, in order
  // Footnote bodies, then closing source notes ("Nos.nl, 11 augustus …"): the passage stage
  // puts them here once every group is read.
  std::vector<std::string> notes;
};

struct Warning {
  int line = 0;
  std::string what;
};

struct QuestionGroups {
  std::vector<QuestionGroup> groups;  // in the order their first marker came
  // Word's footnotes as they came, then the PDF's page-end ones, each with the index of the group
  // whose lines it stood among (-1: before the first).
  std::vector<std::pair<Footnote, int>> footnotes;
  std::vector<Warning> warnings;  // in the order they were found
  bool answers = false;           // an answer marker was read
};

QuestionGroups question_groups(const PageText& page, const Header& header);

}  // namespace vind::readers
