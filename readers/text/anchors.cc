#include "readers/text/anchors.h"

namespace vind::readers {

std::string UniqueAnchors::unique_anchor(const std::string& anchor) {
  const auto [given, fresh] = taken_.try_emplace(anchor, first_suffix_);
  if (fresh) return anchor;
  int& suffix = given->second;  // stays valid while the map grows: its nodes never move
  while (true) {
    std::string unique = anchor + "-" + std::to_string(suffix++);
    if (taken_.try_emplace(unique, first_suffix_).second) return unique;
  }
}

}  // namespace vind::readers
