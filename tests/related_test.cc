#include "searcher/related.h"

#include <gtest/gtest.h>

#include "analysis/error.h"
#include "searcher/json_output.h"
#include "test_index.h"

namespace vind::searcher {
namespace {

using vind::testing::TempDir;

class Related : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    searcher_ = new Searcher(vind::testing::build_test_index(*dir_));
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }
  static std::vector<std::string> found(const std::string& document, const std::string& anchor, Xapian::doccount limit = 5) {
    std::vector<std::string> out;
    const std::optional<Results> results = related(*searcher_, {document, anchor, limit});
    if (!results) return {"no such passage"};
    for (const Hit& hit : results->hits)
      out.push_back(hit.passage.document + "#" + hit.passage.anchor);
    return out;
  }
  static TempDir* dir_;
  static Searcher* searcher_;
};

TempDir* Related::dir_ = nullptr;
Searcher* Related::searcher_ = nullptr;

const std::string kFaq = "faq-hack-clinical-diagnostics";
const std::string kAnswers = "kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01";

// The answers of the minister never say "losgeld": what joins them to the FAQ's ransom section
// is the hack, the lab and the criminals.
TEST_F(Related, FindsTheMinistersAnswersBesideAFaqSection) {
  EXPECT_EQ(found(kFaq, "4-wie-zit-erachter-en-is-er-losgeld-betaald"),
            (std::vector<std::string>{kAnswers + "#vraag-9", kAnswers + "#vraag-4", kAnswers + "#vraag-1",
                                      kAnswers + "#vraag-5", kAnswers + "#vraag-16"}));
}

TEST_F(Related, FindsTheFaqBesideAnAnswer) {
  EXPECT_EQ(found(kAnswers, "vraag-10", 3),
            (std::vector<std::string>{kFaq + "#10-waarom-worden-grote-techbedrijven-niet-aansprakelijk-gesteld",
                                      kFaq + "#3-waarom-kwam-de-melding-pas-later", kFaq + "#8-wat-doet-de-overheid"}));
}

TEST_F(Related, AnswersLikeASearch) {
  const std::optional<Results> results = related(*searcher_, {kFaq, "4-wie-zit-erachter-en-is-er-losgeld-betaald", 1});
  ASSERT_TRUE(results);
  const nlohmann::json json = to_json(*results);
  EXPECT_EQ(json.at("query"), kFaq + "#4-wie-zit-erachter-en-is-er-losgeld-betaald");
  EXPECT_EQ(json.at("total"), 10);  // answers only: none of the FAQ's own sections
  ASSERT_EQ(json.at("results").size(), 1u);
  // The stems the query was made of are marked.
  EXPECT_EQ(json.at("results").at(0).at("snippet"),
            "… logging van inzage <mark>plaats</mark> moet vinden. Ook in de situatie van laboratoriumonderzoek "
            "zou gebruik gemaakt kunnen worden van dit communicatiepatroon. Dit communicatiepatroon kan echter "
            "niet het hacken van <mark>data</mark> uit …");
}

TEST_F(Related, SaysSoWhenThereIsNoSuchPassage) {
  EXPECT_FALSE(related(*searcher_, {kFaq, "no-such-anchor"}));
  EXPECT_FALSE(related(*searcher_, {"no-such-document", "vraag-1"}));
  try {
    related(*searcher_, {kFaq, "4-wie-zit-erachter-en-is-er-losgeld-betaald", 21});
    FAIL() << "no error";
  } catch (const BadRequest& e) {
    EXPECT_EQ(std::string(e.what()), "limit must be between 1 and 20, not 21");
  }
}

// Copies of the passage's own text, on other pages, are the same passage, not related ones.
TEST(RelatedCopies, LeavesOutCopiesOfThePassage) {
  TempDir dir;
  const std::string answer = "De QR-code verloopt na 40 uur, dan maakt u een nieuwe testbewijs aan.";
  dir.write("faq/vraag.md", "## Hoe lang is een testbewijs geldig?\n\n" + answer + "\n");
  dir.write("faq/app/vraag.md", "## Geldigheid\n\n" + answer + "\n");
  dir.write("faq/anders.md", "## Een ander antwoord\n\nDe QR-code verloopt na 24 uur.\n");
  // Words in every passage tell nothing apart: relevance feedback needs passages without them.
  for (const char* other : {"reizen", "vaccin", "privacy", "hulp"})
    dir.write(std::string("faq/") + other + ".md", std::string("## Over ") + other + "\n\nLees meer over " + other + ".\n");
  const Searcher searcher(vind::testing::build_test_index(dir, {dir / "faq"}));
  std::vector<std::string> found;
  const std::optional<Results> results = related(searcher, {"vraag", "hoe-lang-is-een-testbewijs-geldig", 5});
  ASSERT_TRUE(results);
  for (const Hit& hit : results->hits)
    found.push_back(hit.passage.document + "#" + hit.passage.anchor);
  EXPECT_EQ(found, (std::vector<std::string>{"anders#een-ander-antwoord"}));
}

}  // namespace
}  // namespace vind::searcher
