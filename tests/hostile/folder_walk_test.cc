// Folders and names that break a naive walk: unreadable folders and files (as an unprivileged
// user), symbolic links that loop or leave the folder, names that are not UTF-8 or hold a newline,
// files that only differ in their extension, a FIFO. Each is reported and skipped with its reason,
// and everything else is still indexed; nothing already indexed is lost.

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/hostile/vind_run.h"
#include "tests/serve_process.h"

namespace {

namespace fs = std::filesystem;
using vind::testing::document_ids;
using vind::testing::hand_over;
using vind::testing::run_vind;
using vind::testing::ServeProcess;
using vind::testing::TempDir;
using vind::testing::VindRun;
using vind::testing::without_seconds;

// A FAQ page of one passage about `word`.
std::string page(const std::string& word) {
  return "# Over " + word + "\n\n## Wat is " + word + "?\n\nDit gaat over " + word + ".\n";
}

// docs/ with `name` and a good neighbour, both FAQ pages, handed to the unprivileged user.
struct Corpus {
  TempDir dir;
  fs::path docs = dir / "docs";
  std::string db = (dir / "db").string();

  explicit Corpus(const std::vector<std::pair<std::string, std::string>>& files) {
    dir.write("docs/buur.md", page("buur"));
    for (const auto& [name, text] : files) dir.write("docs/" + name, text);
    hand_over(dir.path());
  }
  VindRun index() const { return run_vind(dir, {"index", "--db", db, docs.string()}); }
};

// document → url of each hit of `vind search --json`.
std::map<std::string, std::string> hits(const TempDir& dir, const std::string& db, const std::string& query) {
  const VindRun search = run_vind(dir, {"search", "--json", "--db", db, query});
  EXPECT_EQ(search.status, 0) << search.err;
  const nlohmann::json answer = nlohmann::json::parse(search.out);
  std::map<std::string, std::string> out;
  for (const auto& hit : answer.at("results")) out[hit.at("document")] = hit.at("url");
  return out;
}

void set_mode(const fs::path& p, fs::perms perms) { fs::permissions(p, perms, fs::perm_options::replace); }

// docs/ with a readable folder, a folder (two levels deep) that will be locked, and a file at the
// top: four documents, indexed as the unprivileged user.
struct LockableCorpus {
  TempDir dir;
  fs::path docs = dir / "docs";
  fs::path locked = docs / "locked";
  std::string db = (dir / "db").string();

