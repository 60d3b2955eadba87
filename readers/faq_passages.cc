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
#include "readers/markup/front_matter.h"
#include "readers/markup/markdown_text.h"
#include "readers/text/anchors.h"
#include "readers/text/dutch_date.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;

std::string fold_case(std::string_view s) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

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

// A TOC entry's text against a heading: "1. Wat is er precies gebeurd?" is listed as
// "Wat is er precies gebeurd?", the number coming from the list around it.
std::string toc_key(std::string_view text) {
  text = trim(text);
  std::size_t digits = 0;
  while (digits < text.size() && is_digit(text[digits])) ++digits;
  if (digits > 0 && digits < text.size() && text[digits] == '.') text = trim(text.substr(digits + 1));
  return fold_case(collapse(text));
}

struct Section {
  std::size_t heading = 0;  // index into the body lines
  std::size_t end = 0;      // one past its last line
  std::string title;        // the heading's plain text
  std::string id;           // what kramdown would make of it
};

// Each section takes the fragment the page's own table of contents links it with, matched by
// text, else by fragment; else kramdown's id. The corpus TOC writes "#1-Wat-is-er-precies-gebeurd"
// where kramdown would render id="1-wat-is-er-precies-gebeurd". Each TOC link serves one section.
void assign_anchors(const std::vector<Section>& sections, const std::vector<Link>& toc,
                    std::vector<Passage>& passages) {
  struct Candidates {
    std::vector<std::size_t> links;  // indexes into toc, in page order
    std::size_t next = 0;            // links before it are used
  };
  std::map<std::string, Candidates> by_text;
  std::map<std::string, Candidates> by_fragment;
  for (std::size_t t = 0; t < toc.size(); ++t) {
    by_text[toc_key(toc[t].text)].links.push_back(t);
    by_fragment[fold_case(std::string_view(toc[t].url).substr(1))].links.push_back(t);
  }
  std::vector<bool> used(toc.size(), false);
  const auto first_unused = [&used](std::map<std::string, Candidates>& links, const std::string& key) {
    const auto found = links.find(key);
    if (found == links.end()) return kNpos;
    Candidates& c = found->second;
    while (c.next < c.links.size() && used[c.links[c.next]]) ++c.next;
    return c.next < c.links.size() ? c.links[c.next] : kNpos;
  };
  UniqueAnchors unique(1);
  for (std::size_t s = 0; s < sections.size(); ++s) {
    std::size_t match = first_unused(by_text, toc_key(sections[s].title));
    if (match == kNpos) match = first_unused(by_fragment, fold_case(sections[s].id));
    std::string anchor = sections[s].id;
    if (match != kNpos) {
      used[match] = true;
      anchor = toc[match].url.substr(1);
    }
    passages[s].anchor = unique.unique_anchor(anchor);
  }
}

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

  const std::vector<Line> lines = split_lines(source.text);
  FrontMatter front_matter = read_front_matter(lines);
  if (!published(front_matter))
    throw Refusal(path + ": not published (published: " + std::string(field(front_matter, "published")) + ")",
                  Refusal::Cause::kLeftOut);
  doc.fields = std::move(front_matter.fields);
  const std::vector<MarkdownLine> blocks = markdown_lines(lines, front_matter.body);

  std::map<std::string, int> id_count;  // kramdown numbers repeated ids over all headings
  std::vector<Section> sections;
  std::vector<Link> toc;
  std::string title;
  bool update_seen = false;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const MarkdownLine& ml = blocks[i];
    if (ml.code) continue;
    if (ml.level == 0) {
      // Most lines hold neither a link to a section nor the update date, and markdown_plain is
      // not cheap.
      const std::string_view raw = ml.line->text;
      if (raw.find("](#") != kNpos) {
        std::vector<Link> links;
        markdown_plain(raw, &links);
        for (Link& link : links)
          if (link.url.size() > 1 && link.url[0] == '#') toc.push_back(std::move(link));
      }
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

  for (const Section& section : sections) {
    Passage passage;
    passage.heading = section.title;
    passage.number = leading_number(section.title, 9);
    passage.text = markdown_text(blocks, section.heading + 1, section.end);
    if (passage.text.empty())
      doc.warnings.push_back(path + ":" + std::to_string(blocks[section.heading].line->number) +
                             ": section \"" + section.title + "\" has no text");
    doc.passages.push_back(std::move(passage));
  }
  assign_anchors(sections, toc, doc.passages);
  return doc;
}

}  // namespace vind::readers
