#include "searcher/search.h"

#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>


#include "analysis/error.h"
#include "schema/schema.h"
#include "searcher/json_output.h"
#include "searcher/query.h"
#include "searcher/text_output.h"
#include "test_index.h"

namespace vind::searcher {
namespace {

using vind::testing::source_dir;
using vind::testing::TempDir;

std::filesystem::path build(const TempDir& dir, const std::string& stemmer = "dutch") {
  return vind::testing::build_test_index(dir, {}, stemmer);
}

Results run(const Searcher& searcher, const std::string& query, Xapian::doccount limit = 10) {
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
  EXPECT_EQ(first.passage.anchor, "4-wie-zit-erachter-en-is-er-losgeld-betaald");
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
                     {"short_title", "FAQ – Hack bij Clinical Diagnostics/ NMDL"},
                     {"section", "4. Wie zit erachter en is er losgeld betaald?"},
                     {"short_section", "4. Wie zit erachter en is er losgeld betaald?"},
                     {"anchor", "4-wie-zit-erachter-en-is-er-losgeld-betaald"},
                     {"url", "/faq-hack-clinical-diagnostics/#4-wie-zit-erachter-en-is-er-losgeld-betaald"},
                     {"date", "2025-10-13"},
                     {"kind", "faq"},
                 }));
}

TEST(Search, PassagesWithTheSameWordsAreOneResultListingTheOthers) {
  TempDir dir;
  const std::string answer = "De QR-code verloopt na 40 uur, dan maakt u een nieuwe testbewijs aan.";
  dir.write("faq/vraag.md", "## Hoe lang is een testbewijs geldig?\n\n" + answer + "\n");
  // The same answer as CoronaCheck keeps it: another page, other markup and case.
  dir.write("faq/vraag copy.md", "## Hoe lang is een testbewijs geldig?\n\n*De* QR-code VERLOOPT na 40 uur,  dan maakt u een nieuwe testbewijs aan.\n");
  dir.write("faq/app/vraag.md", "## Geldigheid\n\n" + answer + "\n");
  dir.write("faq/anders.md", "## Een ander antwoord\n\nDe QR-code verloopt na 24 uur.\n");
  const Searcher searcher(vind::testing::build_test_index(dir, {dir / "faq"}));
  SearchRequest request;
  request.query = "testbewijs verloopt";
  const Results collapsed = search(searcher, request);
  ASSERT_EQ(collapsed.hits.size(), 2u);
  EXPECT_EQ(collapsed.hits[0].copies.size(), 2u);
  EXPECT_TRUE(collapsed.hits[1].copies.empty());
  EXPECT_EQ(to_json(collapsed).at("results").at(0).at("copies").size(), 2u);
  EXPECT_FALSE(to_json(collapsed).at("results").at(1).contains("copies"));
  std::ostringstream text;
  write_text(collapsed, text, {});
  const Hit& first = collapsed.hits[0];
  const std::string others = "   Ook op: " + passage_url(first.copies[0].url, first.copies[0].anchor) + " " +
                             passage_url(first.copies[1].url, first.copies[1].anchor) + "\n";
  EXPECT_NE(text.str().find(others), std::string::npos) << text.str();
  EXPECT_EQ(text.str().find("Ook op:"), text.str().rfind("Ook op:")) << "only the hit with copies lists them";
  request.collapse_copies = false;
  EXPECT_EQ(search(searcher, request).hits.size(), 4u);
  // Grouped per document the copies stay one result: three pages with one answer are not three
  // documents to read.
  request.collapse_copies = true;
  request.group_by_document = true;
  const Results grouped = search(searcher, request);
  EXPECT_EQ(grouped.total, 2u);
  ASSERT_EQ(grouped.hits.size(), 2u);
  EXPECT_EQ(grouped.hits[0].copies.size(), 2u);
  EXPECT_EQ(grouped.hits[1].passage.section, "Een ander antwoord");
}

