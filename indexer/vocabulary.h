#pragma once
// passages → the index's vocabulary (schema.h): what it learns about its words besides postings,
// spelling data (for correcting typos at query time) and synonyms (abbreviations the documents
// define, and a curated list).

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analysis/analyser.h"

namespace vind::indexer {

// Every plain word term of a document (no prefix, not a number, 3+ bytes) counts towards the
// spelling data, and stops counting when the document goes. The counts are summed per word until
// apply(): one Xapian call per distinct word instead of one per word of every passage, which took
// a fifth of indexing time.
class SpellingTally {
 public:
  void add(const Xapian::Document& doc);
  void remove(const Xapian::Document& doc);
  // Adds the summed counts to the database's spelling data (written at its next commit).
  void apply(Xapian::WritableDatabase& db);
  // Distinct words counted since the last apply(): each costs Xapian about 800 bytes until the
  // commit (prepare_file.h bounds them per file).
  std::size_t words() const { return counts_.size(); }

 private:
  std::unordered_map<std::string, long long> counts_;
};

// The spelling data of a fresh build, written once from its finished `parts` into `threads` new
// databases under `folder` (each an alphabetical stretch of the words, committed every 50,000
// words: memory does not grow with the vocabulary), for Xapian's compactor to merge with the
// parts. A word's collection frequency is the sum of its wdfs, which is what SpellingTally
// counts, so the data is the same; but each word is added once instead of once per commit of
// every part, and the compactor has one table per thread to merge instead of one per part (11% of
// a build's CPU on the bench corpus). Returns the databases written.
std::vector<std::filesystem::path> write_spelling(const std::vector<std::filesystem::path>& parts,
                                                  const std::filesystem::path& folder, unsigned threads);

struct Definition {
  std::string abbreviation;  // as written: "AP", "BVO NL", "Cbw"
  std::string long_form;     // as written: "Autoriteit Persoonsgegevens"
};

// Abbreviations a text defines as "Long Form (ABBR)": the words before the bracket whose
// letters spell the abbreviation in order, starting with the first word's initial
// ("Inspectie Gezondheidszorg en Jeugd (IGJ)", "Cyberbeveilingswet (Cbw)").
std::vector<Definition> abbreviations(std::string_view text);

// Makes each form find the other: a single-word side becomes a synonym key of the other side,
// by its folded form and by its stem (schema::kStem + stem), analysed, so "BSN", "bsn" and
// "B.S.N." share one key and "brieven" finds the synonyms of "brief".
void add_synonyms(Xapian::WritableDatabase& db, const analysis::Analyser& analyser,
                  const std::vector<std::string>& forms);

}  // namespace vind::indexer
