#include "readers/markup/yaml.h"

#include <algorithm>

#include <yaml-cpp/depthguard.h>

#include "analysis/error.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

std::string field_text(const YAML::Node& value) {
  if (!value.IsSequence()) return scalar_text(value);
  std::string joined;
  for (const YAML::Node& item : value)
    if (std::string text = scalar_text(item); !text.empty()) joined += (joined.empty() ? "" : ", ") + text;
  return joined;
}

}  // namespace

YAML::Node load_yaml(std::string_view yaml, const std::string& where, int first_line) {
  try {
    return YAML::Load(std::string(yaml));
  } catch (const YAML::DeepRecursion& e) {  // its message says "bad file"
    const int line = e.mark.is_null() ? first_line : first_line + e.mark.line;
    throw Error(where + ":" + std::to_string(line) + ": not valid YAML: nested too deep (" +
                std::to_string(e.depth()) + " levels)");
  } catch (const YAML::Exception& e) {
    const int line = e.mark.is_null() ? first_line : first_line + e.mark.line;
    throw Error(where + ":" + std::to_string(line) + ": not valid YAML: " + e.msg);
  }
}

std::string scalar_text(const YAML::Node& node) {
  return node.IsDefined() && node.IsScalar() ? node.Scalar() : std::string();
}

YAML::Node value_of(const YAML::Node& map, std::string_view key) {
  YAML::Node found(YAML::NodeType::Undefined);
  if (!map.IsDefined() || !map.IsMap()) return found;
  for (const auto& entry : map)
    if (entry.first.IsScalar() && entry.first.Scalar() == key) found.reset(entry.second);
  return found;
}

std::vector<std::pair<std::string, std::string>> text_fields(const YAML::Node& map) {
  std::vector<std::pair<std::string, std::string>> fields;
  if (!map.IsDefined() || !map.IsMap()) return fields;
  std::vector<YAML::Node> merged;
  for (const auto& entry : map) {
    std::string key = scalar_text(entry.first);
    if (key.empty()) continue;
    if (key == "<<" && entry.first.Tag() != "!") {  // a quoted "<<" is a plain key
      if (entry.second.IsMap()) merged.push_back(entry.second);
      if (entry.second.IsSequence())
        for (const YAML::Node& item : entry.second) merged.push_back(item);
      continue;
    }
    std::string value = field_text(entry.second);
    const auto same = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == key; });
    if (same != fields.end()) {
      same->second = std::move(value);
    } else {
      fields.emplace_back(std::move(key), std::move(value));
    }
  }
  // Of several merged maps the first wins; none overrides the map's own keys. One level deep, so
  // a map that merges itself ends.
  for (const YAML::Node& base : merged) {
    if (!base.IsMap()) continue;
    for (const auto& entry : base) {
      std::string key = scalar_text(entry.first);
      if (key.empty() || key == "<<") continue;
      if (std::none_of(fields.begin(), fields.end(), [&](const auto& f) { return f.first == key; }))
        fields.emplace_back(std::move(key), field_text(entry.second));
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
