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

// Whether `short_form` abbreviates `long_form`, ignoring case and spaces: letters only (2 to 8),
// shorter, the same first letter, and its other letters in order in the long form ("BSN" and
// "burgerservicenummer", "IGJ" and "Inspectie Gezondheidszorg en Jeugd", "Cbw" and
// "Cyberbeveilingswet").
bool abbreviates(std::string_view short_form, std::string_view long_form);

}  // namespace vind::analysis
