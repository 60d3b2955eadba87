#include "analysis/compounds.h"

#include <gtest/gtest.h>

#include "analysis/analyser.h"
#include "analysis/error.h"

namespace vind::analysis {
namespace {

// The real list from Debian's wdutch, as the indexer uses it.
const Decompounder& dutch() {
  static const Decompounder d(kDutchWordList);
  return d;
}

struct SplitCase {
  const char* word;
  std::vector<std::string> parts;  // empty: not a compound
};

TEST(Decompounder, SplitsDutchCompoundsAtLinkingSounds) {
  const std::vector<SplitCase> cases = {
      {"bevolkingsonderzoek", {"bevolking", "onderzoek"}},  // -s-
      // The head is split again: "kanker" must find it.
      {"baarmoederhalskanker", {"baarmoeder", "halskanker", "hals", "kanker"}},
      {"borstkanker", {"borst", "kanker"}},
      {"persoonsgegevens", {"persoon", "gegevens"}},
      {"bewaartermijnen", {"bewaar", "termijnen"}},
      {"phishingaanvallen", {"phishing", "aanvallen"}},
      {"datalek", {"data", "lek"}},
      {"tweefactorauthenticatie", {"twee", "factor", "authenticatie"}},
      {"ziekenhuizen", {"zieken", "huizen"}},
      // Not compounds: derivations, particle verbs, short or unknown words.
      {"natuurlijk", {}},
      {"verantwoordelijkheid", {}},
      {"onderzoek", {}},
      {"aanval", {}},
      {"uitslag", {}},
      {"voorbeeld", {}},
      {"kanker", {}},
      {"nmdl", {}},
  };
  for (const SplitCase& c : cases) EXPECT_EQ(dutch().split(c.word), c.parts) << c.word;
}

TEST(Decompounder, NamesItsListByContent) {
  const Decompounder a(std::vector<std::string>{"data", "lek"});
  const Decompounder b(std::vector<std::string>{"data", "lek"});
  const Decompounder c(std::vector<std::string>{"data", "lekken"});
  EXPECT_EQ(a.identity(), b.identity());
  EXPECT_NE(a.identity(), c.identity());
  EXPECT_TRUE(a.identity().starts_with("dutch:"));
  EXPECT_EQ(a.split("datalek"), (std::vector<std::string>{"data", "lek"}));
}

TEST(Analyser, AddsCompoundPartsOnlyWithADecompounder) {
  AnalysisSettings settings = default_settings();
  settings.compounds = dutch().identity();
  const Analyser indexing(settings, &dutch());
  EXPECT_EQ(describe(indexing.words("Bevolkingsonderzoek")),
            std::vector<std::string>{
                "bevolkingsonderzoek/bevolkingsonderzoek {bevolking/bevolk onderzoek/onderzoek}"});
  const Analyser querying(settings);
  EXPECT_EQ(describe(querying.words("Bevolkingsonderzoek")),
            std::vector<std::string>{"bevolkingsonderzoek/bevolkingsonderzoek"});
}

TEST(Analyser, RefusesADecompounderTheSettingsDoNotName) {
  try {
    Analyser analyser(default_settings(), &dutch());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "analysis settings: compound word list \"" + dutch().identity() +
                                         "\" is not the one the settings name (\"\")");
  }
}

}  // namespace
}  // namespace vind::analysis
