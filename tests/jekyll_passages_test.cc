#include "readers/jekyll_passages.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "passage_lists.h"
#include "readers/faq_passages.h"
#include "temp_dir.h"

namespace vind::readers {
namespace {

using vind::testing::read_text;
using vind::testing::source_dir;
using vind::testing::TempDir;

using Fields = std::vector<std::pair<std::string, std::string>>;

// Real pages from the bench corpus, bytes unchanged: CoronaCheck and CoronaMelder collection items
// (file names flatten the repository path with "__"), a Rijksoverheid "vraag en antwoord" page
// rendered to Markdown, and CoronaCheck's Wegwijzer, a page made of Liquid captures.
std::filesystem::path data(const std::string& name) { return source_dir() / "tests/data/jekyll" / name; }

Document real(const std::string& name) { return read_document(data(name)); }

Document in_memory(const std::string& markdown, const std::string& path = "mem/vraag.md") {
  return jekyll_passages({path, markdown});
}

std::string refusal(const std::string& name) {
  try {
    real(name);
  } catch (const Error& e) {
    return std::string(e.what()).substr(data("").string().size());
  }
  return "(no error)";
}

TEST(JekyllPassages, ReadsOneQuestionPerFileAnchoredByItsSlug) {
  const Document doc = real("questions-in-app__nl__2-6-ik-heb-geen-bsn-hoe-krijg-ik-mijn-coronabewijs.md");
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].anchor, "2-6-ik-heb-geen-bsn-hoe-krijg-ik-mijn-coronabewijs");
  EXPECT_EQ(doc.passages[0].heading, "Ik heb geen burgerservicenummer (BSN). Hoe krijg ik mijn coronabewijs?");
  // Its `## ` headings are part of the one answer.
  EXPECT_EQ(doc.passages[0].text,
            "Geprikt of getest bij GGD\n\n"
            "Heeft u geen burgerservicenummer (BSN)? Dan kunt u uw coronabewijs ophalen in de CoronaCheck-app of "
            "via coronacheck.nl. Dit kan als u:\n\n"
            "bent geprikt door de GGD; of\npositief op corona getest bent door de GGD.\n\n"
            "Volg de stappen in de app of op de website om zonder een BSN uw coronabewijs op te halen. U heeft "
            "hiervoor uw geboortedatum en patiëntnummer nodig. Uw patiëntnummer vindt u op de afspraakbevestiging "
            "die u van de GGD heeft ontvangen.\n\n"
            "Geprikt bij huisarts of andere zorgverlener\n\n"
            "Bent u gevaccineerd door een zorginstelling of uw huisarts? Vraag aan uw zorgverlener om een "
            "vaccinatiebewijs voor u te printen.");
  EXPECT_EQ(doc.title, "Ik heb geen burgerservicenummer (BSN). Hoe krijg ik mijn coronabewijs?");
  EXPECT_EQ(doc.fields, (Fields{{"set", "3"},
                                {"index", "-4"},
                                {"title", "Ik heb geen burgerservicenummer (BSN). Hoe krijg ik mijn coronabewijs?"},
                                {"whichversion", "0g, 1g, 3g"}}));
  EXPECT_EQ(doc.kind, schema::Kind::kFaq);
  EXPECT_EQ(doc.format, "jekyll-markdown");
}

TEST(JekyllPassages, ReadsARijksoverheidQuestionWithItsAddressAndDate) {
  const Document doc = real("0038f3c3-6266-4d40-965b-a78e96241c22.md");
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].anchor, "0038f3c3-6266-4d40-965b-a78e96241c22");
  EXPECT_EQ(doc.passages[0].heading,
            "Waar vind ik vacatures en informatie over werken of stages bij de overheid?");
  // The `# ` question repeats the title: not in the text; the introduction is.
  EXPECT_TRUE(doc.passages[0].text.starts_with(
      "Informatie over werken bij de overheid vind je op werkenbijdeoverheid.nl. Hier staan alle actuele "
      "vacatures bij de overheid. Je kunt direct via de website reageren.\n\nWerken bij de overheid\n\n"))
      << doc.passages[0].text;
  EXPECT_EQ(doc.date, "2024-04-04");
  EXPECT_EQ(doc.url,
            "https://www.rijksoverheid.nl/onderwerpen/overheidspersoneel/vraag-en-antwoord/"
            "waar-vind-ik-vacatures-en-informatie-over-werken-of-stages-bij-de-overheid");
}

