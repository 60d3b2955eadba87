#include "schema/printable.h"

#include "analysis/utf8.h"

namespace vind::schema {

namespace {

void append_escaped(std::string& out, unsigned char byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

bool control(unsigned char byte) { return byte < 0x20 || byte == 0x7F; }

}  // namespace

std::string printable(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  while (!bytes.empty()) {
    const std::size_t bad = analysis::invalid_utf8_at(bytes);
    const std::string_view valid = bytes.substr(0, bad);
    for (std::size_t i = 0; i < valid.size(); ++i) {
      const auto byte = static_cast<unsigned char>(valid[i]);
      // U+0080–U+009F are 0xC2 0x80–0x9F in UTF-8.
      const bool c1 = byte == 0xC2 && i + 1 < valid.size() &&
                      static_cast<unsigned char>(valid[i + 1]) < 0xA0;
      if (control(byte)) {
        append_escaped(out, byte);
      } else if (c1) {
        append_escaped(out, byte);
        append_escaped(out, static_cast<unsigned char>(valid[++i]));
      } else {
        out += valid[i];
      }
    }
    if (bad == std::string_view::npos) break;
    append_escaped(out, static_cast<unsigned char>(bytes[bad]));
    bytes.remove_prefix(bad + 1);
  }
  return out;
}

}  // namespace vind::schema
