#include "searcher/related.h"

#include "analysis/error.h"
#include "schema/schema.h"

namespace vind::searcher {

namespace {

// Stems only: the folded forms are the same words again, and boolean terms (kind, document) say
// nothing of the subject. A stem no other passage has would find nothing but the passage itself.
class SharedStems : public Xapian::ExpandDecider {
 public:
  explicit SharedStems(const Xapian::Database& db) : db_(db) {}
  bool operator()(const std::string& term) const override {
    return term.rfind(schema::kStem, 0) == 0 && db_.get_termfreq(term) > 1;
  }

 private:
  const Xapian::Database& db_;
};

// The Xapian document id of the passage, or 0: the document's path gives the passage's id term.
Xapian::docid passage_id(const Xapian::Database& db, const std::string& document, const std::string& anchor) {
  const std::string term = schema::kDocument + document;
  const auto first = db.postlist_begin(term);
  if (first == db.postlist_end(term)) return 0;
  const std::string id_term = schema::passage_term(schema::passage_from_data(db.get_document(*first).get_data()).path, anchor);
  const auto passage = db.postlist_begin(id_term);
  return passage == db.postlist_end(id_term) ? 0 : *passage;
}

}  // namespace

std::optional<Results> related(const Searcher& searcher, const RelatedRequest& request) {
  if (request.limit < 1 || request.limit > kMaxRelated)
    throw BadRequest("limit must be between 1 and " + std::to_string(kMaxRelated) + ", not " +
                     std::to_string(request.limit));
  const Xapian::Database& db = searcher.database();
  const Xapian::docid id = passage_id(db, request.document, request.anchor);
  if (id == 0) return std::nullopt;
  Results results;
  results.query = request.document + "#" + request.anchor;
  results.limit = request.limit;

  Xapian::Enquire enquire(db);
  Xapian::RSet passage;
  passage.add_document(id);
  const SharedStems stems(db);
  const Xapian::ESet eset = enquire.get_eset(request.terms, passage, &stems);
  if (eset.empty()) return results;
  Highlight highlight;
  for (auto t = eset.begin(); t != eset.end(); ++t) highlight.stems.insert((*t).substr(1));
  const Xapian::Document doc = db.get_document(id);
  const Xapian::Query own(Xapian::Query::OP_OR, Xapian::Query(schema::kDocument + request.document),
                          Xapian::Query(schema::kCopy + doc.get_value(schema::kCopySlot)));
  const Xapian::Query query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, eset.begin(), eset.end()), own);
  results.xapian_query = query.get_description();
  enquire.set_query(query);
  const Ranking ranking;
  enquire.set_weighting_scheme(Xapian::BM25Weight(ranking.k1, 0, 1, ranking.b, 0.5));
  enquire.set_collapse_key(schema::kCopySlot);
  const Xapian::MSet mset = enquire.get_mset(0, request.limit);
  results.total = mset.size() < request.limit ? mset.size() : count_matches(db, query, true);
  for (auto it = mset.begin(); it != mset.end() && results.hits.size() < request.limit; ++it) {
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.score = hit.bm25 = it.get_weight();
    hit.passage = schema::passage_from_data(it.get_document().get_data());
    hit.snippet = make_snippet(hit.passage.text, searcher.analyser(), highlight);
    results.hits.push_back(std::move(hit));
  }
  return results;
}

}  // namespace vind::searcher
