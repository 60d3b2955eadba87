#include "readers/faq_passages.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "passage_lists.h"
#include "temp_dir.h"

namespace vind::readers {
namespace {

using vind::testing::anchors;
using vind::testing::flatten;
using vind::testing::headings;
using vind::testing::texts;
const std::string kCorpus = std::string(VIND_SOURCE_DIR) + "/corpus/";
const std::string kFaqPath = kCorpus + "faq-hack-clinical-diagnostics.md";
const std::string kKamervragenPath =
    kCorpus + "kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01.txt";

Document corpus_faq() { return faq_passages({kFaqPath, vind::testing::read_text(kFaqPath)}); }

Document in_memory(std::string markdown) { return faq_passages({"mem/faq.md", std::move(markdown)}); }

TEST(FaqPassages, AnchorsAreTheIdsOfTheBuiltPage) {
  EXPECT_EQ(anchors(corpus_faq()),
            (std::vector<std::string>{
                "1-wat-is-er-precies-gebeurd",
                "2-hoeveel-mensen-zijn-getroffen",
                "3-waarom-kwam-de-melding-pas-later",
                "4-wie-zit-erachter-en-is-er-losgeld-betaald",
                "5-zijn-andere-bevolkingsonderzoeken-geraakt",
                "6-heeft-dit-invloed-op-mijn-testuitslag",
                "7-wat-doet-bevolkingsonderzoek-nederland",
                "8-wat-doet-de-overheid",
                "9-waarom-kunnen-ze-het-losgeld-of-de-daders-niet-traceren",
                "10-waarom-worden-grote-techbedrijven-niet-aansprakelijk-gesteld",
                "11-wat-kan-ik-zelf-doen",
                "12-hoe-bepaal-ik-zelf-wat-met-mijn-gegevens-gebeurt",
                "13-kan-ik-schadevergoeding-krijgen-of-meedoen-aan-een-massaclaim",
                "14-waarom-is-er-nog-geen-oplossing-en-kan-het-bsn-niet-worden-vervangen",
                "15-waarom-is-dit-erg-als-mensen-zelf-ook-veel-online-zetten",
                "16-waarom-zou-ik-een-digitaal-id-of-wallet-wel-vertrouwen",
                "17-hoe-kunnen-labs-dit-in-de-toekomst-voorkomen",
                "18-waar-vind-ik-meer-informatie-of-hulp",
            }));
}

TEST(FaqPassages, ReadsHeadingsAndNumbersOfTheCorpusPage) {
  const Document doc = corpus_faq();
  EXPECT_EQ(headings(doc),
            (std::vector<std::string>{
                "1. Wat is er precies gebeurd?",
                "2. Hoeveel mensen zijn getroffen?",
                "3. Waarom kwam de melding pas later?",
                "4. Wie zit erachter en is er losgeld betaald?",
                "5. Zijn andere bevolkingsonderzoeken geraakt?",
                "6. Heeft dit invloed op mijn testuitslag?",
                "7. Wat doet Bevolkingsonderzoek Nederland?",
                "8. Wat doet de overheid?",
                "9. Waarom kunnen ze het losgeld of de daders niet traceren?",
                "10. Waarom worden grote techbedrijven niet aansprakelijk gesteld?",
                "11. Wat kan ik zelf doen?",
                "12. Hoe bepaal ik zelf wat met mijn gegevens gebeurt?",
                "13. Kan ik schadevergoeding krijgen of meedoen aan een massaclaim?",
                "14. Waarom is er nog geen oplossing en kan het BSN niet worden vervangen?",
                "15. Waarom is dit erg als mensen zelf ook veel online zetten?",
                "16. Waarom zou ik een digitaal ID of wallet wel vertrouwen?",
                "17. Hoe kunnen labs dit in de toekomst voorkomen?",
                "18. Waar vind ik meer informatie of hulp?",
            }));
  std::vector<int> numbers;
  for (const Passage& p : doc.passages) numbers.push_back(p.number);
  EXPECT_EQ(numbers, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18}));
}

