#include "indexer/written_forms.h"

#include "analysis/tokenise.h"
#include "schema/schema.h"

namespace vind::indexer {

void WrittenForms::add(std::string_view text, const std::vector<analysis::Word>& words,
                       Xapian::termcount wdf) {
  for (const analysis::Word& word : words) {
    if (word.whole.stem.empty()) continue;  // a stopword ("Het"), never completed
    const std::string_view as_written = text.substr(word.begin, word.end - word.begin);
    if (as_written == word.whole.form) continue;  // most words: lower case, no diacritics
    std::string spelling = analysis::written_form(as_written);
    if (spelling == word.whole.form) continue;  // "n.a.v." is "nav"
    counts_[word.whole.form][std::move(spelling)] += wdf;
  }
}

void WrittenForms::add_terms(Xapian::Document& doc) const {
  if (counts_.empty()) return;
  std::vector<std::string> terms;
  auto term = doc.termlist_begin();
  for (const auto& [form, spellings] : counts_) {
    term.skip_to(form);  // both in order: one pass over the document's terms
    if (term == doc.termlist_end() || *term != form) continue;
    Xapian::termcount written_otherwise = 0;
    for (const auto& [spelling, count] : spellings) written_otherwise += count;
    // The form's postings also count hyphen parts ("cert" of "Z-Cert"), written as folded here.
    std::string_view best = form;
    Xapian::termcount best_count = term.get_wdf() > written_otherwise ? term.get_wdf() - written_otherwise : 0;
    for (const auto& [spelling, count] : spellings)
      if (schema::more_usual(count, spelling, best_count, best)) {
        best = spelling;
        best_count = count;
      }
    if (best != form) terms.push_back(schema::written_term(form, best));
  }
  for (const std::string& t : terms) doc.add_boolean_term(t);
}

}  // namespace vind::indexer
