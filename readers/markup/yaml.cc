#include "readers/markup/yaml.h"

#include "analysis/error.h"

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

int yaml_line(const YAML::Node& node, int first_line) {
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? first_line : first_line + mark.line;
}

}  // namespace vind::readers
