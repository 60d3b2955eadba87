#include "readers/markup/yaml.h"

#include <algorithm>

#include "analysis/error.h"
#include "readers/text/text.h"

namespace vind::readers {

YAML::Node load_yaml(std::string_view yaml, const std::string& where, int first_line) {
  try {
    return YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    const int line = e.mark.is_null() ? first_line : first_line + e.mark.line;
    throw Error(where + ":" + std::to_string(line) + ": not valid YAML: " + e.msg);
  }
}

std::string scalar_text(const YAML::Node& node) {
  return node.IsDefined() && node.IsScalar() ? node.Scalar() : std::string();
}

namespace {

std::string field_text(const YAML::Node& value) {
  if (!value.IsSequence()) return scalar_text(value);
  std::string joined;
  for (const YAML::Node& item : value)
    if (std::string text = scalar_text(item); !text.empty()) joined += (joined.empty() ? "" : ", ") + text;
  return joined;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> text_fields(const YAML::Node& map) {
  std::vector<std::pair<std::string, std::string>> fields;
  if (!map.IsDefined() || !map.IsMap()) return fields;
  for (const auto& entry : map) {
    std::string key = scalar_text(entry.first);
    if (key.empty()) continue;
    std::string value = field_text(entry.second);
    const auto same = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == key; });
    if (same != fields.end()) {
      same->second = std::move(value);
    } else {
      fields.emplace_back(std::move(key), std::move(value));
    }
  }
  std::erase_if(fields, [](const auto& f) { return f.second.empty(); });
  return fields;
}

bool yaml_true(std::string_view text) {
  const std::string v = ascii_lowercase(text);
  return v == "true" || v == "yes" || v == "on";
}

bool yaml_false(std::string_view text) {
  const std::string v = ascii_lowercase(text);
  return v == "false" || v == "no" || v == "off";
}

int yaml_line(const YAML::Node& node, int first_line) {
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? first_line : first_line + mark.line;
}

}  // namespace vind::readers
