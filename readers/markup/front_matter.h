#pragma once
// Jekyll front matter: the block between "---" lines that opens a page, read as the flat YAML
// Jekyll pages use ("key: value", a block list under a key).
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
  // Unquoted values; a block list ("tags:" then "  - a", "  - b") gives "a, b"; empty values and
  // YAML comments are left out.
  std::vector<std::pair<std::string, std::string>> fields;
  std::size_t body = 0;  // index of the first content line
  bool present = false;
};

// Front matter that is never closed is no front matter: Jekyll then renders the whole file, and
// so do we (present false, body 0).
FrontMatter read_front_matter(const std::vector<Line>& lines);

// The value of the first field with this key, or "" when there is none.
std::string_view field(const FrontMatter& front_matter, std::string_view key);

// False when the page says `published: false` (or YAML's other false words, "no", "off"): Jekyll
// then leaves it out of the site, and vind out of the index.
bool published(const FrontMatter& front_matter);

// Where the page is published, as the page itself says: an absolute `canonical`, else a
// `permalink:` address ("/faq/", relative to the site), else "".
std::string page_url(const FrontMatter& front_matter);

}  // namespace vind::readers
