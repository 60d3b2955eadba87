#include "readers/text/text.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace vind::readers {
namespace {

std::vector<std::pair<std::string, int>> lines_of(std::string_view text) {
  std::vector<std::pair<std::string, int>> out;
  for (const Line& line : split_lines(text)) out.emplace_back(line.text, line.number);
  return out;
}

TEST(Text, SplitsLfAndCrlfAlikeAndDropsTheByteOrderMark) {
  using Lines = std::vector<std::pair<std::string, int>>;
  EXPECT_EQ(lines_of("\xEF\xBB\xBFVraag 1\r\nWat?\r\n\r\nAntwoord 1"),
            (Lines{{"Vraag 1", 1}, {"Wat?", 2}, {"", 3}, {"Antwoord 1", 4}}));
  EXPECT_EQ(lines_of("a\nb\n"), (Lines{{"a", 1}, {"b", 2}}));
  EXPECT_EQ(lines_of(""), Lines{});
  EXPECT_EQ(without_bom("\xEF\xBB\xBF<html>"), "<html>");
  EXPECT_EQ(without_bom("<html>\xEF\xBB\xBF"), "<html>\xEF\xBB\xBF");
}

struct BlankCase {
  std::string text;
  std::size_t at;
  std::size_t bytes;  // of blank at `at`
};

// One notion of blank for every reader: Unicode's White_Space.
TEST(Text, KnowsUnicodeBlanks) {
  const std::vector<BlankCase> cases = {
      {" ", 0, 1},
      {"\t\n\r\f\v", 2, 1},
      {"a\xC2\xA0", 1, 2},      // no-break space, as Word exports it
      {"\xE2\x80\x8A", 0, 3},   // hair space, as the Handelingen put it after "Voorzitter: Arib"
      {"\xE2\x80\xAF", 0, 3},   // narrow no-break space
      {"\xE3\x80\x80", 0, 3},   // ideographic space
      {"\xE2\x80\x8B", 0, 0},   // a zero-width space is no White_Space
      {"\xC2", 0, 0},           // a lead byte alone is no character
      {"\xC3\xA9", 0, 0},       // é
      {"a", 0, 0},
      {"a", 1, 0},              // the end
  };
  for (const BlankCase& c : cases) EXPECT_EQ(blank_at(c.text, c.at), c.bytes) << c.text << " at " << c.at;
}

struct TrimCase {
  std::string text;
  std::string trimmed;
  std::string collapsed;
};

TEST(Text, TrimsAndCollapsesEveryBlankLikeASpace) {
  const std::vector<TrimCase> cases = {
      {"\xC2\xA0 Antwoord 19 \t\xC2\xA0", "Antwoord 19", "Antwoord 19"},
      {"  vandaag  in\xC2\xA0\xC2\xA0 aparte\tbrieven ", "vandaag  in\xC2\xA0\xC2\xA0 aparte\tbrieven",
       "vandaag in aparte brieven"},
      {"Voorzitter:\xE2\x80\x8A" "Arib\n", "Voorzitter:\xE2\x80\x8A" "Arib", "Voorzitter: Arib"},
      {" \xC2\xA0 ", "", ""},
      {"", "", ""},
      {"\xC3\xA9\xC2\xA0", "\xC3\xA9", "\xC3\xA9"},
      {"\xC2", "\xC2", "\xC2"},  // not UTF-8: no blank
  };
  for (const TrimCase& c : cases) {
    EXPECT_EQ(trim(c.text), c.trimmed) << c.text;
    EXPECT_EQ(collapse(c.text), c.collapsed) << c.text;
    EXPECT_EQ(is_blank(c.text), c.trimmed.empty()) << c.text;
  }
}

TEST(Text, AppendsCollapsedRunByRun) {
  std::string out;
  for (const std::string_view run : {"  Een \n", "\xC2\xA0woord", " en", "", "\t", "nog een "})
    append_collapsed(run, out);
  EXPECT_EQ(out, "Een woord en nog een ");
}

struct NumberCase {
  std::string text;
  std::size_t max_digits;
  int number;
};

TEST(Text, ReadsALeadingNumber) {
  const std::vector<NumberCase> cases = {
      {"12. Wat doet de overheid?", 9, 12}, {"12345 a", 5, 12345}, {"123456 a", 5, 0},
      {"Vraag 1", 9, 0},                    {"", 9, 0},            {"007", 3, 7},
  };
  for (const NumberCase& c : cases) EXPECT_EQ(leading_number(c.text, c.max_digits), c.number) << c.text;
}

TEST(Text, LowercasesAndCapitalisesAsciiOnly) {
  EXPECT_EQ(ascii_lowercase("<META Charset=ÉÉN>"), "<meta charset=ÉÉn>");
  EXPECT_TRUE(starts_with_ignoring_case("<!DOCTYPE html>", "<!doctype"));
  EXPECT_FALSE(starts_with_ignoring_case("<!DOC", "<!doctype"));
  EXPECT_EQ(capitalised("uitspraak"), "Uitspraak");
  EXPECT_EQ(capitalised("één"), "één");
  EXPECT_EQ(capitalised(""), "");
  EXPECT_TRUE(is_digit('7') && !is_digit('a') && is_ascii_letter('Z') && !is_ascii_letter('1'));
}

TEST(Text, JoinsTheParagraphsThatSaySomething) {
  EXPECT_EQ(join_paragraphs(std::vector<std::string>{"Een", "", "Twee", ""}), "Een\n\nTwee");
  EXPECT_EQ(join_paragraphs(std::vector<std::string>{"", ""}), "");
  EXPECT_EQ(join_paragraphs(std::vector<std::string>{}), "");
}

}  // namespace
}  // namespace vind::readers
