#include "readers/kamervragen/kamervragen_header.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "readers/kamervragen/page_layout.h"
#include "readers/text/dutch_date.h"
#include "readers/kamervragen/kamervragen_numbering.h"

namespace vind::readers {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;
// A header sentence longer than this many lines has lost its closing date: stop there.
constexpr std::size_t kMaxSentenceLines = 12;

enum class Sentence { kNone, kVragen, kAntwoord, kMededeling };

// "Vragen van het lid …", "Vraag van het lid …", "Mondelinge vragen van …", "Antwoord van …",
// "Aanvullend antwoord van …", "Mededeling van …".
Sentence sentence_at(std::string_view line) {
  std::string s = ascii_lowercase(line.substr(0, 40));
  for (const std::string_view kind :
       {"mondelinge ", "schriftelijke ", "aanvullende ", "aanvullend ", "nadere ", "nader "})
    if (s.starts_with(kind)) s.erase(0, kind.size());
  if (s.starts_with("vragen van ") || s.starts_with("vraag van ")) return Sentence::kVragen;
  if (s.starts_with("antwoord van ")) return Sentence::kAntwoord;
  if (s.starts_with("mededeling van ")) return Sentence::kMededeling;
  return Sentence::kNone;
}

// "2024Z18775", "2024Z 17972": the number the Kamer gave the questions.
std::optional<std::string> question_number(std::string_view s) {
  std::string out;
  for (const char c : s)
    if (c != ' ') out += c;
  if (out.size() < 8 || out.size() > 11 || out[4] != 'Z') return std::nullopt;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (i != 4 && !is_digit(out[i])) return std::nullopt;
  return out;
}

// "AH 600" (Word) or "585" alone above the first sentence (PDF): the Aanhangsel number.
std::optional<std::string> aanhangsel_number(std::string_view s, bool laid_out) {
  if (s.starts_with("AH ")) s.remove_prefix(3);
  else if (!laid_out) return std::nullopt;
  if (s.empty() || s.size() > 5) return std::nullopt;
  for (const char c : s)
    if (!is_digit(c)) return std::nullopt;
  return std::string(s);
}

// Where "(ingezonden …)" or "(ontvangen …)" closes, or npos.
std::size_t closing_of(std::string_view sentence, std::string_view opening) {
  const std::size_t at = sentence.find(opening);
  if (at == kNpos) return kNpos;
  return sentence.find(')', at);
}

std::string date_in(std::string_view sentence, std::string_view opening) {
  const std::size_t at = sentence.find(opening);
  if (at == kNpos) return "";
  return parse_dutch_date(sentence.substr(at, sentence.find(')', at) - at));
}

std::string_view strip_full_stop(std::string_view s) {
  s = trim(s);
  if (s.ends_with('.')) s.remove_suffix(1);
  return trim(s);
}

// Between the first `from` (after `start`) and the first `to` after it; "" when either is
// missing. "… van het lid X (FVD) aan de Minister …": from "lid ", to " aan ".
std::string between(std::string_view s, std::size_t start, std::string_view from, std::string_view to) {
  const std::size_t a = s.find(from, start);
  if (a == kNpos) return "";
  const std::size_t b = s.find(to, a + from.size());
  if (b == kNpos) return "";
  return collapse(s.substr(a + from.size(), b - a - from.size()));
}

struct Found {
  std::string aanhangsel, vraagnummer, gesteld_door, gericht_aan, ingezonden;
  std::string beantwoord_door, mededeling_van, ontvangen, zie_ook;
  std::string vragen, antwoord;  // the sentences, for the title
  std::string asked_by, answered_by;  // the sentences' openings, for the short title
  std::string kind;
};

void read_vragen(std::string_view sentence, Found& found) {
  const std::size_t close = closing_of(sentence, "(ingezonden");
  found.vragen = std::string(strip_full_stop(close == kNpos ? sentence : sentence.substr(0, close + 1)));
  if (const std::string date = date_in(sentence, "(ingezonden"); !date.empty()) found.ingezonden = date;
  if (found.kind.empty()) found.kind = "vragen";
  // "Vragen van het lid …", "… van de leden …", "… van lid …"
  const std::string lower = ascii_lowercase(sentence);
  std::size_t members = lower.find(" van ");
  if (members == kNpos) return;
  members += 5;
  for (const std::string_view word : {"het ", "de "})
    if (lower.compare(members, word.size(), word) == 0) members += word.size();
  for (const std::string_view word : {"leden ", "lid "}) {
    if (lower.compare(members, word.size(), word) != 0) continue;
    members += word.size();
    const std::size_t to = sentence.find(" aan ", members);
    if (to == kNpos) return;
    found.gesteld_door = collapse(sentence.substr(members, to - members));
    found.asked_by = collapse(sentence.substr(0, to));
    std::string aan = between(sentence, to, " aan ", " over ");
    for (const std::string_view article : {"de ", "het "})
      if (aan.starts_with(article)) aan.erase(0, article.size());
    while (aan.ends_with(',')) aan.pop_back();
    found.gericht_aan = aan;
    return;
  }
}

void read_antwoord(std::string_view sentence, Sentence kind, Found& found) {
  const std::size_t close = closing_of(sentence, "(ontvangen");
  const std::string_view head = close == kNpos ? sentence : sentence.substr(0, close + 1);
  found.antwoord = collapse(head);
  found.answered_by = collapse(head.substr(0, std::min({head.find(" ("), head.find(','), head.find(" mede namens")})));
  found.ontvangen = date_in(sentence, "(ontvangen");
  const std::size_t words = sentence.find(" van ") + 5;
  const std::size_t to = sentence.find(" (ontvangen");
  const std::string who = collapse(sentence.substr(words, to == kNpos ? kNpos : to - words));
  if (kind == Sentence::kAntwoord) {
    found.beantwoord_door = who;
    found.kind = "antwoord";
  } else {
    found.mededeling_van = who;
    found.kind = "mededeling";
  }
  if (close == kNpos) return;
  std::string_view rest = trim(sentence.substr(close + 1));
  if (rest.starts_with('.')) rest = trim(rest.substr(1));
  if (rest.starts_with("Zie ook ")) found.zie_ook = std::string(strip_full_stop(rest.substr(8)));
}

}  // namespace

