#pragma once
// What the index learns about its words besides postings: spelling data (for correcting typos
// at query time) and synonyms (abbreviations the documents define, and a curated list).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analysis/analyser.h"

namespace vind::indexer {

// Every plain word term of the document (no prefix, not a number, 3+ bytes) counts towards the
// spelling data; remove_spelling undoes it when the document goes.
void add_spelling(Xapian::WritableDatabase& db, const Xapian::Document& doc);
void remove_spelling(Xapian::WritableDatabase& db, const Xapian::Document& doc);

struct Definition {
  std::string abbreviation;  // as written: "AP", "BVO NL", "Cbw"
  std::string long_form;     // as written: "Autoriteit Persoonsgegevens"
};

// Abbreviations a text defines as "Long Form (ABBR)": the words before the bracket whose
// letters spell the abbreviation in order, starting with the first word's initial
// ("Inspectie Gezondheidszorg en Jeugd (IGJ)", "Cyberbeveilingswet (Cbw)").
std::vector<Definition> abbreviations(std::string_view text);

// Makes each form find the other: a single-word side becomes a synonym key of the other side
// (analysed, so "BSN", "bsn" and "B.S.N." share one key).
void add_synonyms(Xapian::WritableDatabase& db, const analysis::Analyser& analyser,
                  const std::vector<std::string>& forms);

}  // namespace vind::indexer
