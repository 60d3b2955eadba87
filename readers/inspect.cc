#include "readers/inspect.h"

namespace vind::readers {

nlohmann::json to_json(const Document& document) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& [name, value] : document.fields) fields.push_back({{"name", name}, {"value", value}});
  nlohmann::json passages = nlohmann::json::array();
  for (const Passage& p : document.passages) {
    nlohmann::json passage_fields = nlohmann::json::array();
    for (const auto& [name, value] : p.fields)
      passage_fields.push_back({{"name", name}, {"value", value}});
    passages.push_back({{"anchor", p.anchor},
                        {"heading", p.heading},
                        {"number", p.number},
                        {"fields", passage_fields},
                        {"text", p.text}});
  }
  return {{"path", document.path.string()}, {"format", document.format},
          {"kind", schema::kind_name(document.kind)}, {"title", document.title},
          {"date", document.date},          {"url", document.url},
          {"fields", fields},               {"passages", passages},
          {"warnings", document.warnings}};
}

void write_inspection(const Document& document, std::ostream& out) {
  out << "path:     " << document.path.string() << "\n"
      << "format:   " << document.format << "\n"
      << "kind:     " << schema::kind_name(document.kind) << "\n"
      << "title:    " << document.title << "\n"
      << "date:     " << (document.date.empty() ? "(none)" : document.date) << "\n"
      << "url:      " << document.url << "\n";
  for (const auto& [name, value] : document.fields) out << "field:    " << name << " = " << value << "\n";
  for (const std::string& warning : document.warnings) out << "warning:  " << warning << "\n";
  out << "passages: " << document.passages.size() << "\n";
  for (const Passage& p : document.passages) {
    out << "\n#" << p.anchor << "\n" << p.heading << "\n";
    for (const auto& [name, value] : p.fields) out << "  " << name << ": " << value << "\n";
    std::string indented = "    ";
    for (const char c : p.text) indented += c == '\n' ? std::string("\n    ") : std::string(1, c);
    out << indented << "\n";
  }
}

}  // namespace vind::readers
