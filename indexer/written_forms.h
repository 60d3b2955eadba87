#pragma once
// a passage's words as written → the terms that keep how it spells each word (schema::kWritten),
// for completions to show "patiënten" and "BSN" where the index has only the folded "patienten"
// and "bsn". Part of to_xapian_documents: one WrittenForms per Xapian document.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyser.h"

namespace vind::indexer {

class WrittenForms {
 public:
  // Counts each of `words` (analysed from `text`) that is written otherwise than folded and is
  // no stopword, `wdf` times, as its postings count it.
  void add(std::string_view text, const std::vector<analysis::Word>& words, Xapian::termcount wdf);
  // Adds to `doc`, which holds the postings of every word added, one boolean term per word it
  // writes otherwise than folded most often (schema::more_usual): the folded form counts its
  // postings less those of the other spellings, so "bsn bsn BSN" adds nothing.
  void add_terms(Xapian::Document& doc) const;

 private:
  // folded form → spelling → count
  std::map<std::string, std::map<std::string, Xapian::termcount>, std::less<>> counts_;
};

}  // namespace vind::indexer
