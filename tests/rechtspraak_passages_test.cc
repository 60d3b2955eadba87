#include "readers/rechtspraak_passages.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "passage_lists.h"
#include "temp_dir.h"

namespace vind::readers {
namespace {

using vind::testing::anchors;
using vind::testing::headings;
using vind::testing::read_text;
using vind::testing::source_dir;

using Fields = std::vector<std::pair<std::string, std::string>>;

// Real decisions from the bench corpus, bytes unchanged: a Hoge Raad judgment numbered in running
// text (1995), an Advocate General's opinion (1995) and a CBb judgment with <section>, <paragroup>
// and <nr> elements (2013).
std::filesystem::path data(const std::string& name) { return source_dir() / "tests/data/rechtspraak" / name; }

Document real(const std::string& name) { return read_document(data(name)); }

Document in_memory(const std::string& xml) { return rechtspraak_passages({"mem/r.xml", xml}); }

std::string decision(const std::string& body) {
  return "<open-rechtspraak><uitspraak xmlns=\"http://www.rechtspraak.nl/schema/rechtspraak-1.0\">" + body +
         "</uitspraak></open-rechtspraak>";
}

TEST(RechtspraakPassages, SplitsAJudgmentAtItsNumberedParts) {
  const Document doc = real("ECLI.NL.HR.1995.AA1568.xml");
  // The summary is "-": no passage.
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"uitspraak", "uitspraak-1", "uitspraak-2", "uitspraak-3",
                                                    "uitspraak-4", "uitspraak-5"}));
  EXPECT_EQ(headings(doc), (std::vector<std::string>{"Uitspraak", "Uitspraak 1", "Uitspraak 2", "Uitspraak 3",
                                                     "Uitspraak 4", "Uitspraak 5"}));
  EXPECT_EQ(doc.passages[4].text,
            "4. Proceskosten De Hoge Raad acht geen termen aanwezig voor een veroordeling in de proceskosten "
            "als bedoeld in artikel 5a van de Wet administratieve rechtspraak belastingzaken.");
  EXPECT_EQ(doc.passages[4].number, 4);
}

TEST(RechtspraakPassages, ReadsTheMetadataAsFields) {
  const Document doc = real("ECLI.NL.HR.1995.AA1568.xml");
  EXPECT_EQ(doc.title, "ECLI:NL:HR:1995:AA1568 Hoge Raad, 26-04-1995 / 30387");
  EXPECT_EQ(doc.date, "1995-04-26");
  EXPECT_EQ(doc.url, "http://deeplink.rechtspraak.nl/uitspraak?id=ECLI:NL:HR:1995:AA1568");
  EXPECT_EQ(doc.kind, schema::Kind::kRechtspraak);
  EXPECT_EQ(doc.format, "rechtspraak-xml");
  EXPECT_EQ(doc.fields, (Fields{{"ECLI", "ECLI:NL:HR:1995:AA1568"},
                                {"Publicatiedatum", "2013-04-04"},
                                {"Vervangt", "AA1568"},
                                {"Instantie", "Hoge Raad"},
                                {"Uitspraakdatum", "1995-04-26"},
                                {"Zaaknr", "30387"},
                                {"Procedure", "Cassatie"},
                                {"Rechtsgebied", "Bestuursrecht; Belastingrecht"},
                                {"Vindplaatsen", "Rechtspraak.nl; BNB 1995/194; WFR 1995/676; FED 1995/371; "
                                                 "WFR 1995/676, 1; V-N 1995/1663, 8 met annotatie door Kluwer"}}));
}

