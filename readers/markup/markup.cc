#include "readers/markup/markup.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>

#include "analysis/error.h"
#include "readers/text/text.h"

namespace vind::readers::markup {

namespace {

struct FreeContext {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};
using Context = std::unique_ptr<xmlParserCtxt, FreeContext>;

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

std::string lowercase_name(std::string_view s) {
  std::size_t end = 0;
  while (end < s.size() && is_name_char(s[end])) ++end;
  return ascii_lowercase(s.substr(0, end));
}

int checked_size(std::string_view text, const std::string& name) {
  if (text.size() > INT_MAX) throw Error(name + ": too large for the markup parser");
  return static_cast<int>(text.size());
}

// libxml2 2.9 must be initialised once before threads parse at the same time (indexing does);
// a function-local static does it once, whichever thread comes first.
void initialise_libxml2() {
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialised;
}

Context new_context(xmlParserCtxt* context, const std::string& name) {
  if (context == nullptr) throw Error(name + ": out of memory starting the markup parser");
  return Context(context);
}

// libxml2 stops at elements nested deeper than 256 (its xmlParserMaxDepth): the HTML parser then
// returns the page up to there as if that were all. The rest is never silently lost: the file
// is refused. XML_PARSE_HUGE would lift the limit, but libxml2 then matches each stray end tag
// against the whole stack of open elements: 40,000 "<div>" and as many "</span>" take 10 s.
void throw_if_too_deep(xmlParserCtxt* context, const std::string& name) {
  const xmlError* error = xmlCtxtGetLastError(context);
  if (error == nullptr || error->message == nullptr ||
      !std::string_view(error->message).starts_with("Excessive depth in document"))
    return;
  throw Error(name + ":" + std::to_string(error->line) +
              ": elements nested more than 256 deep; vind reads no deeper (libxml2's limit) "
              "rather than lose the rest of the document");
}

}  // namespace

Tree parse_xml(std::string_view text, const std::string& name) {
  // Two Handelingen files put a newline before the XML declaration, which XML allows nowhere
  // but at the very start.
  text = trim(text);
  initialise_libxml2();
  const Context context = new_context(xmlNewParserCtxt(), name);
  Tree tree(xmlCtxtReadMemory(context.get(), text.data(), checked_size(text, name), name.c_str(),
                              nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                           XML_PARSE_NOCDATA));
  if (tree == nullptr || !context->wellFormed) {
    throw_if_too_deep(context.get(), name);
    const xmlError* error = xmlCtxtGetLastError(context.get());
    const std::string what(trim(error != nullptr && error->message != nullptr ? error->message : "unknown error"));
    const int line = error != nullptr ? error->line : 0;
    throw Error(name + ":" + std::to_string(line) + ": malformed XML: " + what);
  }
  return tree;
}

Tree parse_html(std::string_view text, const std::string& name) {
  initialise_libxml2();
  const Context context = new_context(htmlNewParserCtxt(), name);
  // The text is UTF-8 whatever its <meta charset> says: read_document converted it.
  Tree tree(htmlCtxtReadMemory(context.get(), text.data(), checked_size(text, name), name.c_str(),
                               "UTF-8",
                               HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                   HTML_PARSE_NOWARNING));
  throw_if_too_deep(context.get(), name);
  if (tree == nullptr) throw Error(name + ": the HTML parser made no tree");
  return tree;
}

std::string_view name(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
  return reinterpret_cast<const char*>(node->name);
}

std::string attribute(const xmlNode* node, const char* attribute) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(attribute));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

const xmlNode* child(const xmlNode* node, std::string_view element) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next)
    if (name(c) == element) return c;
  return nullptr;
}

void append_text(const xmlNode* node, std::string& out) {
  walk(
      node,
      [&out](const xmlNode* n) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != nullptr)
          append_collapsed(reinterpret_cast<const char*>(n->content), out);
        return n->type == XML_ELEMENT_NODE;
      },
      [](const xmlNode*) {});
}

std::string text(const xmlNode* node) {
  std::string out;
  append_text(node, out);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

// The text from the first element's '<' on, past what first_element skips; "" when the text does
// not start so.
std::string_view from_first_element(std::string_view text, std::string* doctype) {
  text = without_bom(text);
  while (true) {
    text = trim(text);
    if (!text.starts_with('<')) return {};
    std::string_view close;
    if (text.starts_with("<!--")) {
      close = "-->";
    } else if (text.starts_with("<?")) {
      close = ">";
    } else if (starts_with_ignoring_case(text, "<!doctype")) {
      if (doctype != nullptr) *doctype = lowercase_name(trim(text.substr(9)));
      const std::size_t subset = text.find_first_of("[>");
      close = subset != std::string_view::npos && text[subset] == '[' ? "]>" : ">";
    } else {
      return text;
    }
    const std::size_t end = text.find(close);
    if (end == std::string_view::npos) return {};
    text.remove_prefix(end + close.size());
  }
}

}  // namespace

std::string first_element(std::string_view text, std::string* doctype) {
  const std::string_view element = from_first_element(text, doctype);
  return element.empty() ? std::string() : lowercase_name(element.substr(1));
}

std::string_view first_tag(std::string_view text) {
  const std::string_view element = from_first_element(text, nullptr);
  const std::size_t end = element.find('>');
  return end == std::string_view::npos ? std::string_view() : element.substr(0, end + 1);
}

}  // namespace vind::readers::markup
