#pragma once
// Jekyll front matter: the block between "---" lines that opens a page, read as YAML (yaml.h).
//
// In: a file's lines. Out: the fields in file order and the line where the content starts. Used by
// the Markdown readers (faq_passages, jekyll_passages).

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readers/text/text.h"

namespace vind::readers {

struct FrontMatter {
  // The top-level fields with text, as yaml.h's text_fields gives them.
  std::vector<std::pair<std::string, std::string>> fields;
  std::size_t body = 0;  // index of the first content line
  bool present = false;
  // "WHERE:LINE: not valid YAML: …; read without its fields" when the block is no YAML map: the
  // page has no fields, as Jekyll publishes it (with a warning) rather than leaving it out.
  std::string error;
};

// Front matter that is never closed is no front matter: Jekyll then renders the whole file, and
// so do we (present false, body 0). `where` names the file in `error`.
FrontMatter read_front_matter(const std::vector<Line>& lines, const std::string& where = "front matter");

// The value of the field with this key, or "" when there is none.
std::string_view field(const FrontMatter& front_matter, std::string_view key);

// False when the page says `published: false` (or YAML's other false words, "no", "off"): Jekyll
// then leaves it out of the site, and vind out of the index.
bool published(const FrontMatter& front_matter);

// Where the page is published, as the page itself says: an absolute `canonical`, else a
// `permalink:` address ("/faq/", relative to the site), else "".
std::string page_url(const FrontMatter& front_matter);

}  // namespace vind::readers
