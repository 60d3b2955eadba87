#pragma once
// A hash map keyed by strings that string_views look up without a copy: the analysis caches look
// up every word of every text they see.

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vind::analysis {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace vind::analysis
