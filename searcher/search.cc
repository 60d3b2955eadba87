#include "searcher/search.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/error.h"

namespace vind::searcher {

namespace {

// Each word's query alone, on this one passage, weighed as in the search: the shares of its score.
std::vector<std::pair<std::string, double>> contributions(
    const Xapian::Database& db, const Xapian::Weight& weighting,
    const std::vector<std::pair<std::string, Xapian::Query>>& searched, const std::string& passage_term) {
  std::vector<std::pair<std::string, double>> out;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(weighting);
  for (const auto& [typed, query] : searched) {
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(passage_term)));
    const Xapian::MSet one = enquire.get_mset(0, 1);
    out.emplace_back(typed, one.empty() ? 0.0 : one.begin().get_weight());
  }
  return out;
}

// Which query words each term of the query stands for, to count the words a passage has.
class WordsOfTerms {
 public:
  explicit WordsOfTerms(const std::vector<std::pair<std::string, Xapian::Query>>& searched)
      : words_(searched.size()) {
    for (std::size_t i = 0; i < searched.size(); ++i)
      for (auto t = searched[i].second.get_terms_begin(); t != searched[i].second.get_terms_end(); ++t)
        words_of_[*t].push_back(i);
  }
  // For each hit, the share of the words it has through any of their terms. Read from each
  // term's posting list in one pass over the hits in docid order: Enquire::get_matching_terms
  // reads and inflates every hit's whole term list, 30% of a search on eval-scale.
  std::vector<double> shares_matched(const Xapian::Database& db, const std::vector<Xapian::docid>& hits) const {
    std::vector<std::size_t> by_id(hits.size());
    for (std::size_t h = 0; h < hits.size(); ++h) by_id[h] = h;
    std::sort(by_id.begin(), by_id.end(), [&](std::size_t a, std::size_t b) { return hits[a] < hits[b]; });
    std::vector<bool> matched(hits.size() * words_);
    for (const auto& [term, words] : words_of_) {
      Xapian::PostingIterator p = db.postlist_begin(term);
      for (const std::size_t h : by_id) {
        p.skip_to(hits[h]);
        if (p == db.postlist_end(term)) break;
        if (*p == hits[h])
          for (const std::size_t w : words) matched[h * words_ + w] = true;
      }
    }
    std::vector<double> shares(hits.size(), 1);
    if (words_ == 0) return shares;
    for (std::size_t h = 0; h < hits.size(); ++h)
      shares[h] = static_cast<double>(std::count(matched.begin() + h * words_, matched.begin() + (h + 1) * words_, true)) /
                  static_cast<double>(words_);
    return shares;
  }

 private:
  std::size_t words_;
  std::map<std::string, std::vector<std::size_t>> words_of_;
};

// The passages with the same text as a hit (its collapse key), in index order.
std::vector<schema::StoredPassage> copies_of(const Xapian::Database& db, const std::string& key) {
  std::vector<schema::StoredPassage> copies;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(schema::kCopy + key));
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  for (const Xapian::docid id : enquire.get_mset(0, kMaxCopies + 1))
    copies.push_back(schema::passage_from_data(db.get_document(id).get_data()));
  return copies;
}

// The hit stays the copy that ranked first (its title or page matched best); the others are
// listed. Choosing the shortest path instead was measured worse (eval-scale 0.817 -> 0.813).
void list_copies(Hit& hit, const std::vector<schema::StoredPassage>& copies) {
  for (const schema::StoredPassage& c : copies) {
    if (hit.copies.size() == kMaxCopies) break;
    if (c.path != hit.passage.path || c.anchor != hit.passage.anchor) hit.copies.push_back({c.document, c.anchor, c.url});
  }
}

// The ranked passages' positions per document, documents in the order of their best passage.
std::vector<std::vector<std::size_t>> by_document(const std::vector<std::pair<double, Xapian::MSetIterator>>& order) {
  std::vector<std::vector<std::size_t>> documents;
  std::map<std::string, std::size_t> index;
  for (std::size_t r = 0; r < order.size(); ++r) {
    const auto [at, fresh] = index.emplace(order[r].second.get_document().get_value(schema::kDocumentSlot), documents.size());
    if (fresh) documents.emplace_back();
    documents[at->second].push_back(r);
  }
  return documents;
}

}  // namespace

