#include "searcher/search.h"

#include <gtest/gtest.h>

#include "analysis/error.h"
#include "indexer/build_index.h"
#include "schema/schema.h"
#include "searcher/json_output.h"
#include "searcher/query.h"
#include "temp_dir.h"

namespace vind::searcher {
namespace {

using vind::testing::source_dir;
using vind::testing::TempDir;

std::filesystem::path build(const TempDir& dir, const std::string& stemmer = "dutch") {
  indexer::Options options;
  options.inputs = {source_dir() / "corpus"};
  options.database = dir / "db";
  options.analysis.stemmer = stemmer;
  indexer::build_index(options);
  return options.database;
}

Results run(const Searcher& searcher, const std::string& query, std::size_t limit = 10) {
  SearchRequest request;
  request.query = query;
  request.limit = limit;
  return search(searcher, request);
}

TEST(Search, RanksTheRansomSectionFirstForLosgeldBetaald) {
  TempDir dir;
  const Searcher searcher(build(dir));
  const Results results = run(searcher, "losgeld betaald");
  ASSERT_FALSE(results.hits.empty());
  const Hit& first = results.hits.front();
  EXPECT_EQ(first.passage.anchor, "4-Wie-zit-erachter-en-is-er-losgeld-betaald");
  EXPECT_EQ(first.rank, 1u);
  EXPECT_EQ(snippet_html(first.snippet),
            "… om druk uit te oefenen. Volgens betrouwbare mediaberichten heeft Clinical Diagnostics "
            "een miljoenenbedrag aan <mark>losgeld</mark> <mark>betaald</mark>, maar de groep "
            "dreigde later toch nog meer data op het internet te zetten.");
}

TEST(Search, JsonCarriesTheWholeContract) {
  TempDir dir;
  const Searcher searcher(build(dir));
  const nlohmann::json json = to_json(run(searcher, "losgeld betaald", 1));
  EXPECT_EQ(json.at("query"), "losgeld betaald");
  EXPECT_GE(json.at("total").get<int>(), 2);
  ASSERT_EQ(json.at("results").size(), 1u);
  nlohmann::json hit = json.at("results").at(0);
  EXPECT_GT(hit.at("score").get<double>(), 0);
  hit.erase("score");
  hit.erase("snippet");
  EXPECT_EQ(hit, nlohmann::json({
                     {"rank", 1},
                     {"document", "faq-hack-clinical-diagnostics"},
                     {"title", "FAQ – Hack bij Clinical Diagnostics/ NMDL"},
                     {"section", "4. Wie zit erachter en is er losgeld betaald?"},
                     {"anchor", "4-Wie-zit-erachter-en-is-er-losgeld-betaald"},
                     {"url", "/faq-hack-clinical-diagnostics/#4-Wie-zit-erachter-en-is-er-losgeld-betaald"},
                     {"date", "2025-10-13"},
                     {"kind", "faq"},
                 }));
}

TEST(Search, PagesWithOffsetAndLimit) {
  TempDir dir;
  const Searcher searcher(build(dir));
  const Results all = run(searcher, "bevolkingsonderzoek", 20);
  SearchRequest request;
  request.query = "bevolkingsonderzoek";
  request.limit = 5;
  request.offset = 5;
  const Results page = search(searcher, request);
  ASSERT_EQ(page.hits.size(), 5u);
  EXPECT_EQ(page.total, all.total);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(page.hits[i].rank, 6 + i);
    EXPECT_EQ(page.hits[i].passage.anchor, all.hits[5 + i].passage.anchor);
  }
}

TEST(Search, RefusesLimitsOutOfRange) {
  TempDir dir;
  const Searcher searcher(build(dir));
  SearchRequest request;
  request.query = "hack";
  request.limit = 0;
  EXPECT_THROW(search(searcher, request), Error);
  request.limit = 10;
  request.offset = kMaxOffset + 1;
  EXPECT_THROW(search(searcher, request), Error);
}

TEST(Search, FindsDiacriticsAndHyphensEitherWay) {
  TempDir dir;
  const Searcher searcher(build(dir));
  for (const char* query : {"geinformeerd", "geïnformeerd", "zcert", "Z-Cert", "z cert", "backups",
                            "back-ups", "485000", "485.000", "ID's", "deelnemers"}) {
    EXPECT_FALSE(run(searcher, query).hits.empty()) << query;
  }
}

TEST(Search, AQueryOfOnlyStopwordsStillFindsItsSection) {
  TempDir dir;
  const Searcher searcher(build(dir));
  const Results results = run(searcher, "wat kan ik zelf doen");
  ASSERT_FALSE(results.hits.empty());
  EXPECT_EQ(results.hits.front().passage.anchor, "11-Wat-kan-ik-zelf-doen");
}

// Index and query analyse alike: every word of every passage finds that passage.
TEST(Search, EveryWordOfEveryPassageFindsItThroughTheQueryPath) {
  TempDir dir;
  const Searcher searcher(build(dir));
  const Xapian::Database& db = searcher.database();
  std::size_t checked = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    const schema::StoredPassage p = schema::passage_from_data(doc.get_data());
    const Xapian::Query self(schema::passage_term(p.path, p.anchor));
    for (const analysis::Word& w : searcher.analyser().words(p.section + "\n" + p.text)) {
      const std::string typed = p.text.find(w.whole.form) == std::string::npos
                                    ? (p.section + "\n" + p.text).substr(w.begin, w.end - w.begin)
                                    : w.whole.form;
      const ParsedQuery q = parse_query("\"" + typed + "\"", searcher.analyser());
      Xapian::Enquire enquire(db);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q.query, self));
      ASSERT_EQ(enquire.get_mset(0, 1).size(), 1u) << p.anchor << ": " << typed;
      ++checked;
    }
  }
  EXPECT_GT(checked, 5000u);
}

TEST(Searcher, RefusesAnIndexBuiltWithAnotherStemmer) {
  TempDir dir;
  const auto db = build(dir, "kraaij_pohlmann");
  EXPECT_NO_THROW(Searcher(db, {}));
  try {
    Searcher searcher(db, SettingsRequest{"dutch"});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              db.string() + ": the index was built with other analysis settings than this search "
                            "uses (stemmer: index \"kraaij_pohlmann\", searcher \"dutch\"); rebuild "
                            "it with `vind index`");
  }
}

TEST(Searcher, RefusesAnIndexMadeByAnotherVersionOfTheAnalysis) {
  TempDir dir;
  const auto db = build(dir);
  {
    Xapian::WritableDatabase w(db.string());
    analysis::AnalysisSettings old = analysis::default_settings();
    old.version = 0;
    schema::store_settings(w, old);
    w.commit();
  }
  try {
    Searcher searcher(db);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              db.string() + ": the index was built with other analysis settings than this search "
                            "uses (version: index 0, searcher 1); rebuild it with `vind index`");
  }
}

TEST(Searcher, SaysSoWhenThereIsNoIndexOrABrokenOne) {
  TempDir dir;
  try {
    Searcher searcher(dir / "nothing");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "nothing").string() +
                                         ": no index here; build one with `vind index --db " +
                                         (dir / "nothing").string() + " FILES…`");
  }
  dir.write("broken/iamchert", "garbage");
  try {
    Searcher searcher(dir / "broken");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with((dir / "broken").string() + ": cannot open the index: "))
        << e.what();
  }
}

}  // namespace
}  // namespace vind::searcher
