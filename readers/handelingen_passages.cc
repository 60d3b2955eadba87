#include "readers/handelingen_passages.h"

#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "readers/markup/markup.h"
#include "readers/text/anchors.h"
#include "readers/text/dutch_date.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

constexpr std::string_view kSite = "https://zoek.officielebekendmakingen.nl/";
constexpr std::string_view kMetadata = "/metadata.xml";

struct Draft {
  Passage passage;
  std::vector<std::string> paragraphs;
};

bool is_paragraph(std::string_view element) {
  return element == "al" || element == "titel" || element == "li" || element == "spreker" ||
         element == "tussenkop";
}

// The repository the corpus came from pretty-printed its XML, putting every inline element on
// lines of its own: "Careyn\n      ." was "Careyn.", "(\n <politiek>VVD</politiek>\n )" was "(VVD)".
std::string tidy(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool closing = c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')';
    if (closing && out.size() > 1 && out.back() == ' ') out.pop_back();
    if (c == ' ' && !out.empty() && out.back() == '(') continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The text below `node` as paragraphs: one per <al>, <titel>, list item or nested <spreker>.
void append_paragraphs(const xmlNode* node, std::vector<std::string>& paragraphs) {
  std::string current;
  const auto flush = [&] {
    std::string paragraph = tidy(current);
    if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
    current.clear();
  };
  markup::walk(
      node,
      [&](const xmlNode* n) {
        if (n->type == XML_TEXT_NODE && n->content != nullptr)
          append_collapsed(reinterpret_cast<const char*>(n->content), current);
        const std::string_view element = markup::name(n);
        if (element == "li.nr") return false;  // "-": a list marker, no text
        if (is_paragraph(element)) flush();
        return !element.empty();
      },
      [&](const xmlNode* n) {
        if (is_paragraph(markup::name(n))) flush();
      });
  flush();
}

int number_of(std::string_view text) {
  int n = 0;
  for (const char c : text) {
    if (c < '0' || c > '9' || n > 100000) return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::string child_text(const xmlNode* node, std::string_view element) {
  const xmlNode* c = markup::child(node, element);
  return c != nullptr ? tidy(markup::text(c)) : std::string();
}

// <spreker><voorvoegsels>De heer</voorvoegsels><naam>…</naam> (<politiek>VVD</politiek>):</spreker>
Draft speech(const xmlNode* spreekbeurt, int number, const std::string& path, Document& doc) {
  Draft draft;
  draft.passage.anchor = "spreekbeurt-" + std::to_string(number);
  draft.passage.number = number;
  if (const xmlNode* spreker = markup::child(spreekbeurt, "spreker")) {
    std::string name = child_text(spreker, "voorvoegsels");
    const std::string surname = child_text(spreker, "naam");
    name += (name.empty() || surname.empty() ? "" : " ") + surname;
    if (name.empty()) name = tidy(markup::text(spreker));
    while (name.ends_with(':')) name.pop_back();
    const std::string party = child_text(spreker, "politiek");
    draft.passage.heading = party.empty() ? name : name + " (" + party + ")";
    if (!name.empty()) draft.passage.fields.emplace_back("spreker", name);
    if (!party.empty()) draft.passage.fields.emplace_back("fractie", party);
  }
  if (draft.passage.heading.empty()) {
    draft.passage.heading = "Spreekbeurt " + std::to_string(number);
    doc.warnings.push_back(path + ":" + std::to_string(xmlGetLineNo(spreekbeurt)) + ": speech " +
                           std::to_string(number) + " names no speaker");
  }
  for (const xmlNode* c = spreekbeurt->children; c != nullptr; c = c->next)
    if (markup::name(c) != "spreker") append_paragraphs(c, draft.paragraphs);
  return draft;
}

// One agenda item: its own passage (when it has text, or no speeches) and one per speech.
void read_item(const xmlNode* item, int& speeches, const std::string& path, Document& doc,
               std::string& first_title, std::vector<Draft>& drafts) {
  const std::string element(markup::name(item));
  const std::string number = child_text(item, "nr");
  const std::string title = child_text(item, "item-titel");
  Draft own;
  own.passage.anchor = number.empty() ? element : element + "-" + number;
  own.passage.number = number_of(number);
  own.passage.heading = !title.empty() ? title : capitalised(element);  // "Opening"
  if (first_title.empty()) first_title = title;
  std::vector<Draft> items_speeches;
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    const std::string_view name = markup::name(c);
    if (name.empty() || name == "nr" || name == "item-titel") continue;
    if (name == "spreekbeurt") {
      items_speeches.push_back(speech(c, ++speeches, path, doc));
    } else {
      append_paragraphs(c, items_speeches.empty() ? own.paragraphs : items_speeches.back().paragraphs);
    }
  }
  if (!own.paragraphs.empty() || items_speeches.empty()) drafts.push_back(std::move(own));
  for (Draft& d : items_speeches) drafts.push_back(std::move(d));
}

// <meta name="OVERHEIDop.externMetadataRecord" content="https://zoek…nl/h-tk-20172018-61-10/metadata.xml">
void read_metadata(const xmlNode* root, Document& doc) {
  const xmlNode* metadata = markup::child(root, "metadata");
  if (metadata == nullptr) return;
  for (const xmlNode* meta = metadata->children; meta != nullptr; meta = meta->next) {
    if (markup::name(meta) != "meta" || markup::attribute(meta, "name") != "OVERHEIDop.externMetadataRecord")
      continue;
    const std::string record = markup::attribute(meta, "content");
    if (!record.starts_with(kSite) || !record.ends_with(kMetadata)) continue;
    const std::string publication = record.substr(kSite.size(), record.size() - kSite.size() - kMetadata.size());
    doc.fields.emplace_back("publicatie", publication);
    doc.url = std::string(kSite) + publication + ".html";
  }
}

}  // namespace

bool looks_like_handelingen(std::string_view text) {
  return markup::first_element(text) == "officiele-publicatie" &&
         text.find("<handelingen") != std::string_view::npos;
}

Document handelingen_passages(const Source& source) {
  const std::string path = source.path.string();
  const markup::Tree tree = markup::parse_xml(source.text, path);
  const xmlNode* root = xmlDocGetRootElement(tree.get());
  const xmlNode* handelingen = markup::child(root, "handelingen");
  if (handelingen == nullptr)
    throw Error(path + ": no <handelingen> in <" + std::string(markup::name(root)) +
                ">; expected Handelingen in Officiële Bekendmakingen XML");

  Document doc = new_document(source, schema::Kind::kHandelingen);
  read_metadata(root, doc);

  std::vector<Draft> drafts;
  std::string first_title;
  std::string meeting;
  int speeches = 0;
  for (const xmlNode* c = handelingen->children; c != nullptr; c = c->next) {
    const std::string_view name = markup::name(c);
    if (name == "vergadering") {
      meeting = child_text(c, "vergadering-nummer");
      const std::string date = child_text(c, "vergaderdatum");
      if (!meeting.empty()) doc.fields.emplace_back("vergadering", meeting);
      if (!date.empty()) doc.fields.emplace_back("vergaderdatum", date);
      if (const std::string time = child_text(c, "vergadertijd"); !time.empty())
        doc.fields.emplace_back("vergadertijd", time);
      doc.date = parse_dutch_date(date);
    } else if (!name.empty()) {
      read_item(c, speeches, path, doc, first_title, drafts);
    }
  }
  if (!first_title.empty()) {
    doc.title = first_title;
  } else if (!meeting.empty()) {
    doc.title = meeting;
  }

  UniqueAnchors unique;
  for (Draft& draft : drafts) {
    draft.passage.anchor = unique.unique_anchor(draft.passage.anchor);
    draft.passage.text = join_paragraphs(draft.paragraphs);
    doc.passages.push_back(std::move(draft.passage));
  }
  return doc;
}

}  // namespace vind::readers