  LockableCorpus() {
    dir.write("docs/open/water.md", page("water"));
    dir.write("docs/locked/vuur.md", page("vuur"));
    dir.write("docs/locked/diep/aarde.md", page("aarde"));
    dir.write("docs/lucht.md", page("lucht"));
    set_mode(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
    hand_over(dir.path());
  }
  ~LockableCorpus() { set_mode(locked, fs::perms::owner_all); }  // so that it can be removed
};

TEST(HostileFolders, AnUnreadableFolderKeepsItsDocumentsAndIsReportedAsSkipped) {
  LockableCorpus c;
  const VindRun first = run_vind(c.dir, {"index", "--db", c.db, c.docs.string()});
  ASSERT_EQ(first.status, 0) << first.err;
  c.dir.write("docs/open/ijs.md", page("ijs"));
  hand_over(c.dir.path());
  set_mode(c.locked, fs::perms::none);

  const VindRun update = run_vind(c.dir, {"index", "--db", c.db, c.docs.string()});
  EXPECT_EQ(update.status, 3);
  EXPECT_EQ(update.err, "skipped: " + c.locked.string() +
                            ": cannot read this folder (Permission denied); what the index holds "
                            "from it stays\n");
  EXPECT_EQ(without_seconds(update.out),
            "files seen: 4, indexed: 1, unchanged: 2, skipped: 1, removed: 0\n"
            "passages written: 1, in index: 5, seconds: S\n"
            "by format:\n"
            "  faq-markdown: 1 document, 1 passage\n"
            "  (no format): 1 skipped (cannot read this folder: 1)\n");
  EXPECT_EQ(document_ids(c.db),
            (std::set<std::string>{"locked/diep/aarde", "locked/vuur", "lucht", "open/ijs", "open/water"}));

  set_mode(c.locked, fs::perms::owner_all);
  const VindRun again = run_vind(c.dir, {"index", "--db", c.db, c.docs.string()});
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(without_seconds(again.out),
            "files seen: 5, indexed: 0, unchanged: 5, skipped: 0, removed: 0\n"
            "passages written: 0, in index: 5, seconds: S\n");
}

TEST(HostileFolders, ARebuildRefusesToDropWhatItCannotRead) {
  LockableCorpus c;
  ASSERT_EQ(run_vind(c.dir, {"index", "--db", c.db, c.docs.string()}).status, 0);
  set_mode(c.locked, fs::perms::none);

  const VindRun rebuild = run_vind(c.dir, {"index", "--rebuild", "--db", c.db, c.docs.string()});
  EXPECT_EQ(rebuild.status, 1);
  EXPECT_EQ(rebuild.err, "vind: " + c.locked.string() + ": cannot read this folder, and a rebuild would drop the 2 "
                         "files " + c.db + " holds from it; make it readable, or index without --rebuild\n");
  EXPECT_EQ(rebuild.out, "");
  EXPECT_EQ(document_ids(c.db), (std::set<std::string>{"locked/diep/aarde", "locked/vuur", "lucht", "open/water"}));
}

TEST(HostileFolders, AFreshBuildIndexesAllItCanReadAndNamesTheRest) {
  LockableCorpus c;
  set_mode(c.locked, fs::perms::none);
  const VindRun build = run_vind(c.dir, {"index", "--db", c.db, c.docs.string()});
  EXPECT_EQ(build.status, 3);
  EXPECT_EQ(build.err, "skipped: " + c.locked.string() +
                           ": cannot read this folder (Permission denied); what the index holds "
                           "from it stays\n");
  EXPECT_EQ(document_ids(c.db), (std::set<std::string>{"lucht", "open/water"}));
}

TEST(HostileFolders, AnUnreadableFileKeepsItsLastGoodVersion) {
  LockableCorpus c;
  ASSERT_EQ(run_vind(c.dir, {"index", "--db", c.db, c.docs.string()}).status, 0);
  const fs::path water = c.docs / "open/water.md";
  set_mode(water, fs::perms::none);
  const VindRun update = run_vind(c.dir, {"index", "--db", c.db, c.docs.string()});
  set_mode(water, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(update.status, 3);
  EXPECT_EQ(update.err, "skipped: " + water.string() + ": cannot read: Permission denied (its 1 passages from "
                            "the last good version stay in the index)\n");
  EXPECT_EQ(document_ids(c.db), (std::set<std::string>{"locked/diep/aarde", "locked/vuur", "lucht", "open/water"}));
}

TEST(HostileNames, ANameThatIsNotUtf8IsIndexedWithAPrintableIdAndFoundAgain) {
  Corpus c({});
  ASSERT_EQ(c.index().status, 0);
  c.dir.write("docs/b\xE9.md", page("gras"));  // Latin-1 é
  hand_over(c.dir.path());

  const VindRun update = c.index();  // an update: it used to fail halfway, part of it committed
  EXPECT_EQ(update.status, 0) << update.err;
  EXPECT_EQ(update.err, "");
  EXPECT_EQ(document_ids(c.db), (std::set<std::string>{"b\\xE9", "buur"}));
  EXPECT_EQ(hits(c.dir, c.db, "gras"),
            (std::map<std::string, std::string>{{"b\\xE9", "/b%E9.md#wat-is-gras"}}));
  EXPECT_EQ(hits(c.dir, c.db, "document:b\\xE9"), hits(c.dir, c.db, "gras"));

  // The index kept the name's bytes: the file is known again, and found gone when it is.
  EXPECT_EQ(without_seconds(c.index().out),
            "files seen: 2, indexed: 0, unchanged: 2, skipped: 0, removed: 0\n"
            "passages written: 0, in index: 2, seconds: S\n");
  fs::remove(c.docs / "b\xE9.md");
  EXPECT_EQ(without_seconds(c.index().out),
            "removed: " + (c.docs / "b\\xE9.md").string() + "\n"
            "files seen: 1, indexed: 0, unchanged: 1, skipped: 0, removed: 1\n"
            "passages written: 0, in index: 1, seconds: S\n");
}

TEST(HostileNames, ANewlineInANameGivesAnIdOnOneLineThatFiltersFindAndDocOpens) {
  Corpus c({{"twee\nregels.md", page("gras")}});
  const VindRun build = c.index();
  EXPECT_EQ(build.status, 0) << build.err;
  EXPECT_EQ(document_ids(c.db), (std::set<std::string>{"buur", "twee\\x0Aregels"}));
  EXPECT_EQ(hits(c.dir, c.db, "document:twee\\x0Aregels"),
            (std::map<std::string, std::string>{
                {"twee\\x0Aregels", "/twee%0Aregels.md#wat-is-gras"}}));

  // The search page links to /doc/ + encodeURIComponent(id); a newline in the id ("%0A") was
  // never matched by the route, so the document could not be opened.
  ServeProcess server(c.db);
  httplib::Client client = server.client();
  const httplib::Result doc = client.Get("/doc/twee%5Cx0Aregels");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->status, 200) << doc->body;
  EXPECT_NE(doc->body.find("Dit gaat over gras."), std::string::npos) << doc->body;
  EXPECT_EQ(server.stop(), 0) << server.log();
}

TEST(HostileNames, FilesThatDifferOnlyInTheirExtensionKeepItInTheirIds) {
  Corpus c({{"dup.md", page("gras")}});
  ASSERT_EQ(c.index().status, 0);
  EXPECT_EQ(document_ids(c.db), (std::set<std::string>{"buur", "dup"}));

  c.dir.write("docs/dup.txt", page("hooi"));  // sniffed as Markdown whatever its extension
  hand_over(c.dir.path());
  const VindRun update = c.index();
  EXPECT_EQ(update.status, 0) << update.err;
  EXPECT_EQ(without_seconds(update.out),
            "files seen: 3, indexed: 2, unchanged: 1, skipped: 0, removed: 0\n"
            "passages written: 2, in index: 3, seconds: S\n"
            "by format:\n"
            "  faq-markdown: 2 documents, 2 passages\n");
  EXPECT_EQ(document_ids(c.db), (std::set<std::string>{"buur", "dup.md", "dup.txt"}));
  EXPECT_EQ(hits(c.dir, c.db, "document:dup.txt"),
            (std::map<std::string, std::string>{{"dup.txt", "/dup.txt#wat-is-hooi"}}));
}

TEST(HostileNames, AnIdThatChangesMovesItsDocumentToItsNewShard) {
  Corpus c({{"dup.md", page("gras")}});
  ASSERT_EQ(run_vind(c.dir, {"index", "--shards", "4", "--db", c.db, c.docs.string()}).status, 0);
  c.dir.write("docs/dup.txt", page("hooi"));
  hand_over(c.dir.path());
  const VindRun update = run_vind(c.dir, {"index", "--db", c.db, c.docs.string()});
  EXPECT_EQ(update.status, 0) << update.err;
  EXPECT_EQ(document_ids(c.db), (std::set<std::string>{"buur", "dup.md", "dup.txt"}));
  EXPECT_EQ(Xapian::Database(c.db).get_doccount(), 3u);
}

TEST(HostileNames, TheSameNameInTwoIndexedFoldersIsIndexedOnceAndTheOtherNamed) {
  TempDir dir;
  dir.write("a/x.md", page("gras"));
  dir.write("b/x.md", page("hooi"));
  hand_over(dir.path());
  const VindRun build =
      run_vind(dir, {"index", "--db", (dir / "db").string(), (dir / "a").string(), (dir / "b").string()});
  EXPECT_EQ(build.status, 3);
  EXPECT_EQ(build.err, "skipped: " + (dir / "b/x.md").string() + ": same document id as another file (\"x\", from " +
                           (dir / "a/x.md").string() + ")\n");
  EXPECT_EQ(hits(dir, (dir / "db").string(), "gras OR hooi"),
            (std::map<std::string, std::string>{{"x", "/x.md#wat-is-gras"}}));
}

TEST(HostileLinks, ALinkThatLoopsIsSkippedWithItsReason) {
  Corpus c({});
  fs::create_symlink("lus.md", c.docs / "lus.md");
  const VindRun build = c.index();
  EXPECT_EQ(build.status, 3);
  EXPECT_EQ(build.err, "skipped: " + (c.docs / "lus.md").string() +
                           ": broken symbolic link (Too many levels of symbolic links)\n");
  EXPECT_EQ(document_ids(c.db), (std::set<std::string>{"buur"}));

  // Given by itself, too.
  const VindRun alone = run_vind(c.dir, {"index", "--db", c.db, (c.docs / "lus.md").string()});
  EXPECT_EQ(alone.status, 3);
  EXPECT_EQ(alone.err, build.err);
}

TEST(HostileLinks, ALinkToAFileOutsideTheFolderIsNotFollowed) {
  Corpus c({});
  const fs::path secret = c.dir.write("private/geheim.md", page("geheim"));
  fs::create_symlink(secret, c.docs / "link.md");
  hand_over(c.dir.path());
  const VindRun build = c.index();
  EXPECT_EQ(build.status, 3);
  EXPECT_EQ(build.err, "skipped: " + (c.docs / "link.md").string() +
                           ": symbolic link to a file outside the indexed folder (" + secret.string() +
                           "); not followed\n");
  EXPECT_EQ(document_ids(c.db), (std::set<std::string>{"buur"}));
  EXPECT_EQ(hits(c.dir, c.db, "geheim"), (std::map<std::string, std::string>{}));
}

TEST(HostileLinks, AFileReachedByALinkTooIsIndexedOnceUnderItsOwnName) {
  Corpus c({{"echt.md", page("gras")}});
  fs::create_symlink("echt.md", c.docs / "alias.md");
  const VindRun build = c.index();
  EXPECT_EQ(build.status, 0) << build.err;
  EXPECT_EQ(without_seconds(build.out),
            "files seen: 2, indexed: 2, unchanged: 0, skipped: 0, removed: 0\n"
            "passages written: 2, in index: 2, seconds: S\n"
            "by format:\n"
            "  faq-markdown: 2 documents, 2 passages\n");
  EXPECT_EQ(document_ids(c.db), (std::set<std::string>{"buur", "echt"}));
}

TEST(HostileLinks, EachShardLeavesTheReportOfAnUnusableEntryToTheOneItRoutesTo) {
  Corpus c({{"gras.md", page("gras")}});
  fs::create_symlink("lus.md", c.docs / "lus.md");
  fs::create_symlink("ring.md", c.docs / "ring.md");
  const VindRun build = run_vind(c.dir, {"index", "--shards", "3", "--db", c.db, c.docs.string()});
  EXPECT_EQ(build.status, 3);
  EXPECT_EQ(build.err, "skipped: " + (c.docs / "lus.md").string() +
                           ": broken symbolic link (Too many levels of symbolic links)\n"
                           "skipped: " + (c.docs / "ring.md").string() +
                           ": broken symbolic link (Too many levels of symbolic links)\n");
}

TEST(HostileFiles, AFifoIsSkippedAsNotARegularFile) {
  Corpus c({});
  ASSERT_EQ(mkfifo((c.docs / "pijp.md").c_str(), 0644), 0);
  const VindRun build = c.index();
  EXPECT_EQ(build.status, 3);
  EXPECT_EQ(build.err, "skipped: " + (c.docs / "pijp.md").string() + ": not a regular file\n");
  EXPECT_EQ(document_ids(c.db), (std::set<std::string>{"buur"}));
}

}  // namespace