TEST(RechtspraakPassages, TakesShortFirstParagraphsAsHeadings) {
  const Document doc = real("ECLI.NL.PHR.1995.AA3128.xml");
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"conclusie", "conclusie-1", "conclusie-2", "conclusie-3",
                                                    "conclusie-4", "conclusie-5", "conclusie-6", "conclusie-7",
                                                    "conclusie-8"}));
  EXPECT_EQ(headings(doc), (std::vector<std::string>{
                               "Conclusie", "1. Feiten en procesverloop.",
                               "2. Omzetbelasting, verschuldigd over prijssubsidies",
                               "3. De EG-subsidie voor produktie van zaaizaden",
                               "4. Nader: het karakter van de onderhavige subsidie.", "5. De bestreden uitspraak.",
                               "6. Beoordeling van de klachten.", "7. Beschouwing ambtshalve.", "8. Conclusie."}));
  EXPECT_EQ(doc.date, "1995-12-06");  // "Datum genomen" for an opinion
}

// <nr> elements number the parts; "<nr>12</nr>114" is a case number 12/114 that opens nothing.
TEST(RechtspraakPassages, ReadsNumberElementsOfStructuredDecisions) {
  const Document doc = real("ECLI.NL.CBB.2013.345.xml");
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"inhoudsindicatie", "uitspraak", "uitspraak-1", "uitspraak-2",
                                                    "uitspraak-3", "uitspraak-4", "uitspraak-5", "uitspraak-6"}));
  EXPECT_EQ(doc.passages[0].text, "Wet vermindering afdracht loonbelasting en premie volksverzeringen");
  EXPECT_TRUE(doc.passages[2].text.starts_with(
      "1. Appellante heeft op respectievelijk 30 november 2010 en 30 mei 2011 een vormvrije aanvraag voor "
      "een S&O-verklaring ingediend."))
      << doc.passages[2].text;
  EXPECT_NE(doc.passages[1].text.find("\n\n12 114\n\nBij besluit van 11 juli 2011"), std::string::npos)
      << doc.passages[1].text;
}

TEST(RechtspraakPassages, OpensPartsOnlyInOrder) {
  const Document doc = in_memory(decision(
      "<para>Partijen:</para><para>1. A, te B,</para><para>2. C, te D.</para>"
      "<para>2 februari 2012: zitting.</para><para>1.000 euro griffierecht.</para>"
      "<para>Overwegingen</para><para>1. Eerst dit.</para><para>1.1. Een deel.</para>"
      "<para>3. Een sprong, geen deel.</para><para>2. Dan dat.</para>"));
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"uitspraak", "uitspraak-1", "uitspraak-2", "uitspraak-1-2",
                                                    "uitspraak-2-2"}));
  EXPECT_EQ(doc.passages[2].heading, "2. C, te D.");
  EXPECT_EQ(doc.passages[2].text, "2 februari 2012: zitting.\n\n1.000 euro griffierecht.\n\nOverwegingen");
  EXPECT_EQ(doc.passages[3].text, "1.1. Een deel.\n\n3. Een sprong, geen deel.");
  EXPECT_EQ(doc.passages[3].heading, "1. Eerst dit.");
}

TEST(RechtspraakPassages, RefusesWhatIsNoDecision) {
  const std::string full = read_text(data("ECLI.NL.PHR.1995.AA3128.xml"));
  try {
    in_memory(full.substr(0, full.size() - 100));
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(": malformed XML: "), std::string::npos) << e.what();
  }
  try {
    in_memory("<open-rechtspraak><inhoudsindicatie><para>Alleen dit</para></inhoudsindicatie></open-rechtspraak>");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "mem/r.xml: no <uitspraak> or <conclusie> in <open-rechtspraak>; expected a court decision in "
              "Rechtspraak XML");
  }
  EXPECT_EQ(in_memory(decision("<para/><para> </para>")).passages.size(), 0u);
}

TEST(RechtspraakPassages, SniffsTheOpenDataRoot) {
  EXPECT_TRUE(looks_like_rechtspraak(read_text(data("ECLI.NL.HR.1995.AA1568.xml"))));
  EXPECT_TRUE(looks_like_rechtspraak("<!-- x --><open-rechtspraak>"));
  EXPECT_FALSE(looks_like_rechtspraak("<officiele-publicatie><handelingen>"));
  EXPECT_FALSE(looks_like_rechtspraak("open-rechtspraak"));
}

}  // namespace
}  // namespace vind::readers
