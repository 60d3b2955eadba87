#include "readers/rechtspraak_passages.h"

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "readers/markup/markup.h"
#include "readers/text/anchors.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

// A title longer than this is the start of the text, not a title: "3. Beoordeling van het middel
// 3.1. In cassatie is de vraag aan de orde of …" runs on for a page.
constexpr std::size_t kMaxTitle = 120;

// A paragraph of the decision, with the part number it opens with, 0 if none.
struct Block {
  std::string text;
  int part = 0;
  bool sub = false;  // it opens a sub-part: "1.2."
};

struct Part {
  int number = 0;  // 0: what precedes part 1
  std::vector<std::string> paragraphs;
};

bool is_block(std::string_view element) {
  return element == "para" || element == "title" || element == "bridgehead" ||
         element == "parablock" || element == "paragroup" || element == "listitem" ||
         element == "row" || element == "section";
}

// The paragraph with the part it opens: "3." / "3.1." / "3.1 " → 3. From a <nr> element the bare
// number counts too ("<nr>1</nr>Ontstaan en loop van het geding"); in running text a number needs
// its dot, so that "2 februari 2012" or "1.000 euro" opens nothing.
Block block_of(std::string text, bool numbered) {
  Block block{std::move(text)};
  const std::string_view s = block.text;
  std::size_t digits = 0;
  while (digits < s.size() && is_digit(s[digits])) ++digits;
  if (digits == 0 || digits > 3) return block;
  const int part = std::stoi(block.text.substr(0, digits));
  const std::string_view rest = s.substr(digits);
  std::size_t sub = 1;
  while (sub < rest.size() && is_digit(rest[sub])) ++sub;
  const bool dotted = rest.starts_with('.') && sub <= 3 &&
                      (sub == rest.size() || rest[sub] == ' ' || rest[sub] == '.');
  if (dotted || (numbered && (rest.empty() || rest[0] == ' '))) {
    block.part = part;
    block.sub = dotted && sub > 1;
  }
  return block;
}

// The decision's paragraphs in document order; a <nr> goes in front of the text that follows it.
std::vector<Block> blocks_of(const xmlNode* body) {
  std::vector<Block> blocks;
  std::string current;
  std::string number;  // a <nr> waiting for its text
  const auto flush = [&] {
    while (!current.empty() && current.back() == ' ') current.pop_back();
    if (current.empty()) return;
    const bool numbered = !number.empty();
    if (numbered) current = number + " " + current;
    blocks.push_back(block_of(current, numbered));
    current.clear();
    number.clear();
  };
  markup::walk(
      body,
      [&](const xmlNode* n) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != nullptr)
          append_collapsed(reinterpret_cast<const char*>(n->content), current);
        if (n->type == XML_PI_NODE || markup::name(n) == "entry")  // <?linebreak?>, table cells
          append_collapsed(" ", current);
        const std::string_view element = markup::name(n);
        if (element == "nr") {
          flush();
          if (!number.empty()) blocks.push_back(block_of(number, true));
          number = markup::text(n);
          return false;
        }
        if (is_block(element)) flush();
        return !element.empty();
      },
      [&](const xmlNode* n) {
        if (is_block(markup::name(n))) flush();
      });
  flush();
  if (!number.empty()) blocks.push_back(block_of(number, true));
  return blocks;
}

std::vector<Part> parts_of(const std::vector<Block>& blocks) {
  std::vector<Part> parts(1);
  for (const Block& block : blocks) {
    const int current = parts.back().number;
    // Numbering starts again at "1." (the parties were a numbered list, then the reasons are).
    const bool again = block.part == 1 && !block.sub && current > 1;
    if (block.part > 0 && (block.part == current + 1 || again))
      parts.push_back({block.part, {}});
    parts.back().paragraphs.push_back(block.text);
  }
  return parts;
}

bool says_something(std::string_view text) {
  for (const char c : text)
    if (is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80)) return true;
  return false;
}

void add_passage(Document& doc, UniqueAnchors& unique, const std::string& anchor, Passage passage) {
  passage.anchor = unique.unique_anchor(anchor);
  doc.passages.push_back(std::move(passage));
}

