#include "readers/kamervragen/kamervragen_passages.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "readers/kamervragen/classified_lines.h"
#include "readers/kamervragen/kamervragen_header.h"
#include "readers/kamervragen/kamervragen_numbering.h"
#include "readers/kamervragen/page_layout.h"
#include "readers/kamervragen/question_groups.h"
#include "readers/kamervragen/word_debris.h"
#include "readers/text/dutch_date.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;
// The sniff looks for a header this far into a file: the Aanhangsel's takes 12 lines.
constexpr int kHeaderLines = 40;
// Closing source notes ("1) Nos.nl, …") are few: two in the corpus. Past this many they stay
// where they stand rather than each be looked for in every question.
constexpr std::size_t kMaxSourceNotes = 100;

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

// Moves the trailing source notes of the last group to the questions that cite them; a note no
// question cites stays where it is.
void move_source_notes(std::vector<QuestionGroup>& groups) {
  std::vector<Paragraph>& tail = groups.back().paragraphs;
  std::size_t first = tail.size();
  while (first > 0 && note_number(tail[first - 1].text) > 0) --first;
  if (tail.size() - first > kMaxSourceNotes) return;
  for (std::size_t k = first; k < tail.size();) {
    const int note = note_number(tail[k].text);
    bool moved = false;
    for (QuestionGroup& group : groups) {
      const std::size_t end = &group == &groups.back() ? first : group.paragraphs.size();
      for (std::size_t q = 0; q < end && !moved; ++q)
        moved = !group.paragraphs[q].answer && remove_note_marker(group.paragraphs[q].text, note);
      if (moved) {
        std::string_view text = tail[k].text;
        text.remove_prefix(text.find(')') + 1);
        group.notes.push_back(std::string(trim(text)));
        tail.erase(tail.begin() + static_cast<std::ptrdiff_t>(k));
        break;
      }
    }
    if (!moved) ++k;
  }
}

// Each footnote goes to the first group that cites it, else to the group it stood in.
void place_footnotes(QuestionGroups& read) {
  std::map<int, std::size_t> first_of;
  std::vector<bool> placed(read.footnotes.size(), false);
  for (std::size_t f = 0; f < read.footnotes.size(); ++f) {
    const Footnote& footnote = read.footnotes[f].first;
    if (first_of.try_emplace(footnote.number, f).second) continue;
    read.warnings.push_back({footnote.line, "footnote " + std::to_string(footnote.number) + " given twice"});
  }
  for (QuestionGroup& group : read.groups) {
    for (const Citation& citation : group.cited) {
      const auto found = first_of.find(citation.number);
      if (found == first_of.end()) {
        read.warnings.push_back(
            {citation.line, "[footnoteRef:" + std::to_string(citation.number) + "] has no footnote text"});
      } else if (!placed[found->second]) {
        placed[found->second] = true;
        const std::string& text = read.footnotes[found->second].first.text;
        if (!text.empty()) group.notes.push_back(text);
      }
    }
  }
  for (std::size_t f = 0; f < read.footnotes.size(); ++f) {
    const auto& [footnote, group] = read.footnotes[f];
    if (placed[f] || footnote.text.empty()) continue;
    if (group >= 0) {
      read.groups[static_cast<std::size_t>(group)].notes.push_back(footnote.text);
    } else {
      read.warnings.push_back({footnote.line, "footnote " + std::to_string(footnote.number) +
                                                  " is cited nowhere and stands before \"Vraag 1\"; dropped"});
    }
  }
}

Passage to_passage(const QuestionGroup& unit, const std::string& title) {
  Passage passage;
  const std::vector<int> numbers(unit.numbers.begin(), unit.numbers.end());
  std::vector<std::string> question, paragraphs;
  for (const Paragraph& p : unit.paragraphs) {
    if (!p.answer) question.push_back(p.text);
    paragraphs.push_back(p.text);
  }
  paragraphs.insert(paragraphs.end(), unit.notes.begin(), unit.notes.end());
  passage.text = join_paragraphs(paragraphs);
  passage.number = numbers.empty() ? 0 : numbers.front();
  if (unit.whole) {
    passage.anchor = unit.section;
    passage.heading = title;
    if (passage.text.empty()) passage.text = title;  // "Mondelinge vragen …": the header is all
  } else if (!unit.section.empty()) {
    passage.anchor = unit.section;
    passage.heading = capitalised(unit.section);
  } else if (unit.asked) {
    passage.anchor = "vraag-" + numbers_anchor(numbers);
    const std::string asked = collapse(join_paragraphs(question));
    passage.heading = vraag(numbers) + (asked.empty() ? "" : ": " + asked);
  } else {
    passage.anchor = numbers.empty() ? "antwoord" : "antwoord-" + numbers_anchor(numbers);
    passage.heading = numbers.empty() ? "Antwoord" : antwoord(numbers);
  }
  return passage;
}

// What the document is, for the "soort" field: answers, a notice that they are late, or the
// questions alone.
std::string kind_of(const QuestionGroups& read, const Header& header) {
  if (read.answers) return "antwoord";
  const auto has = [&read](auto&& test) { return std::any_of(read.groups.begin(), read.groups.end(), test); };
  if (header.kind == "mededeling" || has([](const QuestionGroup& g) { return g.section == "mededeling"; }))
    return "mededeling";
  if (header.kind == "vragen" || has([](const QuestionGroup& g) { return g.asked; })) return "vragen";
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
  const PageText page = read_page_layout(classified_lines(source.text));
  const Header header = read_header(page.lines, page.laid_out);
  QuestionGroups read = question_groups(page, header);

  if (!header.title.empty()) doc.title = without_word_debris(header.title, 0).text;
  doc.date = header.date.empty() ? parse_dutch_date(doc.title) : header.date;
  doc.fields = header.fields;
  doc.short_title = without_word_debris(header.short_title, 0).text;
  doc.fields.emplace_back("soort", kind_of(read, header));
  if (read.groups.empty())
    throw Error(path + ": no text below the title; expected Kamervragen: questions, answers or a notice");
  place_footnotes(read);
  move_source_notes(read.groups);
  for (const QuestionGroup& group : read.groups) doc.passages.push_back(to_passage(group, doc.title));

  std::stable_sort(read.warnings.begin(), read.warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.line < b.line; });
  for (const Warning& warning : read.warnings)
    doc.warnings.push_back(path + ":" + std::to_string(warning.line) + ": " + warning.what);
  return doc;
}

}  // namespace vind::readers
