#pragma once
// a search's matches → how many passages of each kind and of each year it found: the filters
// with counts beside the results. Xapian's ValueCountMatchSpy counts the kind and date slots
// (schema.h) of each match the matcher looks at while it ranks.

#include <string>
#include <vector>

#include <xapian.h>

namespace vind::searcher {

struct FacetValue {
  std::string value;  // "faq", "2025"
  Xapian::doccount count = 0;
};

struct Facets {
  std::vector<FacetValue> kinds;  // most passages first, then by name
  std::vector<FacetValue> years;  // newest first; passages without a date are in none
  // The matching passages the counts were taken over. The matcher looks at every match up to
  // kExactTotal (search.h) and may skip the rest of a larger set; then the counts are those of
  // the passages it looked at, the best ones, and exact is false.
  Xapian::doccount counted = 0;
  bool exact = true;
};

// Counts while an Enquire runs: construct it on the Enquire before get_mset, read it after.
// The spies count passages as the matcher sees them, before copies of one text are collapsed
// into one result (search.h): a FAQ answer kept on six pages counts six times.
class FacetCounter {
 public:
  explicit FacetCounter(Xapian::Enquire& enquire);
  Facets facets(const Xapian::MSet& mset) const;

 private:
  Xapian::ValueCountMatchSpy kinds_;
  Xapian::ValueCountMatchSpy dates_;
};

}  // namespace vind::searcher
