#include "readers/text/encoding.h"

#include "analysis/utf8.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>

#include "analysis/error.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

// The head of a page, where browsers look for its charset too.
constexpr std::size_t kCharsetScan = 4096;

bool is_charset_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// The value after `key` ("charset", "encoding"), an optional '=' and quote: "iso-8859-15".
std::string value_after(std::string_view s, std::size_t key_end) {
  std::size_t i = key_end;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size() || s[i] != '=') return {};
  ++i;
  while (i < s.size() && (s[i] == ' ' || s[i] == '"' || s[i] == '\'')) ++i;
  std::size_t end = i;
  while (end < s.size() && is_charset_char(s[end])) ++end;
  return std::string(s.substr(i, end - i));
}

struct CloseConverter {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

}  // namespace

std::optional<std::string> undo_twice_encoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += text[i];
      continue;
    }
    // Only U+0080..U+00FF can have been one byte: a lead byte C2 or C3 and one continuation.
    if ((c != 0xC2 && c != 0xC3) || i + 1 >= text.size()) return std::nullopt;
    const auto next = static_cast<unsigned char>(text[++i]);
    if (next < 0x80 || next > 0xBF) return std::nullopt;
    out += static_cast<char>(((c & 0x03) << 6) | (next & 0x3F));
  }
  if (analysis::invalid_utf8_at(out) != std::string_view::npos) return std::nullopt;
  return out;
}

std::string declared_charset(std::string_view html) {
  const std::string head = ascii_lowercase(html.substr(0, kCharsetScan));
  if (head.starts_with("<?xml")) {
    const std::size_t end = head.find("?>");
    const std::size_t key = head.find("encoding");
    if (key != std::string::npos && key < end) {
      std::string value = value_after(head, key + 8);
      if (!value.empty()) return value;
    }
  }
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    const std::size_t end = head.find('>', meta);
    const std::size_t key = head.find("charset", meta);
    if (key == std::string::npos || key > end) continue;
    std::string value = value_after(head, key + 7);
    if (!value.empty()) return value;
  }
  return {};
}

std::string to_utf8(std::string_view bytes, const std::string& charset, const std::string& name) {
  const bool latin1 = charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" ||
                      charset == "ascii" || charset == "iso_8859-1";
  const std::string encoding = latin1 ? "windows-1252" : charset;
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<UConverter, CloseConverter> converter(ucnv_open(encoding.c_str(), &status));
  if (U_FAILURE(status))
    throw Error(name + ": not UTF-8, and its declared charset \"" + charset + "\" is not known");
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                                status);
  if (U_FAILURE(status))
    throw Error(name + ": not " + charset + " as it declares: a byte has no character in " +
                encoding + " (" + u_errorName(status) + ")");
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace vind::readers
