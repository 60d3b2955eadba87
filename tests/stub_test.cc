#include "schema/stub.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "passage_lists.h"
#include "temp_dir.h"

namespace vind::schema {
namespace {

namespace fs = std::filesystem;
using vind::testing::TempDir;

// "local PATH" or "remote HOST PORT" per entry, so a row shows every field.
std::vector<std::string> describe(const std::vector<StubEntry>& entries) {
  std::vector<std::string> out;
  for (const StubEntry& e : entries)
    out.push_back(e.path.empty() ? "remote " + e.host + " " + std::to_string(e.port) : "local " + e.path.string());
  return out;
}

std::string error_of(const fs::path& file) {
  return vind::testing::error_of([&file] { read_stub(file); });
}

TEST(Stub, ReadsEachLineXapianWritesThatVindOpens) {
  TempDir dir;
  const std::string d = dir.path().string();
  struct Case {
    std::string text;
    std::vector<std::string> entries;
  };
  const std::vector<Case> cases = {
      {"auto shard-0\n", {"local " + d + "/stubs/shard-0"}},
      {"glass shard-0\n", {"local " + d + "/stubs/shard-0"}},
      {"auto /srv/vind/shard-1\n", {"local /srv/vind/shard-1"}},  // an absolute path as it is
      {"auto ../index/./db\n", {"local " + d + "/index/db"}},
      {"auto shard-0", {"local " + d + "/stubs/shard-0"}},  // no newline at the end
      {"# vind index --shards 2\n\nauto shard-0\n#auto shard-1\n", {"local " + d + "/stubs/shard-0"}},
      {"remote 10.0.0.2:33333\n", {"remote 10.0.0.2 33333"}},
      {"remote search-1.example:1\n", {"remote search-1.example 1"}},
      {"remote [::1]:65535\n", {"remote ::1 65535"}},
      {"auto shard-0\nremote 10.0.0.2:33333\nauto vocabulary\n",
       {"local " + d + "/stubs/shard-0", "remote 10.0.0.2 33333", "local " + d + "/stubs/vocabulary"}},
  };
  for (const Case& k : cases)
    EXPECT_EQ(describe(read_stub(dir.write("stubs/XAPIANDB", k.text))), k.entries) << k.text;
}

TEST(Stub, RefusesALineItDoesNotOpenNamingFileAndLine) {
  TempDir dir;
  const std::string f = (dir / "XAPIANDB").string();
  const std::string only = "\": vind reads only \"auto PATH\", \"glass PATH\" and \"remote HOST:PORT\" "
                           "lines (and # comments)";
  struct Case {
    std::string text;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"", f + ": the stub lists no database"},
      {"# only a comment\n\n", f + ": the stub lists no database"},
      {"auto\n", f + ":1: \"auto" + only},
      {"auto \n", f + ":1: \"auto " + only},
      {" auto shard-0\n", f + ":1: \" auto shard-0" + only},
      {"inmemory\n", f + ":1: \"inmemory" + only},
      {"chert /old/db\n", f + ":1: \"chert /old/db" + only},  // a backend Xapian 1.4 no longer reads
      // A program's stdin and stdout: vind cannot bound the wait for it.
      {"remote :xapian-progsrv db\n", f + ":1: \"remote :xapian-progsrv db" + only},
      {"auto a\nremote host\n", f + ":2: \"remote host\": expected remote HOST:PORT"},
      {"remote host:\n", f + ":1: \"remote host:\": expected remote HOST:PORT"},
      {"remote []:33333\n", f + ":1: \"remote []:33333\": expected remote HOST:PORT"},
      {"remote host:0\n", f + ":1: \"remote host:0\": expected remote HOST:PORT"},
      {"remote host:65536\n", f + ":1: \"remote host:65536\": expected remote HOST:PORT"},
      {"remote host:123456\n", f + ":1: \"remote host:123456\": expected remote HOST:PORT"},
      {"remote host:-1\n", f + ":1: \"remote host:-1\": expected remote HOST:PORT"},
  };
  for (const Case& k : cases) EXPECT_EQ(error_of(dir.write("XAPIANDB", k.text)), k.error) << k.text;
  EXPECT_EQ(error_of(dir / "none"), (dir / "none").string() + ": cannot read the stub file");
}

TEST(Stub, WritesCommentAndEntriesAsXapianReadsThem) {
  TempDir dir;
  const std::vector<StubEntry> entries = {{"shard-0", "", 0}, {"", "10.0.0.2", 33333}, {"", "::1", 1}};
  const std::string text = to_stub("vind index --shards 2\nsee README", entries);
  EXPECT_EQ(text, "# vind index --shards 2\n# see README\nauto shard-0\nremote 10.0.0.2:33333\nremote [::1]:1\n");
  EXPECT_EQ(describe(read_stub(dir.write("XAPIANDB", text))),
            (std::vector<std::string>{"local " + (dir / "shard-0").string(), "remote 10.0.0.2 33333",
                                      "remote ::1 1"}));
}

TEST(Stub, NamesAnEntryByItsPathOrItsAddress) {
  EXPECT_EQ((StubEntry{"/srv/vind/shard-0", "", 0}.name()), "/srv/vind/shard-0");
  EXPECT_EQ((StubEntry{"", "10.0.0.2", 33333}.name()), "10.0.0.2:33333");
  EXPECT_EQ((StubEntry{"", "::1", 33333}.name()), "[::1]:33333");
}

TEST(Stub, FindsTheStubAFileOrFolderNames) {
  TempDir dir;
  dir.write("stub", "auto db\n");
  dir.write("sharded/XAPIANDB", "auto shard-0\n");
  dir.write("index/iamglass", "");
  dir.write("index/XAPIANDB", "auto elsewhere\n");  // a database folder is a database, whatever it holds
  fs::create_directories(dir / "empty");
  struct Case {
    fs::path database;
    fs::path stub;
  };
  const std::vector<Case> cases = {
      {dir / "stub", dir / "stub"},
      {dir / "sharded", dir / "sharded/XAPIANDB"},
      {dir / "index", ""},
      {dir / "empty", ""},
      {dir / "none", ""},
  };
  for (const Case& k : cases) EXPECT_EQ(stub_file(k.database), k.stub) << k.database;
}

}  // namespace
}  // namespace vind::schema
