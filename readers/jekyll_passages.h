#pragma once
// One page of a Jekyll collection (one question per file) → Document with one passage.
//
// A collection item has front matter whose `title` is the question and a body that is the answer,
// its `## ` headings part of that answer (the CoronaCheck and CoronaMelder FAQs, Rijksoverheid's
// "vraag en antwoord" pages rendered as Markdown). Told apart from an FAQ page (faq_passages.h,
// one passage per `## ` question) by its `# ` title: a collection item has none, or repeats the
// front matter's title.
//
// The passage: heading the title (front matter, else the `# ` heading), text the body as plain
// text, anchor the page's slug: the file name without extension and without a date prefix
// ("2021-05-01-"), the part after the last "__" when a path was flattened into the name
// (questions__nl__1-6-welke-informatie.md → 1-6-welke-informatie). Liquid never becomes text:
// `{{ … }}` and `{% … %}` go, and so does what `{% comment %}` holds; HTML comments go too. A page
// with `published: false` is left out (a Refusal, Cause::kLeftOut), not indexed. The date comes
// from `date` or `lastmodified`, the URL from an absolute `canonical` or a `permalink:`
// (front_matter.h), and `{% include %}` fragments are written in (jekyll_includes.h).

#include <string>
#include <string_view>

#include "readers/document.h"

namespace vind::readers {

bool looks_like_jekyll_page(std::string_view text);
Document jekyll_passages(const Source& source);

// The text without Liquid tags and HTML comments; every line end stays where it was.
std::string without_liquid(std::string_view text);

}  // namespace vind::readers
