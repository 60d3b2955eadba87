#include "server/response_cache.h"

#include <gtest/gtest.h>

namespace vind::server {
namespace {

TEST(ResponseCache, KeepsTheMostRecentlyAskedWithinCapacity) {
  ResponseCache cache(2);
  cache.store("a", 0, "A");
  cache.store("b", 0, "B");
  EXPECT_EQ(cache.find("a", 0), "A");  // a is now the most recent
  cache.store("c", 0, "C");            // evicts b
  EXPECT_EQ(cache.find("a", 0), "A");
  EXPECT_EQ(cache.find("b", 0), std::nullopt);
  EXPECT_EQ(cache.find("c", 0), "C");
}

TEST(ResponseCache, ForgetsEverythingWhenTheIndexChanges) {
  ResponseCache cache(8);
  cache.store("a", 0, "old");
  EXPECT_EQ(cache.find("a", 1), std::nullopt);
  cache.store("a", 1, "new");
  // A request still running on the old revision neither reads nor replaces the new answers.
  EXPECT_EQ(cache.find("a", 0), std::nullopt);
  cache.store("b", 0, "old");
  EXPECT_EQ(cache.find("a", 1), "new");
  EXPECT_EQ(cache.find("b", 1), std::nullopt);
}

TEST(ResponseCache, KeepsNothingWithCapacityZero) {
  ResponseCache cache(0);
  cache.store("a", 0, "A");
  EXPECT_EQ(cache.find("a", 0), std::nullopt);
}

}  // namespace
}  // namespace vind::server
