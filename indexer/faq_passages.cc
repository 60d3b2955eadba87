#include "indexer/faq_passages.h"

#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "indexer/dutch_date.h"
#include "indexer/text_lines.h"

namespace vind::indexer {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";  // looks_like_faq_markdown may see one
constexpr std::size_t kNpos = std::string_view::npos;

struct Link {
  std::string text;  // plain text
  std::string url;   // as written
};

// A body line as the Markdown renderer sees it.
struct MarkdownLine {
  const Line* line = nullptr;
  bool fence = false;        // a ``` or ~~~ line opening or closing a code block
  bool code = false;         // inside a fenced code block: no headings, no markup
  int level = 0;             // ATX heading level, 0 when the line is no heading
  std::string_view heading;  // the heading's Markdown, hashes and {#id} removed
  std::string_view id;       // the heading's own "{#id}", if it gives one
};

bool is_blank_char(char c) { return c == ' ' || c == '\t'; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_blank(std::string_view s) { return trim(s).empty(); }

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

std::string unquote(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front())
    return std::string(value.substr(1, value.size() - 2));
  return std::string(value);
}

// Top-level "key: value" pairs; a key with a block list ("tags:" then "  - a") gets "a, b".
void read_fields(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                 std::vector<std::pair<std::string, std::string>>& fields) {
  for (std::size_t i = begin; i < end; ++i) {
    const std::string_view text = lines[i].text;
    if (text.empty() || is_blank_char(text[0]) || text[0] == '#' || text[0] == '-') continue;
    const std::size_t colon = text.find(':');
    if (colon == kNpos || colon == 0) continue;
    std::string key(trim(text.substr(0, colon)));
    std::string value = unquote(trim(text.substr(colon + 1)));
    const bool list = value.empty();
    for (; list && i + 1 < end && trim(lines[i + 1].text).starts_with("- "); ++i) {
      std::string item = unquote(trim(trim(lines[i + 1].text).substr(2)));
      value += value.empty() ? item : ", " + item;
    }
    if (!key.empty() && !value.empty()) fields.emplace_back(std::move(key), std::move(value));
  }
}

// The index of the first content line. Front matter that is never closed is no front matter:
// Jekyll then renders the whole file, and so do we.
std::size_t read_front_matter(const std::vector<Line>& lines,
                              std::vector<std::pair<std::string, std::string>>& fields) {
  if (lines.empty() || trim(lines[0].text) != "---") return 0;
  for (std::size_t end = 1; end < lines.size(); ++end) {
    const std::string_view text = trim(lines[end].text);
    if (text == "---" || text == "...") {
      read_fields(lines, 1, end, fields);
      return end + 1;
    }
  }
  return 0;
}

std::string_view fence_of(std::string_view text) {
  std::size_t indent = 0;
  while (indent < text.size() && indent < 3 && text[indent] == ' ') ++indent;
  text.remove_prefix(indent);
  if (!text.starts_with("```") && !text.starts_with("~~~")) return {};
  std::size_t n = 0;
  while (n < text.size() && text[n] == text[0]) ++n;
  return text.substr(0, n);
}

// An ATX heading as kramdown's GFM parser reads it: 1-6 '#' at the very start, a blank, text;
// a trailing "{#id}" sets the id, trailing hashes close the heading ("## Vraag ##").
void read_heading(MarkdownLine& ml) {
  const std::string_view text = ml.line->text;
  std::size_t level = 0;
  while (level < text.size() && text[level] == '#') ++level;
  if (level == 0 || level > 6 || level == text.size() || !is_blank_char(text[level])) return;
  std::string_view contents = trim(text.substr(level));
  if (contents.ends_with('}')) {
    const std::size_t open = contents.rfind("{#");
    if (open != kNpos && open > 0 && is_blank_char(contents[open - 1])) {
      ml.id = contents.substr(open + 2, contents.size() - open - 3);
      contents = trim(contents.substr(0, open));
    }
  }
  std::size_t hashes = contents.size();
  while (hashes > 0 && contents[hashes - 1] == '#') --hashes;
  if (hashes < contents.size() && hashes > 0 && is_blank_char(contents[hashes - 1]))
    contents = trim(contents.substr(0, hashes));
  if (contents.empty()) return;
  ml.level = static_cast<int>(level);
  ml.heading = contents;
}

std::vector<MarkdownLine> read_blocks(const std::vector<Line>& lines, std::size_t begin) {
  std::vector<MarkdownLine> blocks;
  std::string_view open_fence;
  for (std::size_t i = begin; i < lines.size(); ++i) {
    MarkdownLine ml;
    ml.line = &lines[i];
    const std::string_view fence = fence_of(lines[i].text);
    if (open_fence.empty() && !fence.empty()) {
      open_fence = fence;
      ml.fence = true;
    } else if (!open_fence.empty()) {
      ml.code = true;
      if (fence.size() >= open_fence.size() && fence[0] == open_fence[0] &&
          is_blank(lines[i].text.substr(fence.data() - lines[i].text.data() + fence.size()))) {
        ml.fence = true;
        open_fence = {};
      }
    } else {
      read_heading(ml);
    }
    blocks.push_back(ml);
  }
  return blocks;
}

// "---", "***", "* * *": a thematic break; "===" under a line: a setext underline. No text.
bool is_rule(std::string_view text) {
  char mark = 0;
  int count = 0;
  for (char c : text) {
    if (is_blank_char(c)) continue;
    if (c != '-' && c != '*' && c != '_' && c != '=') return false;
    if (mark != 0 && c != mark) return false;
    mark = c;
    ++count;
  }
  return count >= 3;
}

// "[nos]: https://nos.nl/": its URL must not reach the text. Footnotes ("[^1]: …") are text.
bool is_link_definition(std::string_view text) {
  text = trim(text);
  if (!text.starts_with('[') || text.starts_with("[^")) return false;
  const std::size_t close = text.find(']');
  return close != kNpos && close + 1 < text.size() && text[close + 1] == ':';
}

// Quote markers and one list marker: "> ", "* ", "- ", "+ ", "12. ".
std::string_view strip_block_markers(std::string_view text) {
  bool list_done = false;
  while (true) {
    text = trim(text);
    if (text.starts_with('>')) {
      text.remove_prefix(1);
      continue;
    }
    if (list_done) return text;
    list_done = true;
    if (text.size() >= 2 && (text[0] == '*' || text[0] == '-' || text[0] == '+') &&
        is_blank_char(text[1])) {
      text.remove_prefix(2);
      continue;
    }
    std::size_t digits = 0;
    while (digits < text.size() && digits < 9 && is_digit(text[digits])) ++digits;
    if (digits > 0 && digits + 1 < text.size() && text[digits] == '.' &&
        is_blank_char(text[digits + 1])) {
      text.remove_prefix(digits + 2);
      continue;
    }
    return text;
  }
}

// The ']' matching the '[' at `open`, or kNpos.
std::size_t closing_bracket(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '[') {
      ++depth;
    } else if (s[i] == ']' && --depth == 0) {
      return i;
    }
  }
  return kNpos;
}

