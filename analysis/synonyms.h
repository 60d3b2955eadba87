#pragma once
// The curated synonym groups, built into the binary from stopwords/synonyms.txt. The indexer
// writes them into every index as Xapian synonyms, beside the abbreviations it learns from the
// documents; the query parser looks them up there.

#include <string>
#include <string_view>
#include <vector>

namespace vind::analysis {

using SynonymGroup = std::vector<std::string>;  // members as written: "bsn", "burgerservicenummer"

// The file format: one group per line, members separated by " = ", '#' comments.
std::vector<SynonymGroup> parse_synonyms(std::string_view text);

const std::vector<SynonymGroup>& curated_synonyms();

}  // namespace vind::analysis