TEST(FaqPassages, ReadsTitleDateAndFieldsOfTheCorpusPage) {
  const Document doc = corpus_faq();
  EXPECT_EQ(doc.kind, schema::Kind::kFaq);
  EXPECT_EQ(doc.url, "");  // the page names no address of its own: the indexer makes one
  EXPECT_EQ(doc.title, "FAQ \u2013 Hack bij Clinical Diagnostics/ NMDL");
  EXPECT_EQ(doc.date, "2025-10-13");
  EXPECT_EQ(doc.fields,
            (std::vector<std::pair<std::string, std::string>>{
                {"layout", "page"},
                {"title", "Veelgestelde Vragen hack Bevolkingsonderzoek Nederland & Clinical Diagnostics"},
                {"Laatste update", "13 oktober 2025"},
            }));
  EXPECT_EQ(doc.warnings, std::vector<std::string>{});
}

TEST(FaqPassages, KeepsSectionTextPlain) {
  const Document doc = corpus_faq();
  EXPECT_EQ(doc.passages[3].text,
            "De groep Nova heeft de aanval uitgevoerd. Ze plaatsten voorbeelden van patiëntendata "
            "online om druk uit te oefenen.\n"
            "Volgens betrouwbare mediaberichten heeft Clinical Diagnostics een miljoenenbedrag aan "
            "losgeld betaald, maar de groep dreigde later toch nog meer data op het internet te zetten.");
  // No list markers, one line per item.
  EXPECT_EQ(doc.passages[16].text,
            "Belangrijkste lessen:\n"
            "goede netwerkbeveiliging en audits\n"
            "meervoudige authenticatie (MFA)\n"
            "offline back-ups\n"
            "continue monitoring\n"
            "transparante communicatie bij incidenten");
  // The link "[Bevolkingsonderzoek Nederland]((https://…){:target="_blank"}." never closes; only its
  // text is left. The whitespace-only line before it ends the list's paragraph.
  EXPECT_EQ(doc.passages[6].text,
            "Bevolkingsonderzoek Nederland heeft:\n"
            "de samenwerking met Clinical Diagnostics tijdelijk gestopt;\n"
            "een onafhankelijk onderzoek gestart;\n"
            "alle mogelijk betrokken personen per brief geïnformeerd;\n"
            "overleg met de Autoriteit Persoonsgegevens, en de Inspectie Gezondheidszorg & Jeugd.\n"
            "\n"
            "Lees meer op de website van Bevolkingsonderzoek Nederland.");
  // Broken emphasis: "Volksgezondhei**d".
  EXPECT_EQ(doc.passages[7].text,
            "De Autoriteit Persoonsgegevens (AP) onderzoekt of de AVG (wet op de privacy) is overtreden.\n"
            "De Inspectie Gezondheidszorg & Jeugd (IGJ) kijkt naar de zorgplicht. Dit gaat over of de "
            "organisatie genoeg gedaan heeft om de gegevens goed te beschermen.\n"
            "Het Ministerie van Volksgezondheid bekijkt of strengere regels nodig zijn voor "
            "dataverwerking bij bevolkingsonderzoeken.\n"
            "Het Openbaar Ministerie doet strafrechtelijk onderzoek naar het datalek bij Clinical Diagnostics.");
  // "[Fraudehelpdesk](https://www.fraudehelpdesk.nl/).{:target="_blank"}" and trailing blanks.
  EXPECT_EQ(doc.passages[10].text,
            "Blijf alert: criminelen kunnen gestolen gegevens gebruiken voor fraude of phishing.\n"
            "Controleer je accounts: wijzig wachtwoorden en zet tweefactorauthenticatie aan.\n"
            "Check of je e-mail voorkomt in datalekken via Have I Been Pwned\n"
            "Meld verdachte berichten bij de Fraudehelpdesk.\n"
            "Vraag hulp bij Slachtofferhulp Nederland of het Informatiepunt Digitale Overheid (IDO) in je gemeente.");
  EXPECT_EQ(doc.passages[17].text,
            "Bevolkingsonderzoek Nederland\nAutoriteit Persoonsgegevens\nFraudehelpdesk\n"
            "Slachtofferhulp Nederland\nInformatiepunt Digitale Overheid (IDO)");
  EXPECT_TRUE(doc.passages[11].text.ends_with(
      "\n\nNoot: Wij zijn er sterk voorstander van dat je blijft deelnemen aan bevolkingsonderzoeken "
      "omdat het om je gezondheid gaat. De waarde van dit preventieve onderzoek is niet te onderschatten."))
      << doc.passages[11].text;
}

TEST(FaqPassages, LeavesNoMarkupInAnyPassage) {
  for (const Passage& p : corpus_faq().passages) {
    for (const std::string markup : {"{:", "target", "http", "](", "**", "_blank", "*", "[", "]",
                                     "  ", "\xC2\xA0", "www."}) {
      EXPECT_EQ(p.text.find(markup), std::string::npos) << p.anchor << " has " << markup;
      EXPECT_EQ(p.heading.find(markup), std::string::npos) << p.anchor << " has " << markup;
    }
  }
}