// A heading right above the next one has no words of its own. Copies were keyed on the body's words
// alone, so every such heading of an index was one "copy": one result for all, the others listed
// as its copies (a law's "6.4. Handeling: Schadevergoedingen" listed ten Debian manual chapters).
TEST(Search, HeadingsWithoutTextOfTheirOwnAreNotCopiesOfEachOther) {
  TempDir dir;
  dir.write("faq/aanvragen.md", "## Schadevergoeding aanvragen\n\n## Het formulier\n\nVul het formulier in.\n");
  dir.write("faq/ziekte.md", "## Schadevergoeding bij ziekte\n\n## Wie\n\nIedereen die ziek werd.\n");
  const Searcher searcher(vind::testing::build_test_index(dir, {dir / "faq"}));
  const Results results = run(searcher, "schadevergoeding");
  ASSERT_EQ(results.hits.size(), 2u);
  EXPECT_EQ(results.total, 2u);
  std::set<std::string> sections;
  for (const Hit& hit : results.hits) {
    sections.insert(hit.passage.section);
    EXPECT_TRUE(hit.copies.empty()) << hit.passage.section;
  }
  EXPECT_EQ(sections, (std::set<std::string>{"Schadevergoeding aanvragen", "Schadevergoeding bij ziekte"}));
}

