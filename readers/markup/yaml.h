#pragma once
// YAML text → a node tree, by Debian's yaml-cpp: the front matter of Jekyll pages and a site's
// _config.yml. Jekyll reads both with Ruby's YAML parser, so quoting, escapes, block scalars,
// flow lists and anchors mean here what they mean to the site.
//
// In: the YAML, where it came from and the line it starts on. Out: yaml-cpp's node tree. Used by
// front_matter.h and the indexer's Jekyll site reader.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace vind::readers {

// Throws vind::Error "WHERE:LINE: not valid YAML: what yaml-cpp found" (nesting deeper than
// yaml-cpp's depth guard included), LINE counted from first_line.
YAML::Node load_yaml(std::string_view yaml, const std::string& where, int first_line = 1);

// A scalar's text; "" for null ("~", "null", nothing), a list and a map.
std::string scalar_text(const YAML::Node& node);

// The value of `key` in a map, its last when the key is given twice (Ruby's YAML keeps the last;
// yaml-cpp's operator[] gives the first); an undefined node when there is none or `map` is no map.
YAML::Node value_of(const YAML::Node& map, std::string_view key);

// A map's entries with text, in order: a scalar as it is, a list of scalars joined with ", "
// ("tags: [a, b]" → "a, b"); nulls, empty values and maps are left out. A key given twice keeps
// its first place and its last value, as in Ruby's YAML, which Jekyll reads with. Merge keys
// ("<<: *base", "<<: [*a, *b]"), which yaml-cpp leaves to its users, give what the map does not set.
std::vector<std::pair<std::string, std::string>> text_fields(const YAML::Node& map);

// Ruby's YAML 1.1 booleans, which Jekyll reads: "true", "yes", "on" and "false", "no", "off", in any case.
bool yaml_true(std::string_view text);
bool yaml_false(std::string_view text);

// The line a node starts on, counted from first_line as in load_yaml.
int yaml_line(const YAML::Node& node, int first_line = 1);

}  // namespace vind::readers
