#pragma once
// XML and HTML through libxml2, for the markup readers (Handelingen, Rechtspraak, HTML pages).
//
// In: UTF-8 text. Out: a parsed tree and the few things the readers ask of it: element names
// without namespace prefix, attributes, text with whitespace collapsed, a walk in document order,
// and the first element of a text for sniffing. XML is parsed strictly, so a truncated file is
// refused rather than half read, and safely: no DTD or external entity is loaded, nothing goes
// over the network, entity references are never expanded into text and libxml2's size limits
// stay on (no XML_PARSE_HUGE), so an entity bomb is refused. HTML is parsed as browsers do:
// unclosed tags are closed and any byte soup still gives a tree, nested up to libxml2's depth
// limit; a deeper document is refused, not cut short.

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace vind::readers::markup {

struct FreeTree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using Tree = std::unique_ptr<xmlDoc, FreeTree>;

// Throws vind::Error `name:line: malformed XML: what libxml2 says` when the text is not
// well-formed, and `name:line: elements nested more than 256 deep; …` past libxml2's depth
// limit. Blanks before the XML declaration are skipped.
Tree parse_xml(std::string_view text, const std::string& name);

// Throws vind::Error when the elements nest more than 256 deep (libxml2 would drop the rest of
// the page; the message as parse_xml's) or libxml2 makes no tree at all (out of memory).
Tree parse_html(std::string_view text, const std::string& name);

// The element's name without namespace prefix ("Description" for rdf:Description), as written
// (the HTML parser lowercases); "" for anything but an element.
std::string_view name(const xmlNode* node);

// The attribute's value, "" when the element has none.
std::string attribute(const xmlNode* node, const char* attribute);

// The first child element with this name, or nullptr.
const xmlNode* child(const xmlNode* node, std::string_view name);

// Visits the nodes below `node` in document order, without recursion (the parsers refuse nesting
// deeper than 256, but a walk should not depend on that). enter(n) says whether to go below n;
// leave(n) runs once n and all below it are done, for every node entered. Entity references are
// never followed.
template <typename Enter, typename Leave>
void walk(const xmlNode* node, Enter enter, Leave leave) {
  const xmlNode* n = node->children;
  while (n != nullptr) {
    if (enter(n) && n->children != nullptr && n->type != XML_ENTITY_REF_NODE) {
      n = n->children;
      continue;
    }
    leave(n);
    while (n->next == nullptr) {
      n = n->parent;
      if (n == nullptr || n == node) return;
      leave(n);
    }
    n = n->next;
  }
}

// Appends the text below a node in document order as append_collapsed (text.h) does.
void append_text(const xmlNode* node, std::string& out);

// The text below a node, collapsed and trimmed.
std::string text(const xmlNode* node);

// The name of the first element, lowercase, after a byte-order mark, blanks, the XML
// declaration, comments, processing instructions and a doctype; "" when the text does not start
// so. The doctype's name goes to `doctype` ("html"), lowercase. How the markup readers sniff.
std::string first_element(std::string_view text, std::string* doctype = nullptr);

// The first element's opening tag as written ("<div class=\"notifications\" markdown=\"1\">"),
// "" when first_element finds none or the tag does not close.
std::string_view first_tag(std::string_view text);

}  // namespace vind::readers::markup
