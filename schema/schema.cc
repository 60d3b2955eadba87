#include "schema/schema.h"

#include <algorithm>
#include <cstring>

#include <nlohmann/json.hpp>

#include "analysis/digest.h"
#include "analysis/error.h"
#include "analysis/utf8.h"
#include "schema/printable.h"

namespace vind::schema {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void put_path(nlohmann::json& j, const std::string& path) {
  if (analysis::invalid_utf8_at(path) == std::string::npos) {
    j["path"] = path;
    return;
  }
  j["path"] = printable(path);
  std::string hex;
  for (const char c : path) {
    hex += kHexDigits[static_cast<unsigned char>(c) >> 4];
    hex += kHexDigits[static_cast<unsigned char>(c) & 0xF];
  }
  j["path_bytes"] = hex;
}

int hex_value(char c) {
  const char* at = c == '\0' ? nullptr : std::strchr(kHexDigits, c);
  return at ? static_cast<int>(at - kHexDigits) : -1;
}

std::string path_of(const nlohmann::json& j) {
  const auto bytes = j.find("path_bytes");
  if (bytes == j.end()) return j.at("path");
  const std::string hex = *bytes;
  std::string path;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = hex_value(hex[i]);
    const int low = i + 1 < hex.size() ? hex_value(hex[i + 1]) : -1;
    if (high < 0 || low < 0) throw Error("index: \"path_bytes\" is not hex: \"" + hex + "\"");
    path += static_cast<char>(high << 4 | low);
  }
  return path;
}

}  // namespace

std::string to_data(const StoredPassage& p) {
  nlohmann::json j{{"document", p.document}, {"title", p.title}, {"short_title", p.short_title}, {"section", p.section},
                   {"anchor", p.anchor},     {"url", p.url},     {"date", p.date},
                   {"kind", p.kind},         {"text", p.text},   {"number", p.number}};
  put_path(j, p.path);
  try {
    return j.dump();
  } catch (const nlohmann::json::exception& e) {  // a field that is not UTF-8: this file only
    throw Error(p.path + ": cannot store passage #" + p.anchor + " (" + e.what() + ")");
  }
}

StoredPassage passage_from_data(const std::string& data) {
  try {
    const nlohmann::json j = nlohmann::json::parse(data);
    StoredPassage p;
    p.document = j.at("document");
    p.title = j.at("title");
    p.short_title = j.at("short_title");
    p.section = j.at("section");
    p.anchor = j.at("anchor");
    p.url = j.at("url");
    p.date = j.at("date");
    p.kind = j.at("kind");
    p.text = j.at("text");
    p.path = path_of(j);
    p.number = j.at("number");
    return p;
  } catch (const nlohmann::json::exception& e) {
    throw Error("index: a document's data is not a vind passage (" + std::string(e.what()) + ")");
  }
}

std::string file_key(const std::string& path) { return analysis::digest(path); }
std::string file_term(const std::string& path) { return kFile + file_key(path); }

// Hashed, because anchors made from long headings would pass Xapian's 245-byte term limit.
std::string passage_term(const std::string& path, const std::string& anchor) {
  return kPassageId + analysis::digest(path + '#' + anchor);
}

std::string written_prefix(std::string_view form) { return kWritten + std::string(form) + ' '; }

std::string written_term(std::string_view form, std::string_view spelling) {
  return written_prefix(form) + std::string(spelling);
}

bool more_usual(std::size_t count, std::string_view spelling, std::size_t other_count, std::string_view other) {
  return count != other_count ? count > other_count : spelling > other;
}

std::string to_json(const FileRecord& r) {
  nlohmann::json j{{"digest", r.digest}, {"passages", r.passages}, {"document", r.document}};
  put_path(j, r.path);
  if (!r.context.empty()) j["context"] = r.context;
  for (const std::string& include : r.includes) {
    nlohmann::json path;
    put_path(path, include);
    j["includes"].push_back(std::move(path));
  }
  return j.dump();
}

FileRecord file_record_from_json(const std::string& json) {
  try {
    const nlohmann::json j = nlohmann::json::parse(json);
    FileRecord record{path_of(j), j.at("digest"), j.at("passages"), j.value("document", ""), {},
                      j.value("context", "")};
    if (const auto includes = j.find("includes"); includes != j.end())
      for (const nlohmann::json& include : *includes) record.includes.push_back(path_of(include));
    return record;
  } catch (const nlohmann::json::exception& e) {
    throw Error("index: a file record is not valid (" + std::string(e.what()) + ")");
  }
}

void add_words(Xapian::Document& doc, const std::vector<analysis::Word>& words,
               Xapian::termcount wdf, Xapian::termpos& position) {
  for (const analysis::Word& word : words) {
    doc.add_posting(word.whole.form, position, wdf);
    if (!word.whole.stem.empty()) doc.add_term(kStem + word.whole.stem, wdf);
    // A hyphenated word's parts follow each other from the whole's position, so that both
    // "Z-Cert" and the phrase "z cert" find it.
    Xapian::termpos part_position = position;
    for (const analysis::Piece& part : word.parts) {
      doc.add_posting(part.form, part_position++, wdf);
      if (!part.stem.empty()) doc.add_term(kStem + part.stem, wdf);
    }
    for (const analysis::Piece& part : word.compound)
      if (!part.stem.empty()) doc.add_term(kPart + part.stem, wdf);
    position = std::max(position + 1, part_position);
  }
}

std::string copy_key(const std::vector<analysis::Word>& words) {
  if (words.empty()) return "";
  std::string forms;
  for (const analysis::Word& w : words) (forms += w.whole.form) += ' ';
  return analysis::digest(forms);
}

std::optional<analysis::AnalysisSettings> stored_settings(const Xapian::Database& db) {
  const std::string json = db.get_metadata(kSettingsKey);
  if (json.empty()) return std::nullopt;
  return analysis::settings_from_json(json);
}

void store_settings(Xapian::WritableDatabase& db, const analysis::AnalysisSettings& settings) {
  db.set_metadata(kSettingsKey, analysis::to_json(settings));
}

}  // namespace vind::schema
