#include "readers/markup/front_matter.h"

namespace vind::readers {

namespace {

std::string unquote(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front())
    return std::string(value.substr(1, value.size() - 2));
  return std::string(value);
}

void read_fields(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                 std::vector<std::pair<std::string, std::string>>& fields) {
  for (std::size_t i = begin; i < end; ++i) {
    const std::string_view text = lines[i].text;
    if (text.empty() || blank_at(text, 0) > 0 || text[0] == '#' || text[0] == '-') continue;
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    std::string key(trim(text.substr(0, colon)));
    std::string value = unquote(trim(text.substr(colon + 1)));
    const bool list = value.empty();
    for (; list && i + 1 < end && trim(lines[i + 1].text).starts_with("- "); ++i) {
      std::string item = unquote(trim(trim(lines[i + 1].text).substr(2)));
      value += value.empty() ? item : ", " + item;
    }
    if (!key.empty() && !value.empty()) fields.emplace_back(std::move(key), std::move(value));
  }
}

}  // namespace

FrontMatter read_front_matter(const std::vector<Line>& lines) {
  FrontMatter front_matter;
  if (lines.empty() || trim(lines[0].text) != "---") return front_matter;
  for (std::size_t end = 1; end < lines.size(); ++end) {
    const std::string_view text = trim(lines[end].text);
    if (text == "---" || text == "...") {
      read_fields(lines, 1, end, front_matter.fields);
      front_matter.body = end + 1;
      front_matter.present = true;
      return front_matter;
    }
  }
  return front_matter;
}

std::string_view field(const FrontMatter& front_matter, std::string_view key) {
  for (const auto& [name, value] : front_matter.fields)
    if (name == key) return value;
  return {};
}

bool published(const FrontMatter& front_matter) {
  const std::string value = ascii_lowercase(field(front_matter, "published"));
  return value != "false" && value != "no" && value != "off";
}

std::string page_url(const FrontMatter& front_matter) {
  const std::string_view canonical = field(front_matter, "canonical");
  if (canonical.starts_with("https://") || canonical.starts_with("http://")) return std::string(canonical);
  const std::string_view permalink = field(front_matter, "permalink");
  // "/:categories/:title/" is a pattern for _config.yml to fill in, not an address.
  if (permalink.starts_with('/') && permalink.find(':') == std::string_view::npos) return std::string(permalink);
  return {};
}

}  // namespace vind::readers