void read_body(const xmlNode* body, Document& doc, UniqueAnchors& unique) {
  const std::string element(markup::name(body));
  for (const Part& part : parts_of(blocks_of(body))) {
    if (part.paragraphs.empty()) continue;
    Passage passage;
    passage.number = part.number;
    std::span<const std::string> text = part.paragraphs;
    if (part.number == 0) {
      passage.heading = capitalised(element);
    } else if (part.paragraphs.size() > 1 && part.paragraphs.front().size() <= kMaxTitle) {
      passage.heading = part.paragraphs.front();
      text = text.subspan(1);
    } else {
      passage.heading = capitalised(element) + " " + std::to_string(part.number);
    }
    passage.text = join_paragraphs(text);
    add_passage(doc, unique,
                part.number == 0 ? element : element + "-" + std::to_string(part.number),
                std::move(passage));
  }
}

// "Vindplaatsen" is a list: "Rechtspraak.nl; BNB 1995/194; …".
std::string value_of(const xmlNode* element) {
  const xmlNode* list = markup::child(element, "list");
  if (list == nullptr) return markup::text(element);
  std::string out;
  for (const xmlNode* item = list->children; item != nullptr; item = item->next)
    if (markup::name(item) == "li") out += (out.empty() ? "" : "; ") + markup::text(item);
  return out;
}

// The rdf:Description of the decision (no rdf:about) gives the fields, each under its own label
// ("Uitspraakdatum", "Instantie", "Zaaknr"); the one about the deeplink gives title and URL.
void read_metadata(const xmlNode* rdf, Document& doc, std::string& title) {
  for (const xmlNode* description = rdf->children; description != nullptr; description = description->next) {
    if (markup::name(description) != "Description") continue;
    const std::string about = markup::attribute(description, "about");
    if (!about.empty()) {
      if (about.starts_with("http://") || about.starts_with("https://")) doc.url = about;
      if (const xmlNode* t = markup::child(description, "title"); t != nullptr && title.empty())
        title = markup::text(t);
      continue;
    }
    for (const xmlNode* c = description->children; c != nullptr; c = c->next) {
      const std::string_view element = markup::name(c);
      if (element.empty()) continue;
      const std::string value = value_of(c);
      if (element == "identifier" && value.starts_with("ECLI:")) doc.fields.emplace_back("ECLI", value);
      if (element == "date") doc.date = value.substr(0, 10);
      const std::string label = markup::attribute(c, "label");
      if (!label.empty() && !value.empty()) doc.fields.emplace_back(label, value);
    }
  }
}

}  // namespace

bool looks_like_rechtspraak(std::string_view text) {
  return markup::first_element(text) == "open-rechtspraak";
}

Document rechtspraak_passages(const Source& source) {
  const std::string path = source.path.string();
  const markup::Tree tree = markup::parse_xml(source.text, path);
  const xmlNode* root = xmlDocGetRootElement(tree.get());

  Document doc = new_document(source, schema::Kind::kRechtspraak);
  std::string title;  // the deeplink's
  UniqueAnchors unique;
  bool decision = false;
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    const std::string_view element = markup::name(c);
    if (element == "RDF") {
      read_metadata(c, doc, title);
    } else if (element == "inhoudsindicatie") {
      std::vector<std::string> paragraphs;
      for (Block& b : blocks_of(c)) paragraphs.push_back(std::move(b.text));
      const std::string text = join_paragraphs(paragraphs);
      if (says_something(text)) {
        Passage summary;
        summary.heading = "Inhoudsindicatie";
        summary.text = text;
        add_passage(doc, unique, "inhoudsindicatie", std::move(summary));
      }
    } else if (element == "uitspraak" || element == "conclusie") {
      decision = true;
      read_body(c, doc, unique);
    }
  }
  if (!decision)
    throw Error(path + ": no <uitspraak> or <conclusie> in <" + std::string(markup::name(root)) +
                ">; expected a court decision in Rechtspraak XML");
  // "ECLI:NL:HR:1995:AA1568 Hoge Raad , 26-04-1995 / 30387"
  for (std::size_t comma = title.find(" ,"); comma != std::string::npos; comma = title.find(" ,"))
    title.erase(comma, 1);
  if (!title.empty()) doc.title = title;
  return doc;
}

}  // namespace vind::readers
