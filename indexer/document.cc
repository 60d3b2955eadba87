#include "indexer/document.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "analysis/error.h"
#include "indexer/readers.h"

namespace vind::indexer {

namespace {

// Where the first invalid UTF-8 sequence starts, or npos. Overlongs, surrogates and values past
// U+10FFFF are invalid too: ICU would turn them into U+FFFD and terms into garbage.
std::size_t invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

std::string line_and_column(std::string_view s, std::size_t offset) {
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (s[i] == '\n') ++line, line_start = i + 1;
  return std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

Error too_large(const std::string& name, std::uintmax_t size, const ReadLimits& limits) {
  return Error(name + ": too large: " + std::to_string(size) + " bytes; the limit is " +
               std::to_string(limits.max_bytes) + " (--max-bytes)");
}

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

}  // namespace

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::kFaq: return "faq";
    case Kind::kKamervragen: return "kamervragen";
    case Kind::kHandelingen: return "handelingen";
    case Kind::kRechtspraak: return "rechtspraak";
    case Kind::kWet: return "wet";
    case Kind::kHtml: return "html";
  }
  return "unknown";
}

Document to_document(const std::filesystem::path& path, std::string bytes,
                     const ReadLimits& limits) {
  const std::string name = path.string();
  if (bytes.size() > limits.max_bytes) throw too_large(name, bytes.size(), limits);
  if (blank(bytes)) throw Error(name + ": empty file");
  if (const std::size_t nul = bytes.find('\0'); nul != std::string::npos)
    throw Error(name + ": binary file (NUL byte at offset " + std::to_string(nul) + ")");
  if (const std::size_t bad = invalid_utf8_at(bytes); bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[bad]));
    throw Error(name + ":" + line_and_column(bytes, bad) + ": not UTF-8 (byte " + hex +
                "); save the file as UTF-8");
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);  // a BOM is not text
  const Reader* reader = reader_for(bytes);
  if (!reader)
    throw Error(name + ": unknown format: neither Markdown `## ` sections nor "
                       "\"Vraag N\" / \"Antwoord N\" lines");
  Document doc;
  try {
    doc = reader->read(Source{path, std::move(bytes)});
  } catch (const Refusal& e) {
    throw Refusal(e.what(), e.cause(), reader->name);
  } catch (const Error& e) {
    throw Refusal(e.what(), Refusal::Cause::kFault, reader->name);
  }
  if (doc.passages.empty()) throw Refusal(name + ": no passages found (" + reader->name + ")",
                                          Refusal::Cause::kFault, reader->name);
  doc.format = reader->name;
  return doc;
}

std::string read_file(const std::filesystem::path& path, const ReadLimits& limits) {
  const std::string name = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw Error(name + ": is a folder");
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) throw Error(name + ": cannot read: " + ec.message());
  if (size > limits.max_bytes) throw too_large(name, size, limits);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(name + ": cannot read: " + std::strerror(errno));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw Error(name + ": cannot read: " + std::strerror(errno));
  return std::move(bytes).str();
}

Document read_document(const std::filesystem::path& path, const ReadLimits& limits) {
  return to_document(path, read_file(path, limits), limits);
}

}  // namespace vind::indexer
