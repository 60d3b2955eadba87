#include "searcher/result_text.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "searcher/json_output.h"
#include "searcher/search.h"
#include "searcher/text_output.h"
#include "test_index.h"

namespace vind::searcher {
namespace {

using vind::testing::source_dir;
using vind::testing::TempDir;

TEST(ResultText, ShortensAtAWordBoundaryWithAnEllipsis) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"kort", "kort"},
      {"precies tien", "precies tien"},  // 12 code points: fits
      {"drie woorden hier", "drie…"},
      {"één twee drie", "één twee…"},  // code points, not bytes
      {"aaaa bbbb, cccc", "aaaa bbbb…"},  // no comma before the ellipsis
      {"tien tekens hier", "tien tekens…"},  // a word that ends where the cut is stays
      {"eenzeerlangwoord", "eenzeerlang…"},
  };
  for (const auto& [text, short_text] : cases) EXPECT_EQ(shortened(text, 12), short_text) << text;
}

Results run(const Searcher& searcher, const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.limit = 1;
  return search(searcher, request);
}

std::string text_of(const Results& results) {
  std::ostringstream out;
  write_text(results, out, {});
  return out.str();
}

TEST(ResultText, AKamervragenHitShowsWhoAnsweredAndTheQuestionCut) {
  TempDir dir;
  const Searcher searcher(vind::testing::build_test_index(dir));
  const Results results = run(searcher, "centraal systeem Estland");
  ASSERT_EQ(results.hits.size(), 1u);
  const nlohmann::json hit = to_json(results).at("results").at(0);
  EXPECT_EQ(hit.at("title"),
            "Antwoord van staatssecretaris Tielen (Volksgezondheid, Welzijn en Sport), mede namens de "
            "minister van Volksgezondheid, Welzijn en Sport (ontvangen 1 september 2025)");
  EXPECT_EQ(hit.at("short_title"), "Antwoord van staatssecretaris Tielen");
  EXPECT_EQ(hit.at("section"),
            "Vraag 9: Bent u bekend met systemen waarbij data bij de bron wordt onthouden en pas bij "
            "verwijzing kunnen worden ingezien, met volledige logging van inzage? Hoe beoordeelt u de "
            "veiligheid van dit decentrale model ten opzichte van een centraal systeem zoals in Estland?");
  EXPECT_EQ(hit.at("short_section"), "Vraag 9: Bent u bekend met systemen waarbij data bij de bron wordt…");
  EXPECT_TRUE(text_of(results).starts_with(
      "1. Vraag 9: Bent u bekend met systemen waarbij data bij de bron wordt…\n"
      "   Antwoord van staatssecretaris Tielen · 2025-09-01\n"
      "   /kamervragen/antwoord-hack-clinical-diagnostics-2025-09-01/#vraag-9\n"))
      << text_of(results);
}

TEST(ResultText, AOnePassagePageShowsItsTitleOnce) {
  TempDir dir;
  const Searcher searcher(vind::testing::build_test_index(
      dir, {source_dir() / "tests/data/jekyll/questions-in-app__nl__2-6-ik-heb-geen-bsn-hoe-krijg-ik-mijn-coronabewijs.md"}));
  const Results results = run(searcher, "patiëntnummer");
  ASSERT_EQ(results.hits.size(), 1u);
  const nlohmann::json hit = to_json(results).at("results").at(0);
  EXPECT_EQ(hit.at("title"), "Ik heb geen burgerservicenummer (BSN). Hoe krijg ik mijn coronabewijs?");
  EXPECT_EQ(hit.at("section"), "Ik heb geen burgerservicenummer (BSN). Hoe krijg ik mijn coronabewijs?");
  EXPECT_EQ(hit.at("short_section"), "Ik heb geen burgerservicenummer (BSN). Hoe krijg ik mijn coronabewijs?");
  EXPECT_EQ(hit.at("short_title"), "");
  EXPECT_TRUE(text_of(results).starts_with("1. Ik heb geen burgerservicenummer (BSN). Hoe krijg ik mijn coronabewijs?\n"
                                           "   " + passage_url(results.hits[0].passage) + "\n"))
      << text_of(results);
}

}  // namespace
}  // namespace vind::searcher
