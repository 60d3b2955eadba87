#include "readers/wet_passages.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "passage_lists.h"
#include "temp_dir.h"

namespace vind::readers {
namespace {

using vind::testing::anchors;
using vind::testing::headings;
using vind::testing::read_text;
using vind::testing::source_dir;

// Real files from the bench corpus (laws-markdown, content of 2015), bytes unchanged: a regulation
// with a preamble, paragraphs named by a deeper heading and articles, all headings without the
// blank after the hashes; and a notice with a <sup> footnote.
std::filesystem::path data(const std::string& name) { return source_dir() / "tests/data/wetten" / name; }

Document real(const std::string& name) { return read_document(data(name)); }

constexpr char kMeta[] = "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n";

Document in_memory(const std::string& markdown) { return wet_passages({"mem/BWBR0000001.md", kMeta + markdown}); }

TEST(WetPassages, ReadsOnePassagePerArticleAndParagraph) {
  const Document doc = real("BWBR0032857.md");
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"top", "paragraaf-1", "artikel-1", "artikel-2", "paragraaf-2",
                                                    "artikel-3", "paragraaf-3", "artikel-4", "artikel-5",
                                                    "artikel-6"}));
  EXPECT_EQ(headings(doc), (std::vector<std::string>{
                               doc.title, "§ 1. Begripsbepalingen", "Artikel 1", "Artikel 2", "§ 2. Heffingen",
                               "Artikel 3", "§ 3. Overige bepalingen", "Artikel 4", "Artikel 5", "Artikel 6"}));
  EXPECT_EQ(doc.title,
            "Verordening d.d. 6 november 2012 van het Productschap Dranken, houdende de vaststelling "
            "bestemmingsheffing ten behoeve van het Gedistilleerd Informatiecentrum voor het jaar 2013; "
            "(Verordening bestemmingsheffing Gedistilleerd Informatiecentrum 2013)");
  EXPECT_EQ(doc.date, "2012-11-06");
  EXPECT_EQ(doc.kind, schema::Kind::kWet);
  EXPECT_EQ(doc.format, "wet-markdown");
  EXPECT_EQ(doc.passages[2].number, 1);
  EXPECT_EQ(doc.passages[1].text, "");  // a paragraph heading over its articles
  EXPECT_EQ(doc.passages[5].text,
            "Aan de ondernemers die op of na de datum van inwerkingtreding van deze verordening een onderneming "
            "drijven als bedoeld in artikel 1, wordt voor het jaar 2013 een heffing opgelegd.\n"
            "Doel van deze bestemmingsheffing is bevordering van de sociaal economische ontwikkeling van de "
            "gedistilleerdsector door middel van voorlichting en professionalisering van werkenden en "
            "ondernemingen in de sector.\n"
            "De bestemmingsheffing wordt vastgesteld op € 0,10 per hectoliter in het verkeer gebrachte "
            "gedistilleerde dranken en/of zwak gedistilleerde dranken, omgerekend tot een sterkte van 100% vol.");
  EXPECT_TRUE(doc.passages[0].text.starts_with("Het bestuur van het Productschap Dranken,\nGelet op de artikelen 95"))
      << doc.passages[0].text;
  for (const Passage& p : doc.passages) EXPECT_EQ(p.text.find("<meta"), std::string::npos);
}

TEST(WetPassages, SetsFootnotesApartAndLinksAsText) {
  const Document doc = real("BWBR0033029.md");
  EXPECT_EQ(anchors(doc), std::vector<std::string>{"top"});
  EXPECT_TRUE(doc.passages[0].text.starts_with(
      "De Autoriteit Consument en Markt maakt hierbij bekend, dat voor de toepassing van artikel 6, derde lid, "
      "van de Mededingingswet wordt aangesloten bij de Mededeling van de Commissie van de Europese "
      "Gemeenschappen ‘Richtsnoeren betreffende de toepassing van artikel 81, lid 3, van het Verdrag’ (PbEG "
      "2004, C 101/78 van 27.4.2004). 1Deze richtsnoeren van de Commissie zijn elektronisch te raadplegen op "
      "http://europa.eu.int/eurlex/ pri/nl/oj/dat/2004/c_101/c_10120040427nl00780080.pdf Deze mededeling"))
      << doc.passages[0].text;
  // Exponents and ordinals stay one word.
  EXPECT_EQ(in_memory("##T\n### Artikel 1\nHet 2<sup>e</sup> lid, 5 m<sup>2</sup> en CO<sub>2</sub>.\n").passages[0].text,
            "Het 2e lid, 5 m2 en CO2.");
}

TEST(WetPassages, GivesStableAnchorsFromTheHeadingsWords) {
  const Document doc = in_memory(
      "##Wet van 1 januari 2000\n"
      "###Hoofdstuk  I  \n\n####Algemeen\n\n"
      "### Artikel  1:1  \ntekst\n"
      "### Artikel  3a\ntekst\n"
      "###*1*\ntekst\n"
      "### Bijlage\n\n#### Artikel  1:1  \ntekst\n"
      "### ***\ntekst\n"
      "### (…)\ntekst\n"
      "### Artikel Één\ntekst\n");
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"hoofdstuk-i", "artikel-1-1", "artikel-3a", "1", "bijlage",
                                                    "sectie", "artikel-één"}));
  EXPECT_EQ(headings(doc), (std::vector<std::string>{"Hoofdstuk I. Algemeen", "Artikel 1:1", "Artikel 3a", "1",
                                                     "Bijlage. Artikel 1:1", "(…)", "Artikel Één"}));
  EXPECT_EQ(doc.passages[4].text, "tekst\n\ntekst");  // "### ***" is no heading
  EXPECT_EQ(doc.date, "2000-01-01");
  // The same words again: numbered on.
  EXPECT_EQ(anchors(in_memory("##T\n### Artikel I\na\n### Artikel I\nb\n### Artikel I\nc\n")),
            (std::vector<std::string>{"artikel-i", "artikel-i-2", "artikel-i-3"}));
}

TEST(WetPassages, ReadsFilesWithoutTitleOrWithTextBeforeIt) {
  const Document doc = in_memory("Directie Arbeidsverhoudingen\n\n##Regeling\n\nWij besluiten:\n\n### Artikel 1\nx\n");
  EXPECT_EQ(doc.title, "Regeling");
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"top", "artikel-1"}));
  EXPECT_EQ(doc.passages[0].text, "Directie Arbeidsverhoudingen\n\nWij besluiten:");
  const Document untitled = in_memory("### Hoofdstuk 1\n\n####Begrippen\n\nVervallen per 01-01-2014\n");
  EXPECT_EQ(untitled.title, "BWBR0000001");
  EXPECT_EQ(anchors(untitled), std::vector<std::string>{"hoofdstuk-1"});
  EXPECT_EQ(untitled.passages[0].text, "Vervallen per 01-01-2014");
  EXPECT_EQ(in_memory("\n").passages.size(), 0u);
}

TEST(WetPassages, SniffsTheLawsMetaLine) {
  EXPECT_TRUE(looks_like_wet(read_text(data("BWBR0032857.md"))));
  EXPECT_TRUE(looks_like_wet(std::string("\xEF\xBB\xBF") + kMeta + "### Artikel 1\n"));
  EXPECT_FALSE(looks_like_wet(std::string(kMeta) + "geen kop\n"));
  EXPECT_FALSE(looks_like_wet("##Wet zonder meta\n"));
  EXPECT_FALSE(looks_like_wet("<html><meta http-equiv='Content-Type'>"));
}

}  // namespace
}  // namespace vind::readers