Xapian::doccount count_matches(const Xapian::Database& db, const Xapian::Query& query, bool collapse_copies) {
  Xapian::Enquire count(db);
  count.set_query(query);
  count.set_weighting_scheme(Xapian::BoolWeight());
  count.set_docid_order(Xapian::Enquire::ASCENDING);
  if (collapse_copies) count.set_collapse_key(schema::kCopySlot);
  const Xapian::MSet all = count.get_mset(0, kExactTotal);
  return all.size() < kExactTotal ? all.size() : std::max(all.size(), all.get_matches_estimated());
}

Results search(const Searcher& searcher, const SearchRequest& request) {
  if (request.limit < 1 || request.limit > kMaxLimit)
    throw BadRequest("limit must be between 1 and " + std::to_string(kMaxLimit) + ", not " +
                     std::to_string(request.limit));
  if (request.query.size() > kMaxQueryBytes)
    throw BadRequest("the query is " + std::to_string(request.query.size()) + " bytes long; at most " +
                     std::to_string(kMaxQueryBytes) + " are searched");
  if (request.offset > kMaxOffset)
    throw BadRequest("offset must be at most " + std::to_string(kMaxOffset) + ", not " +
                     std::to_string(request.offset));
  const analysis::Analyser& analyser = searcher.analyser();
  ParsedQuery parsed = parse_query(request.query, analyser, request.options,
                                   {&searcher.database(), &searcher.vocabulary()});

  Results results;
  results.query = request.query;
  results.offset = request.offset;
  results.limit = request.limit;
  results.notes = std::move(parsed.notes);
  for (const MissingShard& shard : searcher.shards().missing) results.missing.push_back(shard.name);
  if (!results.missing.empty()) {
    std::string names;
    for (const std::string& name : results.missing) names += (names.empty() ? "" : ", ") + name;
    results.notes.push_back("Niet alle delen van de index antwoordden (" + names +
                            "); er kunnen resultaten ontbreken.");
  }
  results.corrected = std::move(parsed.corrected);
  results.explanation = std::move(parsed.explanation);
  results.xapian_query = parsed.query.get_description();
  if (parsed.query.empty()) return results;

  Xapian::Query query = parsed.query;
  if (!request.kinds.empty()) {
    std::vector<Xapian::Query> kinds;
    for (const std::string& kind : request.kinds) kinds.emplace_back(schema::kKind + kind);
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_OR, kinds.begin(), kinds.end()));
  }
  if (!request.document.empty())
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(schema::kDocument + request.document));
  if (!request.dates.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, date_filter(request.dates));
  Xapian::Enquire enquire(searcher.database());
  enquire.set_query(query);
  // k2, k3 and min_normlen as Xapian's defaults: queries are short and passages similar in size.
  enquire.set_weighting_scheme(Xapian::BM25Weight(request.ranking.k1, 0, 1, request.ranking.b, 0.5));
  if (request.sort == Sort::kDate) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
  if (request.collapse_copies) enquire.set_collapse_key(schema::kCopySlot);
  std::optional<FacetCounter> facets;
  if (request.facets) facets.emplace(enquire);
  // The first kRerankDepth by BM25 (or as many as the page needs) are ranked again by how many
  // of the query's words each has.
  const bool rerank = request.ranking.coordination > 0 && request.sort == Sort::kRelevance &&
                      parsed.searched.size() > 1;
  const bool grouped = request.group_by_document;
  const Xapian::doccount page_end = request.offset + request.limit;
  // Documents are grouped over a window of ranked passages: Xapian collapses on one key only,
  // and that is the copies'. Facets are counted while the matcher looks at kExactTotal matches.
  const bool from_start = rerank || request.collapse_copies || grouped;
  Xapian::doccount window = from_start ? page_end : request.limit;
  if (rerank) window = std::max(kRerankDepth, window);
  if (request.facets) window = std::max(window, kExactTotal);
  if (grouped) window = std::max(kGroupWindowPerDocument * page_end, kExactTotal);
  const Xapian::MSet mset = enquire.get_mset(from_start ? 0 : request.offset, window,
                                             request.facets || grouped ? kExactTotal : 0);
  const Xapian::BM25Weight weighting(request.ranking.k1, 0, 1, request.ranking.b, 0.5);
  const bool counted_all = from_start && mset.size() < window;
  // A window of kExactTotal (facets) has counted what the count would.
  if (!grouped)
    results.total = counted_all ? mset.size()
                    : window >= kExactTotal ? mset.get_matches_estimated()
                                            : count_matches(searcher.database(), query, request.collapse_copies);
  std::vector<std::pair<double, Xapian::MSetIterator>> order;
  const WordsOfTerms words_of(parsed.searched);
  // Grouped, every passage of the window is ranked: a document's place is its best passage's.
  const std::size_t ranked = grouped ? mset.size() : rerank ? std::max(kRerankDepth, page_end) : page_end;
  for (auto it = mset.begin(); it != mset.end() && order.size() < (from_start ? ranked : request.limit); ++it)
    order.emplace_back(it.get_weight(), it);
  if (rerank) {
    std::vector<Xapian::docid> ids;
    for (const auto& o : order) ids.push_back(*o.second);
    const std::vector<double> shares = words_of.shares_matched(searcher.database(), ids);
    for (std::size_t h = 0; h < order.size(); ++h) order[h].first *= std::pow(shares[h], request.ranking.coordination);
  }
  if (rerank)
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  const auto hit_at = [&](std::size_t r, std::size_t rank) {
    const Xapian::MSetIterator it = order[r].second;
    Hit hit;
    hit.rank = rank;
    hit.score = order[r].first;
    hit.bm25 = it.get_weight();
    hit.passage = schema::passage_from_data(it.get_document().get_data());
    // Not get_collapse_count(): it counts only the copies the matcher looked at, and a window
    // of a hundred lets it skip copies that rank lower (their titles differ).
    if (request.collapse_copies && !it.get_collapse_key().empty() &&
        searcher.database().get_termfreq(schema::kCopy + it.get_collapse_key()) > 1)
      list_copies(hit, copies_of(searcher.database(), it.get_collapse_key()));
    hit.snippet = make_snippet(hit.passage.text, analyser, parsed.highlight);
    if (request.explain_scores)
      hit.contributions = contributions(searcher.database(), weighting, parsed.searched,
                                        schema::passage_term(hit.passage.path, hit.passage.anchor));
    return hit;
  };
  if (grouped) {
    const std::vector<std::vector<std::size_t>> documents = by_document(order);
    results.grouped = true;
    // Beyond the window the documents are estimated at the window's passages per document.
    const auto found = static_cast<double>(documents.size());
    results.total = static_cast<Xapian::doccount>(
        counted_all ? found : mset.get_matches_estimated() * found / static_cast<double>(std::max<std::size_t>(order.size(), 1)));
    for (std::size_t d = request.offset; d < documents.size() && d < page_end; ++d) {
      Hit hit = hit_at(documents[d].front(), d + 1);
      hit.document_matches = documents[d].size();
      for (std::size_t p = 1; p < documents[d].size() && p < kPassagesPerDocument; ++p)
        hit.more.push_back(hit_at(documents[d][p], p + 1));
      results.hits.push_back(std::move(hit));
    }
  }
  for (std::size_t r = from_start ? request.offset : 0; !grouped && r < order.size() && results.hits.size() < request.limit; ++r)
    results.hits.push_back(hit_at(r, (rerank ? r : order[r].second.get_rank()) + 1));  // counts the offset already
  if (facets) results.facets = facets->facets(mset);
  return results;
}

}  // namespace vind::searcher
