// File names are bytes: how they are shown (printable) and stored (byte for byte, though JSON
// holds only UTF-8).

#include "schema/printable.h"

#include <gtest/gtest.h>

#include "analysis/error.h"
#include "schema/schema.h"

namespace vind::schema {
namespace {

TEST(Printable, EscapesWhatIsNotUtf8OrIsAControlCharacterAndKeepsTheRest) {
  const struct {
    std::string bytes;
    std::string shown;
  } cases[] = {
      {"gewoon/pad.md", "gewoon/pad.md"},
      {"één café ü.md", "één café ü.md"},
      {"b\xE9.md", "b\\xE9.md"},                // Latin-1
      {"twee\nregels\t.md", "twee\\x0Aregels\\x09.md"},
      {"\x1B[31mrood", "\\x1B[31mrood"},        // a terminal escape
      {"c1\xC2\x9B" "x", "c1\\xC2\\x9Bx"},     // U+009B, the one-byte CSI
      {"kort\xE2\x82", "kort\\xE2\\x82"},       // cut off inside a character
      {"\xF0\x9F\x98\x80 blij", "\xF0\x9F\x98\x80 blij"},
      {"schuine\\streep", "schuine\\streep"},   // a backslash stays as it is
  };
  for (const auto& c : cases) EXPECT_EQ(printable(c.bytes), c.shown) << c.bytes;
}

TEST(Printable, RecordsAndPassagesKeepAPathThatIsNotUtf8ByteForByte) {
  const std::string path = "/docs/b\xE9\n.md";
  const FileRecord record = file_record_from_json(to_json({path, "abc", 3, "b\\xE9\\x0A", {}, ""}));
  EXPECT_EQ(record.path, path);
  EXPECT_EQ(record.digest, "abc");
  EXPECT_EQ(record.passages, 3u);
  EXPECT_EQ(record.document, "b\\xE9\\x0A");
  EXPECT_EQ(to_json({path, "abc", 3, "b", {}, ""}),
            R"({"digest":"abc","document":"b","passages":3,"path":"/docs/b\\xE9\\x0A.md",)"
            R"("path_bytes":"2f646f63732f62e90a2e6d64"})");

  StoredPassage passage;
  passage.path = path;
  EXPECT_EQ(passage_from_data(to_data(passage)).path, path);
  passage.path = "/docs/gewoon.md";  // stored as before
  EXPECT_EQ(to_data(passage).find("path_bytes"), std::string::npos);
}

TEST(Printable, ARecordWithoutADocumentIdIsOneFromBeforeIdsWereKept) {
  EXPECT_EQ(file_record_from_json(R"({"path":"/a.md","digest":"d","passages":1})").document, "");
}

TEST(Printable, APassageWhoseFieldsAreNotUtf8IsAnErrorNamingItsFile) {
  StoredPassage passage;
  passage.path = "/docs/a.md";
  passage.anchor = "x";
  passage.title = "b\xE9";
  try {
    to_data(passage);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "/docs/a.md: cannot store passage #x ([json.exception.type_error.316] "
                           "incomplete UTF-8 string; last byte: 0xE9)");
  }
}

}  // namespace
}  // namespace vind::schema