// Past the ranked window (a hundred) the total is counted, not estimated, up to kExactTotal:
// with copies collapsed, without, and per document.
TEST(Search, CountsEveryResultExactlyBeyondTheRankedWindow) {
  TempDir dir;
  for (int i = 0; i < 300; ++i)
    dir.write("faq/vraag" + std::to_string(i) + ".md",
              "## Vraag " + std::to_string(i) + "\n\nIs het losgeld betaald in geval " + std::to_string(i) + "?\n");
  dir.write("faq/kopie.md", "## Nog een keer\n\nIs het losgeld betaald in geval 7?\n");
  const Searcher searcher(vind::testing::build_test_index(dir, {dir / "faq"}));
  SearchRequest request;
  request.query = "losgeld";
  EXPECT_EQ(search(searcher, request).total, 300u);
  request.query = "losgeld betaald";  // reranked by the words matched
  EXPECT_EQ(search(searcher, request).total, 300u);
  request.collapse_copies = false;
  EXPECT_EQ(search(searcher, request).total, 301u);
  request.offset = 295;
  const Results last = search(searcher, request);
  EXPECT_EQ(last.total, 301u);
  EXPECT_EQ(last.hits.size(), 6u);
  request.offset = 0;
  request.collapse_copies = true;
  request.group_by_document = true;
  EXPECT_EQ(search(searcher, request).total, 300u);
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
  const auto refusal = [&searcher](Xapian::doccount limit, Xapian::doccount offset, std::size_t query_bytes) {
    SearchRequest request;
    request.query = std::string(query_bytes, 'a');
    request.limit = limit;
    request.offset = offset;
    try {
      search(searcher, request);
    } catch (const BadRequest& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(refusal(0, 0, 4), "limit must be between 1 and 1000, not 0");
  EXPECT_EQ(refusal(kMaxLimit + 1, 0, 4), "limit must be between 1 and 1000, not 1001");
  EXPECT_EQ(refusal(10, kMaxOffset + 1, 4), "offset must be at most 100000, not 100001");
  EXPECT_EQ(refusal(10, 0, kMaxQueryBytes + 1), "the query is 1001 bytes long; at most 1000 are searched");
  EXPECT_EQ(refusal(kMaxLimit, kMaxOffset, kMaxQueryBytes), "no error");
}

// Every spelling of a word finds the same passages, ranked alike: with or without diacritics,
// hyphens, digit-group dots or the plural "'s". Each row: the spellings, the number of passages
// and the first three.
TEST(Search, FindsDiacriticsAndHyphensEitherWay) {
  TempDir dir;
  const Searcher searcher(build(dir));
  const std::string kv = "kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01#";
  const std::string faq = "faq-hack-clinical-diagnostics#";
  struct Case {
    std::vector<std::string> spellings;
    Xapian::doccount total;
    std::vector<std::string> top;
  };
  const std::vector<Case> cases = {
      {{"geinformeerd", "geïnformeerd"}, 8, {kv + "vraag-17", kv + "vraag-13", kv + "vraag-1"}},
      {{"zcert", "Z-Cert", "z cert"}, 7, {kv + "vraag-5", kv + "vraag-16", kv + "vraag-13"}},
      {{"backups", "back-ups"}, 1, {faq + "17-hoe-kunnen-labs-dit-in-de-toekomst-voorkomen"}},
      {{"485000", "485.000"}, 2, {faq + "2-hoeveel-mensen-zijn-getroffen", kv + "vraag-1"}},
      {{"ID's", "ID"}, 2, {faq + "16-waarom-zou-ik-een-digitaal-id-of-wallet-wel-vertrouwen", kv + "vraag-8"}},
      // "(oud-)deelnemers" in the documents is found as "deelnemers" too.
      {{"deelnemers"}, 8, {kv + "vraag-17", kv + "vraag-2", kv + "vraag-1"}},
  };
  const auto hits = [&searcher](const std::string& query, Xapian::doccount limit) {
    std::vector<std::string> found;
    for (const Hit& hit : run(searcher, query, limit).hits)
      found.push_back(hit.passage.document + "#" + hit.passage.anchor);
    return found;
  };
  for (const Case& k : cases) {
    for (const std::string& spelling : k.spellings) {
      EXPECT_EQ(run(searcher, spelling).total, k.total) << spelling;
      EXPECT_EQ(hits(spelling, 3), k.top) << spelling;
      EXPECT_EQ(hits(spelling, 50), hits(k.spellings.front(), 50)) << spelling;
    }
  }
}

TEST(Search, AQueryOfOnlyStopwordsStillFindsItsSection) {
  TempDir dir;
  const Searcher searcher(build(dir));
  const Results results = run(searcher, "wat kan ik zelf doen");
  ASSERT_FALSE(results.hits.empty());
  EXPECT_EQ(results.hits.front().passage.anchor, "11-wat-kan-ik-zelf-doen");
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
                            "uses (version: index 0, searcher 5); rebuild it with `vind index`");
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

namespace vind::searcher {
namespace {

// Issue 3's cases, through a real index of the corpus.
class DutchSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    searcher_ = new Searcher(build(*dir_));
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }
  static Results find(const std::string& query, bool partial = false, Sort sort = Sort::kRelevance) {
    SearchRequest request;
    request.query = query;
    request.options.partial = partial;
    request.sort = sort;
    return search(*searcher_, request);
  }
  // 18 passages, 14 of the answers (2025-09-01) and 4 of the FAQ (2025-10-13): all on one page.
  static SearchRequest laboratorium() {
    SearchRequest request;
    request.query = "laboratorium";
    request.limit = 50;
    return request;
  }
  static std::vector<std::string> anchors(const Results& results, std::size_t n = 3) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < std::min(n, results.hits.size()); ++i)
      out.push_back(results.hits[i].passage.anchor);
    return out;
  }
  static TempDir* dir_;
  static Searcher* searcher_;
};

TempDir* DutchSearch::dir_ = nullptr;
Searcher* DutchSearch::searcher_ = nullptr;

TEST_F(DutchSearch, CorrectsATypoAndSaysSo) {
  const Results results = find("losgelt betaald");
  EXPECT_EQ(results.corrected, "losgeld betaald");
  EXPECT_EQ(anchors(results, 1), std::vector<std::string>{"4-wie-zit-erachter-en-is-er-losgeld-betaald"});
  EXPECT_EQ(to_json(results).at("corrected"), "losgeld betaald");
  EXPECT_EQ(find("schadevergoedng").corrected, "schadevergoeding");
  EXPECT_TRUE(to_json(find("losgeld")).at("corrected").is_null());
}

