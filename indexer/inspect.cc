#include "indexer/inspect.h"

namespace vind::indexer {

nlohmann::json to_json(const Document& document) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& [name, value] : document.fields) fields.push_back({{"name", name}, {"value", value}});
  nlohmann::json passages = nlohmann::json::array();
  for (const Passage& p : document.passages)
    passages.push_back(
        {{"anchor", p.anchor}, {"heading", p.heading}, {"number", p.number}, {"text", p.text}});
  return {{"path", document.path.string()}, {"id", document.id},
          {"kind", kind_name(document.kind)}, {"title", document.title},
          {"date", document.date},           {"url", document.url},
          {"fields", fields},                {"passages", passages},
          {"warnings", document.warnings}};
}

void write_inspection(const Document& document, std::ostream& out) {
  out << "path:     " << document.path.string() << "\n"
      << "id:       " << document.id << "\n"
      << "kind:     " << kind_name(document.kind) << "\n"
      << "title:    " << document.title << "\n"
      << "date:     " << (document.date.empty() ? "(none)" : document.date) << "\n"
      << "url:      " << document.url << "\n";
  for (const auto& [name, value] : document.fields) out << "field:    " << name << " = " << value << "\n";
  for (const std::string& warning : document.warnings) out << "warning:  " << warning << "\n";
  out << "passages: " << document.passages.size() << "\n";
  for (const Passage& p : document.passages) {
    out << "\n#" << p.anchor << "\n" << p.heading << "\n";
    std::string indented = "    ";
    for (const char c : p.text) indented += c == '\n' ? std::string("\n    ") : std::string(1, c);
    out << indented << "\n";
  }
}

}  // namespace vind::indexer
