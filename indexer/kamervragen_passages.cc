#include "indexer/kamervragen_passages.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "indexer/dutch_date.h"
#include "indexer/text_lines.h"

namespace vind::indexer {

namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::size_t kNpos = std::string_view::npos;

struct Marker {
  bool vraag = false;  // "Vraag N", else "Antwoord N"
  int number = 0;
};

struct Citation {
  int footnote = 0;
  int line = 0;
};

struct Footnote {
  int number = 0;
  std::string text;
  int line = 0;
  int pair = -1;  // the pair whose lines it stood among; -1 before the first "Vraag"
};

struct Pair {
  int number = 0;
  std::string anchor{};
  int question_line = 0;  // 0: an "Antwoord N" that no "Vraag N" asked
  int answer_line = 0;    // 0: not answered
  std::vector<std::string> question{};  // paragraphs
  std::vector<std::string> answer{};
  std::vector<std::string> notes{};  // footnote bodies, then source notes ("Nos.nl, 11 augustus …")
  std::vector<Citation> cited{};
};

struct Warning {
  int line = 0;
  std::string what;
};

bool is_blank_char(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lowercase_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Word exports put no-break spaces where a plain one was typed: "Kunt u\u00a0 bevestigen",
// "Antwoord 19 " and "…overgenomen.\u00a0\u00a0 " in the answers. Plain ones from here on.
std::vector<Line> plain_lines(std::string_view text) {
  std::vector<Line> lines = split_lines(text);
  for (Line& line : lines) {
    std::string plain;
    for (std::size_t i = 0; i < line.text.size(); ++i) {
      if (line.text.compare(i, kNoBreakSpace.size(), kNoBreakSpace) == 0) {
        plain += ' ';
        i += kNoBreakSpace.size() - 1;
      } else {
        plain += line.text[i];
      }
    }
    line.text = std::move(plain);
  }
  return lines;
}

// Digits at `at` as a number (at most 6 of them), and where they end.
std::optional<std::pair<int, std::size_t>> number_at(std::string_view s, std::size_t at) {
  std::size_t end = at;
  int number = 0;
  while (end < s.size() && is_digit(s[end]) && end - at < 6) number = number * 10 + (s[end++] - '0');
  if (end == at || (end < s.size() && is_digit(s[end]))) return std::nullopt;
  return std::pair{number, end};
}

// "Vraag 7", "Vraag 7 ", "Antwoord 19:" on a line of their own.
std::optional<Marker> marker_of(std::string_view line) {
  line = trim(line);
  const std::string head = lowercase_ascii(line.substr(0, 8));
  Marker marker;
  std::size_t at = 0;
  if (head.starts_with("vraag")) {
    marker.vraag = true;
    at = 5;
  } else if (head.starts_with("antwoord")) {
    at = 8;
  } else {
    return std::nullopt;
  }
  std::size_t digits = at;
  while (digits < line.size() && (is_blank_char(line[digits]) || line.substr(digits, 2) == kNoBreakSpace))
    digits += line[digits] == ' ' || line[digits] == '\t' ? 1 : 2;
  if (digits == at) return std::nullopt;
  const auto number = number_at(line, digits);
  if (!number) return std::nullopt;
  marker.number = number->first;
  std::string_view rest = line.substr(number->second);
  if (rest.starts_with(':')) rest.remove_prefix(1);
  if (!trim(rest).empty()) return std::nullopt;
  return marker;
}

// Word's export left "[footnoteRef:1]" where a footnote is cited, "[bookmark: _Hlk205712691]"
// before some paragraphs and the footnote itself, "[1:  Brief van 21 augustus 2025, …]", wherever
// the page broke: on a line of its own in Antwoord 2, at the end of a line in Antwoord 5. Cut
// them all out; citations and footnotes are recorded to be joined up once every pair is read.
std::string strip_debris(std::string_view line, int line_number, int pair,
                         std::vector<Citation>* cited, std::vector<Footnote>& footnotes,
                         std::vector<Warning>& warnings) {
  std::string out;
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t open = line.find('[', i);
    out += line.substr(i, open == kNpos ? kNpos : open - i);
    if (open == kNpos) break;
    const std::string_view rest = line.substr(open);
    const std::size_t close = rest.find(']');
    const std::string_view inside = rest.substr(1, close == kNpos ? kNpos : close - 1);
    std::size_t end = close == kNpos ? line.size() : open + close + 1;
    const auto footnote = number_at(inside, 0);
    if (inside.starts_with("footnoteRef:")) {
      const auto number = number_at(inside, 12);
      if (number && cited != nullptr) cited->push_back({number->first, line_number});
      // Never closed: only the marker goes, not the text after it.
      if (close == kNpos) end = open + 1 + (number ? number->second : 12);
    } else if (inside.starts_with("bookmark:")) {
      if (close == kNpos) {
        const std::size_t id = inside.find_first_not_of(" \t", 9);
        end = open + 1 + (id == kNpos ? inside.size() : std::min(inside.size(), inside.find_first_of(" \t", id)));
      }
    } else if (footnote && footnote->second < inside.size() && inside[footnote->second] == ':') {
      if (close == kNpos)
        warnings.push_back({line_number, "footnote " + std::to_string(footnote->first) +
                                             " has no closing \"]\"; taken to the end of the line"});
      footnotes.push_back({.number = footnote->first,
                           .text = collapse(inside.substr(footnote->second + 1)),
                           .line = line_number,
                           .pair = pair});
    } else {
      out += '[';
      i = open + 1;
      continue;
    }
    i = end;
  }
  return out;
}

// The list bullets Word exported as text: "· De samenwerking …" in Antwoord 5 and 16.
std::string_view strip_bullet(std::string_view text) {
  for (const std::string_view bullet : {"\xC2\xB7", "\xE2\x80\xA2"}) {
    if (text.starts_with(bullet) && text.size() > bullet.size() &&
        is_blank_char(text[bullet.size()]))
      return trim(text.substr(bullet.size()));
  }
  return text;
}

std::string quoted(std::string_view word, int number) {
  std::string out = "\"";
  out.append(word).append(" ").append(std::to_string(number)).append("\"");
  return out;
}

std::string missing(int from, int to) {
  if (from == to) return "question " + std::to_string(from) + " is missing";
  return "questions " + std::to_string(from) + " to " + std::to_string(to) + " are missing";
}

// "1) Nos.nl, 11 augustus 2025, …" after the last answer: the note's number, or 0.
int note_number(std::string_view paragraph) {
  const auto number = number_at(paragraph, 0);
  if (!number || number->first == 0 || number->second + 1 >= paragraph.size()) return 0;
  if (paragraph[number->second] != ')' || paragraph[number->second + 1] != ' ') return 0;
  return number->first;
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

// Moves the trailing source notes of the last pair to the questions that cite them; a note no
// question cites stays where it is.
void move_source_notes(std::vector<Pair>& pairs) {
  Pair& last = pairs.back();
  std::vector<std::string>& tail = last.answer_line != 0 ? last.answer : last.question;
  std::size_t first = tail.size();
  while (first > 0 && note_number(tail[first - 1]) > 0) --first;
  for (std::size_t k = first; k < tail.size();) {
    const int note = note_number(tail[k]);
    bool moved = false;
    for (Pair& pair : pairs) {
      const std::size_t asked = &pair == &last && &tail == &last.question ? first : pair.question.size();
      for (std::size_t q = 0; q < asked && !moved; ++q) moved = remove_note_marker(pair.question[q], note);
      if (moved) {
        std::string_view text = tail[k];
        text.remove_prefix(text.find(')') + 1);
        pair.notes.push_back(std::string(trim(text)));
        tail.erase(tail.begin() + static_cast<std::ptrdiff_t>(k));
        break;
      }
    }
    if (!moved) ++k;
  }
}

// Each footnote goes to the first pair that cites it, else to the pair it stood in.
void place_footnotes(std::vector<Pair>& pairs, const std::vector<Footnote>& footnotes,
                     std::vector<Warning>& warnings) {
  std::map<int, std::size_t> first_of;
  std::vector<bool> placed(footnotes.size(), false);
  for (std::size_t f = 0; f < footnotes.size(); ++f) {
    if (first_of.try_emplace(footnotes[f].number, f).second) continue;
    warnings.push_back({footnotes[f].line,
                        "footnote " + std::to_string(footnotes[f].number) + " given twice"});
  }
  for (Pair& pair : pairs) {
    for (const Citation& citation : pair.cited) {
      const auto found = first_of.find(citation.footnote);
      if (found == first_of.end()) {
        warnings.push_back({citation.line, "[footnoteRef:" + std::to_string(citation.footnote) +
                                               "] has no footnote text"});
      } else if (!placed[found->second]) {
        placed[found->second] = true;
        if (!footnotes[found->second].text.empty()) pair.notes.push_back(footnotes[found->second].text);
      }
    }
  }
  for (std::size_t f = 0; f < footnotes.size(); ++f) {
    if (placed[f] || footnotes[f].text.empty()) continue;
    if (footnotes[f].pair >= 0) {
      pairs[static_cast<std::size_t>(footnotes[f].pair)].notes.push_back(footnotes[f].text);
    } else {
      warnings.push_back({footnotes[f].line, "footnote " + std::to_string(footnotes[f].number) +
                                                 " is cited nowhere and stands before \"Vraag 1\"; dropped"});
    }
  }
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

Passage to_passage(const Pair& pair) {
  Passage passage;
  passage.anchor = pair.anchor;
  passage.number = pair.number;
  const std::string question = collapse(join(pair.question, " "));
  if (pair.question_line == 0) {
    passage.heading = "Antwoord " + std::to_string(pair.number);
  } else {
    passage.heading = "Vraag " + std::to_string(pair.number) + (question.empty() ? "" : ": " + question);
  }
  std::vector<std::string> paragraphs = pair.question;
  paragraphs.insert(paragraphs.end(), pair.answer.begin(), pair.answer.end());
  paragraphs.insert(paragraphs.end(), pair.notes.begin(), pair.notes.end());
  passage.text = join(paragraphs, "\n\n");
  return passage;
}

// The date the Kamer received the answers, from "… (ontvangen 1 september 2025)".
std::string received_date(std::string_view title) {
  const std::size_t at = lowercase_ascii(title).find("(ontvangen");
  if (at == kNpos) return "";
  return parse_dutch_date(title.substr(at, title.find(')', at) - at));
}

// What has been read so far, and where the next line goes.
struct Reading {
  std::vector<Pair> pairs;
  std::vector<Footnote> footnotes;
  std::vector<Warning> warnings;
  std::map<int, int> asked;    // "Vraag N" lines seen, by N
  std::map<int, int> unasked;  // "Antwoord N" passages without a question, by N
  int open = -1;               // the pair the last "Vraag" opened
  int target = -1;             // the pair the next lines belong to
  bool in_answer = false;
  int highest = 0;             // the highest question number so far
};

Pair& at(Reading& r, int index) { return r.pairs[static_cast<std::size_t>(index)]; }

void read_vraag(Reading& r, int n, int line) {
  std::string anchor = "vraag-" + std::to_string(n);
  if (const int seen = ++r.asked[n]; seen > 1) {
    anchor += "-" + std::to_string(seen);
    r.warnings.push_back({line, quoted("Vraag", n) + " repeated; anchored as \"" + anchor + "\""});
  } else if (n > r.highest + 1) {
    const std::string after =
        r.highest > 0 ? " after " + quoted("Vraag", r.highest) : " is the first question";
    r.warnings.push_back({line, quoted("Vraag", n) + after + "; " + missing(r.highest + 1, n - 1)});
  } else if (n <= r.highest) {
    r.warnings.push_back(
        {line, quoted("Vraag", n) + " after " + quoted("Vraag", r.highest) + "; out of order"});
  }
  r.highest = std::max(r.highest, n);
  r.pairs.push_back({.number = n, .anchor = anchor, .question_line = line});
  r.open = r.target = static_cast<int>(r.pairs.size()) - 1;
  r.in_answer = false;
}

// The latest "Vraag N" still waiting for its answer, or -1.
int waiting_for(Reading& r, int n) {
  for (int p = static_cast<int>(r.pairs.size()) - 1; p >= 0; --p) {
    const Pair& pair = at(r, p);
    if (pair.number == n && pair.question_line != 0 && pair.answer_line == 0) return p;
  }
  return -1;
}

// "Antwoord N" normally answers the open "Vraag N". Otherwise, in this order: the latest
// unanswered "Vraag N"; the open question if it has no answer yet; the open question again if it
// is "Vraag N" (a second "Antwoord N" adds to the first); else a passage of its own.
void read_antwoord(Reading& r, int n, int line) {
  const bool open_waits = r.open >= 0 && at(r, r.open).answer_line == 0;
  const int open_number = r.open >= 0 ? at(r, r.open).number : 0;
  if (open_waits && open_number == n) {
    r.target = r.open;
  } else if (const int waiting = waiting_for(r, n); open_waits) {
    r.warnings.push_back({line, quoted("Antwoord", n) + " after " + quoted("Vraag", open_number) +
                                    "; expected " + quoted("Antwoord", open_number)});
    r.target = waiting >= 0 ? waiting : r.open;
  } else if (waiting >= 0) {
    r.warnings.push_back({line, quoted("Antwoord", n) + " out of order; paired with " +
                                    quoted("Vraag", n) + " of line " +
                                    std::to_string(at(r, waiting).question_line)});
    r.target = waiting;
  } else if (r.open >= 0 && open_number == n) {
    r.warnings.push_back({line, quoted("Antwoord", n) + " repeated; its text joins the first"});
    r.target = r.open;
  } else {
    std::string anchor = "antwoord-" + std::to_string(n);
    if (const int seen = ++r.unasked[n]; seen > 1) anchor += "-" + std::to_string(seen);
    r.warnings.push_back({line, quoted("Antwoord", n) + " has no " + quoted("Vraag", n) +
                                    "; kept as passage \"" + anchor + "\""});
    r.pairs.push_back({.number = n, .anchor = anchor});
    r.target = static_cast<int>(r.pairs.size()) - 1;
  }
  if (at(r, r.target).answer_line == 0) at(r, r.target).answer_line = line;
  r.in_answer = true;
}

void read_text(Reading& r, const Line& line) {
  Pair* pair = r.target >= 0 ? &at(r, r.target) : nullptr;
  const std::string text = collapse(strip_debris(line.text, line.number, r.target,
                                                 pair ? &pair->cited : nullptr, r.footnotes,
                                                 r.warnings));
  const std::string_view paragraph = strip_bullet(text);
  if (pair == nullptr || paragraph.empty()) return;  // before "Vraag 1": nothing of a passage
  (r.in_answer ? pair->answer : pair->question).emplace_back(paragraph);
}

}  // namespace

bool looks_like_kamervragen(std::string_view text) {
  bool vraag = false;
  bool antwoord = false;
  while (!text.empty() && !(vraag && antwoord)) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (const auto marker = marker_of(line))
      (marker->vraag ? vraag : antwoord) = true;
    text.remove_prefix(end == kNpos ? text.size() : end + 1);
  }
  return vraag && antwoord;
}

Document kamervragen_passages(const Source& source) {
  const std::string path = source.path.string();
  Document doc;
  doc.path = source.path;
  doc.id = source.path.stem().string();
  doc.kind = Kind::kKamervragen;
  doc.url = path;

  Reading r;
  bool title_seen = false;
  for (const Line& line : plain_lines(source.text)) {
    const std::optional<Marker> marker = marker_of(line.text);
    if (!title_seen && !trim(line.text).empty()) {
      title_seen = true;
      if (!marker) {
        doc.title = collapse(strip_debris(line.text, line.number, -1, nullptr, r.footnotes, r.warnings));
        continue;
      }
    }
    if (!marker) {
      read_text(r, line);
    } else if (marker->vraag) {
      read_vraag(r, marker->number, line.number);
    } else {
      read_antwoord(r, marker->number, line.number);
    }
  }
  if (r.pairs.empty())
    throw Error(path + ": no \"Vraag N\" / \"Antwoord N\" lines; expected answers to Kamervragen");

  for (const Pair& pair : r.pairs)
    if (pair.question_line != 0 && pair.answer_line == 0)
      r.warnings.push_back({pair.question_line, quoted("Vraag", pair.number) + " has no " +
                                                    quoted("Antwoord", pair.number)});
  place_footnotes(r.pairs, r.footnotes, r.warnings);
  move_source_notes(r.pairs);

  if (doc.title.empty()) doc.title = doc.id;
  const std::string received = received_date(doc.title);
  doc.date = received.empty() ? parse_dutch_date(doc.title) : received;
  if (!received.empty()) doc.fields.emplace_back("ontvangen", received);
  for (const Pair& pair : r.pairs) doc.passages.push_back(to_passage(pair));
  std::stable_sort(r.warnings.begin(), r.warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.line < b.line; });
  for (const Warning& warning : r.warnings)
    doc.warnings.push_back(path + ":" + std::to_string(warning.line) + ": " + warning.what);
  return doc;
}

}  // namespace vind::indexer
