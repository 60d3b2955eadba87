#include "readers/text/text_lines.h"

#include <gtest/gtest.h>

namespace vind::readers {
namespace {

std::vector<std::pair<std::string, int>> lines_of(std::string_view text) {
  std::vector<std::pair<std::string, int>> out;
  for (const Line& line : split_lines(text)) out.emplace_back(line.text, line.number);
  return out;
}

TEST(TextLines, SplitsLfAndCrlfAlikeAndDropsTheByteOrderMark) {
  using Lines = std::vector<std::pair<std::string, int>>;
  EXPECT_EQ(lines_of("\xEF\xBB\xBFVraag 1\r\nWat?\r\n\r\nAntwoord 1"),
            (Lines{{"Vraag 1", 1}, {"Wat?", 2}, {"", 3}, {"Antwoord 1", 4}}));
  EXPECT_EQ(lines_of("a\nb\n"), (Lines{{"a", 1}, {"b", 2}}));
  EXPECT_EQ(lines_of(""), Lines{});
}

TEST(TextLines, TrimsAndCollapsesNoBreakSpacesLikeSpaces) {
  EXPECT_EQ(trim("\xC2\xA0 Antwoord 19 \t\xC2\xA0"), "Antwoord 19");
  EXPECT_EQ(collapse("  vandaag  in\xC2\xA0\xC2\xA0 aparte\tbrieven "), "vandaag in aparte brieven");
  EXPECT_EQ(collapse(" \xC2\xA0 "), "");
  EXPECT_EQ(blank_at("a\xC2\xA0", 1), 2u);
  EXPECT_EQ(blank_at("a", 1), 0u);
}

}  // namespace
}  // namespace vind::readers
