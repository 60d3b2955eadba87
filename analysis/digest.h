#pragma once
// A fast 64-bit content digest (FNV-1a) as 16 hex digits: for change detection and stable ids,
// not for security.

#include <string>
#include <string_view>

namespace vind::analysis {

std::string digest(std::string_view bytes);

}  // namespace vind::analysis