// One past the "(url "title")" whose '(' is at `open`; the URL goes to `url`.
// Section 7 writes "[Bevolkingsonderzoek Nederland]((https://…-laboratorium){:target="_blank"}.":
// the link never closes, so it ends at the last ')' of the URL and no parenthesis or URL is left.
std::size_t link_end(std::string_view s, std::size_t open, std::string_view& url) {
  std::size_t i = open + 1;
  while (i < s.size() && is_blank_char(s[i])) ++i;
  const std::size_t url_begin = i;
  std::size_t last_close = kNpos;
  int depth = 0;
  for (; i < s.size() && !is_blank_char(s[i]); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '(') {
      ++depth;
    } else if (s[i] == ')') {
      if (depth == 0) break;
      --depth;
      last_close = i;
    }
  }
  const std::size_t url_end = std::min(i, s.size());
  while (i < s.size() && is_blank_char(s[i])) ++i;
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
    const std::size_t quote = s.find(s[i], i + 1);
    if (quote != kNpos) i = quote + 1;
    while (i < s.size() && is_blank_char(s[i])) ++i;
  }
  if (i < s.size() && s[i] == ')') {
    url = s.substr(url_begin, url_end - url_begin);
    return i + 1;
  }
  if (last_close != kNpos) {
    url = s.substr(url_begin, last_close + 1 - url_begin);
    return last_close + 1;
  }
  url = s.substr(url_begin, url_end - url_begin);
  return url_end;
}

