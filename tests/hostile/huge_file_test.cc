// Files that used to take memory out of all proportion: one 30 MB line of text was one passage
// whose words were all held at once (1.56 GiB peak RSS); a file of random words made Xapian hold
// millions of terms and spelling entries until its commit (5.1 GiB for 30 MB). The real binary's
// peak RSS, from wait4, stays within the bound build_index.h states; memory, not time, so a
// bound is safe on a shared machine.

#include <gtest/gtest.h>

#include <random>
#include <regex>
#include <string>

#include "tests/hostile/vind_run.h"

namespace {

using vind::testing::hand_over;
using vind::testing::read_text;
using vind::testing::run_vind;
using vind::testing::source_dir;
using vind::testing::TempDir;
using vind::testing::VindRun;
using vind::testing::without_seconds;

// build_index.h: one file at a time per thread; a 30 MB line measured 254 MiB on two threads,
// 30 MB of random words 257 MiB (before the bounds: 1.56 and 5.1 GiB).
constexpr long kBoundKb = 512 << 10;

// The corpus's own text as one line, repeated to `bytes`, with a word found nowhere else last.
std::string one_line_of_text(std::size_t bytes) {
  std::string words;
  for (const char* name : {"faq-hack-clinical-diagnostics.md",
                           "kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01.txt"})
    words += read_text(source_dir() / "corpus" / name) + " ";
  words = std::regex_replace(words, std::regex("[\\s#]+"), " ");
  std::string line;
  while (line.size() < bytes) line += words;
  return line + "slotwoord";
}

TEST(HugeFiles, AThirtyMegabyteLineIsIndexedInPiecesWithinTheMemoryBound) {
  TempDir dir;
  dir.write("docs/regel.md", "# Eén regel\n\n## Alles\n\n" + one_line_of_text(30 << 20) + "\n");
  hand_over(dir.path());
  const VindRun build = run_vind(dir, {"index", "--threads", "2", "--db", (dir / "db").string(), (dir / "docs").string()});
  EXPECT_EQ(build.status, 0) << build.err;
  EXPECT_EQ(without_seconds(build.out),
            "files seen: 1, indexed: 1, unchanged: 0, skipped: 0, removed: 0\n"
            "passages written: 28, in index: 28, seconds: S\n"
            "by format:\n"
            "  faq-markdown: 1 document, 28 passages\n");
  EXPECT_LE(build.peak_rss_kb, kBoundKb);
  RecordProperty("peak_rss_kb", std::to_string(build.peak_rss_kb));
  const VindRun search = run_vind(dir, {"search", "--db", (dir / "db").string(), "slotwoord"});
  EXPECT_NE(search.out.find("1–1 van 1 resultaten"), std::string::npos) << search.out;
}

TEST(HugeFiles, RandomWordsPastTheBoundAreSkippedWithTheReasonAndTheRestIndexed) {
  TempDir dir;
  std::mt19937 random(14);
  std::uniform_int_distribution<int> letter('a', 'z');
  std::string words;
  while (words.size() < (12u << 20)) {
    for (int i = 0; i < 9; ++i) words += static_cast<char>(letter(random));
    words += ' ';
  }
  const auto noise = dir.write("docs/ruis.md", "# Ruis\n\n## Alles\n\n" + words + "\n");
  dir.write("docs/buur.md", "# Buur\n\n## Een vraag\n\nEen antwoord.\n");
  hand_over(dir.path());
  const VindRun build = run_vind(dir, {"index", "--threads", "2", "--db", (dir / "db").string(), (dir / "docs").string()});
  EXPECT_EQ(build.status, 3);
  EXPECT_EQ(build.err, "skipped: " + noise.string() +
                           ": too many terms to index within the memory bound (more than 1000000 over its "
                           "passages); split the file\n");
  EXPECT_EQ(without_seconds(build.out),
            "files seen: 2, indexed: 1, unchanged: 0, skipped: 1, removed: 0\n"
            "passages written: 1, in index: 1, seconds: S\n"
            "by format:\n"
            "  faq-markdown: 1 document, 1 passage, 1 skipped (too many terms to index within the memory bound: 1)\n");
  EXPECT_LE(build.peak_rss_kb, kBoundKb);
  RecordProperty("peak_rss_kb", std::to_string(build.peak_rss_kb));
}

}  // namespace