Header read_header(const std::vector<ClassifiedLine>& lines, bool laid_out) {
  Found found;
  std::size_t i = 0;
  bool sentence_seen = false;
  while (i < lines.size()) {
    const std::string_view s = trim(lines[i].line.text);
    if (s.empty()) {
      ++i;
      continue;
    }
    if (lines[i].marker) break;
    const Sentence kind = sentence_at(s);
    if (kind == Sentence::kNone) {
      if (const auto number = aanhangsel_number(s, laid_out); number && !sentence_seen) {
        found.aanhangsel = *number;
      } else if (const auto z = question_number(s)) {
        found.vraagnummer = *z;
      } else if (s.starts_with("(ingezonden")) {
        found.ingezonden = date_in(s, "(ingezonden");
      } else if (s.starts_with("Zie ook ")) {
        found.zie_ook = std::string(strip_full_stop(s.substr(8)));
      } else {
        break;
      }
      ++i;
      continue;
    }
    sentence_seen = true;
    std::string sentence = collapse(s);
    const std::string_view closing = kind == Sentence::kVragen ? "(ingezonden" : "(ontvangen";
    std::size_t j = i + 1;
    while (laid_out && j < lines.size() && j - i < kMaxSentenceLines &&
           closing_of(sentence, closing) == kNpos) {
      const std::string_view next = trim(lines[j].line.text);
      if (next.empty() || lines[j].marker || sentence_at(next) != Sentence::kNone) break;
      append_layout_line(sentence, next);
      ++j;
    }
    if (kind == Sentence::kVragen) {
      read_vragen(sentence, found);
    } else {
      read_antwoord(sentence, kind, found);
    }
    i = j;
  }

  Header header;
  header.body = i;
  header.kind = found.kind;
  header.title = !found.vragen.empty() ? found.vragen : found.antwoord;
  header.short_title = !found.answered_by.empty() ? found.answered_by : found.asked_by;
  const auto numbered_list_start = [](const ClassifiedLine& line) {
    return line.list_item && line.list_item->numbers == std::vector<int>{1};
  };
  if (header.title.empty() && i < lines.size() && !lines[i].marker && !numbered_list_start(lines[i])) {
    // No header sentence: the first line is the title, as in "Titel (ontvangen 3 mrt. 2025)".
    header.title = collapse(lines[i].line.text);
    found.ontvangen = date_in(header.title, "(ontvangen");
    header.body = i + 1;
  }
  header.date = !found.ontvangen.empty() ? found.ontvangen : found.ingezonden;
  const std::pair<const char*, const std::string*> fields[] = {
      {"aanhangsel", &found.aanhangsel},         {"vraagnummer", &found.vraagnummer},
      {"gesteld door", &found.gesteld_door},     {"gericht aan", &found.gericht_aan},
      {"ingezonden", &found.ingezonden},         {"beantwoord door", &found.beantwoord_door},
      {"mededeling van", &found.mededeling_van}, {"ontvangen", &found.ontvangen},
      {"zie ook", &found.zie_ook},
  };
  for (const auto& [name, value] : fields)
    if (!value->empty()) header.fields.emplace_back(name, *value);
  return header;
}

}  // namespace vind::readers