TEST_F(DutchSearch, CorrectsNoWordTheDutchDictionaryKnows) {
  // Each is missing from this index, and each is one edit from a word it has.
  for (const char* word : {"kindje", "omgekomen", "ontgrendelt", "schadevergoedingen"})
    EXPECT_EQ(find(word).corrected, "") << word;
  // Real typos still are corrected.
  EXPECT_EQ(find("getrofen").corrected, "getroffen");
  EXPECT_EQ(find("burgerservicenumer").corrected, "burgerservicenummer");
  // A hyphenated word whose parts the index has keeps them all.
  EXPECT_EQ(find("BSN-nummer").corrected, "");
}

TEST_F(DutchSearch, ScoresByBm25TimesTheShareOfWordsMatched) {
  SearchRequest request;
  request.query = "losgeld Europol bitcoin wachtwoord";
  request.explain_scores = true;
  const Results results = search(*searcher_, request);
  ASSERT_GE(results.hits.size(), 3u);
  for (const Hit& hit : results.hits) {
    double sum = 0;
    std::size_t matched = 0;
    for (const auto& [word, share] : hit.contributions) sum += share, matched += share > 0;
    EXPECT_NEAR(sum, hit.bm25, 1e-6) << hit.passage.anchor << ": the shares add up to BM25";
    EXPECT_NEAR(hit.score, hit.bm25 * static_cast<double>(matched) / 4, 1e-6) << hit.passage.anchor;
  }
  for (std::size_t i = 1; i < results.hits.size(); ++i)
    EXPECT_GE(results.hits[i - 1].score, results.hits[i].score);
  request.ranking.coordination = 0;
  request.explain_scores = false;
  for (const Hit& hit : search(*searcher_, request).hits) EXPECT_EQ(hit.score, hit.bm25);
}

TEST_F(DutchSearch, FindsCompoundsThroughTheirParts) {
  EXPECT_EQ(anchors(find("kanker kind:faq"), 1),
            std::vector<std::string>{"5-zijn-andere-bevolkingsonderzoeken-geraakt"});
  EXPECT_EQ(anchors(find("phishing kind:kamervragen"), 1), std::vector<std::string>{"vraag-12"});
  // "dark web" is two words in the answers; "darkweb" finds them.
  EXPECT_EQ(anchors(find("darkweb"), 2), (std::vector<std::string>{"vraag-12", "vraag-2"}));
}

TEST_F(DutchSearch, FindsAbbreviationsAndTheirLongForms) {
  EXPECT_EQ(anchors(find("LUMC"), 1), std::vector<std::string>{"vraag-4"});  // "Leids Universitair Medisch Centrum"
  EXPECT_EQ(anchors(find("BSN vervangen"), 1),
            std::vector<std::string>{"14-waarom-is-er-nog-geen-oplossing-en-kan-het-bsn-niet-worden-vervangen"});
  const Results bzk = find("BZK");  // defined in the FAQ as "Ministerie van Binnenlandse Zaken (BZK)"
  EXPECT_EQ(anchors(bzk, 1), std::vector<std::string>{
                                 "14-waarom-is-er-nog-geen-oplossing-en-kan-het-bsn-niet-worden-vervangen"});
}

TEST_F(DutchSearch, ExactWordsRankAboveSynonymsAndParts) {
  EXPECT_EQ(anchors(find("tweefactorauthenticatie"), 1), std::vector<std::string>{"11-wat-kan-ik-zelf-doen"});
  EXPECT_EQ(anchors(find("NIS2"), 1),
            std::vector<std::string>{"10-waarom-worden-grote-techbedrijven-niet-aansprakelijk-gesteld"});
}

