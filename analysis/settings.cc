#include "analysis/settings.h"

#include <nlohmann/json.hpp>

#include "analysis/error.h"
#include "analysis/stopwords.h"

namespace vind::analysis {

namespace {

nlohmann::json as_json(const AnalysisSettings& s) {
  return {{"version", s.version},
          {"stemmer", s.stemmer},
          {"fold_diacritics", s.fold_diacritics},
          {"stopwords", s.stopwords},
          {"heading_weight", s.heading_weight},
          {"title_weight", s.title_weight},
          {"max_word_bytes", s.max_word_bytes},
          {"compounds", s.compounds},
          {"lemmas", s.lemmas}};
}

}  // namespace

AnalysisSettings default_settings() {
  AnalysisSettings settings;
  settings.stopwords = dutch_stopwords().digest;
  return settings;
}

std::string to_json(const AnalysisSettings& settings) { return as_json(settings).dump(); }

AnalysisSettings settings_from_json(const std::string& json) {
  try {
    const nlohmann::json j = nlohmann::json::parse(json);
    AnalysisSettings s;
    s.version = j.at("version").get<int>();
    s.stemmer = j.at("stemmer").get<std::string>();
    s.fold_diacritics = j.at("fold_diacritics").get<bool>();
    s.stopwords = j.at("stopwords").get<std::string>();
    s.heading_weight = j.at("heading_weight").get<int>();
    s.title_weight = j.value("title_weight", 0);
    s.max_word_bytes = j.at("max_word_bytes").get<int>();
    s.compounds = j.at("compounds").get<std::string>();
    // Absent in version 1 indexes, which are then refused for their version, not as unreadable.
    s.lemmas = j.value("lemmas", "");
    return s;
  } catch (const nlohmann::json::exception& e) {
    throw Error("analysis settings: not valid settings JSON (" + std::string(e.what()) + ")");
  }
}

std::string differences(const AnalysisSettings& index, const AnalysisSettings& searcher,
                        const std::string& index_name, const std::string& searcher_name) {
  const nlohmann::json a = as_json(index), b = as_json(searcher);
  std::string out;
  for (const auto& [key, value] : a.items()) {
    if (b.at(key) == value) continue;
    if (!out.empty()) out += "; ";
    out += key + ": " + index_name + " " + value.dump() + ", " + searcher_name + " " + b.at(key).dump();
  }
  return out;
}

}  // namespace vind::analysis
