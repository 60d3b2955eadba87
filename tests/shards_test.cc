// vind index --shards: routing by a stable hash, each shard a complete index, re-indexing in place.

#include "indexer/shards.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "analysis/error.h"
#include "schema/schema.h"
#include "test_index.h"

namespace vind::indexer {
namespace {

using vind::testing::build_test_shards;
using vind::testing::read_text;
using vind::testing::TempDir;

// document id → the shard holding its passages, over the shards of `db`.
std::map<std::string, std::set<std::size_t>> where(const std::filesystem::path& db, std::size_t shards) {
  std::map<std::string, std::set<std::size_t>> found;
  for (std::size_t k = 0; k < shards; ++k) {
    const Xapian::Database shard((db / ("shard-" + std::to_string(k))).string());
    for (auto t = shard.allterms_begin(schema::kDocument); t != shard.allterms_end(schema::kDocument); ++t)
      found[(*t).substr(1)].insert(k);
  }
  return found;
}

Xapian::doccount passages(const std::filesystem::path& shard) {
  return Xapian::Database(shard.string()).get_doccount();
}

// Twelve small FAQ pages: each a question with an answer.
std::filesystem::path write_pages(const TempDir& dir) {
  for (int i = 0; i < 12; ++i)
    dir.write("pages/pagina-" + std::to_string(i) + ".md",
              "## Vraag " + std::to_string(i) + "\n\nHet antwoord op vraag " + std::to_string(i) + ".\n");
  return dir / "pages";
}

Options options_for(const std::filesystem::path& input, const std::filesystem::path& db) {
  Options options;
  options.inputs = {input};
  options.database = db;
  return options;
}

TEST(StableHash, IsFnv1a64) {
  EXPECT_EQ(stable_hash(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(stable_hash("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(stable_hash("foobar"), 0x85944171f73967e8ull);
  EXPECT_EQ(shard_of("foobar", 3), 0x85944171f73967e8ull % 3);
}

TEST(Shards, PutsEachDocumentInTheShardItsIdHashesTo) {
  TempDir dir;
  const std::filesystem::path db = build_test_shards(dir, 3, vind::testing::every_format());
  const auto found = where(db, 3);
  std::set<std::size_t> used;
  for (const auto& [id, shards] : found) {
    EXPECT_EQ(shards, (std::set<std::size_t>{shard_of(id, 3)})) << id;
    used.insert(shards.begin(), shards.end());
  }
  EXPECT_EQ(used, (std::set<std::size_t>{0, 1, 2}));  // no shard is empty with these inputs
  const Xapian::Database one(vind::testing::build_test_index(dir, vind::testing::every_format()).string());
  Xapian::doccount total = 0;
  std::size_t ids = 0;
  for (auto t = one.allterms_begin(schema::kDocument); t != one.allterms_end(schema::kDocument); ++t) {
    EXPECT_TRUE(found.count((*t).substr(1))) << *t;
    ++ids;
  }
  for (std::size_t k = 0; k < 3; ++k) total += passages(db / ("shard-" + std::to_string(k)));
  EXPECT_EQ(found.size(), ids);
  EXPECT_EQ(total, one.get_doccount());
  EXPECT_EQ(read_text(db / "XAPIANDB"),
            "# vind index --shards 3: a document is in shard FNV-1a-64(document id) % 3; the last line holds the shards'\n"
            "# spelling and synonym data, which Xapian's remote protocol does not serve: keep it in\n"
            "# a stub that lists remote shards (README: Sharded indexes).\n"
            "auto shard-0\nauto shard-1\nauto shard-2\nauto vocabulary\n");
  EXPECT_EQ(shard_count(db), 3u);
}

TEST(Shards, ReindexingReplacesAChangedDocumentInItsOwnShardOnly) {
  TempDir dir;
  const std::filesystem::path pages = write_pages(dir);
  const Options options = options_for(pages, dir / "db");
  const ShardsReport first = build_shards(options, 3);
  EXPECT_EQ(first.report.indexed.size(), 12u);
  EXPECT_EQ(first.passages[0] + first.passages[1] + first.passages[2], 12u);
  const std::size_t home = shard_of("pagina-7", 3);

  dir.write("pages/pagina-7.md", "## Vraag 7\n\nEen nieuw antwoord: zeldzaamheid.\n\n## Vraag 7b\n\nNog een.\n");
  const ShardsReport second = build_shards(options, 0);  // 0: as many as the folder holds
  EXPECT_EQ(second.report.indexed, (std::vector<std::filesystem::path>{pages / "pagina-7.md"}));
  EXPECT_EQ(second.report.unchanged.size(), 11u);
  for (std::size_t k = 0; k < 3; ++k)
    EXPECT_EQ(second.passages[k], first.passages[k] + (k == home ? 1 : 0)) << "shard " << k;
  const auto found = where(dir / "db", 3);
  EXPECT_EQ(found.at("pagina-7"), (std::set<std::size_t>{home}));
  const Xapian::Database shard((dir / "db" / ("shard-" + std::to_string(home))).string());
  EXPECT_EQ(shard.get_termfreq("zeldzaamheid"), 1u);
  EXPECT_EQ(Xapian::Database((dir / "db/vocabulary").string()).get_spelling_suggestion("zeldzaamheit"),
            "zeldzaamheid");

  std::filesystem::remove(pages / "pagina-7.md");
  const ShardsReport third = build_shards(options, 3);
  EXPECT_EQ(third.report.removed, (std::vector<std::filesystem::path>{pages / "pagina-7.md"}));
  EXPECT_EQ(third.passages[home], first.passages[home] - 1);
  EXPECT_EQ(Xapian::Database((dir / "db/vocabulary").string()).get_spelling_suggestion("zeldzaamheit"), "");
}

TEST(Shards, TheVocabularyHoldsEveryShardsSpellingAndSynonyms) {
  TempDir dir;
  const std::filesystem::path db = build_test_shards(dir, 3, vind::testing::every_format());
  Xapian::Database shards;
  for (int k = 0; k < 3; ++k) shards.add_database(Xapian::Database((db / ("shard-" + std::to_string(k))).string()));
  const Xapian::Database vocabulary((db / "vocabulary").string());
  std::map<std::string, Xapian::doccount> expected, got;
  for (auto it = shards.spellings_begin(); it != shards.spellings_end(); ++it) expected[*it] = it.get_termfreq();
  for (auto it = vocabulary.spellings_begin(); it != vocabulary.spellings_end(); ++it) got[*it] = it.get_termfreq();
  EXPECT_GT(expected.size(), 1000u);
  EXPECT_EQ(got, expected);
  std::map<std::string, std::set<std::string>> expected_synonyms, got_synonyms;
  for (auto k = shards.synonym_keys_begin(); k != shards.synonym_keys_end(); ++k)
    expected_synonyms[*k] = {shards.synonyms_begin(*k), shards.synonyms_end(*k)};
  for (auto k = vocabulary.synonym_keys_begin(); k != vocabulary.synonym_keys_end(); ++k)
    got_synonyms[*k] = {vocabulary.synonyms_begin(*k), vocabulary.synonyms_end(*k)};
  EXPECT_EQ(got_synonyms, expected_synonyms);
  EXPECT_TRUE(got_synonyms.count("lumc"));  // learned from the Kamervragen: "(LUMC)"
  EXPECT_EQ(vocabulary.get_doccount(), 0u);
  EXPECT_EQ(vocabulary.get_metadata(schema::kVocabularyKey), "1");
}

TEST(Shards, RefusesAnotherShardCountAnOrdinaryIndexAndAnyOtherFolder) {
  TempDir dir;
  const std::filesystem::path pages = write_pages(dir);
  build_shards(options_for(pages, dir / "db"), 3);
  const auto refusal = [&](const std::filesystem::path& db, std::size_t shards) -> std::string {
    try {
      build_shards(options_for(pages, db), shards);
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_EQ(refusal(dir / "db", 2),
            (dir / "db").string() + " holds 3 shards; index with --shards 3 (or without --shards), or "
            "into another --db: a document's shard follows from the count, so another count would "
            "move documents");
  build_index(options_for(pages, dir / "one"));
  EXPECT_EQ(refusal(dir / "one", 2),
            (dir / "one").string() + " is one index, not shards; index with --shards into another --db");
  EXPECT_EQ(refusal(pages, 2),
            pages.string() + " is neither empty nor a sharded index; give --shards a new or empty --db");
  dir.write("hand/XAPIANDB", "remote 127.0.0.1:9\n");
  EXPECT_EQ(refusal(dir / "hand", 1),
            (dir / "hand/XAPIANDB").string() + " lists other databases than vind's shards of " +
                (dir / "hand").string() + "; vind indexes only into the shards it made");
}

// A full disk while the stub is rewritten: the run stops, saying so, and the stub in place stays
// whole (/dev/full fails every write with ENOSPC).
TEST(Shards, StopsWhenTheStubCannotBeWrittenAndKeepsTheOldOne) {
  TempDir dir;
  const std::filesystem::path pages = write_pages(dir);
  const std::filesystem::path db = dir / "db";
  build_shards(options_for(pages, db), 2);
  const std::string stub = "auto shard-0\nauto shard-1\nauto vocabulary\n";  // the comment gone
  dir.write("db/XAPIANDB", stub);
  std::filesystem::create_symlink("/dev/full", db / "XAPIANDB.new");
  try {
    build_shards(options_for(pages, db), 2);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              (db / "XAPIANDB.new").string() + ": cannot write the stub: No space left on device");
  }
  EXPECT_EQ(read_text(db / "XAPIANDB"), stub);
}

}  // namespace
}  // namespace vind::indexer