TEST_F(DutchSearch, CompletesTheLastWordWhilePeopleType) {
  EXPECT_EQ(anchors(find("tweefactor", true), 1), std::vector<std::string>{"11-wat-kan-ik-zelf-doen"});
  EXPECT_TRUE(find("tweefactor", false).hits.empty());
  EXPECT_EQ(anchors(find("wat kan ik zelf doen", true), 1), std::vector<std::string>{"11-wat-kan-ik-zelf-doen"});
}

TEST_F(DutchSearch, AnswersNaturalLanguageQuestions) {
  EXPECT_EQ(anchors(find("kan mijn burgerservicenummer worden veranderd"), 1),
            std::vector<std::string>{"14-waarom-is-er-nog-geen-oplossing-en-kan-het-bsn-niet-worden-vervangen"});
  EXPECT_EQ(anchors(find("is er losgeld betaald aan de hackers"), 1),
            std::vector<std::string>{"4-wie-zit-erachter-en-is-er-losgeld-betaald"});
}

TEST_F(DutchSearch, SortsByDateNewestFirst) {
  const Results results = find("datalek", false, Sort::kDate);
  ASSERT_GE(results.hits.size(), 2u);
  for (std::size_t i = 1; i < results.hits.size(); ++i)
    EXPECT_GE(results.hits[i - 1].passage.date, results.hits[i].passage.date);
  EXPECT_EQ(results.hits.front().passage.kind, "faq");  // 2025-10-13 after 2025-09-01
}

TEST_F(DutchSearch, ExplainsHowEachWordWasUnderstood) {
  const Results results = find("losgelt kanker LUMC");
  EXPECT_EQ(results.explanation,
            (std::vector<std::string>{
                "\"losgelt\": verbeterd tot \"losgeld\"; stam \"losgeld\" (in 2 passages)",
                "\"kanker\": stam \"kanker\" (in 1 passages); deel van samenstellingen (in 6 passages)",
                "\"LUMC\": stam \"lumc\" (in 0 passages); synoniemen: leids universitair medisch centrum",
            }));
}

// Grouped, the order of the documents is that of their best passages ungrouped, and each lists
// its next two passages in that order.
TEST_F(DutchSearch, GroupsPassagesPerDocumentBestFirst) {
  SearchRequest request = laboratorium();
  request.group_by_document = true;
  const Results grouped = search(*searcher_, request);
  EXPECT_TRUE(grouped.grouped);
  EXPECT_EQ(grouped.total, 2u);
  ASSERT_EQ(grouped.hits.size(), 2u);
  const auto more = [](const Hit& hit) {
    std::vector<std::string> anchors;
    for (const Hit& m : hit.more) anchors.push_back(m.passage.anchor);
    return anchors;
  };
  EXPECT_EQ(grouped.hits[0].rank, 1u);
  EXPECT_EQ(grouped.hits[0].passage.anchor, "vraag-9");
  EXPECT_EQ(more(grouped.hits[0]), (std::vector<std::string>{"vraag-1", "vraag-11"}));
  EXPECT_EQ(grouped.hits[0].document_matches, 14u);
  EXPECT_EQ(grouped.hits[1].rank, 2u);
  EXPECT_EQ(grouped.hits[1].passage.anchor, "10-waarom-worden-grote-techbedrijven-niet-aansprakelijk-gesteld");
  EXPECT_EQ(more(grouped.hits[1]),
            (std::vector<std::string>{"5-zijn-andere-bevolkingsonderzoeken-geraakt", "1-wat-is-er-precies-gebeurd"}));
  EXPECT_EQ(grouped.hits[1].document_matches, 4u);
  EXPECT_EQ(find("laboratorium").total, 18u);  // 14 + 4 passages

  request.offset = 1;
  request.limit = 1;
  const Results second = search(*searcher_, request);
  EXPECT_EQ(second.total, 2u);
  ASSERT_EQ(second.hits.size(), 1u);
  EXPECT_EQ(second.hits[0].rank, 2u);
  EXPECT_EQ(second.hits[0].passage.document, "faq-hack-clinical-diagnostics");

  const nlohmann::json json = to_json(grouped);
  EXPECT_EQ(json.at("group"), "document");
  EXPECT_EQ(json.at("results").at(1).at("matches_in_document"), 4);
  nlohmann::json first_more = json.at("results").at(1).at("more").at(0);
  EXPECT_GT(first_more.at("score").get<double>(), 0);
  first_more.erase("score");
  first_more.erase("snippet");
  EXPECT_EQ(first_more, nlohmann::json({{"section", "5. Zijn andere bevolkingsonderzoeken geraakt?"},
                                        {"short_section", "5. Zijn andere bevolkingsonderzoeken geraakt?"},
                                        {"anchor", "5-zijn-andere-bevolkingsonderzoeken-geraakt"},
                                        {"url", "/faq-hack-clinical-diagnostics/#5-zijn-andere-bevolkingsonderzoeken-geraakt"}}));
}

