#pragma once
// A fast 64-bit content digest (FNV-1a) as 16 hex digits: for change detection and stable ids,
// not for security.

#include <cstdint>
#include <string>
#include <string_view>

namespace vind::analysis {

// FNV-1a, 64 bits, over the bytes: the same number on every machine and in every release.
std::uint64_t fnv1a_64(std::string_view bytes);

// fnv1a_64 as 16 lowercase hex digits.
std::string digest(std::string_view bytes);

}  // namespace vind::analysis
