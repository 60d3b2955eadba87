#include "searcher/result_text.h"

namespace vind::searcher {

namespace {

bool continues_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string shortened(std::string_view text, std::size_t max) {
  std::size_t at = 0, code_points = 0, room = 0;  // room: after max - 1 code points, for "…"
  while (at < text.size() && code_points < max) {
    ++at;
    while (at < text.size() && continues_character(text[at])) ++at;
    if (++code_points == max - 1) room = at;
  }
  if (at == text.size()) return std::string(text);
  std::string_view kept = text.substr(0, room);
  if (const std::size_t space = kept.rfind(' '); text[room] != ' ' && space != std::string_view::npos && space > 0)
    kept = kept.substr(0, space);
  while (!kept.empty() && std::string_view(" ,;:(").find(kept.back()) != std::string_view::npos)
    kept.remove_suffix(1);
  return std::string(kept) + "…";
}

std::string short_section(const schema::StoredPassage& passage) {
  return shortened(passage.section.empty() ? passage.title : passage.section);
}

std::string short_title(const schema::StoredPassage& passage) {
  if (passage.section.empty() || passage.section == passage.title) return "";
  return shortened(passage.short_title.empty() ? passage.title : passage.short_title);
}

}  // namespace vind::searcher