TEST_F(DutchSearch, CountsMatchingPassagesPerKindAndYear) {
  SearchRequest request = laboratorium();
  request.facets = true;
  const Results results = search(*searcher_, request);
  ASSERT_TRUE(results.facets);
  const auto pairs = [](const std::vector<FacetValue>& values) {
    std::vector<std::pair<std::string, Xapian::doccount>> out;
    for (const FacetValue& v : values) out.emplace_back(v.value, v.count);
    return out;
  };
  using Counts = std::vector<std::pair<std::string, Xapian::doccount>>;
  EXPECT_EQ(pairs(results.facets->kinds), (Counts{{"kamervragen", 14}, {"faq", 4}}));
  EXPECT_EQ(pairs(results.facets->years), (Counts{{"2025", 18}}));
  EXPECT_EQ(results.facets->counted, 18u);
  EXPECT_TRUE(results.facets->exact);
  EXPECT_EQ(to_json(results).at("facets"),
            nlohmann::json::parse(R"({"kind": [{"value": "kamervragen", "count": 14}, {"value": "faq", "count": 4}],
                                      "year": [{"value": "2025", "count": 18}], "counted": 18, "exact": true})"));
  // Filtered, the counts are those of what is left.
  request.kinds = {"faq"};
  EXPECT_EQ(pairs(search(*searcher_, request).facets->kinds), (Counts{{"faq", 4}}));
  EXPECT_FALSE(find("laboratorium").facets);
  EXPECT_FALSE(to_json(find("laboratorium")).contains("facets"));
}

// The FAQ is dated 2025-10-13, the answers to the questions 2025-09-01.
TEST_F(DutchSearch, KeepsOnlyDocumentsDatedInTheRange) {
  const auto kinds_found = [](const std::string& from, const std::string& to) {
    SearchRequest request = laboratorium();
    request.dates = date_range(from, to);
    std::map<std::string, std::size_t> kinds;
    for (const Hit& hit : search(*searcher_, request).hits) ++kinds[hit.passage.kind];
    return kinds;
  };
  using Kinds = std::map<std::string, std::size_t>;
  EXPECT_EQ(kinds_found("2025-10-01", ""), (Kinds{{"faq", 4}}));
  EXPECT_EQ(kinds_found("", "2025-09-30"), (Kinds{{"kamervragen", 14}}));
  EXPECT_EQ(kinds_found("2025-09-01", "2025-09-01"), (Kinds{{"kamervragen", 14}}));
  EXPECT_EQ(kinds_found("2025-10-13", "2026-01-01"), (Kinds{{"faq", 4}}));
  EXPECT_EQ(kinds_found("2025-09-02", "2025-10-12"), Kinds{});
  EXPECT_EQ(kinds_found("", ""), (Kinds{{"faq", 4}, {"kamervragen", 14}}));
}

}  // namespace
}  // namespace vind::searcher
