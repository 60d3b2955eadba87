#pragma once
// a passage (document id and anchor) → the passages most like it in other documents, ranked: the
// "Zie ook" under a FAQ answer that finds the minister's answers on the same subject. Xapian's
// relevance feedback: the passage is the one relevant document (RSet), its most telling stems
// (ESet) become the query.

#include <optional>
#include <string>

#include <xapian.h>

#include "searcher/search.h"
#include "searcher/searcher.h"

namespace vind::searcher {

inline constexpr Xapian::doccount kMaxRelated = 20;

struct RelatedRequest {
  std::string document;
  std::string anchor;
  Xapian::doccount limit = 5;  // 1..kMaxRelated
  // The passage's stems the query is made of, the ESet's best. On eval-scale (eval/related_scale.py)
  // 10 and 20 found a grade-1 passage among the 10 related of the grade-2 answer for 11 of the 16
  // queries that have one in another document, 40 for 10; 20 leaves a long passage more to match.
  Xapian::termcount terms = 20;
};

// The hits as search() gives them (rank, score, passage, snippet with the stems used marked),
// none of the passage's own document and no copy of its text; copies among them are collapsed.
// Results::query is "DOCUMENT#ANCHOR", Results::xapian_query the query made. nullopt when the index
// has no such passage. Throws vind::BadRequest for a limit out of range.
std::optional<Results> related(const Searcher& searcher, const RelatedRequest& request);

}  // namespace vind::searcher
