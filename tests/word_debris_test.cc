#include "readers/kamervragen/word_debris.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vind::readers {
namespace {

// The text, then "cites N @line", "footnote N @line: text", "problem: …": the whole result.
std::vector<std::string> describe(const WordLine& line) {
  std::vector<std::string> out = {line.text};
  for (const Citation& c : line.cited) out.push_back("cites " + std::to_string(c.number) + " @" + std::to_string(c.line));
  for (const Footnote& f : line.footnotes)
    out.push_back("footnote " + std::to_string(f.number) + " @" + std::to_string(f.line) + ": " + f.text);
  for (const std::string& p : line.problems) out.push_back("problem: " + p);
  return out;
}

struct DebrisCase {
  std::string line;
  std::vector<std::string> read;  // as describe() gives it
};

TEST(WordDebris, RemovesWordsMarkupAndKeepsItsFootnotes) {
  const std::vector<DebrisCase> cases = {
      {"Kamerbrief[footnoteRef:1] van gisteren.", {"Kamerbrief van gisteren.", "cites 1 @7"}},
      {"[bookmark: _Hlk205712691]De diverse aspecten", {"De diverse aspecten"}},
      {"[1:  Brief van 21 augustus 2025, Kamerstuk II ]",
       {"", "footnote 1 @7: Brief van 21 augustus 2025, Kamerstuk II"}},
      {"RvIG).[footnoteRef:4] [4:  Centraal Meldpunt (CMI) | RvIG]",
       {"RvIG).", "cites 4 @7", "footnote 4 @7: Centraal Meldpunt (CMI) | RvIG"}},
      {"Een citaat [...] en zwaarwegend[e] belang", {"Een citaat [...] en zwaarwegend[e] belang"}},
      {"[12 mei] en [a: b]", {"[12 mei] en [a: b]"}},
      // Never closed: a citation or bookmark loses only its marker, a footnote runs to the end.
      {"V1 [footnoteRef:2 blijft", {"V1 blijft", "cites 2 @7"}},
      {"[bookmark: _Hlk123 De tekst", {"De tekst"}},
      {"[5: open einde", {"", "footnote 5 @7: open einde",
                          "problem: footnote 5 has no closing \"]\"; taken to the end of the line"}},
      {"[footnoteRef:x] [footnoteRef:1234567]", {""}},
      {"[[[", {"[[["}},
      {"", {""}},
  };
  for (const DebrisCase& c : cases) EXPECT_EQ(describe(without_word_debris(c.line, 7)), c.read) << c.line;
}

TEST(WordDebris, RemovesTheBulletWordExportedAsText) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\u00b7 De samenwerking", "De samenwerking"},
      {"\u2022\tpunt twee", "punt twee"},
      {"\u00b7geen blank", "\u00b7geen blank"},
      {"\u00b7", "\u00b7"},
      {"- geen bullet", "- geen bullet"},
  };
  for (const auto& [text, without] : cases) EXPECT_EQ(without_bullet(text), without) << text;
}

}  // namespace
}  // namespace vind::readers
