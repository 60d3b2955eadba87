#include "readers/handelingen_passages.h"

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

// Real Handelingen from the bench corpus (vergaderjaar 2017-2018), bytes unchanged: 50-1 and
// 61-10 start with a BOM and have CRLF line ends; 70-6 and 70-13 are pretty-printed and were saved
// as UTF-8 twice.
std::filesystem::path data(const std::string& name) { return source_dir() / "tests/data/handelingen" / name; }

Document real(const std::string& name) { return read_document(data(name)); }

Document in_memory(const std::string& xml) { return handelingen_passages({"mem/h.xml", xml}); }

std::string wrapped(const std::string& handelingen) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<officiele-publicatie><handelingen>" + handelingen +
         "</handelingen></officiele-publicatie>";
}

std::string refusal(const std::string& xml) {
  try {
    in_memory(xml);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(HandelingenPassages, ReadsOnePassagePerSpeechAndOneForTheItem) {
  const Document doc = real("h-tk-20172018-70-6.xml");
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"agendapunt-6", "spreekbeurt-1", "spreekbeurt-2",
                                                    "spreekbeurt-3", "spreekbeurt-4", "spreekbeurt-5",
                                                    "spreekbeurt-6", "spreekbeurt-7"}));
  EXPECT_EQ(headings(doc), (std::vector<std::string>{
                               "Stemmingen moties Informele Milieuraad d.d. 10-11 april 2018",
                               "De voorzitter", "De voorzitter", "De heer Graus (PVV)", "De voorzitter",
                               "De voorzitter", "De voorzitter", "De voorzitter"}));
  EXPECT_EQ(doc.passages[3].fields, (Fields{{"spreker", "De heer Graus"}, {"fractie", "PVV"}}));
  EXPECT_EQ(doc.passages[1].fields, (Fields{{"spreker", "De voorzitter"}}));
  EXPECT_EQ(doc.passages[3].number, 3);
  EXPECT_EQ(doc.passages[0].number, 6);
}

// The pretty-printer's lines around inline elements leave no space before punctuation, the list
// markers ("-") no text, and the UTF-8 saved twice reads as it was written.
TEST(HandelingenPassages, ReadsPrettyPrintedTextAsItWasWritten) {
  const Document doc = real("h-tk-20172018-70-6.xml");
  EXPECT_EQ(doc.passages[0].text,
            "Aan de orde zijn de stemmingen over moties, ingediend bij het VSO Informele Milieuraad d.d. "
            "10-11 april 2018,\n\n"
            "te weten:\n\n"
            "de motie-Wassenberg over een reductie van het aantal gehouden dieren (21501-08, nr. 719);\n\n"
            "de motie-Wassenberg over vermindering van het aantal proefdieren (21501-08, nr. 721);\n\n"
            "de motie-Laçin/Beckerman over bijstellen van de nationale plannen bij het klimaatakkoord "
            "(21501-08, nr. 722);\n\n"
            "de motie-Kröger over één emissie-eis voor alle personenauto's (21501-08, nr. 724).\n\n"
            "(Zie vergadering van 3 april 2018.)");
  EXPECT_EQ(doc.title, "Stemmingen moties Informele Milieuraad d.d. 10-11 april 2018");
  EXPECT_EQ(doc.url, "https://zoek.officielebekendmakingen.nl/h-tk-20172018-70-6.html");
  EXPECT_EQ(doc.format, "handelingen-xml");
  EXPECT_EQ(doc.kind, schema::Kind::kHandelingen);
  EXPECT_EQ(doc.fields, (Fields{{"publicatie", "h-tk-20172018-70-6"}, {"encoding", "UTF-8 encoded twice, undone"}}));
  EXPECT_EQ(doc.warnings, std::vector<std::string>{});
}

TEST(HandelingenPassages, KeepsAMotionInTheSpeechThatMovesIt) {
  const Document doc = real("h-tk-20172018-61-10.xml");
  std::vector<std::string> expected = {"agendapunt-10"};
  for (int k = 1; k <= 41; ++k) expected.push_back("spreekbeurt-" + std::to_string(k));
  EXPECT_EQ(anchors(doc), expected);
  EXPECT_EQ(doc.passages[2].heading, "De heer Wörsdörfer (VVD)");
  EXPECT_TRUE(doc.passages[2].text.ends_with(
      "Motie\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n"
      "overwegende dat het krijgen van financiering een van de in de Staat van het MKB gesignaleerde "
      "knelpunten is voor verdere groei van het mkb;\n\n"
      "constaterende dat Nederland in het Wereldbankrapport Doing Business 2018 op toegankelijkheid tot "
      "krediet op plek 105 staat;\n\n"
      "overwegende dat deze ranking en de criteria die daarbij zijn gebruikt, inzichten bieden in de "
      "werking van de mkb-financieringsmarkt;\n\n"
      "verzoekt de regering in het voor de zomer beloofde mkb-actieplan in te gaan op hoe de werking van de "
      "mkb-financieringsmarkt verbeterd kan worden en genoemde criteria daarbij te betrekken,\n\n"
      "en gaat over tot de orde van de dag.\n\n"
      "De voorzitter:\n\n"
      "Deze motie is voorgesteld door de leden Wörsdörfer, Bruins en Amhaouch. Naar mij blijkt, wordt de "
      "indiening ervan voldoende ondersteund.\n\n"
      "Zij krijgt nr. 199 (31311).\n\n"
      "Gaat u verder."))  // the chair's words between two speeches join the one before
      << doc.passages[2].text;
}

