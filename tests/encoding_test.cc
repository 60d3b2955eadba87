#include "readers/text/encoding.h"

#include <gtest/gtest.h>

#include "analysis/utf8.h"

#include <string>
#include <vector>

#include "analysis/error.h"

namespace vind::readers {
namespace {

TEST(Encoding, FindsTheFirstInvalidUtf8Sequence) {
  EXPECT_EQ(analysis::invalid_utf8_at("één €"), std::string::npos);
  EXPECT_EQ(analysis::invalid_utf8_at("caf\xE9"), 3u);            // Latin-1 é
  EXPECT_EQ(analysis::invalid_utf8_at("a\xC0\xAF"), 1u);           // overlong '/'
  EXPECT_EQ(analysis::invalid_utf8_at("ab\xED\xA0\x80"), 2u);      // a surrogate
  EXPECT_EQ(analysis::invalid_utf8_at("\xF4\x90\x80\x80"), 0u);    // past U+10FFFF
  EXPECT_EQ(analysis::invalid_utf8_at("abc\xE2\x82"), 3u);         // cut short
}

// What 14 Handelingen files of the bench corpus hold: "één" saved as "Ã©Ã©n", "–" as "â\u0080\u0093".
TEST(Encoding, UndoesTextEncodedTwice) {
  EXPECT_EQ(undo_twice_encoded("\xC3\xAF\xC2\xBB\xC2\xBF\n<al>We gaan in \xC3\x83\xC2\xA9\xC3\x83\xC2\xA9n "
                               "beweging door \xC3\xA2\xC2\x80\xC2\x93 nu</al>"),
            "\xEF\xBB\xBF\n<al>We gaan in één beweging door – nu</al>");
  EXPECT_EQ(undo_twice_encoded("alleen ascii"), "alleen ascii");
  EXPECT_EQ(undo_twice_encoded("één keer"), std::nullopt);       // é once: bytes C3 A9 → E9, no UTF-8
  EXPECT_EQ(undo_twice_encoded("€ past U+00FF"), std::nullopt);
}

TEST(Encoding, FindsTheDeclaredCharset) {
  struct Case {
    std::string html;
    std::string charset;
  };
  const std::vector<Case> cases = {
      {"<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-15\">", "iso-8859-15"},
      {"<!DOCTYPE html><meta charset=\"windows-1252\"><p>x", "windows-1252"},
      {"<meta charset=UTF-8>", "utf-8"},
      {"<meta name=\"description\" content=\"charset\"><meta charset='latin1'>", "latin1"},
      {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html>", "iso-8859-1"},
      {"<html><p>charset=iso-8859-1</p>", ""},  // not in a <meta>
      {std::string(5000, ' ') + "<meta charset=\"iso-8859-1\">", ""},  // past the head
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(declared_charset(c.html), c.charset) << c.html.substr(0, 60);
}

TEST(Encoding, ConvertsToUtf8) {
  EXPECT_EQ(to_utf8("Caf\xE9 \xA4 5", "iso-8859-15", "x.html"), "Café € 5");
  // Latin-1 is read as windows-1252, as browsers do: Word's quotes are 0x93 and 0x94.
  EXPECT_EQ(to_utf8("\x93zo\x94 na\xEF" "ef", "iso-8859-1", "x.html"), "“zo” naïef");
  try {
    to_utf8("x", "klingon-8", "x.html");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "x.html: not UTF-8, and its declared charset \"klingon-8\" is not known");
  }
  try {
    to_utf8("\xA1", "iso-8859-8", "x.html");  // no character in Hebrew
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with("x.html: not iso-8859-8 as it declares: a byte has no "
                                                  "character in iso-8859-8"))
        << e.what();
  }
}

}  // namespace
}  // namespace vind::readers
