#include "readers/wet_passages.h"

#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

#include "readers/markup/markdown_text.h"
#include "readers/text/anchors.h"
#include "readers/text/dutch_date.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

constexpr std::string_view kMeta = "<meta http-equiv=";
constexpr char kTop[] = "top";
constexpr std::size_t kNpos = std::string_view::npos;

// "Artikel  3a" → "artikel-3a", "§  2" → "paragraaf-2": letters and digits lowercased, every other
// run one '-'.
std::string slug(std::string_view heading) {
  std::string text;
  for (std::size_t i = 0; i < heading.size(); ++i) {
    if (heading.substr(i, 2) == "\xC2\xA7") {  // §
      text += " paragraaf ";
      ++i;
    } else {
      text += heading[i];
    }
  }
  icu::UnicodeString lower =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  lower.foldCase();
  icu::UnicodeString out;
  for (int32_t i = 0; i < lower.length();) {
    const UChar32 c = lower.char32At(i);
    if (u_isalnum(c)) {
      out.append(c);
    } else if (!out.isEmpty() && out.charAt(out.length() - 1) != '-') {
      out.append(static_cast<char16_t>('-'));
    }
    i += U16_LENGTH(c);
  }
  while (!out.isEmpty() && out.charAt(out.length() - 1) == '-') out.truncate(out.length() - 1);
  std::string anchor;
  out.toUTF8String(anchor);
  return anchor.empty() ? "sectie" : anchor;
}

// The first number in a heading: "Artikel 12" → 12, "Hoofdstuk 3" → 3; 0 if none.
int first_number(std::string_view heading) {
  const std::size_t start = heading.find_first_of("0123456789");
  if (start == kNpos) return 0;
  int n = 0;
  for (std::size_t i = start; i < heading.size() && heading[i] >= '0' && heading[i] <= '9'; ++i) {
    if (n > 100000) return 0;
    n = n * 10 + (heading[i] - '0');
  }
  return n;
}

std::string heading_text(const MarkdownLine& line) { return collapse(markdown_plain(line.heading)); }

// "Hoofdstuk 1" named "Grondrechten" → "Hoofdstuk 1. Grondrechten".
std::string named(const std::string& heading, const std::string& name) {
  const char last = heading.empty() ? '.' : heading.back();
  const bool punctuated = last == '.' || last == ':' || last == ';' || last == ',';
  return heading + (punctuated ? " " : ". ") + name;
}

}  // namespace

bool looks_like_wet(std::string_view text) {
  text = without_bom(text);
  return text.starts_with(kMeta) && (text.find("\n##") != kNpos);
}

Document wet_passages(const Source& source) {
  const std::vector<Line> lines = split_lines(source.text);
  const bool meta = !lines.empty() && lines[0].text.starts_with(kMeta);
  const std::vector<MarkdownLine> blocks = markdown_lines(lines, meta ? 1 : 0, {.heading_needs_blank = false});

  std::vector<std::size_t> headings;
  std::size_t title_at = kNpos;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    // "### ***" is a rule drawn with hashes, no heading: its text stays where it is.
    if (blocks[i].level == 0 || heading_text(blocks[i]).empty()) continue;
    headings.push_back(i);
    if (title_at == kNpos && blocks[i].level == 2) title_at = i;
  }

  Document doc = new_document(source, schema::Kind::kWet);
  if (title_at != kNpos) doc.title = heading_text(blocks[title_at]);
  doc.date = parse_dutch_date(doc.title);

  Passage top;
  top.anchor = kTop;
  top.heading = doc.title;
  const auto add_to_top = [&](std::size_t begin, std::size_t end) {
    top.text = join_paragraphs(std::vector{top.text, markdown_text(blocks, begin, end)});
  };
  add_to_top(0, headings.empty() ? blocks.size() : headings[0]);
  std::vector<Passage> sections;
  for (std::size_t k = 0; k < headings.size(); ++k) {
    std::size_t at = headings[k];
    std::size_t next = k + 1 < headings.size() ? headings[k + 1] : blocks.size();
    if (at == title_at) {
      add_to_top(at + 1, next);
      continue;
    }
    Passage section;
    section.heading = heading_text(blocks[at]);
    section.anchor = slug(section.heading);
    section.number = first_number(section.heading);
    const bool names_it = next < blocks.size() && next != title_at && blocks[next].level > blocks[at].level &&
                          markdown_text(blocks, at + 1, next).empty();
    if (names_it) {
      section.heading = named(section.heading, heading_text(blocks[next]));
      at = next;
      ++k;
      next = k + 1 < headings.size() ? headings[k + 1] : blocks.size();
    }
    section.text = markdown_text(blocks, at + 1, next);
    sections.push_back(std::move(section));
  }

  UniqueAnchors unique;
  if (!top.text.empty()) sections.insert(sections.begin(), std::move(top));
  for (Passage& section : sections) {
    section.anchor = unique.unique_anchor(section.anchor);
    doc.passages.push_back(std::move(section));
  }
  return doc;
}

}  // namespace vind::readers
