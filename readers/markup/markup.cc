#include "readers/markup/markup.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>

#include "analysis/error.h"

namespace vind::readers::markup {

namespace {

struct FreeContext {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};
using Context = std::unique_ptr<xmlParserCtxt, FreeContext>;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Bytes of a Unicode space at `at`, 0 when there is none: U+00A0, U+2000-U+200A (the Handelingen
// put a hair space after "Voorzitter: Arib"), U+202F, U+205F, U+3000.
std::size_t unicode_space_at(std::string_view s, std::size_t at) {
  const std::string_view rest = s.substr(at, 3);
  if (rest.starts_with("\xC2\xA0")) return 2;
  if (rest.size() < 3) return 0;
  const auto b = static_cast<unsigned char>(rest[2]);
  if (rest.starts_with("\xE2\x80") && (b <= 0x8A || b == 0xAF)) return 3;
  if (rest == "\xE2\x81\x9F" || rest == "\xE3\x80\x80") return 3;
  return 0;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

std::string_view skip_blanks(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  return s;
}

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

std::string lowercase_name(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && is_name_char(s[i]); ++i) out += lower(s[i]);
  return out;
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

}  // namespace

Tree parse_xml(std::string_view text, const std::string& name) {
  // Two Handelingen files put a newline before the XML declaration, which XML allows nowhere
  // but at the very start.
  text = skip_blanks(text);
  initialise_libxml2();
  const Context context = new_context(xmlNewParserCtxt(), name);
  Tree tree(xmlCtxtReadMemory(context.get(), text.data(), checked_size(text, name), name.c_str(),
                              nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                           XML_PARSE_NOCDATA));
  if (tree == nullptr || !context->wellFormed) {
    const xmlError* error = xmlCtxtGetLastError(context.get());
    std::string what = error != nullptr && error->message != nullptr ? error->message : "unknown error";
    while (!what.empty() && is_blank(what.back())) what.pop_back();
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

void append_squeezed(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (const std::size_t n = is_blank(text[i]) ? 1 : unicode_space_at(text, i)) {
      i += n - 1;
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += text[i];
    }
  }
}

void append_text(const xmlNode* node, std::string& out) {
  walk(
      node,
      [&out](const xmlNode* n) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != nullptr)
          append_squeezed(reinterpret_cast<const char*>(n->content), out);
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

std::string squeeze(std::string_view text) {
  std::string out;
  append_squeezed(text, out);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string first_element(std::string_view text, std::string* doctype) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (true) {
    text = skip_blanks(text);
    if (!text.starts_with('<')) return {};
    std::string_view close;
    if (text.starts_with("<!--")) {
      close = "-->";
    } else if (text.starts_with("<?")) {
      close = ">";
    } else if (starts_with_ignoring_case(text, "<!doctype")) {
      if (doctype != nullptr) *doctype = lowercase_name(skip_blanks(text.substr(9)));
      const std::size_t subset = text.find_first_of("[>");
      close = subset != std::string_view::npos && text[subset] == '[' ? "]>" : ">";
    } else {
      return lowercase_name(text.substr(1));
    }
    const std::size_t end = text.find(close);
    if (end == std::string_view::npos) return {};
    text.remove_prefix(end + close.size());
  }
}

}  // namespace vind::readers::markup
