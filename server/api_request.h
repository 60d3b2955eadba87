#pragma once
// HTTP query parameters → a SearchRequest or a suggestion request, checked: the only place where
// what a browser sends becomes something vind runs. Everything not expected is refused.
//
// /api/search:  q (required), limit (1..50, default 10), offset (0..100000), partial (true|false),
//               kind (one or more of the index's kinds, repeated or comma-separated),
//               document (one document's passages only),
//               sort (relevance|date), group (passage|document, default passage),
//               facets (true|false), from, to (YYYY-MM-DD, inclusive; from not after to)
// /api/suggest: q (required, may be empty), limit (1..20, default 8)
// /api/related: document (required), anchor (required, may be empty), limit (1..20, default 5)

#include <cstddef>
#include <map>
#include <string>

#include <xapian.h>

#include "searcher/related.h"
#include "searcher/search.h"
#include "searcher/suggest.h"

namespace vind::server {

// As the HTTP server hands them over: decoded, repeated names kept.
using Params = std::multimap<std::string, std::string>;

// The website shows a page of results; more per request is a scrape.
inline constexpr Xapian::doccount kMaxApiLimit = 50;

// Throws vind::BadRequest with a message for the user (HTTP 400): an unknown or repeated
// parameter, a missing q, a value out of range or not of its type, text that is not UTF-8.
searcher::SearchRequest search_request(const Params& params);

// Throws vind::BadRequest as search_request does.
searcher::RelatedRequest related_request(const Params& params);

struct SuggestRequest {
  std::string text;
  std::size_t limit = 8;
};
// Throws vind::BadRequest as search_request does.
SuggestRequest suggest_request(const Params& params);

}  // namespace vind::server