TEST(JekyllPassages, NeverMakesTextOfLiquid) {
  EXPECT_EQ(real("questions-scanner-in-app__nl__1-1-welke-evenementen-en-locaties-kunnen-de-coronacheck-app-gebruiken.md")
                .passages[0]
                .text,
            "De afspraken hierover zijn in ontwikkeling en kunnen altijd veranderen. Kijk voor de meest actuele "
            "informatie op .");
  const Document wegwijzer = real("nl__wegwijzer.md");
  ASSERT_EQ(wegwijzer.passages.size(), 1u);
  EXPECT_EQ(wegwijzer.passages[0].anchor, "wegwijzer");
  const std::string& text = wegwijzer.passages[0].text;
  EXPECT_TRUE(text.starts_with("CoronaCheck wordt ondertussen door veel mensen gebruikt")) << text;
  for (const std::string liquid : {"{", "}", "capture", "site.data", "page.lang", "Page structure", "<div"})
    EXPECT_EQ(text.find(liquid), std::string::npos) << liquid;
}

TEST(JekyllPassages, StripsLiquidAndCommentsButKeepsLines) {
  EXPECT_EQ(without_liquid("a {{ site.x[page.lang] }} b\n{% include x.html\n  k=1 %}c\n"
                           "{%- comment -%}\nweg {{ x }}\n{% endcomment %}d <!-- nee\n -->e\n"
                           "{% raw %}{{ letterlijk }}{% endraw %}\n{% if x %}wel{% endif %}"),
            "a  b\n\nc\n\n\nd \ne\n{{ letterlijk }}\nwel");
  EXPECT_EQ(without_liquid("{{ nooit dicht"), "{{ nooit dicht");
  EXPECT_EQ(without_liquid("voor <!-- nooit dicht\nweg"), "voor \n");
  EXPECT_EQ(without_liquid("voor {% comment %} nooit dicht\nweg"), "voor \n");
}

// Jekyll warns about front matter that is no YAML and publishes the page without its fields.
TEST(JekyllPassages, ReadsAPageWhoseFrontMatterIsNoYamlWithoutItsFieldsAndSaysSo) {
  const Document doc = in_memory("---\ntitle: Wachtwoord: vergeten\npermalink: /ww/\n---\n# Wachtwoord vergeten\n\nVraag een nieuw aan.\n");
  EXPECT_EQ(doc.warnings, std::vector<std::string>{
                              "mem/vraag.md:2: not valid YAML: illegal map value; read without its fields"});
  EXPECT_EQ(doc.title, "Wachtwoord vergeten");
  EXPECT_EQ(doc.url, "");
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].text, "Vraag een nieuw aan.");
}

// The title such a page cannot give is no reason to read it as an FAQ page of `## ` sections.
TEST(JekyllPassages, SniffsAPageWhoseFrontMatterIsNoYamlAsOnePage) {
  const TempDir dir;
  const Document doc = read_document(dir.write("ww.md", "---\ntitle: Wat is: DigiD\n---\n# Wat is: DigiD\n\nTekst.\n"));
  EXPECT_EQ(doc.format, "jekyll-markdown");
  EXPECT_EQ(doc.warnings, std::vector<std::string>{(dir / "ww.md").string() +
                                                   ":2: not valid YAML: illegal map value; read without its fields"});
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].heading, "Wat is: DigiD");
  EXPECT_EQ(doc.passages[0].text, "Tekst.");
}

