#include "readers/markup/markdown_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "readers/document.h"
#include "readers/text/text.h"

namespace vind::readers {
namespace {

std::string text_of(const std::string& markdown) {
  const std::vector<Line> lines = split_lines(markdown);
  const std::vector<MarkdownLine> blocks = markdown_lines(lines, 0);
  return markdown_text(blocks, 0, blocks.size());
}

std::string repeated(const std::string& unit, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += unit;
  return out;
}

struct TextCase {
  std::string markdown;
  std::string text;
};

TEST(MarkdownText, KeepsTheTextAReaderSees) {
  const std::vector<TextCase> cases = {
      {"Een [link](https://a.nl/x_(y) \"titel\") hier", "Een link hier"},
      {"![beeld](c.png) weg", "weg"},
      {"[ref][1] en [1]: https://example.nl/", "ref en [1]: https://example.nl/"},
      {"[1]: https://example.nl/ref", ""},  // a link definition
      {"[^1]: Een voetnoot", "[^1]: Een voetnoot"},  // a footnote is text
      {"<https://b.nl> en <info@example.nl>", "en info@example.nl"},
      {"<b>vet</b> en <5 jaar", "vet en <5 jaar"},
      {"**vet**, *schuin*, of** andere, Volksgezondhei**d", "vet, schuin, of andere, Volksgezondheid"},
      {"__nadruk__, brieven_regering, _snake_case_", "nadruk, brieven_regering, snake_case"},
      {"\\*geen nadruk\\* en \\[geen link\\]", "*geen nadruk* en [geen link]"},
      {"`a + b` en ``een ` tik``", "a + b en een ` tik"},
      {"`nooit gesloten", "nooit gesloten"},
      {"~~weg~~ en ~enkel~", "weg en ~enkel~"},
      {"Zie [DigiD](https://www.digid.nl/){:target=\"_blank\"}.", "Zie DigiD."},
      {"{: .note}", ""},
      {"&amp; &lt;b&gt; &quot;x&quot; &apos;y&apos; a&nbsp;b &eacute; &#233; &#xE9; &#XE9;",
       "& <b> \"x\" 'y' a b \u00e9 \u00e9 \u00e9 \u00e9"},
      // A soft hyphen is no text; what is no character reference stays as written.
      {"Privacy&shy;verklaring", "Privacyverklaring"},
      {"AT&T &bestaatniet; &#; &#xZZ; &#0; &#xD800; &#99999999; a & b &", "AT&T &bestaatniet; &#; &#xZZ; &#0; &#xD800; &#99999999; a & b &"},
      // The corpus' link that never closes: only its text is left.
      {"website van [Bevolkingsonderzoek Nederland]((https://b.nl/x-lab){:target=\"_blank\"}.",
       "website van Bevolkingsonderzoek Nederland."},
      {"2<sup>e</sup> m<sup>2</sup> CO<sub>2</sub>", "2e m2 CO2"},
      {"2004).<sup>1Deze richtsnoeren</sup>Deze", "2004). 1Deze richtsnoeren Deze"},
      {"> Citaat\n>\n> Verder", "Citaat\n\nVerder"},
      {"- min\n+ plus\n* ster\n12. twaalf\n1.5 graden", "min\nplus\nster\ntwaalf\n1.5 graden"},
      {"Regel\n\n---\n***\nNa", "Regel\n\nNa"},
      {"Kop\n===", "Kop"},
      {"### Dieper\nTekst", "Dieper\n\nTekst"},
      {"```\n## geen kop\n  *code*\n```\nNa", "## geen kop\n*code*\n\nNa"},
      {"  veel   blanks\u00a0\u00a0hier  ", "veel blanks hier"},
  };
  for (const TextCase& c : cases) EXPECT_EQ(text_of(c.markdown), c.text) << c.markdown;
}

TEST(MarkdownText, GivesTheLinksOfALine) {
  std::vector<Link> links;
  EXPECT_EQ(markdown_plain("[Een [binnen](#b)](#een) en [twee](https://t.nl \"t\") ![x](y.png)", &links),
            "Een binnen en twee ");
  std::vector<std::string> found;
  for (const Link& link : links) found.push_back(link.text + " -> " + link.url);
  EXPECT_EQ(found, (std::vector<std::string>{"Een binnen -> #een", "twee -> https://t.nl"}));
}

// Deep nesting is read without recursion: links nested 50,000 deep overflowed the stack of a
// recursive reader (a crash on every run over the folder that held the file).
TEST(MarkdownText, ReadsDeepNestingWithoutRecursion) {
  constexpr int kDeep = 50000;
  const std::vector<TextCase> cases = {
      {repeated("[", kDeep) + "x" + repeated("](u)", kDeep), "x"},
      {repeated("![", kDeep) + "x" + repeated("](u)", kDeep), ""},
      {repeated("[a", kDeep) + "x" + repeated("](u)", kDeep), repeated("a", kDeep) + "x"},
      {repeated("*", kDeep) + "x" + repeated("*", kDeep), "x"},
      {repeated("_", kDeep) + "x" + repeated("_", kDeep), "x"},
      {repeated("> ", kDeep) + "x", "x"},
      {repeated("- ", 3) + "x", "- - x"},  // one list marker a line, as before
      {repeated("<b>", kDeep) + "x" + repeated("</b>", kDeep), "x"},
      {repeated("<sup>", kDeep) + "x", "x"},
  };
  for (const TextCase& c : cases) EXPECT_EQ(text_of(c.markdown), c.text) << c.markdown.substr(0, 20);
  const Document doc = to_document("mem/diep.md", "---\ntitle: Diep\n---\n" + cases[0].markdown + "\n");
  EXPECT_EQ(doc.format, "jekyll-markdown");
  EXPECT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].text, "x");
}

}  // namespace
}  // namespace vind::readers
