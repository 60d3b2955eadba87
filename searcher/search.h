#pragma once
// query → ranked passages: parses the query, runs it with BM25 and makes a snippet per hit.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "schema/schema.h"
#include "searcher/date_range.h"
#include "searcher/facets.h"
#include "searcher/query.h"
#include "searcher/searcher.h"
#include "searcher/snippet.h"

namespace vind::searcher {

inline constexpr Xapian::doccount kMaxLimit = 1000;
// Longer queries are no searches but pasted documents; each word costs snippet time per hit.
inline constexpr std::size_t kMaxQueryBytes = 1000;
inline constexpr Xapian::doccount kMaxOffset = 100000;

// BM25 as Xapian names it. k1 was tuned on eval/ (55 queries): repeated words saturate later
// than Xapian's default 1.0 assumes. b on the odd queries of ../shared/eval-scale, where long
// Handelingen speeches and law chapters meet short FAQ answers: 0.5 beat 0.3 and 0.75, and held
// on the even half, with and without the whole bench corpus beside it (README: Relevance).
struct Ranking {
  double k1 = 1.5;  // how fast repeated words stop adding weight
  double b = 0.5;   // how much long passages are penalised
  // A passage's score is multiplied by the share of the query's words it has, to this power:
  // among 431,000 passages a law article with one rare query word ("EP-verkiezingen") must not
  // outrank the FAQ answer that has all three. 1 beat 0.5 and 2 on eval-scale (both halves), 0
  // turns it off.
  double coordination = 1.0;
};

// How many hits by BM25 are ranked again by coordination (more when a page lies deeper).
inline constexpr Xapian::doccount kRerankDepth = 100;

enum class Sort { kRelevance, kDate };  // kDate: newest document first, then relevance

struct SearchRequest {
  std::string query;
  // Counted in passages, as Xapian counts what it returns.
  Xapian::doccount limit = 10;  // 1..kMaxLimit
  Xapian::doccount offset = 0;  // 0..kMaxOffset
  QueryOptions options;
  // Only passages of these kinds ("faq", "kamervragen"); empty: all. The website's kind filter,
  // kept out of the query text so it is never corrected or echoed as words.
  std::vector<std::string> kinds;
  // Only this document's passages (the page's "meer uit dit document"); empty: all. Beside the
  // query, as document:ID in its text cannot hold an id with a space or a bracket.
  std::string document;
  Ranking ranking;
  Sort sort = Sort::kRelevance;
  // Each hit says how much each query word added to its score (vind explain): a query per hit
  // and word more.
  bool explain_scores = false;
  // Passages with the same text are one result, which lists the others (Hit::copies).
  bool collapse_copies = true;
  // Only passages of documents dated in this range (date_range.h); empty: all, undated too.
  DateRange dates;
  // One result per document, its best passage, with its next best under it (Hit::more); limit,
  // offset, total and rank then count documents.
  bool group_by_document = false;
  // Results::facets: passages per kind and per year.
  bool facets = false;
};

// Another place that has a hit's text word for word.
struct Copy {
  std::string document;
  std::string anchor;
  std::string url;  // the page, without the anchor
};

// At most this many copies are listed per hit.
inline constexpr std::size_t kMaxCopies = 10;

struct Hit {
  std::size_t rank = 0;  // 1-based, counting from the first result of all pages
  double score = 0;
  double bm25 = 0;  // the score before coordination (Ranking::coordination)
  schema::StoredPassage passage;
  Snippet snippet;
  // With SearchRequest::explain_scores: each word or phrase as typed and its share of `bm25`
  // (they add up to it), in query order.
  std::vector<std::pair<std::string, double>> contributions;
  std::vector<Copy> copies;  // SearchRequest::collapse_copies: the other places with this text
  // SearchRequest::group_by_document: the document's next best passages (at most
  // kPassagesPerDocument - 1, by score), and how many of its passages match.
  std::vector<Hit> more;
  std::size_t document_matches = 0;
};

// A grouped result shows at most this many passages of its document.
inline constexpr std::size_t kPassagesPerDocument = 3;

struct Results {
  std::string query;
  // Matching passages (documents when grouped): exact up to kExactTotal, an estimate beyond.
  Xapian::doccount total = 0;
  Xapian::doccount offset = 0;
  Xapian::doccount limit = 0;
  std::vector<Hit> hits;
  std::vector<std::string> notes;  // fallback to plain words and the like, for the user
  // Shards that did not answer (shard_set.h): the results are those of the others, "partial".
  std::vector<std::string> missing;
  std::string corrected;           // the query as searched after spelling correction, or ""
  std::vector<std::string> explanation;  // how each word was understood (vind explain)
  std::string xapian_query;              // Xapian's description of the query run
  bool grouped = false;                  // SearchRequest::group_by_document
  std::optional<Facets> facets;          // SearchRequest::facets
};

inline constexpr Xapian::doccount kExactTotal = 1000;
// How many results a query has, exact up to kExactTotal, with copies collapsed or not. Xapian
// counts collapsed matches exactly only by fetching them all, and fetching them unweighted in
// docid order costs a fraction of ranking them: on the full bench corpus a search with a ranked
// window of a thousand took 5.6 ms, with a window of a hundred and this count 3.3 ms.
Xapian::doccount count_matches(const Xapian::Database& db, const Xapian::Query& query, bool collapse_copies);
// Grouped per document, the ranked passages that are grouped: at least kExactTotal, and this many
// per document of the page's end, so that a later page still finds its documents.
inline constexpr Xapian::doccount kGroupWindowPerDocument = 20;

// Throws vind::BadRequest for a limit, offset or query length out of range; never for the query's
// syntax. A stored passage that cannot be read is a vind::Error (schema.h): the index's fault.
Results search(const Searcher& searcher, const SearchRequest& request);

}  // namespace vind::searcher
