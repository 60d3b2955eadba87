#include "readers/html_passages.h"

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "readers/markup/markup.h"
#include "readers/text/anchors.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

// What precedes the first anchored heading; "#top" is where a browser goes for it anyway.
constexpr char kTop[] = "top";

struct Section {
  Passage passage;
  std::vector<std::string> paragraphs;
};

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> list) {
  for (const std::string_view item : list)
    if (s == item) return true;
  return false;
}

// Elements whose content a reader of the page does not read as its text.
bool is_unseen(std::string_view element) {
  return is_one_of(element, {"head", "script", "style", "noscript", "template", "nav", "header", "footer",
                             "aside", "form", "button", "select", "textarea", "iframe", "svg", "object",
                             "canvas", "map"});
}

// Navigation that generators put in plain <div>s and <table>s: DocBook's navheader/navfooter and
// table of contents, texi2html's and LilyPond's tocframe, breadcrumbs.
bool is_navigation(const xmlNode* node) {
  for (const char* attribute : {"class", "id"}) {
    const std::string value = ascii_lowercase(markup::attribute(node, attribute));
    std::size_t start = 0;
    while (start < value.size()) {
      std::size_t end = value.find(' ', start);
      if (end == std::string::npos) end = value.size();
      if (is_one_of(std::string_view(value).substr(start, end - start),
                    {"navheader", "navfooter", "toc", "tocframe", "breadcrumb", "breadcrumbs", "navigation"}))
        return true;
      start = end + 1;
    }
  }
  return false;
}

bool is_block(std::string_view element) {
  return is_one_of(element, {"p", "div", "li", "dt", "dd", "tr", "table", "ul", "ol", "dl", "pre", "blockquote",
                             "br", "hr", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
                             "figure", "figcaption", "caption", "address", "center", "body"});
}

bool is_section_heading(std::string_view element) { return is_one_of(element, {"h1", "h2", "h3"}); }

std::string anchor_of(const xmlNode* node) {
  std::string id = markup::attribute(node, "id");
  return id.empty() ? markup::attribute(node, "name") : id;
}

// DocBook writes <h2 class="title"><a id="whatisfaq"></a>1.1. Wat is deze FAQ?</h2>.
std::string anchor_inside(const xmlNode* heading) {
  std::string anchor;
  markup::walk(
      heading,
      [&](const xmlNode* n) {
        if (anchor.empty() && markup::name(n) == "a") anchor = anchor_of(n);
        return anchor.empty();
      },
      [](const xmlNode*) {});
  return anchor;
}

const xmlNode* first_element(const xmlNode* root, std::string_view element) {
  const xmlNode* found = markup::name(root) == element ? root : nullptr;
  markup::walk(
      root,
      [&](const xmlNode* n) {
        if (found == nullptr && markup::name(n) == element) found = n;
        return found == nullptr;
      },
      [](const xmlNode*) {});
  return found;
}

bool has_text(const xmlNode* node) { return !markup::text(node).empty(); }