// One past an autolink or HTML tag at `open` ('<'), or kNpos when the '<' is text ("<5 jaar").
// An e-mail autolink keeps its address, the text a reader sees; a web autolink is a URL and goes.
std::size_t tag_end(std::string_view s, std::size_t open, std::string_view& keep) {
  keep = {};
  if (open + 1 >= s.size()) return kNpos;
  const char next = s[open + 1];
  const bool starts_tag = next == '/' || next == '!' || next == '?' ||
                          (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
  if (!starts_tag) return kNpos;
  const std::size_t close = s.find('>', open);
  if (close == kNpos) return kNpos;
  const std::string_view inner = s.substr(open + 1, close - open - 1);
  const bool one_word = inner.find_first_of(" \t") == kNpos;
  if (one_word && inner.find(':') == kNpos && inner.find('@') != kNpos) keep = inner;
  return close + 1;
}

struct Entity {
  std::string_view name;
  std::string_view text;
};

constexpr Entity kEntities[] = {{"&amp;", "&"},   {"&lt;", "<"},    {"&gt;", ">"},
                                {"&quot;", "\""}, {"&apos;", "'"},  {"&nbsp;", " "}};

void append_plain(std::string_view s, std::string& out, std::vector<Link>* links) {
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (c == '\\' && is_ascii_punct(next)) {
      out += next;
      i += 2;
      continue;
    }
    if (c == '`') {
      std::size_t run = 0;
      while (i + run < s.size() && s[i + run] == '`') ++run;
      const std::string_view ticks = s.substr(i, run);
      const std::size_t close = s.find(ticks, i + run);
      if (close != kNpos) {
        out += trim(s.substr(i + run, close - i - run));
        i = close + run;
      } else {
        i += run;
      }
      continue;
    }
    if (c == '[' || (c == '!' && next == '[')) {
      const std::size_t open = c == '!' ? i + 1 : i;
      const std::size_t close = closing_bracket(s, open);
      const char after = close != kNpos && close + 1 < s.size() ? s[close + 1] : '\0';
      if (after == '(' || after == '[') {
        std::string text;
        append_plain(s.substr(open + 1, close - open - 1), text, nullptr);
        std::string_view url;
        if (after == '(') {
          i = link_end(s, close + 1, url);
        } else {
          const std::size_t ref_close = s.find(']', close + 1);
          i = ref_close == kNpos ? close + 1 : ref_close + 1;
        }
        if (c == '!') continue;  // images carry no text a reader sees
        if (links != nullptr && after == '(') links->push_back({text, std::string(url)});
        out += text;
        continue;
      }
    }
    if (c == '<') {
      std::string_view keep;
      const std::size_t end = tag_end(s, i, keep);
      if (end != kNpos) {
        out += keep;
        i = end;
        continue;
      }
    }
    // kramdown attribute lists: "{:target="_blank"}" after nearly every link on the page.
    if (c == '{' && next == ':') {
      const std::size_t close = s.find('}', i);
      if (close != kNpos) {
        i = close + 1;
        continue;
      }
    }
    if (c == '&') {
      bool decoded = false;
      for (const Entity& entity : kEntities) {
        if (s.substr(i).starts_with(entity.name)) {
          out += entity.text;
          i += entity.name.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    // Every '*' goes, paired or not: section 5 has "of** andere", section 8 "Volksgezondhei**d".
    if (c == '*') {
      ++i;
      continue;
    }
    // '_' inside a word ("brieven_regering") is no emphasis in GFM.
    if (c == '_' && !(i > 0 && is_word_byte(s[i - 1]) && is_word_byte(next))) {
      ++i;
      continue;
    }
    if (c == '~' && next == '~') {
      i += 2;
      continue;
    }
    out += c;
    ++i;
  }
}

std::string plain(std::string_view markdown, std::vector<Link>* links = nullptr) {
  std::string out;
  append_plain(markdown, out, links);
  return out;
}

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

int leading_number(std::string_view text) {
  int number = 0;
  std::size_t digits = 0;
  for (; digits < text.size() && is_digit(text[digits]); ++digits) {
    if (digits == 9) return 0;
    number = number * 10 + (text[digits] - '0');
  }
  return number;
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
  std::set<std::string> taken;
  std::map<std::string, int> suffix;  // the next "-N" to try for an anchor already taken
  for (std::size_t s = 0; s < sections.size(); ++s) {
    std::size_t match = first_unused(by_text, toc_key(sections[s].title));
    if (match == kNpos) match = first_unused(by_fragment, fold_case(sections[s].id));
    std::string anchor = sections[s].id;
    if (match != kNpos) {
      used[match] = true;
      anchor = toc[match].url.substr(1);
    }
    std::string unique = anchor;
    while (taken.contains(unique)) unique = anchor + "-" + std::to_string(++suffix[anchor]);
    taken.insert(unique);
    passages[s].anchor = unique;
  }
}

std::string section_text(const std::vector<MarkdownLine>& blocks, std::size_t begin,
                         std::size_t end) {
  std::vector<std::string> paragraphs;
  std::string paragraph;
  const auto flush = [&] {
    if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
    paragraph.clear();
  };
  const auto add = [&](std::string line) {
    if (line.empty()) return;
    if (!paragraph.empty()) paragraph += '\n';
    paragraph += line;
  };
  for (std::size_t i = begin; i < end; ++i) {
    const MarkdownLine& ml = blocks[i];
    const std::string_view text = ml.line->text;
    if (ml.fence || is_blank(text)) {
      flush();
    } else if (ml.code) {
      add(collapse(text));
    } else if (ml.level > 0) {  // "### " stays in its section, as a paragraph of its own
      flush();
      add(collapse(plain(ml.heading)));
      flush();
    } else if (is_rule(text)) {
      flush();
    } else if (!is_link_definition(text)) {
      const std::string_view content = strip_block_markers(text);
      if (content.empty()) {
        flush();  // ">" alone: a blank line inside a quote
      } else {
        add(collapse(plain(content)));  // an attribute-list line ("{: .note}") leaves nothing
      }
    }
  }
  flush();
  std::string out;
  for (const std::string& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

}  // namespace

bool looks_like_faq_markdown(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
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
  Document doc;
  doc.path = source.path;
  doc.id = source.path.stem().string();
  doc.kind = Kind::kFaq;
  doc.url = path;

  const std::vector<Line> lines = split_lines(source.text);
  const std::vector<MarkdownLine> blocks = read_blocks(lines, read_front_matter(lines, doc.fields));

  std::map<std::string, int> id_count;  // kramdown numbers repeated ids over all headings
  std::vector<Section> sections;
  std::vector<Link> toc;
  std::string title;
  bool update_seen = false;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const MarkdownLine& ml = blocks[i];
    if (ml.code) continue;
    if (ml.level == 0) {
      // Most lines hold neither a link to a section nor the update date; plain() is not cheap.
      const std::string_view raw = ml.line->text;
      if (raw.find("](#") != kNpos) {
        std::vector<Link> links;
        plain(raw, &links);
        for (Link& link : links)
          if (link.url.size() > 1 && link.url[0] == '#') toc.push_back(std::move(link));
      }
      // "**Laatste update:** *13 oktober 2025*" under the title.
      if (!update_seen && raw.find("aatste update") != kNpos) {
        const std::string text = collapse(plain(raw));
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
    const std::string heading_text(trim(plain(ml.heading)));
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

  doc.title = title;
  if (doc.title.empty()) {
    for (const auto& [key, value] : doc.fields)
      if (key == "title") doc.title = value;
  }
  if (doc.title.empty()) doc.title = doc.id;

  for (const Section& section : sections) {
    Passage passage;
    passage.heading = section.title;
    passage.number = leading_number(section.title);
    passage.text = section_text(blocks, section.heading + 1, section.end);
    if (passage.text.empty())
      doc.warnings.push_back(path + ":" + std::to_string(blocks[section.heading].line->number) +
                             ": section \"" + section.title + "\" has no text");
    doc.passages.push_back(std::move(passage));
  }
  assign_anchors(sections, toc, doc.passages);
  return doc;
}

}  // namespace vind::indexer
