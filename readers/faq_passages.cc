#include "readers/faq_passages.h"

#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "readers/jekyll_passages.h"
#include "readers/markup/front_matter.h"
#include "readers/markup/jekyll_includes.h"
#include "readers/markup/markdown_text.h"
#include "readers/text/anchors.h"
#include "readers/text/dutch_date.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;

// Ruby's \p{Word}, which kramdown keeps in ids: alphabetic, marks, decimal digits, connector
// punctuation ('_'), joiners.
bool is_word(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || u_hasBinaryProperty(c, UCHAR_JOIN_CONTROL) ||
         (U_GET_GC_MASK(c) & (U_GC_M_MASK | U_GC_ND_MASK | U_GC_PC_MASK)) != 0;
}

// kramdown-parser-gfm's generate_gfm_header_id before its counter: lowercase, keep word
// characters, '-', blanks; blanks → '-', one for one. kramdown first renders "--" and "---" as
// dashes, which are no word characters; so such runs go here.
std::string gfm_id(std::string_view heading_text) {
  icu::UnicodeString lower = icu::UnicodeString::fromUTF8(
      icu::StringPiece(heading_text.data(), static_cast<int32_t>(heading_text.size())));
  lower.toLower(icu::Locale::getRoot());
  icu::UnicodeString id;
  for (int32_t i = 0; i < lower.length();) {
    const UChar32 c = lower.char32At(i);
    if (c == '-') {
      int32_t run = 0;
      while (i + run < lower.length() && lower.charAt(i + run) == '-') ++run;
      if (run > 3 || run == 1) id.append(lower, i, run);
      i += run;
      continue;
    }
    if (c == ' ' || c == '\t') {
      id.append(static_cast<char16_t>('-'));
    } else if (is_word(c)) {
      id.append(c);
    }
    i += U16_LENGTH(c);
  }
  std::string out;
  id.toUTF8String(out);
  return out;
}

struct Section {
  std::size_t heading = 0;  // index into the body lines
  std::size_t end = 0;      // one past its last line
  std::string title;        // the heading's plain text
  std::string id;           // what kramdown makes of it
};

}  // namespace

bool looks_like_faq_markdown(std::string_view text) {
  text = without_bom(text);
  if (text.starts_with("---")) {
    std::string_view rest = text.substr(3, text.find('\n') - 3);
    if (rest.ends_with('\r')) rest.remove_suffix(1);
    if (is_blank(rest)) return true;
  }
  for (std::size_t at = 0; at < text.size();) {
    if (text.substr(at, 3) == "## " || text.substr(at, 3) == "##\t") return true;
    at = text.find('\n', at);
    if (at == kNpos) break;
    ++at;
  }
  return false;
}

Document faq_passages(const Source& source) {
  const std::string path = source.path.string();
  Document doc = new_document(source, schema::Kind::kFaq);

  RenderedPage rendered = with_includes(source.text, source.path);
  doc.warnings = std::move(rendered.warnings);
  doc.includes = std::move(rendered.includes);
  const std::vector<Line> lines = split_lines(without_liquid(rendered.text));
  FrontMatter front_matter = read_front_matter(lines, path);
  if (!front_matter.error.empty()) doc.warnings.insert(doc.warnings.begin(), front_matter.error);
  if (!published(front_matter))
    throw Refusal(path + ": not published (published: " + std::string(field(front_matter, "published")) + ")",
                  Refusal::Cause::kLeftOut);
  if (std::string url = page_url(front_matter); !url.empty()) doc.url = std::move(url);
  doc.fields = std::move(front_matter.fields);
  const std::vector<MarkdownLine> blocks = markdown_lines(lines, front_matter.body);

  std::map<std::string, int> id_count;  // kramdown numbers repeated ids over all headings
  std::vector<Section> sections;
  std::string title;
  bool update_seen = false;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const MarkdownLine& ml = blocks[i];
    if (ml.code) continue;
    if (ml.level == 0) {
      // Most lines do not hold the update date, and markdown_plain is not cheap.
      const std::string_view raw = ml.line->text;
      // "**Laatste update:** *13 oktober 2025*" under the title.
      if (!update_seen && raw.find("aatste update") != kNpos) {
        const std::string text = collapse(markdown_plain(raw));
        if (starts_with_ignoring_case(text, "laatste update")) {
          update_seen = true;
          std::string_view value = text;
          value.remove_prefix(std::string_view("laatste update").size());
          if (value.starts_with(':')) value.remove_prefix(1);
          doc.fields.emplace_back("Laatste update", std::string(trim(value)));
          doc.date = parse_dutch_date(value);
        }
      }
      continue;
    }
    const std::string heading_text(trim(markdown_plain(ml.heading)));
    std::string id(ml.id);
    if (id.empty()) {
      id = gfm_id(heading_text);
      // kramdown leaves "## ???" with an empty id (and the next one with "-1"); we need a name.
      if (id.empty()) id = "section";
      if (const int n = id_count[id]++; n > 0) id += "-" + std::to_string(n);
    }
    if (ml.level == 1 && title.empty()) title = collapse(heading_text);
    if (ml.level <= 2 && !sections.empty() && sections.back().end == 0) sections.back().end = i;
    if (ml.level == 2) sections.push_back({.heading = i, .end = 0, .title = collapse(heading_text), .id = id});
  }
  if (!sections.empty() && sections.back().end == 0) sections.back().end = blocks.size();
  if (sections.empty())
    throw Error(path + ": no `## ` sections; expected an FAQ page with one section per question");

  for (const auto& [key, value] : doc.fields)
    if (title.empty() && key == "title") title = value;
  if (!title.empty()) doc.title = title;

  // The id kramdown renders, whatever the page's table of contents links: the corpus TOC writes
  // "#4-Wie-zit-erachter-…" where the built page has id="4-wie-zit-erachter-…", and a fragment
  // is case-sensitive, so the TOC's link lands at the top of the page.
  UniqueAnchors unique(1);
  for (const Section& section : sections) {
    Passage passage;
    passage.anchor = unique.unique_anchor(section.id);
    passage.heading = section.title;
    passage.number = leading_number(section.title, 9);
    passage.text = markdown_text(blocks, section.heading + 1, section.end);
    if (passage.text.empty())
      doc.warnings.push_back(path + ":" + std::to_string(blocks[section.heading].line->number) +
                             ": section \"" + section.title + "\" has no text");
    doc.passages.push_back(std::move(passage));
  }
  return doc;
}

}  // namespace vind::readers
