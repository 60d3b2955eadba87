#include "readers/formats.h"

#include "readers/faq_passages.h"
#include "readers/handelingen_passages.h"
#include "readers/html_passages.h"
#include "readers/jekyll_passages.h"
#include "readers/kamervragen/kamervragen_passages.h"
#include "readers/rechtspraak_passages.h"
#include "readers/wet_passages.h"

namespace vind::readers {

namespace {

// Jekyll front matter settles it: a page may well quote "Vraag 1" and "Antwoord 1" lines.
bool has_front_matter(std::string_view text) {
  return text.starts_with("---\n") || text.starts_with("---\r\n");
}

}  // namespace

const std::vector<Reader>& readers() {
  static const std::vector<Reader> table = {
      // Markup first, recognised by its root element: no other format starts with one.
      {"handelingen-xml", looks_like_handelingen, handelingen_passages},
      {"rechtspraak-xml", looks_like_rechtspraak, rechtspraak_passages},
      {"html", looks_like_html, html_passages},
      // The laws' literal <meta> line, then Markdown: before the other Markdown readers.
      {"wet-markdown", looks_like_wet, wet_passages},
      // Front matter: one question per file, unless the page has a `# ` title of its own.
      {"jekyll-markdown", looks_like_jekyll_page, jekyll_passages},
      {"faq-markdown", has_front_matter, faq_passages},
      {"kamervragen-text", looks_like_kamervragen, kamervragen_passages},
      {"faq-markdown", looks_like_faq_markdown, faq_passages},
  };
  return table;
}

const Reader* reader_for(std::string_view text) {
  for (const Reader& reader : readers())
    if (reader.sniff(text)) return &reader;
  return nullptr;
}

}  // namespace vind::readers
