#pragma once
// A law, decree, regulation or treaty as Markdown from the laws-markdown repository → Document with
// one passage per article or other section.
//
// The format's marks: a literal `<meta http-equiv='Content-Type' … charset=utf-8' />` first line,
// the title as a `##` heading, then `###` headings per article, chapter, paragraph, often without
// the blank after the hashes (`##Titel`, `####Grondrechten`) and with trailing blanks
// (`### Artikel  1  `). Passages and anchors:
//   <slug of the heading>  every heading after the title: "### Artikel  3a" → artikel-3a,
//                          "### §  2" → paragraaf-2; the same slug again gets "-2", "-3"
//   top                    the text between the title and the first heading (the preamble)
// Anchors come from the heading's own words, so they stay when articles are inserted elsewhere.
// A heading followed at once by a deeper one names it: "### Hoofdstuk 1" + "####Grondrechten" is
// the passage "Hoofdstuk 1. Grondrechten", anchored hoofdstuk-1. A heading without text of its own
// (a chapter) is still a passage: its words can be searched. The date is the first date in the
// title ("Wet van 12 juli 1821, …").

#include <string_view>

#include "readers/document.h"

namespace vind::readers {

bool looks_like_wet(std::string_view text);
Document wet_passages(const Source& source);

}  // namespace vind::readers
