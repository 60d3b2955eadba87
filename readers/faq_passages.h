#pragma once
// FAQ Markdown (a Jekyll page) → Document with one passage per `## ` section.
//
// Front matter (title, layout) becomes fields; the `# ` heading is the title and
// "Laatste update: 13 oktober 2025" the date. Markdown (links and their URLs, kramdown attribute
// lists `{:target="_blank"}`, emphasis, list markers) never reaches the passage text. Anchors: the id
// Jekyll's default renderer (kramdown, GFM input) gives the heading, which is where a browser
// lands on the built page; `{% include %}` fragments are written in (jekyll_includes.h). A page with `published: false` is left out (a Refusal,
// Cause::kLeftOut). One question per file is a Jekyll collection item: jekyll_passages.h.

#include <string_view>

#include "readers/document.h"

namespace vind::readers {

bool looks_like_faq_markdown(std::string_view text);
Document faq_passages(const Source& source);

}  // namespace vind::readers
