#pragma once
// An HTML page → Document with one passage per anchored section.
//
// What a reader of the page does not see as its text goes: <script>, <style>, <head>, navigation
// (<nav>, <header>, <footer>, <aside>, DocBook's navheader/navfooter, tables of contents,
// breadcrumbs), forms. Passages and anchors:
//   an <h1>-<h3> with an anchor starts a section, anchored as a browser would jump to it: the
//   heading's id, else the id or name of an <a> inside it (DocBook: <h2><a id="whatisfaq"></a>…),
//   else of an empty <a name> just before it (texi2html); heading: the heading's text
//   top   what precedes the first anchored heading, under the page title; a page without anchored
//         headings is this one passage
// Deeper headings and headings without an anchor stay in their section as paragraphs. An anchored
// heading with no text under it is still a passage: its heading can be searched. The title is the
// <title>, else the first <h1>.

#include <string_view>

#include "readers/document.h"

namespace vind::readers {

// An HTML page starts (after comments) with a doctype html or an element only HTML has, unless
// that element says markdown="1": kramdown then reads the file as Markdown. Works on bytes in any
// ASCII-compatible charset.
bool looks_like_html(std::string_view text);
Document html_passages(const Source& source);

}  // namespace vind::readers
