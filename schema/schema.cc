#include "schema/schema.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "analysis/digest.h"
#include "analysis/error.h"

namespace vind::schema {

std::string to_data(const StoredPassage& p) {
  return nlohmann::json{{"document", p.document}, {"title", p.title},   {"section", p.section},
                        {"anchor", p.anchor},     {"url", p.url},       {"date", p.date},
                        {"kind", p.kind},         {"text", p.text},     {"path", p.path},
                        {"number", p.number}}
      .dump();
}

StoredPassage passage_from_data(const std::string& data) {
  try {
    const nlohmann::json j = nlohmann::json::parse(data);
    StoredPassage p;
    p.document = j.at("document");
    p.title = j.at("title");
    p.section = j.at("section");
    p.anchor = j.at("anchor");
    p.url = j.at("url");
    p.date = j.at("date");
    p.kind = j.at("kind");
    p.text = j.at("text");
    p.path = j.at("path");
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

std::string to_json(const FileRecord& r) {
  return nlohmann::json{{"path", r.path}, {"digest", r.digest}, {"passages", r.passages}}.dump();
}

FileRecord file_record_from_json(const std::string& json) {
  try {
    const nlohmann::json j = nlohmann::json::parse(json);
    return {j.at("path"), j.at("digest"), j.at("passages")};
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
