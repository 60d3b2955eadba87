#include "readers/html_passages.h"

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
using vind::testing::texts;
using vind::testing::read_text;
using vind::testing::source_dir;

// Real pages from the bench corpus, bytes unchanged, one per generator: DocBook (the Debian FAQ),
// LibreOffice's help, texi2html (LilyPond), a LilyPond fragment without <html>, and LaTeX2HTML
// (gosa) in ISO-8859-15.
std::filesystem::path data(const std::string& name) { return source_dir() / "tests/data/html" / name; }

Document real(const std::string& name) { return read_document(data(name)); }

Document in_memory(const std::string& html) { return html_passages({"mem/p.html", html}); }

TEST(HtmlPassages, ReadsDocBookSectionsByTheAnchorInTheirHeading) {
  const Document doc = real("basic-defs.nl.html");
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"basic-defs", "whatisfaq", "whatisdebian", "linux", "non-linux",
                                                    "difference", "gnu", "pronunciation"}));
  EXPECT_EQ(doc.passages[1].heading, "1.1. Wat is deze FAQ?");
  EXPECT_EQ(doc.passages[1].number, 1);
  // The chapter heading has no text of its own: its table of contents is navigation.
  EXPECT_EQ(doc.passages[0].heading, "Hoofdstuk 1. Definities en overzicht");
  EXPECT_EQ(doc.passages[0].text, "");
  EXPECT_TRUE(doc.passages[1].text.starts_with("Dit document bevat vaak gestelde vragen (en de antwoorden erop!)"))
      << doc.passages[1].text;
  EXPECT_EQ(doc.title, "Hoofdstuk 1. Definities en overzicht");
  EXPECT_EQ(doc.kind, schema::Kind::kHtml);
  EXPECT_EQ(doc.format, "html");
  for (const Passage& p : doc.passages)
    for (const std::string navigation : {"Inhoudsopgave", "Terug", "Volgende", "Omhoog"})
      EXPECT_EQ(p.text.find(navigation), std::string::npos) << p.anchor << " has " << navigation;
}

TEST(HtmlPassages, ReadsLibreOfficeHelpWithoutItsMenusAndScripts) {
  const Document doc = real("find_toolbar.html");
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"hd_id701641581066778", "hd_id991641581514302",
                                                    "hd_id831641581895099", "hd_id941641581943416",
                                                    "hd_id81641582044927", "hd_id631641582107024",
                                                    "hd_id271641582528169", "hd_id171641582176913"}));
  EXPECT_EQ(headings(doc), (std::vector<std::string>{"Werkbalk Zoeken", "Tekst zoeken", "Vorige zoeken",
                                                     "Volgende zoeken", "Alles zoeken", "Overeenkomsten",
                                                     "Opgemaakte weergave", "Zoeken en vervangen"}));
  // Each system's key in a hidden span: both, but as two words.
  EXPECT_EQ(doc.passages[0].text,
            "De werkbalk Zoeken kan worden gebruikt om snel de inhoud van LibreOffice-documenten te doorzoeken.\n\n"
            "Gebruik de toetscombinatie Commando Ctrl + F om de werkbalk Zoeken snel te openen.");
  for (const Passage& p : doc.passages)
    for (const std::string junk : {"Module", "In alle modules zoeken", "Help content debug info", "setupModules"})
      EXPECT_EQ(p.text.find(junk), std::string::npos) << p.anchor << " has " << junk;
}

TEST(HtmlPassages, TakesTexi2htmlAnchorsBeforeTheHeading) {
  const Document doc = real("features.nl.html");
  EXPECT_EQ(anchors(doc), (std::vector<std::string>{"features", "Elegantie", "Gebruiksgemak", "Omgeving", "En-nu_003f"}));
  EXPECT_EQ(headings(doc), (std::vector<std::string>{"Functies", "Elegantie", "Gebruiksgemak", "Omgeving", "En nu?"}));
  // <h4> stays in its section.
  EXPECT_TRUE(doc.passages[1].text.starts_with("Prachtige klassieke muziekgravure\n\nMet LilyPond kunnen muzikanten"))
      << doc.passages[1].text;
}

TEST(HtmlPassages, ReadsAPageWithoutAnchorsAsOnePassageAtTheTop) {
  const Document doc = real("browser-language.nl.html");
  EXPECT_EQ(anchors(doc), std::vector<std::string>{"top"});
  EXPECT_EQ(doc.title, "Gebruik van automatische taalkeuze");  // no <title>: the <h1>
  EXPECT_EQ(doc.passages[0].heading, "Gebruik van automatische taalkeuze");
}

TEST(HtmlPassages, ConvertsADeclaredCharsetToUtf8) {
  const std::string bytes = read_text(data("gosa-users-node4.html"));
  EXPECT_NE(bytes.find("pers\xE9"), std::string::npos);  // ISO-8859-15 on disk
  const Document doc = real("gosa-users-node4.html");
  EXPECT_EQ(anchors(doc), std::vector<std::string>{"SECTION00011200000000000000"});
  EXPECT_NE(doc.passages[0].text.find("Deze velden moeten persé ingevuld worden."), std::string::npos);
  EXPECT_EQ(doc.fields, (std::vector<std::pair<std::string, std::string>>{
                            {"encoding", "iso-8859-15 (declared), converted to UTF-8"}}));
}

