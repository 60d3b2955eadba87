#pragma once
// a stored passage → the heading and document title a result line shows: short enough to take in
// at a glance, and the title only once. For the JSON (json_output.h) and the terminal
// (text_output.h) alike; display only, what is indexed and how it weighs stay as they are.

#include <cstddef>
#include <string>
#include <string_view>

#include "schema/schema.h"

namespace vind::searcher {

// A Kamervragen heading is the whole question ("Vraag 9: Bent u bekend met …", up to 300
// characters); this many fit on a line of a terminal 80 columns wide after the rank.
inline constexpr std::size_t kShortTextChars = 76;

// `text` when it has at most `max` code points; else cut at the last space that leaves room for
// "…", without the punctuation before it, and "…" added: "Vraag 9: Bent u bekend met systemen …
// wordt onthouden en…". A word longer than that is cut inside.
std::string shortened(std::string_view text, std::size_t max = kShortTextChars);

// The passage heading, else the document title (a page without headings), shortened.
std::string short_section(const schema::StoredPassage& passage);

// The document's short title (readers::Document::short_title), else its title, shortened; ""
// when the heading shown is the title (a one-passage page), which says it once.
std::string short_title(const schema::StoredPassage& passage);

}  // namespace vind::searcher
