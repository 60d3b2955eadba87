#include "readers/markup/markup.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/error.h"
#include "passage_lists.h"

namespace vind::readers::markup {
namespace {

std::string error_of(const std::string& xml) {
  return vind::testing::error_of([&xml] { parse_xml(xml, "mem.xml"); });
}

std::string root_text(const Tree& tree) { return text(xmlDocGetRootElement(tree.get())); }

TEST(Markup, ReadsXmlTextWithBlanksSqueezed) {
  const Tree tree = parse_xml(
      "\r\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
      "<a xmlns:x=\"urn:x\"><x:b>\r\n  Een \n\t woord\xC2\xA0</x:b><![CDATA[ en <cdata> ]]>"
      "<c>&amp;&#233;</c></a>",
      "mem.xml");
  const xmlNode* root = xmlDocGetRootElement(tree.get());
  EXPECT_EQ(name(root), "a");
  EXPECT_EQ(name(root->children), "b");  // without its prefix
  EXPECT_EQ(text(root), "Een woord en <cdata> &é");
}

TEST(Markup, RefusesMalformedXmlWithLineAndReason) {
  EXPECT_EQ(error_of("<a>\n<b>afgebroken"),
            "mem.xml:2: malformed XML: Premature end of data in tag b line 2");
  EXPECT_EQ(error_of("<a></b>"), "mem.xml:1: malformed XML: Opening and ending tag mismatch: a line 1 and b");
  EXPECT_EQ(error_of(""), "mem.xml:1: malformed XML: Document is empty");
  EXPECT_EQ(error_of("\xEF\xBB\xBF\n<?xml version=\"1.0\"?><a/>"),
            "mem.xml:2: malformed XML: XML declaration allowed only at the start of the document");
}

// A billion laughs: ten levels of ten references, 10^10 copies if expanded. libxml2 refuses it
// while parsing; nothing is expanded.
TEST(Markup, RefusesAnEntityBomb) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE bom [\n<!ENTITY e0 \"hahahahaha\">\n";
  for (int i = 1; i <= 10; ++i) {
    xml += "<!ENTITY e" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) xml += "&e" + std::to_string(i - 1) + ";";
    xml += "\">\n";
  }
  xml += "]>\n<bom>&e10;</bom>\n";
  const std::string error = error_of(xml);
  EXPECT_TRUE(error.starts_with("mem.xml:")) << error;
  EXPECT_NE(error.find("malformed XML"), std::string::npos) << error;
}

TEST(Markup, NeverLoadsExternalEntities) {
  const Tree tree = parse_xml(
      "<!DOCTYPE a [<!ENTITY geheim SYSTEM \"file:///etc/passwd\">]><a>voor &geheim; na</a>",
      "mem.xml");
  EXPECT_EQ(root_text(tree), "voor na");
}

TEST(Markup, ReadsBrokenHtmlAsBrowsersDo) {
  const Tree tree = parse_html("<p>Een <b>open tag\n<p>Tweede &eacute;&nbsp;alinea</div></span>", "mem.html");
  EXPECT_EQ(root_text(tree), "Een open tag Tweede é alinea");
  EXPECT_NE(parse_html("", "mem.html"), nullptr);
  EXPECT_NE(parse_html("\x01\x02 <<<>>> &&&", "mem.html"), nullptr);
}

std::string html_error_of(const std::string& html) {
  return vind::testing::error_of([&html] { parse_html(html, "mem.html"); });
}

std::string nested(const std::string& open, int depth, const std::string& inside) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += open;
  return text + inside;
}

// libxml2 stops nesting at depth 256 (no XML_PARSE_HUGE) and its HTML parser would return the
// page up to there as all there is: such a document is refused, never cut short.
TEST(Markup, RefusesWhatIsNestedTooDeep) {
  const std::string too_deep =
      "mem.html:1: elements nested more than 256 deep; vind reads no deeper (libxml2's limit) rather "
      "than lose the rest of the document";
  EXPECT_EQ(html_error_of(nested("<div>", 200000, "diep")), too_deep);
  EXPECT_EQ(html_error_of(nested("<div>", 300, "diep</div><p>na</p>")), too_deep);
  EXPECT_EQ(html_error_of(nested("\n<span>", 300, "")),
            "mem.html:257: elements nested more than 256 deep; vind reads no deeper (libxml2's limit) "
            "rather than lose the rest of the document");
  EXPECT_EQ(root_text(parse_html(nested("<div>", 200, "ondiep </div><p>na</p>"), "mem.html")), "ondiep na");
  EXPECT_EQ(error_of(nested("<a>", 300, "")),
            "mem.xml:1: elements nested more than 256 deep; vind reads no deeper (libxml2's limit) rather "
            "than lose the rest of the document");
}

TEST(Markup, FindsTheFirstElement) {
  struct Case {
    std::string text;
    std::string element;
    std::string doctype;
  };
  const std::vector<Case> cases = {
      {"<?xml version=\"1.0\"?>\n<officiele-publicatie>", "officiele-publicatie", ""},
      {"\xEF\xBB\xBF<?xml version=\"1.0\"?><open-rechtspraak>", "open-rechtspraak", ""},
      {"<!DOCTYPE html>\n<html lang=\"nl\">", "html", "html"},
      {"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\">\n<!--LaTeX2HTML-->\n<HTML>",
       "html", "html"},
      {"<!--\n  vertaling\n!-->\n\n<h1>Titel</h1>", "h1", ""},
      {"<!DOCTYPE a [<!ENTITY b \"c\">]><a>", "a", "a"},
      {"<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n##Wet", "meta", ""},
      {"## Vraag\n<p>", "", ""},
      {"<!-- nooit gesloten", "", ""},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    std::string doctype;
    EXPECT_EQ(first_element(c.text, &doctype), c.element) << c.text;
    EXPECT_EQ(doctype, c.doctype) << c.text;
  }
}

}  // namespace
}  // namespace vind::readers::markup