struct AnchorCase {
  std::string markdown;
  std::vector<std::string> anchors;
};

// Without a table of contents: the ids Jekyll's kramdown (GFM input) gives the headings.
TEST(FaqPassages, GivesKramdownIdsWithoutTableOfContents) {
  const std::vector<AnchorCase> cases = {
      {"## 1. Wat is er precies gebeurd?\nx\n", {"1-wat-is-er-precies-gebeurd"}},
      {"## Één vraag & antwoord!\nx\n", {"één-vraag--antwoord"}},
      {"## Vraag\nx\n## Vraag\nx\n## Vraag\nx\n", {"vraag", "vraag-1", "vraag-2"}},
      // kramdown counts every heading, the title and deeper ones too.
      {"# Vraag\n## Vraag\nx\n### Vraag\n## Vraag\nx\n", {"vraag-1", "vraag-3"}},
      {"## Zie [DigiD](https://www.digid.nl/){:target=\"_blank\"}\nx\n", {"zie-digid"}},
      {"## Wat doet **Nova**?\nx\n", {"wat-doet-nova"}},
      {"## Wat is _snake_case_?\nx\n", {"wat-is-snake_case"}},
      {"## Code `a+b` hier\nx\n", {"code-ab-hier"}},
      {"## A -- B\nx\n", {"a--b"}},  // "--" renders as an en dash, no word character
      {"## Vraag ##\nx\n", {"vraag"}},
      {"## Eigen {#eigen-id}\nx\n", {"eigen-id"}},
      {"## 2025: Wie\u00a0wat?\nx\n", {"2025-wiewat"}},  // a no-break space is no space to kramdown
      {"## İstanbul\nx\n", {"i\u0307stanbul"}},
      {"## ???\nx\n## !!!\nx\n", {"section", "section-1"}},
  };
  for (const AnchorCase& c : cases) EXPECT_EQ(anchors(in_memory(c.markdown)), c.anchors) << c.markdown;
}

TEST(FaqPassages, TakesKramdownsIdsWhateverTheTableOfContentsLinks) {
  const Document doc = in_memory(
      "1. [Wat is er gebeurd?](#Eerste-Vraag)\n"
      "2. [Iets anders](#2-TWEEDE-VRAAG)\n"
      "\n"
      "## 1. Wat is er gebeurd?\nx\n"
      "## 2. Tweede vraag\nx\n"
      "## Derde vraag {#eigen-id}\nx\n");
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"1-wat-is-er-gebeurd", "2-tweede-vraag", "eigen-id"}));
}

TEST(FaqPassages, KeepsAnchorsUnique) {
  const Document doc = in_memory(
      "## Vraag\nx\n"
      "## Vraag\nx\n"
      "## Vraag {#vraag-1}\nx\n");
  // kramdown numbers its own ids; a heading's {#id} may still take one of them.
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"vraag", "vraag-1", "vraag-1-1"}));
}

TEST(FaqPassages, StripsMarkdownFromText) {
  const Document doc = in_memory(
      "## 1. Alles\n"
      "Een [link](https://a.nl/x_(y)) en <https://b.nl> en ![beeld](c.png) en `code` klaar.\n"
      "> Citaat met __nadruk__ en <b>vet</b> en brieven_regering.\n"
      "{: .note}\n"
      "+ plus\n"
      "- min\n"
      "12. twaalf\n"
      "\n"
      "### Dieper\n"
      "Tekst &amp; meer, \\*geen nadruk\\*, [ref][1], ~~weg~~.\n"
      "Mail <info@example.nl>.\n"
      "\n"
      "---\n"
      "[1]: https://example.nl/ref\n"
      "```\n"
      "## geen kop\n"
      "```\n");
  EXPECT_EQ(texts(doc),
            std::vector<std::string>{
                "Een link en en en code klaar.\n"
                "Citaat met nadruk en vet en brieven_regering.\n"
                "plus\nmin\ntwaalf\n"
                "\n"
                "Dieper\n"
                "\n"
                "Tekst & meer, *geen nadruk*, ref, weg.\n"
                "Mail info@example.nl.\n"
                "\n"
                "## geen kop"});
}

