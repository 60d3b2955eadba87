#pragma once
// A footnote of a Kamervragen document and a place that cites it, as both exports give them: Word
// writes "[footnoteRef:2]" where it is cited and "[2: Brief van …]" wherever the page broke
// (word_debris.h); the PDF prints "2" against the cited word and the body above the page's
// footer (page_layout.h). The reader moves each body to the passage that cites it.

#include <string>

namespace vind::readers {

struct Footnote {
  int number = 0;
  std::string text;  // its lines joined, blanks collapsed: "NOS, 22 oktober 2024, «…» (https://nos.nl/…)"
  int line = 0;      // where it starts
};

struct Citation {
  int number = 0;  // of the footnote
  int line = 0;    // the line that carried the number, perhaps removed since
};

}  // namespace vind::readers
