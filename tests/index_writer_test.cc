#include "indexer/index_writer.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include <xapian.h>

#include "analysis/settings.h"
#include "schema/schema.h"
#include "temp_dir.h"

namespace vind::indexer {
namespace {

using vind::testing::TempDir;

PreparedFile prepared(const std::string& path, std::size_t passages) {
  PreparedFile file;
  file.outcome = PreparedFile::Outcome::kIndexed;
  file.input.file = path;
  file.record_key = schema::kFileKeyPrefix + schema::file_key(path);
  file.digest = "d";
  for (std::size_t i = 0; i < passages; ++i) {
    Xapian::Document doc;
    doc.add_term("passage" + std::to_string(i));
    doc.add_term("wetsartikel");
    doc.add_term(schema::file_term(path));
    file.passages.push_back(doc);
  }
  return file;
}

Xapian::termcount spelling_frequency(const Xapian::Database& db, const std::string& word) {
  Xapian::TermIterator it = db.spellings_begin();
  it.skip_to(word);
  return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

std::string record(const Xapian::Database& db, const std::string& path) {
  return db.get_metadata(schema::kFileKeyPrefix + schema::file_key(path));
}

// A writer that commits a file of 3 passages, then is given `then` and goes; the index as a
// reader then finds it.
Xapian::Database after_the_faq_and(const TempDir& dir, const std::function<void(IndexWriter&)>& then) {
  const std::string path = (dir / "db").string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    const analysis::Analyser analyser(analysis::default_settings());
    Report report;
    IndexWriter writer(db, analyser, report);
    writer.write(prepared("/corpus/faq.md", 3));
    writer.commit();
    then(writer);
  }
  return Xapian::Database(path);
}

// The faq's 3 passages, its record and spelling data, and nothing of wet.xml.
void expect_only_the_faq(const Xapian::Database& db) {
  EXPECT_EQ(db.get_doccount(), 3u);
  EXPECT_EQ(record(db, "/corpus/faq.md"), R"({"digest":"d","document":"","passages":3,"path":"/corpus/faq.md"})");
  EXPECT_EQ(record(db, "/corpus/wet.xml"), "");
  EXPECT_EQ(spelling_frequency(db, "wetsartikel"), 3u);
}

// Xapian commits on its own every 10,000 changes; a file of more passages (a law, a year of
// minutes) that fails part-way must not leave its first 10,000 in the index without the rest,
// its record or its spelling data.
TEST(IndexWriter, KeepsNothingOfAFileXapianRefusesPartWay) {
  TempDir dir;
  expect_only_the_faq(after_the_faq_and(dir, [](IndexWriter& writer) {
    PreparedFile law = prepared("/corpus/wet.xml", 12000);
    law.passages.back().add_term(std::string(300, 'x'));
    try {
      writer.write(std::move(law));
      FAIL() << "no error";
    } catch (const Xapian::InvalidArgumentError& e) {
      EXPECT_EQ(e.get_msg(), "Term too long (> 245): " + std::string(300, 'x'));
    }
  }));
}

// As when an error ends the run after a file was written.
TEST(IndexWriter, DropsWhatItDidNotCommit) {
  TempDir dir;
  expect_only_the_faq(
      after_the_faq_and(dir, [](IndexWriter& writer) { writer.write(prepared("/corpus/wet.xml", 5)); }));
}

}  // namespace
}  // namespace vind::indexer
