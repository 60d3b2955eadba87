// `kill -9` at any moment of indexing leaves the last good index readable and answering the
// same, and the next run picks up: the binary killed for real, part-way through.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>

#include <xapian.h>

#include "child_process.h"
#include "schema/schema.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using vind::testing::read_text;
using vind::testing::source_dir;
using vind::testing::TempDir;

const char kKamervragen[] = "kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01.txt";

std::string run(const std::string& args) {
  const std::string command = std::string(VIND_BINARY) + " " + args + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  std::array<char, 4096> buf;
  while (const std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) output.append(buf.data(), n);
  pclose(pipe);
  return output;
}

// Copies of the real Kamervragen answers, each a file of its own: several seconds of indexing.
fs::path big_corpus(const TempDir& dir, int copies) {
  const std::string text = read_text(source_dir() / "corpus" / kKamervragen);
  for (int i = 0; i < copies; ++i)
    dir.write("big/kv-" + std::to_string(i) + ".txt", text + "\nKopie " + std::to_string(i) + "\n");
  return dir / "big";
}

pid_t spawn_index(std::vector<std::string> args) {
  args.insert(args.begin(), {VIND_BINARY, "index"});
  return vind::testing::spawn_child(std::move(args), vind::testing::Piped::kNothing).pid;
}

// Kills the indexer with SIGKILL once it has used `ticks` of CPU; true when it was still running
// then (a run that finished first proves nothing).
bool kill_part_way(pid_t pid, long ticks) {
  if (!vind::testing::worked_for(pid, ticks)) {
    ADD_FAILURE() << "indexing ended (or stalled) before it could be killed";
    return false;
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

// Every file record's passage count matches the passages the index holds for that file: no file
// is in the index half.
void expect_whole_files(const fs::path& db) {
  Xapian::Database xdb(db.string());
  std::size_t recorded = 0;  // FileRecord::passages
  for (auto key = xdb.metadata_keys_begin(vind::schema::kFileKeyPrefix);
       key != xdb.metadata_keys_end(vind::schema::kFileKeyPrefix); ++key) {
    const std::string json = xdb.get_metadata(*key);
    if (json.empty()) continue;
    const vind::schema::FileRecord record = vind::schema::file_record_from_json(json);
    EXPECT_EQ(xdb.get_termfreq(vind::schema::file_term(record.path)), record.passages)
        << record.path;
    recorded += record.passages;
  }
  EXPECT_EQ(recorded, xdb.get_doccount());
}

// The build folders beside the index; its lock file (.db.lock) stays there by design.
std::vector<std::string> leftovers(const TempDir& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    const std::string name = entry.path().filename();
    if (name.starts_with(".db.") && name != ".db.lock") names.push_back(name);
  }
  return names;
}

TEST(KillIndex, ARebuildKilledPartWayLeavesThePreviousIndexAnswering) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  run("index --db " + db + " " + (source_dir() / "corpus").string());
  const std::string before = run("search --json --db " + db + " losgeld betaald");
  ASSERT_NE(before.find("4-wie-zit-erachter-en-is-er-losgeld-betaald"), std::string::npos);
  const fs::path big = big_corpus(dir, 400);

  const pid_t pid = spawn_index({"--rebuild", "--db", db, big.string()});
  ASSERT_TRUE(kill_part_way(pid, 100)) << "indexing finished before it could be killed";

  EXPECT_EQ(Xapian::Database(db).get_doccount(), 37u);
  EXPECT_EQ(run("search --json --db " + db + " losgeld betaald"), before);
  expect_whole_files(db);
  EXPECT_FALSE(leftovers(dir).empty());  // the killed run's scratch folders

  run("index --db " + db + " " + (source_dir() / "corpus").string());  // the next run tidies up
  EXPECT_EQ(leftovers(dir), std::vector<std::string>{});
  EXPECT_EQ(run("search --json --db " + db + " losgeld betaald"), before);
}

TEST(KillIndex, AnUpdateKilledPartWayLeavesWholeFilesAndTheNextRunCompletesIt) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  run("index --db " + db + " " + (source_dir() / "corpus").string());
  const fs::path big = big_corpus(dir, 400);

  const pid_t pid = spawn_index({"--db", db, (source_dir() / "corpus").string(), big.string()});
  ASSERT_TRUE(kill_part_way(pid, 100)) << "indexing finished before it could be killed";

  expect_whole_files(db);
  EXPECT_GE(Xapian::Database(db).get_doccount(), 37u);
  EXPECT_NE(run("search --json --db " + db + " losgeld betaald")
                .find("4-wie-zit-erachter-en-is-er-losgeld-betaald"),
            std::string::npos);

  run("index --db " + db + " " + (source_dir() / "corpus").string() + " " + big.string());
  expect_whole_files(db);
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 37u + 400u * 19u);
}

}  // namespace
