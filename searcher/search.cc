#include "searcher/search.h"

#include "analysis/error.h"

namespace vind::searcher {

Results search(const Searcher& searcher, const SearchRequest& request) {
  if (request.limit < 1 || request.limit > kMaxLimit)
    throw Error("limit must be between 1 and " + std::to_string(kMaxLimit) + ", not " +
                std::to_string(request.limit));
  if (request.query.size() > kMaxQueryBytes)
    throw Error("the query is " + std::to_string(request.query.size()) + " bytes long; at most " +
                std::to_string(kMaxQueryBytes) + " are searched");
  if (request.offset > kMaxOffset)
    throw Error("offset must be at most " + std::to_string(kMaxOffset) + ", not " +
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
  Xapian::Enquire enquire(searcher.database());
  enquire.set_query(query);
  // k2, k3 and min_normlen as Xapian's defaults: queries are short and passages similar in size.
  enquire.set_weighting_scheme(Xapian::BM25Weight(request.ranking.k1, 0, 1, request.ranking.b, 0.5));
  if (request.sort == Sort::kDate) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, kExactTotal);
  results.total = mset.get_matches_estimated();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = it.get_rank() + 1;  // counts the offset already
    hit.score = it.get_weight();
    hit.passage = schema::passage_from_data(it.get_document().get_data());
    hit.snippet = make_snippet(hit.passage.text, analyser, parsed.highlight);
    results.hits.push_back(std::move(hit));
  }
  return results;
}

}  // namespace vind::searcher
