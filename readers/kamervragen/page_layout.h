#pragma once
// Classified lines → lines without the page layout: the second stage of the Kamervragen reader.
//
// In: the classified lines of a document (classified_lines.h). Out: the same lines without page
// headers and footers ("Tweede Kamer der Staten-Generaal2", "Tweede Kamer, vergaderjaar
// 2024–2025, Aanhangsel 2", "ah-tk-20242025-584", "ISSN 0921 - 7398’s-Gravenhage 2024…",
// "kv-tk-2024Z18775"), without the footnote bodies above a footer ("1NOS, 22 oktober 2024, …")
// and without footnote numbers ("1" or "2, 3 en 4" alone on a line, "2 Zo nee, …" starting one,
// "Algerije4, Irak5" inside one). Each footnote comes back with its text, and each place that
// cites one, for the reader to move it to the passage citing it. A Word export has no pages:
// only its separator lines ("_____") go, and its lines, blank ones too, come back as they were.

#include <string>
#include <string_view>
#include <vector>

#include "readers/kamervragen/classified_lines.h"
#include "readers/kamervragen/footnotes.h"

namespace vind::readers {

struct PageText {
  std::vector<ClassifiedLine> lines;  // a line whose footnote number went is classified again
  std::vector<Footnote> footnotes;
  std::vector<Citation> citations;
  // PDF layout: a paragraph runs over several lines and blank lines are gone; a Word export
  // has one paragraph per line.
  bool laid_out = false;
};

// A page header or footer line, or a separator: never text ("Tweede Kamer, vergaderjaar
// 2024–2025, Vragen 2", "ah-tk-20242025-584", "__________").
bool is_page_furniture(std::string_view line);

PageText read_page_layout(std::vector<ClassifiedLine> lines);

// Appends one more line of a laid-out paragraph: after a blank, but straight after a hyphen
// that broke a word ("ontwikkelings-" + "hulp") and before a closing mark (")", ".", "»") that a
// removed footnote number had pushed onto the next line.
void append_layout_line(std::string& paragraph, std::string_view line);

}  // namespace vind::readers
