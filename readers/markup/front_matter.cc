#include "readers/markup/front_matter.h"

#include "analysis/error.h"
#include "readers/markup/yaml.h"

namespace vind::readers {

FrontMatter read_front_matter(const std::vector<Line>& lines, const std::string& where) {
  FrontMatter front_matter;
  if (lines.empty() || trim(without_bom(lines[0].text)) != "---") return front_matter;
  for (std::size_t end = 1; end < lines.size(); ++end) {
    const std::string_view text = trim(lines[end].text);
    if (text != "---" && text != "...") continue;
    front_matter.body = end + 1;
    front_matter.present = true;
    std::string yaml;
    for (std::size_t i = 1; i < end; ++i) yaml += lines[i].text + "\n";
    try {
      const YAML::Node node = load_yaml(yaml, where, lines[1].number);
      if (node.IsMap()) {
        front_matter.fields = text_fields(node);
      } else if (!node.IsNull()) {
        front_matter.error = where + ":" + std::to_string(lines[1].number) +
                             ": not valid YAML: the front matter is no map of \"key: value\" fields";
      }
    } catch (const Error& e) {
      front_matter.error = e.what();
    }
    if (!front_matter.error.empty()) front_matter.error += "; read without its fields";
    return front_matter;
  }
  return front_matter;
}

std::string_view field(const FrontMatter& front_matter, std::string_view key) {
  for (const auto& [name, value] : front_matter.fields)
    if (name == key) return value;
  return {};
}

bool published(const FrontMatter& front_matter) { return !yaml_false(field(front_matter, "published")); }

std::string page_url(const FrontMatter& front_matter) {
  const std::string_view canonical = field(front_matter, "canonical");
  if (canonical.starts_with("https://") || canonical.starts_with("http://")) return std::string(canonical);
  const std::string_view permalink = field(front_matter, "permalink");
  // "/:categories/:title/" is a pattern for _config.yml to fill in, not an address.
  if (permalink.starts_with('/') && permalink.find(':') == std::string_view::npos) return std::string(permalink);
  return {};
}

}  // namespace vind::readers
