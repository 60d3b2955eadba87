#include "indexer/to_xapian_document.h"

#include <string>
#include <string_view>

#include "analysis/error.h"
#include "indexer/written_forms.h"
#include "schema/schema.h"

namespace vind::indexer {

namespace {

// The length of text's first piece of at most `max` bytes: up to the last paragraph end in its
// second half, else the last space or line end, else the last whole character.
std::size_t piece_length(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text.size();
  const std::string_view window = text.substr(0, max);
  if (const std::size_t end = window.rfind("\n\n"); end != std::string_view::npos && end >= max / 2) return end;
  if (const std::size_t end = window.find_last_of(" \n\t"); end != std::string_view::npos && end >= max / 2)
    return end;
  std::size_t end = max;
  while (end > max - 4 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // not inside a character
  return end;
}

std::string_view trimmed_front(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::string date_value(const std::string& iso) {  // "2025-09-01" → "20250901": sorts as text
  std::string v;
  for (const char c : iso)
    if (c != '-') v += c;
  return v;
}

}  // namespace

std::vector<Xapian::Document> to_xapian_documents(const readers::Document& document,
                                                  const analysis::Analyser& analyser,
                                                  std::size_t max_terms) try {
  const std::string path = document.path.string();
  const std::string kind = schema::kind_name(document.kind);
  const auto heading_wdf = static_cast<Xapian::termcount>(analyser.settings().heading_weight);
  const auto title_wdf = static_cast<Xapian::termcount>(analyser.settings().title_weight);
  const std::vector<analysis::Word> title = title_wdf ? analyser.words(document.title) : std::vector<analysis::Word>{};
  std::vector<Xapian::Document> docs;
  std::size_t terms = 0;
  for (const readers::Passage& passage : document.passages) {
    std::string_view heading = passage.heading;
    std::string overflow;  // of a heading too long
    if (heading.size() > kMaxHeadingBytes) {
      heading = heading.substr(0, piece_length(heading, kMaxHeadingBytes));
      overflow = std::string(trimmed_front(std::string_view(passage.heading).substr(heading.size()))) + "\n\n" +
                 passage.text;
    }
    std::string_view text = overflow.empty() ? std::string_view(passage.text) : std::string_view(overflow);
    const std::vector<analysis::Word> heading_words = analyser.words(heading);
    do {  // once for a passage of ordinary size
      const std::string_view piece = text.substr(0, piece_length(text, kMaxPassageBytes));
      text = trimmed_front(text.substr(piece.size()));
      Xapian::Document doc;
      Xapian::termpos position = 1;
      WrittenForms written;
      schema::add_words(doc, heading_words, heading_wdf, position);
      written.add(heading, heading_words, heading_wdf);
      position += schema::kFieldGap;
      const std::vector<analysis::Word> body = analyser.words(piece);
      schema::add_words(doc, body, 1, position);
      written.add(piece, body, 1);
      // A heading right above the next one has no words of its own: its heading is its text. With the
      // body's words alone every such passage of the corpus was one "copy", and one result.
      if (const std::string copy = schema::copy_key(body.empty() ? heading_words : body); !copy.empty()) {
        doc.add_value(schema::kCopySlot, copy);
        doc.add_boolean_term(schema::kCopy + copy);
      }
      if (!title.empty() && passage.heading != document.title) {
        position += schema::kFieldGap;
        schema::add_words(doc, title, title_wdf, position);
        written.add(document.title, title, title_wdf);
      }
      written.add_terms(doc);
      if ((terms += doc.termlist_count()) > max_terms)
        throw Error(path + ": too many terms to index within the memory bound (more than " +
                    std::to_string(max_terms) + " over its passages); split the file");

      doc.add_boolean_term(schema::passage_term(path, passage.anchor));
      doc.add_boolean_term(schema::file_term(path));
      doc.add_boolean_term(schema::kKind + kind);
      doc.add_boolean_term(schema::kDocument + document.id);
      if (!document.date.empty()) doc.add_value(schema::kDateSlot, date_value(document.date));
      doc.add_value(schema::kDocumentSlot, document.id);
      doc.add_value(schema::kKindSlot, kind);
      doc.set_data(schema::to_data({document.id, document.title, document.short_title, std::string(heading), passage.anchor,
                                    document.url, document.date, kind, std::string(piece), path,
                                    passage.number}));
      docs.push_back(std::move(doc));
    } while (!text.empty());
  }
  return docs;
} catch (const Xapian::InvalidArgumentError& e) {  // a term Xapian refuses: this file only
  throw Error(document.path.string() + ": cannot index: " + e.get_description());
}

}  // namespace vind::indexer