std::vector<Section> sections_of(const xmlNode* body, const std::string& title) {
  std::vector<Section> sections(1);
  sections[0].passage.anchor = kTop;
  sections[0].passage.heading = title;
  std::string current;
  std::string pending;  // an empty <a name> no text has followed yet: texi2html's heading anchor
  const auto flush = [&] {
    while (!current.empty() && current.back() == ' ') current.pop_back();
    if (!current.empty()) sections.back().paragraphs.push_back(std::move(current));
    current.clear();
  };
  markup::walk(
      body,
      [&](const xmlNode* n) {
        if (n->type == XML_TEXT_NODE && n->content != nullptr) {
          const std::size_t before = current.size();
          append_collapsed(reinterpret_cast<const char*>(n->content), current);
          if (current.find_first_not_of(' ', before) != std::string::npos) pending.clear();
          return false;
        }
        const std::string_view element = markup::name(n);
        if (element.empty()) return false;
        if (is_unseen(element) || is_navigation(n)) return false;
        if (is_section_heading(element)) {
          flush();
          std::string anchor = anchor_of(n);
          if (anchor.empty()) anchor = anchor_inside(n);
          if (anchor.empty()) anchor = pending;
          pending.clear();
          if (anchor.empty()) {  // a heading nobody can link to stays in its section
            current = markup::text(n);
            flush();
          } else {
            sections.push_back({});
            sections.back().passage.anchor = anchor;
            sections.back().passage.heading = markup::text(n);
          }
          return false;
        }
        if (element == "a" && !anchor_of(n).empty() && !has_text(n)) {
          pending = anchor_of(n);
          return false;
        }
        // LibreOffice's help holds one hidden variant per system, <span hidden class="MAC">Commando</span>
        // <span hidden>Ctrl</span>, and shows one: all are text, but never one word.
        if (element == "td" || element == "th" || xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")))
          append_collapsed(" ", current);
        if (is_block(element)) flush();
        return true;
      },
      [&](const xmlNode* n) {
        if (is_block(markup::name(n))) flush();
        if (n->type == XML_ELEMENT_NODE && xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")))
          append_collapsed(" ", current);
      });
  flush();
  return sections;
}

// kramdown parses the inside of an HTML block as Markdown when its tag says markdown="1" (or
// "block", "span"): the CoronaMelder fragments open with <div class="notifications"
// markdown="1"> and are Markdown pages, "## " sections and all.
bool asks_for_markdown(std::string_view tag) {
  for (std::size_t at = tag.find("markdown="); at != std::string_view::npos;
       at = tag.find("markdown=", at + 1)) {
    if (at == 0 || (tag[at - 1] != ' ' && tag[at - 1] != '\t' && tag[at - 1] != '\n')) continue;
    std::string_view value = tag.substr(at + 9);
    if (value.starts_with('"') || value.starts_with('\'')) {
      const std::size_t close = value.find(value[0], 1);
      value = value.substr(1, close == std::string_view::npos ? 0 : close - 1);
    } else {
      value = value.substr(0, value.find_first_of(" \t\n/>"));
    }
    return value == "1" || value == "block" || value == "span";
  }
  return false;
}

}  // namespace

bool looks_like_html(std::string_view text) {
  std::string doctype;
  const std::string element = markup::first_element(text, &doctype);
  if (doctype.empty() && asks_for_markdown(markup::first_tag(text))) return false;
  return doctype == "html" ||
         is_one_of(element, {"html", "head", "body", "title", "h1", "h2", "h3", "h4", "h5", "h6", "p", "div",
                             "table", "ul", "ol", "dl"});
}

Document html_passages(const Source& source) {
  const markup::Tree tree = markup::parse_html(source.text, source.path.string());
  Document doc = new_document(source, schema::Kind::kHtml);
  const xmlNode* root = xmlDocGetRootElement(tree.get());
  if (root == nullptr) return doc;  // nothing but comments: no passages

  for (const std::string_view element : {"title", "h1"}) {
    const xmlNode* title = first_element(root, element);
    std::string text = title != nullptr ? markup::text(title) : "";
    if (!text.empty()) {
      doc.title = std::move(text);
      break;
    }
  }
  if (const xmlNode* head = first_element(root, "head")) {
    for (const xmlNode* c = head->children; c != nullptr; c = c->next) {
      const std::string href = markup::attribute(c, "href");
      if (markup::name(c) == "link" && ascii_lowercase(markup::attribute(c, "rel")) == "canonical" &&
          (href.starts_with("https://") || href.starts_with("http://")))
        doc.url = href;
    }
  }

  const xmlNode* body = first_element(root, "body");
  std::vector<Section> sections = sections_of(body != nullptr ? body : root, doc.title);
  UniqueAnchors unique;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    // The top is there for text before the first heading only; a heading is a passage even
    // without text of its own.
    if (i == 0 && sections[i].paragraphs.empty()) continue;
    Passage& passage = sections[i].passage;
    passage.anchor = unique.unique_anchor(passage.anchor);
    passage.number = leading_number(passage.heading, 5);
    passage.text = join_paragraphs(sections[i].paragraphs);
    doc.passages.push_back(std::move(passage));
  }
  return doc;
}

}  // namespace vind::readers