TEST(HandelingenPassages, ReadsTheOpeningOfAMeeting) {
  const Document doc = real("h-tk-20172018-50-1.xml");
  EXPECT_EQ(anchors(doc), std::vector<std::string>{"opening-1"});
  EXPECT_EQ(headings(doc), std::vector<std::string>{"Opening"});
  EXPECT_EQ(doc.title, "50e vergadering");
  EXPECT_EQ(doc.date, "2018-02-08");
  EXPECT_EQ(doc.fields, (Fields{{"publicatie", "h-tk-20172018-50-1"},
                                {"vergadering", "50e vergadering"},
                                {"vergaderdatum", "Donderdag 8 februari 2018"},
                                {"vergadertijd", "Aanvang 10:15 uur"}}));
  EXPECT_TRUE(doc.passages[0].text.starts_with("Voorzitter: Arib\n\nAanwezig zijn 142 leden der Kamer, te weten:"))
      << doc.passages[0].text;
}

TEST(HandelingenPassages, ReadsAnItemWithoutSpeeches) {
  const Document doc = real("h-tk-20172018-70-13.xml");
  EXPECT_EQ(anchors(doc), std::vector<std::string>{"agendapunt-13"});
  EXPECT_EQ(doc.passages[0].heading, "Sluiting");
  EXPECT_EQ(doc.passages[0].text, "Sluiting 22.06 uur.");
}

TEST(HandelingenPassages, RefusesBrokenXml) {
  const std::string full = read_text(data("h-tk-20172018-61-10.xml"));
  const std::string truncated = full.substr(0, full.size() / 2);
  EXPECT_TRUE(refusal(truncated).starts_with("mem/h.xml:")) << refusal(truncated);
  EXPECT_NE(refusal(truncated).find(": malformed XML: "), std::string::npos) << refusal(truncated);
  EXPECT_EQ(refusal(wrapped("<agendapunt><nr>1</nr><tekst><al>open")),
            "mem/h.xml:2: malformed XML: Premature end of data in tag agendapunt line 2");
  EXPECT_EQ(refusal("<officiele-publicatie><kamerstuk/></officiele-publicatie>"),
            "mem/h.xml: no <handelingen> in <officiele-publicatie>; expected Handelingen in Officiële "
            "Bekendmakingen XML");
}

TEST(HandelingenPassages, ToleratesOddButWellFormedItems) {
  // No speaker: the speech is kept, with a warning.
  const Document doc = in_memory(wrapped(
      "<agendapunt><nr>2</nr><item-titel>Vragenuur</item-titel>"
      "<spreekbeurt><tekst><al>Wie spreekt?</al></tekst></spreekbeurt>"
      "<spreekbeurt><spreker><naam><achternaam>Omtzigt</achternaam></naam>:</spreker></spreekbeurt>"
      "</agendapunt><agendapunt><nr>2</nr><item-titel>Nogmaals</item-titel><tekst><al>x</al></tekst></agendapunt>"));
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"spreekbeurt-1", "spreekbeurt-2", "agendapunt-2"}));
  EXPECT_EQ(headings(doc), (std::vector<std::string>{"Spreekbeurt 1", "Omtzigt", "Nogmaals"}));
  EXPECT_EQ(doc.warnings, std::vector<std::string>{"mem/h.xml:2: speech 1 names no speaker"});
  // An item with neither text nor speech still gives its heading.
  EXPECT_EQ(headings(in_memory(wrapped("<agendapunt><nr>3</nr><item-titel>Leeg</item-titel></agendapunt>"))),
            std::vector<std::string>{"Leeg"});
  // Nothing at all: no passages; read_document refuses the file.
  EXPECT_EQ(in_memory(wrapped("")).passages.size(), 0u);
}

TEST(HandelingenPassages, SniffsOfficialPublicationsWithHandelingen) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {read_text(data("h-tk-20172018-61-10.xml")), true},
      {"\n<?xml version=\"1.0\"?>\n<officiele-publicatie><handelingen/>", true},
      {"<officiele-publicatie><kamerstuk/></officiele-publicatie>", false},
      {"<open-rechtspraak/>", false},
      {"## Vraag\n<handelingen>", false},
  };
  for (const auto& [text, yes] : cases) EXPECT_EQ(looks_like_handelingen(text), yes) << text.substr(0, 60);
}

}  // namespace
}  // namespace vind::readers
