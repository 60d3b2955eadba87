#include "readers/kamervragen/classified_lines.h"

#include <algorithm>
#include <string>
#include <utility>

namespace vind::readers {

ClassifiedLine classified(Line line) {
  ClassifiedLine out;
  out.marker = keyword_marker(line.text);
  out.list_item = list_marker(line.text);
  out.line = std::move(line);
  return out;
}

std::vector<ClassifiedLine> classified_lines(std::string_view text) {
  std::vector<ClassifiedLine> out;
  for (Line& line : split_lines(text)) {
    // Word exports put no-break spaces where a plain one was typed: "Kunt u\u00a0 bevestigen",
    // "Antwoord 19 " and "…overgenomen.\u00a0\u00a0 " in the answers. Every blank is a plain
    // space from here on, for the page layout's rules that look for one.
    std::string plain;
    for (std::size_t i = 0; i < line.text.size();) {
      const std::size_t blank = blank_at(line.text, i);
      plain += blank > 0 ? ' ' : line.text[i];
      i += std::max<std::size_t>(blank, 1);
    }
    out.push_back(classified({std::move(plain), line.number}));
  }
  return out;
}

}  // namespace vind::readers
