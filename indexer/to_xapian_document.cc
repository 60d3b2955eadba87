#include "indexer/to_xapian_document.h"

#include "analysis/error.h"
#include "schema/schema.h"

namespace vind::indexer {

namespace {

std::string date_value(const std::string& iso) {  // "2025-09-01" → "20250901": sorts as text
  std::string v;
  for (const char c : iso)
    if (c != '-') v += c;
  return v;
}

}  // namespace

std::vector<Xapian::Document> to_xapian_documents(const readers::Document& document,
                                                  const analysis::Analyser& analyser) try {
  const std::string path = document.path.string();
  const std::string kind = schema::kind_name(document.kind);
  const auto heading_wdf = static_cast<Xapian::termcount>(analyser.settings().heading_weight);
  const auto title_wdf = static_cast<Xapian::termcount>(analyser.settings().title_weight);
  const std::vector<analysis::Word> title = title_wdf ? analyser.words(document.title) : std::vector<analysis::Word>{};
  std::vector<Xapian::Document> docs;
  docs.reserve(document.passages.size());
  for (const readers::Passage& passage : document.passages) {
    Xapian::Document doc;
    Xapian::termpos position = 1;
    schema::add_words(doc, analyser.words(passage.heading), heading_wdf, position);
    position += schema::kFieldGap;
    const std::vector<analysis::Word> body = analyser.words(passage.text);
    schema::add_words(doc, body, 1, position);
    const std::string copy = schema::copy_key(body);
    doc.add_value(schema::kCopySlot, copy);
    doc.add_boolean_term(schema::kCopy + copy);
    if (!title.empty() && passage.heading != document.title) {
      position += schema::kFieldGap;
      schema::add_words(doc, title, title_wdf, position);
    }

    doc.add_boolean_term(schema::passage_term(path, passage.anchor));
    doc.add_boolean_term(schema::file_term(path));
    doc.add_boolean_term(schema::kKind + kind);
    doc.add_boolean_term(schema::kDocument + document.id);
    if (!document.date.empty()) doc.add_value(schema::kDateSlot, date_value(document.date));
    doc.add_value(schema::kDocumentSlot, document.id);
    doc.add_value(schema::kKindSlot, kind);
    doc.set_data(schema::to_data({document.id, document.title, passage.heading, passage.anchor,
                                  document.url, document.date, kind, passage.text, path,
                                  passage.number}));
    docs.push_back(std::move(doc));
  }
  return docs;
} catch (const Xapian::InvalidArgumentError& e) {  // a term Xapian refuses: this file only
  throw Error(document.path.string() + ": cannot index: " + e.get_description());
}

}  // namespace vind::indexer
