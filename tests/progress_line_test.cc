#include "cli/progress_line.h"

#include <gtest/gtest.h>

#include <sstream>

namespace vind::cli {
namespace {

using std::chrono::seconds;

TEST(ProgressLine, ShowsFilesMegabytesSpeedAndTimeLeft) {
  indexer::Progress p{1234, 20615, 50'000'000, 334'000'000, seconds(10), false};
  EXPECT_EQ(describe(p), "1234/20615 files · 50/334 MB · 5.0 MB/s · 0:57 left");
}

TEST(ProgressLine, SaysWhatFollowsOnceEveryFileIsRead) {
  indexer::Progress p{20615, 20615, 334'000'000, 334'000'000, seconds(125), true};
  EXPECT_EQ(describe(p), "20615/20615 files · 334/334 MB · 2.7 MB/s · 2:05; merging and writing");
}

TEST(ProgressLine, GuessesNoTimeLeftBeforeAnythingIsDone) {
  indexer::Progress p{0, 3, 0, 300, seconds(0), false};
  EXPECT_EQ(describe(p), "0/3 files · 0/0 MB · 0.0 MB/s");
}

TEST(ProgressLine, RewritesOneLineAndEndsItWhenFinished) {
  std::ostringstream terminal;
  const auto line = progress_line(terminal);
  line({1, 2, 100, 200, seconds(1), false});
  line({2, 2, 200, 200, seconds(2), true});
  const std::string out = terminal.str();
  EXPECT_EQ(out.front(), '\r');
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
  EXPECT_EQ(out.back(), '\n');
  EXPECT_NE(out.find("\rindexing: 2/2 files"), std::string::npos);
}

}  // namespace
}  // namespace vind::cli
