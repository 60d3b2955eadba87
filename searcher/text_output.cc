#include "searcher/text_output.h"

#include "searcher/json_output.h"

namespace vind::searcher {

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
}

}  // namespace vind::searcher
