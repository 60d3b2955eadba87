#include "readers/text/anchors.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vind::readers {
namespace {

std::vector<std::string> uniques(const std::vector<std::string>& anchors, int first_suffix) {
  UniqueAnchors unique(first_suffix);
  std::vector<std::string> out;
  for (const std::string& anchor : anchors) out.push_back(unique.unique_anchor(anchor));
  return out;
}

struct AnchorCase {
  std::vector<std::string> anchors;
  int first_suffix;
  std::vector<std::string> unique;
};

TEST(UniqueAnchors, GivesTheFirstFreeSuffix) {
  const std::vector<AnchorCase> cases = {
      {{"artikel-1", "artikel-1", "artikel-1"}, 2, {"artikel-1", "artikel-1-2", "artikel-1-3"}},
      {{"vraag", "vraag", "vraag"}, 1, {"vraag", "vraag-1", "vraag-2"}},
      // A suffixed anchor the document gives itself is taken: the next repeat skips it.
      {{"a", "a-2", "a", "a", "a-2"}, 2, {"a", "a-2", "a-3", "a-4", "a-2-2"}},
      {{"a", "a-3", "a", "a", "a"}, 2, {"a", "a-3", "a-2", "a-4", "a-5"}},
      {{"a-2", "a", "a"}, 2, {"a-2", "a", "a-3"}},
      {{"", ""}, 2, {"", "-2"}},
  };
  for (const AnchorCase& c : cases) EXPECT_EQ(uniques(c.anchors, c.first_suffix), c.unique) << c.anchors[0];
}

}  // namespace
}  // namespace vind::readers
