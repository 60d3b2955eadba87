// Two runs writing one index at once: an update while a --rebuild swaps the folder used to leave
// an index Xapian could not open ("EOF reading block"). One lock covers every writer: the second
// run is refused, naming the index and the run that holds it, or waits with --wait; the index
// afterwards passes xapian-check and answers.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/child_process.h"
#include "tests/hostile/vind_run.h"

namespace {

namespace fs = std::filesystem;
using vind::testing::finish_vind;
using vind::testing::hand_over;
using vind::testing::read_text;
using vind::testing::run_vind;
using vind::testing::source_dir;
using vind::testing::start_vind;
using vind::testing::TempDir;
using vind::testing::VindRun;
using vind::testing::worked_for;

constexpr int kCopies = 150;  // of the Kamervragen answers, 19 passages each: seconds of writing
constexpr Xapian::doccount kPassages = kCopies * 19;

// An index of kCopies files, then every file changed, so that an update has all of them to write.
struct BusyIndex {
  TempDir dir;
  fs::path big = dir / "big";
  std::string db = (dir / "db").string();

  BusyIndex() {
    const std::string text =
        read_text(source_dir() / "corpus/kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01.txt");
    for (int i = 0; i < kCopies; ++i) dir.write("big/kv-" + std::to_string(i) + ".txt", text + "\nKopie " + std::to_string(i) + "\n");
    hand_over(dir.path());
    if (run_vind(dir, {"index", "--db", db, big.string()}).status != 0) throw std::runtime_error("no index");
    for (int i = 0; i < kCopies; ++i)
      dir.write("big/kv-" + std::to_string(i) + ".txt", text + "\nKopie " + std::to_string(i) + ", gewijzigd\n");
    hand_over(dir.path());
  }

  // xapian-check's verdict on the index and, when it passes, a search that must find every copy
  // in its changed version.
  void expect_sound() const {
    const pid_t check = vind::testing::spawn_child({"xapian-check", db}, vind::testing::Piped::kNothing).pid;
    int status = 0;
    waitpid(check, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "xapian-check " << db << " fails";
    EXPECT_EQ(Xapian::Database(db).get_doccount(), kPassages);
    const VindRun search = run_vind(dir, {"search", "--json", "--db", db, "--limit", "1", "gewijzigd"});
    ASSERT_EQ(search.status, 0) << search.err;
    EXPECT_EQ(nlohmann::json::parse(search.out).at("total"), kCopies);  // every copy as changed
  }
};

std::vector<std::string> update_args(const BusyIndex& b) { return {"index", "--db", b.db, b.big.string()}; }
std::vector<std::string> rebuild_args(const BusyIndex& b) {
  return {"index", "--rebuild", "--db", b.db, b.big.string()};
}

std::string refusal(const BusyIndex& b, pid_t holder) {
  return "vind: " + b.db + ": another run is writing this index (pid " + std::to_string(holder) +
         "); run again when it is done, or give --wait\n";
}

// `first` is well into its writing when `second` starts; `second` is refused, `first` finishes.
void expect_second_refused(const std::vector<std::string>& first, const std::vector<std::string>& second,
                           const BusyIndex& b) {
  const pid_t pid = start_vind(b.dir, first, "first");
  ASSERT_TRUE(worked_for(pid, 100)) << "the first run ended before the second could start";
  const VindRun refused = run_vind(b.dir, second);
  const VindRun done = finish_vind(b.dir, pid, "first");
  EXPECT_EQ(refused.status, 1);
  EXPECT_EQ(refused.err, refusal(b, pid));
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(done.status, 0) << done.err;
  b.expect_sound();
}

TEST(ConcurrentWriters, ARebuildWhileAnUpdateWritesIsRefused) {
  const BusyIndex b;
  expect_second_refused(update_args(b), rebuild_args(b), b);
}

TEST(ConcurrentWriters, AnUpdateWhileARebuildWritesIsRefused) {
  const BusyIndex b;
  expect_second_refused(rebuild_args(b), update_args(b), b);
}

TEST(ConcurrentWriters, WithWaitTheSecondRunWaitsItsTurnAndFindsNothingLeftToDo) {
  const BusyIndex b;
  const pid_t pid = start_vind(b.dir, update_args(b), "first");
  ASSERT_TRUE(worked_for(pid, 100)) << "the first run ended before the second could start";
  std::vector<std::string> waiting = update_args(b);
  waiting.push_back("--wait");
  const VindRun second = run_vind(b.dir, waiting);
  EXPECT_EQ(finish_vind(b.dir, pid, "first").status, 0);
  EXPECT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(vind::testing::without_seconds(second.out),
            "files seen: 150, indexed: 0, unchanged: 150, skipped: 0, removed: 0\n"
            "passages written: 0, in index: 2850, seconds: S\n");
  b.expect_sound();
}

TEST(ConcurrentWriters, ASecondShardedRunIsRefusedToo) {
  const BusyIndex b;
  const std::string shards = (b.dir / "shards").string();
  const pid_t pid = start_vind(b.dir, {"index", "--shards", "3", "--db", shards, b.big.string()}, "first");
  ASSERT_TRUE(worked_for(pid, 100)) << "the first run ended before the second could start";
  const VindRun refused = run_vind(b.dir, {"index", "--db", shards, b.big.string()});
  EXPECT_EQ(finish_vind(b.dir, pid, "first").status, 0);
  EXPECT_EQ(refused.status, 1);
  EXPECT_EQ(refused.err, "vind: " + shards + ": another run is writing this index (pid " + std::to_string(pid) +
                             "); run again when it is done, or give --wait\n");
}

}  // namespace
