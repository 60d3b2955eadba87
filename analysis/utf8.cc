#include "analysis/utf8.h"

namespace vind::analysis {

CodePoint code_point_at(std::string_view s, std::size_t at) {
  const auto c = static_cast<unsigned char>(s[at]);
  if (c < 0x80) return {c, at + 1};
  std::size_t length;
  std::int32_t value;
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range; later ones are 0x80..0xBF
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
    value = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    value = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    value = c & 0x07;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // past U+10FFFF
  } else {
    return {-1, at + 1};
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (at + k >= s.size()) return {-1, at + k};
    const auto b = static_cast<unsigned char>(s[at + k]);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return {-1, at + k};
    value = value << 6 | (b & 0x3F);
  }
  return {value, at + length};
}

std::size_t invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const CodePoint cp = code_point_at(s, i);
    if (cp.value < 0) return i;
    i = cp.next;
  }
  return std::string_view::npos;
}

}  // namespace vind::analysis
