#include "searcher/text_output.h"

#include <cstdio>

#include "searcher/json_output.h"

namespace vind::searcher {

namespace {

std::string score_text(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", score);
  return buf;
}

}  // namespace

void write_text(const Results& results, std::ostream& out, bool bold) {
  for (const std::string& note : results.notes) out << note << "\n";
  if (!results.corrected.empty()) out << "Bedoelde u: " << results.corrected << "?\n\n";
  if (results.hits.empty()) {
    out << "Geen resultaten voor \"" << results.query << "\".\n";
    return;
  }
  for (const Hit& hit : results.hits) {
    const schema::StoredPassage& p = hit.passage;
    out << hit.rank << ". " << p.section << "\n"
        << "   " << p.title << (p.date.empty() ? "" : " · " + p.date) << "\n"
        << "   " << passage_url(p) << "\n"
        << "   ";
    for (const Fragment& f : hit.snippet)
      out << (f.match && bold ? "\033[1m" + f.text + "\033[0m" : f.text);
    out << "\n\n";
  }
  out << results.offset + 1 << "–" << results.offset + results.hits.size() << " van "
      << results.total << " resultaten\n";
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
