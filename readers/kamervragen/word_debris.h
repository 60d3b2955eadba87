#pragma once
// One line of a Word export → its text without Word's markup, and the footnotes it cites or holds.
//
// In: a line of Kamervragen as Word saved it as plain text. Out: the line without
// "[footnoteRef:1]" (where a footnote is cited), "[bookmark: _Hlk205712691]" (before some
// paragraphs) and the footnote bodies "[1:  Brief van 21 augustus 2025, …]" that Word put wherever
// the page broke: on a line of their own, or at the end of a line of text. The reader joins
// citations and bodies up once the whole document is read. Other brackets stay: "[...]" in a
// quote, "zwaarwegend[e]".

#include <string>
#include <string_view>
#include <vector>

#include "readers/kamervragen/footnotes.h"

namespace vind::readers {

struct WordLine {
  std::string text;                   // the line without debris, blanks collapsed
  std::vector<Citation> cited;        // "[footnoteRef:N]", in order
  std::vector<Footnote> footnotes;    // "[N: …]" bodies, in order
  std::vector<std::string> problems;  // what was tolerated: a footnote never closed
};

// `line_number`: where the line stands, for its citations and footnotes.
WordLine without_word_debris(std::string_view line, int line_number);

// Without the list bullet Word exported as text: "· De samenwerking …" → "De samenwerking …".
std::string_view without_bullet(std::string_view text);

}  // namespace vind::readers
