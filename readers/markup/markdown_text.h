#pragma once
// Markdown → plain text, for every reader of a Markdown format (FAQ pages, Jekyll collections,
// laws).
//
// In: a file's lines after its front matter. Out: the lines as the renderer sees them (headings,
// code fences) and the plain text of a run of them: links keep their text and lose their URL;
// emphasis, list and quote markers, kramdown attribute lists (`{:target="_blank"}`), HTML tags and
// link definitions go; paragraphs are split by "\n\n", lines within one by "\n".

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "readers/text/text.h"

namespace vind::readers {

struct Link {
  std::string text;  // plain text
  std::string url;   // as written
};

// A line as the Markdown renderer sees it.
struct MarkdownLine {
  const Line* line = nullptr;
  bool fence = false;        // a ``` or ~~~ line opening or closing a code block
  bool code = false;         // inside a fenced code block: no headings, no markup
  int level = 0;             // ATX heading level, 0 when the line is no heading
  std::string_view heading;  // the heading's Markdown, hashes and {#id} removed
  std::string_view id;       // the heading's own "{#id}", if it gives one
};

struct MarkdownOptions {
  // kramdown (GFM) wants a blank after the hashes; the laws write "##Titel" and "####Grondrechten".
  bool heading_needs_blank = true;
};

// The lines from `begin` on, headings and code blocks marked.
std::vector<MarkdownLine> markdown_lines(const std::vector<Line>& lines, std::size_t begin,
                                         const MarkdownOptions& options = {});

// One line or heading of Markdown as plain text; links with a URL are added to `links`.
std::string markdown_plain(std::string_view markdown, std::vector<Link>* links = nullptr);

// The text of lines [begin, end): deeper headings stay, as paragraphs of their own.
std::string markdown_text(const std::vector<MarkdownLine>& lines, std::size_t begin,
                          std::size_t end);

}  // namespace vind::readers
