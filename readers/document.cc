#include "readers/document.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "analysis/error.h"
#include "analysis/utf8.h"
#include "readers/formats.h"
#include "readers/html_passages.h"
#include "readers/markup/jekyll_includes.h"
#include "readers/markup/markup.h"
#include "readers/text/encoding.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

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

}  // namespace

Document new_document(const Source& source, schema::Kind kind) {
  Document doc;
  doc.path = source.path;
  doc.kind = kind;
  doc.title = source.path.stem().string();
  return doc;
}

Document to_document(const std::filesystem::path& path, std::string bytes,
                     const ReadLimits& limits) {
  const std::string name = path.string();
  // Jekyll publishes no page for a fragment; its text is found with the pages that include it
  // (jekyll_includes.h), which are where a link can land.
  if (is_jekyll_include(path))
    throw Refusal(name + ": a Jekyll include, indexed with the pages that include it", Refusal::Cause::kLeftOut);
  if (bytes.size() > limits.max_bytes) throw too_large(name, bytes.size(), limits);
  if (is_blank(bytes)) throw Error(name + ": empty file");
  if (const std::size_t nul = bytes.find('\0'); nul != std::string::npos)
    throw Error(name + ": binary file (NUL byte at offset " + std::to_string(nul) + ")");
  std::string encoding;  // how the bytes became UTF-8, when they were not
  if (bytes.starts_with(kTwiceEncodedBom)) {
    if (std::optional<std::string> once = undo_twice_encoded(bytes)) {
      bytes = std::move(*once);
      encoding = "UTF-8 encoded twice, undone";
    }
  }
  std::size_t bad = analysis::invalid_utf8_at(bytes);
  if (bad != std::string_view::npos) {
    // An HTML page may say what it is in: 8 gosa help pages declare iso-8859-15. No other
    // format declares a charset, so anything else must be UTF-8.
    const std::string charset = looks_like_html(bytes) ? declared_charset(bytes) : "";
    if (!charset.empty() && charset != "utf-8" && charset != "utf8") {
      bytes = to_utf8(bytes, charset, name);
      encoding = charset + " (declared), converted to UTF-8";
      bad = std::string_view::npos;
    }
  }
  if (bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[bad]));
    throw Error(name + ":" + line_and_column(bytes, bad) + ": not UTF-8 (byte " + hex +
                "); save the file as UTF-8");
  }
  bytes.erase(0, bytes.size() - without_bom(bytes).size());  // a BOM is not text
  const Reader* reader = reader_for(bytes);
  if (!reader && !markup::first_element(bytes).empty())
    throw Error(name + ": unknown format: markup with root <" + markup::first_element(bytes) +
                ">; expected Handelingen or Rechtspraak XML, or an HTML page");
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
  if (!encoding.empty()) doc.fields.emplace_back("encoding", encoding);
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

}  // namespace vind::readers
