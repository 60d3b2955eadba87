#include "searcher/text_output.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "searcher/json_output.h"
#include "searcher/result_text.h"

namespace vind::searcher {

namespace {

// Words written from a column, each line broken at the space before the word that would pass the
// width and continued at the indent. Columns are code points: Dutch text is Latin, each one column wide.
class Wrapped {
 public:
  Wrapped(std::ostream& out, const TextStyle& style, std::size_t indent)
      : out_(out), style_(style), indent_(indent), column_(indent) {}

  // Text whose spaces may break the line; `match` is set in bold.
  void add(std::string_view text, bool match) {
    for (std::size_t at = 0; at < text.size();) {
      if (text[at] == ' ') {
        space_ = column_ > indent_;
        ++at;
        continue;
      }
      const std::size_t end = std::min(text.find(' ', at), text.size());
      word(text.substr(at, end - at), match);
      at = end;
    }
  }

  // Text that stays in one piece, as a link must.
  void word(std::string_view text, bool match) {
    const std::size_t columns = code_points(text);
    // Only a space breaks: "losgeld" and the "," after it stay together.
    if (style_.width > 0 && space_ && column_ + 1 + columns > style_.width) {
      out_ << "\n" << std::string(indent_, ' ');
      column_ = indent_;
      space_ = false;
    }
    if (space_) out_ << ' ';
    out_ << (match && style_.bold ? "\033[1m" + std::string(text) + "\033[0m" : std::string(text));
    column_ += space_ + columns;
    space_ = false;
  }

 private:
  static std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  }

  std::ostream& out_;
  const TextStyle& style_;
  std::size_t indent_;
  std::size_t column_;
  bool space_ = false;
};

std::string score_text(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", score);
  return buf;
}

}  // namespace

void write_text(const Results& results, std::ostream& out, const TextStyle& style) {
  for (const std::string& note : results.notes) out << note << "\n";
  if (!results.corrected.empty()) out << "Bedoelde u: " << results.corrected << "?\n\n";
  if (results.hits.empty()) {
    out << "Geen resultaten voor \"" << results.query << "\".\n";
    return;
  }
  constexpr std::size_t kIndent = 3;
  for (const Hit& hit : results.hits) {
    const schema::StoredPassage& p = hit.passage;
    const std::string rank = std::to_string(hit.rank) + ". ";
    out << rank;
    Wrapped(out, style, rank.size()).add(short_section(p), false);
    out << "\n" << std::string(kIndent, ' ');
    if (const std::string name = short_title(p); !name.empty() || !p.date.empty()) {
      Wrapped title(out, style, kIndent);
      title.add(name, false);
      if (!p.date.empty()) {  // "· 2025-10-13" stays together
        title.add(" ", false);
        title.word("· " + p.date, false);
      }
      out << "\n" << std::string(kIndent, ' ');
    }
    Wrapped(out, style, kIndent).word(passage_url(p), false);
    out << "\n" << std::string(kIndent, ' ');
    Wrapped snippet(out, style, kIndent);
    for (const Fragment& f : hit.snippet) snippet.add(f.text, f.match);
    if (!hit.copies.empty()) {
      out << "\n" << std::string(kIndent, ' ');
      Wrapped copies(out, style, kIndent);
      copies.add("Ook op:", false);
      for (const Copy& c : hit.copies) {
        copies.add(" ", false);
        copies.word(passage_url(c.url, c.anchor), false);
      }
    }
    out << "\n";
    // Grouped: the document's next best passages, one line each, and how many more it has.
    for (const Hit& more : hit.more) {
      out << std::string(kIndent, ' ') << "· ";
      Wrapped line(out, style, kIndent + 2);
      line.add(short_section(more.passage), false);
      line.add(" ", false);
      line.word(passage_url(more.passage), false);
      out << "\n";
    }
    if (results.grouped && hit.document_matches > 1 + hit.more.size())
      out << std::string(kIndent, ' ') << "meer uit dit document: " << hit.document_matches << " passages\n";
    out << "\n";
  }
  out << results.offset + 1 << "–" << results.offset + results.hits.size() << " van "
      << results.total << (results.grouped ? " documenten\n" : " resultaten\n");
  if (results.facets) {
    const auto line = [&out](const char* name, const std::vector<FacetValue>& values) {
      out << name << ":";
      for (const FacetValue& v : values) out << " " << v.value << " (" << v.count << ")";
      out << "\n";
    };
    line("soort", results.facets->kinds);
    line("jaar", results.facets->years);
    out << (results.facets->exact ? "geteld over alle " : "geteld over de beste ") << results.facets->counted
        << " passages\n";
  }
}

void write_explanation(const Results& results, std::ostream& out) {
  out << "zoekvraag: " << results.query << "\n";
  for (const std::string& note : results.notes) out << note << "\n";
  if (!results.corrected.empty()) out << "verbeterd: " << results.corrected << "\n";
  for (const std::string& line : results.explanation) out << "  " << line << "\n";
  out << "Xapian: " << results.xapian_query << "\n"
      << "gevonden: " << results.total << " passages\n";
  for (const Hit& hit : results.hits) {
    if (hit.contributions.empty()) continue;
    out << hit.rank << ". " << hit.passage.document << "#" << hit.passage.anchor << " ("
        << score_text(hit.score);
    if (hit.bm25 != hit.score) out << " = BM25 " << score_text(hit.bm25) << " × share of words matched";
    out << "):";
    const char* separator = " ";
    for (const auto& [typed, weight] : hit.contributions) {
      if (weight <= 0) continue;
      out << separator << typed << " " << score_text(weight);
      separator = ", ";
    }
    out << "\n";
  }
}

}  // namespace vind::searcher