TEST(HtmlPassages, RefusesBytesThatAreNotWhatThePageDeclares) {
  const auto error = [](const std::string& bytes) {
    try {
      to_document("x.html", bytes);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  EXPECT_EQ(error("<html><p>caf\xE9</p>"), "x.html:1:13: not UTF-8 (byte 0xE9); save the file as UTF-8");
  EXPECT_EQ(error("<html><meta charset=utf-8><p>caf\xE9</p>"),
            "x.html:1:33: not UTF-8 (byte 0xE9); save the file as UTF-8");
  EXPECT_EQ(error("<html><meta charset=x-unknown><p>caf\xE9</p>"),
            "x.html: not UTF-8, and its declared charset \"x-unknown\" is not known");
  // Only HTML declares a charset; Markdown with a <meta> line must still be UTF-8.
  EXPECT_EQ(error("<meta charset=iso-8859-1>\n## caf\xE9\n"), "x.html:2:7: not UTF-8 (byte 0xE9); save the file as UTF-8");
}

TEST(HtmlPassages, ToleratesBrokenAndEmptyPages) {
  EXPECT_EQ(texts(in_memory("<html><body><h2 id=a>Een<p>open <b>vet<h2 id=a>Twee</h2><div>x")),
            (std::vector<std::string>{"open vet", "x"}));
  EXPECT_EQ(anchors(in_memory("<html><body><h2 id=a>Een<p>open <b>vet<h2 id=a>Twee</h2><div>x")),
            (std::vector<std::string>{"a", "a-2"}));
  EXPECT_EQ(in_memory("<html><head><script>var a = '<h2 id=x>nee</h2>';</script></head>"
                      "<body><script>document.write('x')</script><style>p{}</style></body></html>")
                .passages.size(),
            0u);
  EXPECT_EQ(in_memory("<html><body>   </body></html>").passages.size(), 0u);
  EXPECT_EQ(in_memory("<!-- alleen commentaar -->").passages.size(), 0u);
  EXPECT_EQ(headings(in_memory("<title>Titel</title><p>Tekst")), std::vector<std::string>{"Titel"});
  // A <nav>, a breadcrumb trail and a footer are no text; an anchor with text is no heading's anchor.
  EXPECT_EQ(texts(in_memory("<body><nav>Home</nav><div class='breadcrumbs x'>A &gt; B</div>"
                            "<a name=n>zichtbaar</a><h3>Kop</h3><p>Tekst<footer>voet</footer>")),
            std::vector<std::string>{"zichtbaar\n\nKop\n\nTekst"});
  EXPECT_EQ(in_memory("<link rel=canonical href='https://example.nl/p'><p>x").url, "https://example.nl/p");
}

// libxml2 reads no deeper than 256 elements and would return the page up to there: the page is
// refused, naming the file, and the next one is read as ever.
TEST(HtmlPassages, RefusesAPageNestedTooDeep) {
  std::string deep = "<html><body><p>Voor</p>";
  for (int i = 0; i < 300; ++i) deep += "<div>";
  deep += "Na</body></html>";
  try {
    to_document("mem/diep.html", deep);
    ADD_FAILURE() << "no refusal";
  } catch (const Refusal& e) {
    EXPECT_EQ(e.format(), "html");
    EXPECT_EQ(std::string(e.what()),
              "mem/diep.html:1: elements nested more than 256 deep; vind reads no deeper (libxml2's limit) "
              "rather than lose the rest of the document");
  }
  EXPECT_EQ(texts(to_document("mem/ondiep.html", "<html><body><p>Voor</p><div><div>Na</body></html>")),
            std::vector<std::string>{"Voor\n\nNa"});
}

TEST(HtmlPassages, SniffsHtml) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {read_text(data("basic-defs.nl.html")), true},   // <?xml …?><!DOCTYPE html …>
      {read_text(data("gosa-users-node4.html")), true},  // <!DOCTYPE HTML PUBLIC …>, then a comment
      {read_text(data("browser-language.nl.html")), true},  // a comment, then <h1>
      {"<html>", true},
      {"<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n##Wet", false},
      {"<officiele-publicatie>", false},
      {"## <p>", false},
      {"", false},
  };
  for (const auto& [text, yes] : cases) EXPECT_EQ(looks_like_html(text), yes) << text.substr(0, 60);
}

TEST(HtmlPassages, LeavesMarkdownInADivToTheMarkdownReaders) {
  // The CoronaMelder fragments open so; kramdown reads the inside as Markdown.
  const std::string fragment =
      "<div class=\"notifications\" markdown=\"1\">\n\nJe ontvangt berichten.\n\n"
      "## Deze meldingen ontvang je\n\n### 1. Een melding\n\nKlik op **deze** melding.\n</div>\n";
  EXPECT_FALSE(looks_like_html(fragment));
  const Document doc = to_document("mem/46-meldingen.md", fragment);
  EXPECT_EQ(doc.format, "faq-markdown");
  EXPECT_EQ(headings(doc), std::vector<std::string>{"Deze meldingen ontvang je"});
  EXPECT_EQ(texts(doc), std::vector<std::string>{"1. Een melding\n\nKlik op deze melding."});
  for (const std::string markdown : {"markdown='block'", "markdown=span", "data-x=1 markdown=\"1\""})
    EXPECT_FALSE(looks_like_html("<div " + markdown + ">\n## A\n")) << markdown;
  for (const std::string html : {"markdown=\"0\"", "data-markdown=\"1\"", "title=\"markdown=1\""})
    EXPECT_TRUE(looks_like_html("<div " + html + ">\n## A\n")) << html;
}

}  // namespace
}  // namespace vind::readers