TEST(FaqPassages, ReadsFrontMatterValuesUnquoted) {
  const Document doc = in_memory(
      "---\n"
      "layout: page\n"
      "title: \"Vragen: en antwoorden\"\n"
      "permalink: '/faq/'\n"
      "tags:\n"
      "  - hack\n"
      "  - privacy\n"
      "---\n"
      "## 1. Vraag\nx\n");
  EXPECT_EQ(doc.fields, (std::vector<std::pair<std::string, std::string>>{
                            {"layout", "page"},
                            {"title", "Vragen: en antwoorden"},
                            {"permalink", "/faq/"},
                            {"tags", "hack, privacy"},
                        }));
  EXPECT_EQ(doc.title, "Vragen: en antwoorden");  // no "# " line
}

struct HostileCase {
  std::string name;
  std::string markdown;
  std::vector<std::string> flattened;  // as flatten() gives it
};

TEST(FaqPassages, ToleratesHostileMarkdown) {
  const std::vector<HostileCase> cases = {
      {"empty front matter",
       "---\n---\n## 1. Vraag\nAntwoord.\n",
       {"faq", "", "", "1-vraag|1|1. Vraag|Antwoord."}},
      {"unterminated front matter: all of it is content",
       "---\ntitle: Nooit gesloten\n## 1. Vraag\nAntwoord.\n",
       {"faq", "", "", "1-vraag|1|1. Vraag|Antwoord."}},
      {"a heading-only section",
       "# Titel\n## 1. Leeg\n\n## 2. Vol\nTekst.\n",
       {"Titel", "", "", "1-leeg|1|1. Leeg|", "2-vol|2|2. Vol|Tekst.",
        "warning mem/faq.md:2: section \"1. Leeg\" has no text"}},
      {"a `# ` heading ends the section",
       "## 1. Vraag\nIn.\n# Bijlage\nUit.\n",
       {"Bijlage", "", "", "1-vraag|1|1. Vraag|In."}},
      {"CRLF line ends and a byte order mark",
       "\xEF\xBB\xBF---\r\nlayout: page\r\n---\r\n# Titel\r\n**Laatste update:** 2 mei 2025\r\n## 1. Vraag\r\nA\r\nB\r\n\r\nC\r\n",
       {"Titel", "2025-05-02", "", "layout=page", "Laatste update=2 mei 2025",
        "1-vraag|1|1. Vraag|A\nB\n\nC"}},
      {"a heading without text is no heading",
       "## 1. Vraag\nIn.\n##\n## \nNog.\n",
       {"faq", "", "", "1-vraag|1|1. Vraag|In.\n##\n##\nNog."}},
  };
  for (const HostileCase& c : cases) EXPECT_EQ(flatten(in_memory(c.markdown)), c.flattened) << c.name;
}

TEST(FaqPassages, ParsesCrlfLikeLf) {
  std::string crlf;
  for (char c : vind::testing::read_text(kFaqPath)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  EXPECT_EQ(flatten(faq_passages({kFaqPath, crlf})), flatten(corpus_faq()));
}

TEST(FaqPassages, RejectsMarkdownWithoutSections) {
  for (const std::string markdown : {"", "# Alleen een titel\n\nTekst.\n", "### Diep\nTekst\n",
                                     "```\n## in code\n```\n", "##Geen spatie\n"}) {
    try {
      in_memory(markdown);
      ADD_FAILURE() << "no error for: " << markdown;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()),
                "mem/faq.md: no `## ` sections; expected an FAQ page with one section per question");
    }
  }
}

struct SniffCase {
  std::string text;
  bool faq;
};

TEST(FaqPassages, SniffsMarkdown) {
  const std::vector<SniffCase> cases = {
      {vind::testing::read_text(kFaqPath), true},
      {vind::testing::read_text(kKamervragenPath), false},
      {"---\nlayout: page\n---\n", true},
      {"---\r\nlayout: page\r\n", true},
      {"\xEF\xBB\xBF---\n", true},
      {"Tekst\n## Vraag\n", true},
      {"## Vraag", true},
      {"### Alleen dieper\n", false},
      {"##Geen spatie\n", false},
      {"Tekst met ## erin\n", false},
      {"----\n", false},
      {"Vraag 1\nAntwoord 1\n", false},
      {"", false},
  };
  for (const SniffCase& c : cases) EXPECT_EQ(looks_like_faq_markdown(c.text), c.faq) << c.text.substr(0, 40);
}

}  // namespace
}  // namespace vind::readers
