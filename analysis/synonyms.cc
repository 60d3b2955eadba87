#include "analysis/synonyms.h"

#include <cctype>

#include "analysis/synonyms_data.h"

namespace vind::analysis {

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<SynonymGroup> parse_synonyms(std::string_view text) {
  std::vector<SynonymGroup> groups;
  while (!text.empty()) {
    const std::size_t eol = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(std::min(eol + 1, text.size()));
    line = line.substr(0, line.find('#'));
    SynonymGroup group;
    while (!trimmed(line).empty()) {
      const std::size_t eq = line.find('=');
      const std::string_view member = trimmed(line.substr(0, eq));
      if (!member.empty()) group.emplace_back(member);
      line = eq == std::string_view::npos ? std::string_view() : line.substr(eq + 1);
    }
    if (group.size() > 1) groups.push_back(std::move(group));
  }
  return groups;
}

bool abbreviates(std::string_view short_form, std::string_view long_form) {
  std::string s, l;
  for (const char c : short_form) {
    if (c == ' ') continue;
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (const char c : long_form) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s.size() < 2 || s.size() > 8 || s.size() >= l.size() || l.front() != s.front()) return false;
  std::size_t at = 1;
  for (std::size_t i = 1; i < s.size(); ++i) {
    at = l.find(s[i], at);
    if (at == std::string::npos) return false;
    ++at;
  }
  return true;
}


const std::vector<SynonymGroup>& curated_synonyms() {
  static const std::vector<SynonymGroup> groups = parse_synonyms(kSynonymsFile);
  return groups;
}

}  // namespace vind::analysis