TEST(JekyllPassages, LeavesOutWhatIsNotPublished) {
  try {
    real("questions__nl__1-1-hoe-helpt-coronamelder-tegen-corona.md");
    FAIL() << "no refusal";
  } catch (const Refusal& e) {
    EXPECT_EQ(e.cause(), Refusal::Cause::kLeftOut);
    EXPECT_EQ(e.format(), "jekyll-markdown");
    EXPECT_EQ(std::string(e.what()), data("questions__nl__1-1-hoe-helpt-coronamelder-tegen-corona.md").string() +
                                         ": not published (published: false)");
  }
  // The FAQ page reader honours it too.
  EXPECT_EQ(vind::testing::error_of<Refusal>(
                [] { faq_passages({"mem/faq.md", "---\npublished: No\n---\n# FAQ\n## 1. Vraag\nx\n"}); }),
            "mem/faq.md: not published (published: No)");
}

TEST(JekyllPassages, LeavesOutAPageWithoutTextOfItsOwnAndRefusesOneWhoseFragmentIsMissing) {
  EXPECT_EQ(refusal("faqcategories-in-app__nl__01-hoe-coronacheck-werkt.md"),
            "faqcategories-in-app__nl__01-hoe-coronacheck-werkt.md: no text of its own (its layout or HTML "
            "includes make the page)");
  // The site's search page: left out, not a fault (a fault makes `vind index` exit 3, failing a deploy).
  const auto left_out = [](const std::string& body) {
    try {
      jekyll_passages({"zoeken.html.md", "---\ntitle: Zoeken\npermalink: /zoeken/\n---\n" + body});
    } catch (const Refusal& e) {
      return e.cause() == Refusal::Cause::kLeftOut;
    } catch (const Error&) {  // a fault: skipped, its last good version kept
    }
    return false;
  };
  EXPECT_TRUE(left_out("{% include vind-search.html %}\n"));
  EXPECT_TRUE(left_out("\n"));
  EXPECT_FALSE(left_out("{% include antwoord.md %}\n")) << "its text is missing: a fault";
  EXPECT_EQ(refusal("questions__nl__21-waar-meld-ik-misbruik.md"),
            "questions__nl__21-waar-meld-ik-misbruik.md: no text below the front matter (only Liquid, which vind "
            "does not render: {% include content/21-waar-meld-ik-misbruik.md %})");
}

TEST(JekyllPassages, NamesPagesAsJekyllDoes) {
  EXPECT_EQ(in_memory("---\ntitle: Een\n---\nx\n", "_posts/2021-05-01-nieuw-bericht.md").passages[0].anchor,
            "nieuw-bericht");
  const Document untitled = in_memory("---\ntitle: ''\nstyle: info\n---\nAlleen tekst.\n", "announcements__nl__01-x.md");
  EXPECT_EQ(untitled.title, "01-x");
  EXPECT_EQ(untitled.passages[0].heading, "01-x");
  EXPECT_EQ(in_memory("---\nlayout: x\n---\n# Kop\nTekst\n").title, "Kop");
  EXPECT_EQ(in_memory("---\ndate: 2021-05-01 10:00:00 +0200\n---\nx\n").date, "2021-05-01");
  EXPECT_EQ(in_memory("---\ncanonical: /relatief\n---\nx\n").url, "");
}

// A page with a `# ` title of its own and `## ` questions is an FAQ page (faq_passages.h).
TEST(JekyllPassages, SniffsCollectionItems) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {read_text(data("0038f3c3-6266-4d40-965b-a78e96241c22.md")), true},  // `# ` = title
      {read_text(data("nl__wegwijzer.md")), true},                         // no `# `
      {read_text(source_dir() / "corpus/faq-hack-clinical-diagnostics.md"), false},
      {read_text(source_dir() / "tests/data/no-sections.md"), false},
      {"\xEF\xBB\xBF---\r\ntitle: \"Vraag?\"\r\n---\r\n# Vraag?\r\nAntwoord\r\n", true},
      {"---\n# yaml: comment\ntitle: Vraag\n---\nAntwoord\n```\n# code\n```\n", true},
      {"---\ntitle: nooit gesloten\n# Vraag\n", false},
      {"## Vraag\n", false},
      {"", false},
  };
  for (const auto& [text, yes] : cases) EXPECT_EQ(looks_like_jekyll_page(text), yes) << text.substr(0, 60);
}

}  // namespace
}  // namespace vind::readers
