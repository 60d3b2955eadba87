#include "readers/text/anchors.h"

namespace vind::readers {

std::string UniqueAnchors::unique_anchor(const std::string& anchor) {
  if (taken_.insert(anchor).second) return anchor;
  int& suffix = next_suffix_.try_emplace(anchor, first_suffix_).first->second;
  while (true) {
    std::string unique = anchor + "-" + std::to_string(suffix++);
    if (taken_.insert(unique).second) return unique;
  }
}

}  // namespace vind::readers
