#pragma once
// Text → classified lines: the first stage of the Kamervragen reader.
//
// In: a document's text. Out: its lines, every blank a plain space, each with what it opens,
// read once (kamervragen_numbering.h): a question, an answer or a section ("Vraag 3", "Antwoord
// op vraag 3 en 4", "Mededeling"), or a numbered list item ("3.", "3. Bent u …", "3") that is a
// question where the document numbers its questions so. The later stages (page layout, header,
// question groups) ask these instead of reading the line again.

#include <optional>
#include <string_view>
#include <vector>

#include "readers/kamervragen/kamervragen_numbering.h"
#include "readers/text/text.h"

namespace vind::readers {

struct ClassifiedLine {
  Line line;
  std::optional<Marker> marker;     // keyword_marker
  std::optional<Marker> list_item;  // list_marker
};

std::vector<ClassifiedLine> classified_lines(std::string_view text);

// One line classified: for a line whose text a later stage changed (a footnote number removed).
ClassifiedLine classified(Line line);

}  // namespace vind::readers
