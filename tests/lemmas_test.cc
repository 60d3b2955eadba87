#include <gtest/gtest.h>

#include "analysis/analyser.h"
#include "analysis/compounds.h"
#include "analysis/error.h"
#include "analysis/lemmas.h"
#include "analysis/settings.h"

namespace vind::analysis {
namespace {

const Lemmatiser& dutch() {
  static const Lemmatiser lemmatiser(kDutchDictionary);
  return lemmatiser;
}

TEST(Lemmatiser, GivesTheDictionaryForm) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"brieven", "brief"},        {"huisartsen", "huisarts"}, {"kindje", "kind"},
      {"werkt", "werk"},           {"grote", "groot"},         {"mensen", "mens"},
      {"zaken", "zaak"},  // not "zak": the longest lemma shorter than the word
      {"bomen", "boom"},           {"wetten", "wet"},
      // A compound: its last part lemmatised, not Hunspell's first part ("kantoor").
      {"kantoorpanden", "kantoorpand"}, {"stroomverbruik", "stroomverbruik"},
      {"weet", "weet"},
      {"xqzvw", ""},  // unknown
  };
  for (const auto& [word, lemma] : cases) EXPECT_EQ(dutch().lemma(word), lemma) << word;
}

TEST(Lemmatiser, KnowsDutchWordsAsWrittenOrInLowerCase) {
  for (const char* word : {"kindje", "omgekomen", "ontgrendelt", "BSN", "Nederland", "coronamelder"})
    EXPECT_TRUE(dutch().known(word)) << word;
  for (const char* word : {"getrofen", "andriod", "aktief", "kernal", "burgerservicenumer", "bsn"})
    EXPECT_FALSE(dutch().known(word)) << word;
}

TEST(Lemmatiser, ReadsCompoundParts) {
  EXPECT_EQ(dutch().compound_parts("stroomverbruik"), (std::vector<std::string>{"stroom", "verbruik"}));
  EXPECT_EQ(dutch().compound_parts("brieven"), std::vector<std::string>{});
}

TEST(Lemmatiser, NamesAMissingDictionary) {
  try {
    Lemmatiser("/nonexistent/nl");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "/nonexistent/nl.aff: cannot read the Dutch dictionary (install hunspell-nl, or index "
              "with --no-lemmas)");
  }
}

AnalysisSettings with_dictionary() {
  AnalysisSettings settings = default_settings();
  settings.lemmas = dutch().identity();
  return settings;
}

std::vector<std::string> terms(std::string_view text) {
  static const Analyser analyser(with_dictionary(), nullptr, &dutch());
  return describe(analyser.words(text));
}

TEST(Analyser, StemsTheLemmaWithADictionary) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      // Inflections Snowball keeps apart ("briev", "huisart", "kindj", "werkt") are one term.
      {"brief brieven", {"brief/brief", "brieven/brief"}},
      {"huisarts huisartsen", {"huisarts/huisart", "huisartsen/huisart"}},
      {"kind kindje", {"kind/kind", "kindje/kind"}},
      {"werken werkt", {"werken/werk", "werkt/werk"}},
      // A vowel is not undoubled when the dictionary gave the lemma: "weet" (know) is no "wet"
      // (law), "zaak" no "zak", while "grote" still meets "groot".
      {"weet wet", {"weet/weet", "wet/wet"}},
      {"zaak zaken zak", {"zaak/zaak", "zaken/zaak", "zak/zak"}},
      {"groot grote", {"groot/groot", "grote/groot"}},
      // Words with diacritics stem as typed without them would.
      {"patiënten patienten", {"patienten/patient", "patienten/patient"}},
      // A stopword in capitals is an abbreviation: the Openbaar Ministerie.
      {"het OM om", {"het/-", "om/om", "om/-"}},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(terms(text), expected) << text;
}

TEST(Analyser, SplitsWordsGluedToAStopwordOnTheIndexSide) {
  const Decompounder compounds(std::vector<std::string>{"kabinet", "onderzoek"});
  AnalysisSettings settings = with_dictionary();
  settings.compounds = compounds.identity();
  const Analyser indexer(settings, &compounds, &dutch());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"hetkabinet", "hetkabinet/hetkabinet [het/- kabinet/kabinet]"},
      {"inNederland", "innederland/innederland [in/- nederland/nederland]"},
      {"vermistenop", "vermistenop/vermistenop [vermisten/vermist op/-]"},
      {"vanhetkabinet", "vanhetkabinet/vanhetkabinet [van/- het/- kabinet/kabinet]"},
      // Hyphenation debris and words the dictionary knows stay whole.
      {"gemakke", "gemakke/gemak"},
      {"kabinet", "kabinet/kabinet"},
  };
  for (const auto& [text, expected] : cases)
    EXPECT_EQ(describe(indexer.words(text)), std::vector<std::string>{expected}) << text;
  const Analyser searcher(settings, nullptr, &dutch());
  EXPECT_EQ(describe(searcher.words("kernal")), std::vector<std::string>{"kernal/kernal"})
      << "a query word the index lacks is a typo, not two words";
}

TEST(Analyser, RefusesADictionaryTheSettingsDoNotName) {
  try {
    Analyser(default_settings(), nullptr, &dutch());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "analysis settings: dictionary \"" + dutch().identity() +
                                         "\" is not the one the settings name (\"\")");
  }
}

}  // namespace
}  // namespace vind::analysis
