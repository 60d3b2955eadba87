#include "indexer/vocabulary.h"

#include <gtest/gtest.h>

#include "analysis/synonyms.h"
#include "indexer/build_index.h"
#include "temp_dir.h"

namespace vind::indexer {
namespace {

using vind::testing::source_dir;
using vind::testing::TempDir;

std::vector<std::string> defined(std::string_view text) {
  std::vector<std::string> out;
  for (const Definition& d : abbreviations(text)) out.push_back(d.abbreviation + " = " + d.long_form);
  return out;
}

struct DefinitionCase {
  const char* text;
  std::vector<std::string> definitions;
};

TEST(Abbreviations, LearnsDefinitionsWhoseLettersSpellTheAbbreviation) {
  const std::vector<DefinitionCase> cases = {
      {"melding bij de Autoriteit Persoonsgegevens (AP) en", {"AP = Autoriteit Persoonsgegevens"}},
      {"de Inspectie Gezondheidszorg en Jeugd (IGJ).", {"IGJ = Inspectie Gezondheidszorg en Jeugd"}},
      {"het wetsvoorstel Cyberbeveilingswet (Cbw) op", {"Cbw = Cyberbeveilingswet"}},
      {"aan Bevolkingsonderzoek Nederland (BVO NL) gemeld", {"BVO NL = Bevolkingsonderzoek Nederland"}},
      {"het Ministerie van Binnenlandse Zaken (BZK) onderzoekt", {"BZK = Binnenlandse Zaken"}},
      // Not definitions: lowercase asides, numbers, letters that do not spell it.
      {"naar (oud-)deelnemers en (ex-)gedetineerden", {}},
      {"in 2025 (ontvangen 1 september)", {}},
      {"de groep Nova (NMDL) zei", {}},
      {"meervoudige authenticatie (MFA)", {}},  // English letters: the curated list has it
      {"(AP) at the start", {}},
  };
  for (const DefinitionCase& c : cases) EXPECT_EQ(defined(c.text), c.definitions) << c.text;
}

TEST(Synonyms, ParsesGroupsAndSkipsCommentsAndSingletons) {
  const auto groups = analysis::parse_synonyms("# x\nbsn = burgerservicenummer # y\nalleen\n a = b c = d \n");
  EXPECT_EQ(groups, (std::vector<analysis::SynonymGroup>{{"bsn", "burgerservicenummer"}, {"a", "b c", "d"}}));
  EXPECT_FALSE(analysis::curated_synonyms().empty());
}

TEST(BuildIndex, StoresLearnedAndCuratedSynonymsAndSpellingData) {
  TempDir dir;
  Options options;
  options.inputs = {source_dir() / "corpus"};
  options.database = dir / "db";
  build_index(options);
  Xapian::Database db(options.database.string());
  const auto synonyms = [&](const std::string& key) {
    return std::vector<std::string>(db.synonyms_begin(key), db.synonyms_end(key));
  };
  EXPECT_EQ(synonyms("igj"), (std::vector<std::string>{"Inspectie Gezondheidszorg & Jeugd",
                                                       "Inspectie Gezondheidszorg en Jeugd",
                                                       "inspectie gezondheidszorg en jeugd", "zorginspectie"}));
  EXPECT_EQ(synonyms("bsn"), (std::vector<std::string>{"burgerservicenummer", "sofinummer"}));
  // Abbreviations no document of the corpus spells out: only the curated list knows them.
  EXPECT_EQ(synonyms("uwv"), (std::vector<std::string>{"uitvoeringsinstituut werknemersverzekeringen"}));
  EXPECT_EQ(synonyms("bco"), (std::vector<std::string>{"bron- en contactonderzoek", "contactonderzoek"}));
  EXPECT_EQ(synonyms("duo"), (std::vector<std::string>{})) << "a Dutch word of its own: left out";
  EXPECT_EQ(db.get_spelling_suggestion("losgelt"), "losgeld");
  EXPECT_EQ(db.get_spelling_suggestion("schadevergoedng", 2), "schadevergoeding");
}

TEST(BuildIndex, ForgetsTheSpellingOfPassagesItReplaces) {
  TempDir dir;
  const auto file = dir.write("docs/a.md", "## 1. Vraag\nHet woord zeldzaamheid staat hier.\n");
  Options options;
  options.inputs = {dir / "docs"};
  options.database = dir / "db";
  build_index(options);
  EXPECT_EQ(Xapian::Database(options.database.string()).get_spelling_suggestion("zeldzaamheit"), "zeldzaamheid");
  dir.write("docs/a.md", "## 1. Vraag\nNu staat er iets anders.\n");
  build_index(options);
  EXPECT_EQ(Xapian::Database(options.database.string()).get_spelling_suggestion("zeldzaamheit"), "");
}

}  // namespace
}  // namespace vind::indexer

namespace vind::analysis {
namespace {

TEST(Abbreviates, NeedsTheFirstLetterAndTheRestInOrder) {
  EXPECT_TRUE(abbreviates("BSN", "burgerservicenummer"));
  EXPECT_TRUE(abbreviates("bvo nl", "Bevolkingsonderzoek Nederland"));
  EXPECT_TRUE(abbreviates("Cbw", "Cyberbeveilingswet"));
  EXPECT_FALSE(abbreviates("MFA", "meervoudige authenticatie"));  // no f
  EXPECT_FALSE(abbreviates("ap", "persoonsgegevens"));             // first letter differs
  EXPECT_FALSE(abbreviates("nis2", "nis2-richtlijn"));              // not letters only
  EXPECT_FALSE(abbreviates("burgerservicenummer", "bsn"));          // not shorter
}

}  // namespace
}  // namespace vind::analysis
