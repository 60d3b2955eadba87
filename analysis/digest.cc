#include "analysis/digest.h"

#include <cstdint>
#include <cstdio>

namespace vind::analysis {

std::uint64_t fnv1a_64(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a's 64-bit offset basis and prime
  for (const unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string digest(std::string_view bytes) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a_64(bytes)));
  return hex;
}

}  // namespace vind::analysis
