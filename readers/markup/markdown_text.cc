#include "readers/markup/markdown_text.h"

#include <libxml/HTMLparser.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace vind::readers {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;

bool is_blank_char(char c) { return c == ' ' || c == '\t'; }

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
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
void read_heading(MarkdownLine& ml, const MarkdownOptions& options) {
  const std::string_view text = ml.line->text;
  std::size_t level = 0;
  while (level < text.size() && text[level] == '#') ++level;
  if (level == 0 || level > 6 || level == text.size()) return;
  if (options.heading_needs_blank && !is_blank_char(text[level])) return;
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

// Each '[' of the text with its matching ']' (kNpos when none), in text order: one pass with a
// stack instead of a search to the end of the line from every '['. A backslash escapes the
// character after it.
std::vector<std::pair<std::size_t, std::size_t>> bracket_pairs(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::size_t> open;  // indexes into pairs
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '[') {
      open.push_back(pairs.size());
      pairs.emplace_back(i, kNpos);
    } else if (s[i] == ']' && !open.empty()) {
      pairs[open.back()].second = i;
      open.pop_back();
    }
  }
  return pairs;
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

// "<sup>e</sup>", "<sup>2</sup>": exponents and ordinals are this short.
constexpr std::size_t kMaxScript = 3;

bool is_script_tag(std::string_view tag) {
  std::string name;
  for (const char c : tag.substr(tag.starts_with("</") ? 2 : 1)) {
    if (!is_ascii_letter(c)) break;
    name += ascii_lower(c);
  }
  return name == "sup" || name == "sub";
}

// The longest entity name HTML has ("&CounterClockwiseContourIntegral;") is 31 letters.
constexpr std::size_t kMaxEntity = 40;

// The text of the character reference at `at` ('&') and one past it, or {"", at} when it is none:
// "&amp;" "&#233;" "&#xE9;" and every HTML entity libxml2 knows ("&eacute;"). A soft hyphen is
// no text: CoronaCheck writes "Privacy&shy;verklaring", which is one word.
std::pair<std::string, std::size_t> character_reference(std::string_view s, std::size_t at) {
  const std::size_t semicolon = s.find(';', at);
  if (semicolon == kNpos || semicolon - at > kMaxEntity || semicolon == at + 1) return {"", at};
  const std::string name(s.substr(at + 1, semicolon - at - 1));
  UChar32 c = -1;
  if (name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 6 ||
        digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos)
      return {"", at};
    c = static_cast<UChar32>(std::stol(digits, nullptr, hex ? 16 : 10));
  } else if (name == "nbsp") {
    c = ' ';
  } else {
    const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
    if (entity == nullptr) return {"", at};
    c = static_cast<UChar32>(entity->value);
  }
  if (c <= 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return {"", at};
  std::string text;
  if (c != 0xAD) icu::UnicodeString(c).toUTF8String(text);
  return {text, semicolon + 1};
}

// No document writes a code span between more backticks than this; a longer run is no delimiter,
// which keeps the search for the closing run to one pass per length.
constexpr std::size_t kMaxTicks = 16;

// One line of Markdown → plain text, in one pass and without recursion: links nested 50,000 deep
// once overflowed the stack. A link's text is read where it stands, up to its ']' (the innermost
// open link's ']' bounds every search), and its URL skipped once that ']' is reached.
class InlineText {
 public:
  InlineText(std::string_view s, std::vector<Link>* links)
      : s_(s), links_(links), brackets_(bracket_pairs(s)), tag_close_(s, ">"), list_close_(s, "}"),
        reference_close_(s, "]") {
    for (std::size_t n = 1; n <= kMaxTicks; ++n) ticks_.emplace_back(s, std::string_view(kTicks).substr(0, n));
  }

  void append_to(std::string& out) {
    std::size_t i = 0;
    while (true) {
      const std::size_t limit = open_.empty() ? s_.size() : open_.back().close;
      if (i == limit) {
        if (open_.empty()) return;
        i = close_link(out);
      } else {
        i = step(i, limit, out);
      }
    }
  }

 private:
  static constexpr char kTicks[] = "````````````````";

  struct OpenLink {
    std::size_t text = 0;    // where its text starts in `out`
    std::size_t close = 0;   // its ']'
    bool image = false;
    char after = 0;          // '(' for an inline link, '[' for a reference
    bool spaced_script = false;  // of the text around it
  };

  // The ']' matching the '[' at `open`, or kNpos.
  std::size_t closing_bracket(std::size_t open) {
    while (next_bracket_ < brackets_.size() && brackets_[next_bracket_].first < open) ++next_bracket_;
    if (next_bracket_ == brackets_.size() || brackets_[next_bracket_].first != open) return kNpos;
    return brackets_[next_bracket_].second;
  }

  // One past a link's ']' and what follows it; its text stays in `out` unless it is an image.
  std::size_t close_link(std::string& out) {
    const OpenLink link = open_.back();
    open_.pop_back();
    const std::size_t limit = open_.empty() ? s_.size() : open_.back().close;
    spaced_script_ = link.spaced_script;
    std::string_view url;
    std::size_t end = link.close + 1;
    if (link.after == '(') {
      end = link_end(s_.substr(0, limit), link.close + 1, url);
    } else if (const std::size_t ref_close = reference_close_.find(link.close + 1); ref_close < limit) {
      end = ref_close + 1;
    }
    if (link.image) {
      out.resize(link.text);  // images carry no text a reader sees
    } else if (links_ != nullptr && open_.empty() && link.after == '(') {
      links_->push_back({out.substr(link.text), std::string(url)});
    }
    return end;
  }

  // Reads what starts at `i`, a character or a construct, no further than `limit`; where it ends.
  std::size_t step(std::size_t i, std::size_t limit, std::string& out) {
    const std::string_view s = s_;
    const char c = s[i];
    const char next = i + 1 < limit ? s[i + 1] : '\0';
    if (c == '\\' && is_ascii_punct(next)) {
      out += next;
      return i + 2;
    }
    if (c == '`') {
      std::size_t run = 0;
      while (i + run < limit && s[i + run] == '`') ++run;
      const std::size_t close = run <= kMaxTicks ? ticks_[run - 1].find(i + run) : kNpos;
      if (close == kNpos || close + run > limit) return i + run;
      out += trim(s.substr(i + run, close - i - run));
      return close + run;
    }
    if (c == '[' || (c == '!' && next == '[')) {
      const std::size_t open = c == '!' ? i + 1 : i;
      const std::size_t close = closing_bracket(open);
      const char after = close < limit && close + 1 < limit ? s[close + 1] : '\0';
      if (close < limit && (after == '(' || after == '[')) {
        open_.push_back({out.size(), close, c == '!', after, spaced_script_});
        spaced_script_ = false;
        return open + 1;
      }
    }
    if (c == '<') {
      if (const std::size_t end = tag_end(i, limit, out); end != kNpos) return end;
    }
    // kramdown attribute lists: "{:target="_blank"}" after nearly every link on the page.
    if (c == '{' && next == ':') {
      if (const std::size_t close = list_close_.find(i); close < limit) return close + 1;
    }
    if (c == '&') {
      if (const auto [text, end] = character_reference(s.substr(0, limit), i); end > i) {
        out += text;
        return end;
      }
    }
    // Every '*' goes, paired or not: section 5 has "of** andere", section 8 "Volksgezondhei**d".
    if (c == '*') return i + 1;
    // '_' inside a word ("brieven_regering") is no emphasis in GFM.
    if (c == '_' && !(i > 0 && is_word_byte(s[i - 1]) && is_word_byte(next))) return i + 1;
    if (c == '~' && next == '~') return i + 2;
    out += c;
    return i + 1;
  }

  // One past an autolink or HTML tag at `open` ('<'), or kNpos when the '<' is text ("<5 jaar").
  // An e-mail autolink keeps its address, the text a reader sees; a web autolink is a URL and goes.
  std::size_t tag_end(std::size_t open, std::size_t limit, std::string& out) {
    const std::string_view s = s_;
    if (open + 1 >= limit) return kNpos;
    const char next = s[open + 1];
    if (next != '/' && next != '!' && next != '?' && !is_ascii_letter(next)) return kNpos;
    const std::size_t close = tag_close_.find(open);
    if (close >= limit) return kNpos;
    const std::string_view inner = s.substr(open + 1, close - open - 1);
    const bool one_word = inner.find_first_of(" \t") == kNpos;
    if (one_word && inner.find(':') == kNpos && inner.find('@') != kNpos) out += inner;
    const std::size_t end = close + 1;
    // The laws put footnotes in <sup> against the words around them ("2004).<sup>1Deze
    // richtsnoeren …pdf</sup>Deze mededeling"), but also 2<sup>e</sup>, m<sup>2</sup> and
    // CO<sub>2</sub>, which must stay one word: only a longer text is set apart.
    if (is_script_tag(s.substr(open, end - open))) {
      const bool opening = next != '/';
      const std::string_view script = s.substr(end, std::min(limit, end + kMaxScript + 2) - end);
      if (opening) spaced_script_ = script.find("</") == kNpos;
      if (spaced_script_) out += ' ';
      if (!opening) spaced_script_ = false;
    }
    return end;
  }

  std::string_view s_;
  std::vector<Link>* links_;
  std::vector<std::pair<std::size_t, std::size_t>> brackets_;
  std::size_t next_bracket_ = 0;  // the first of brackets_ not behind the reading
  ForwardFind tag_close_, list_close_, reference_close_;
  std::vector<ForwardFind> ticks_;    // ticks_[n - 1] finds n backticks
  std::vector<OpenLink> open_;    // the links whose text is being read, innermost last
  bool spaced_script_ = false;    // inside a <sup> or <sub> set apart from the words around it
};

}  // namespace

std::vector<MarkdownLine> markdown_lines(const std::vector<Line>& lines, std::size_t begin,
                                         const MarkdownOptions& options) {
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
      read_heading(ml, options);
    }
    blocks.push_back(ml);
  }
  return blocks;
}

std::string markdown_plain(std::string_view markdown, std::vector<Link>* links) {
  std::string out;
  InlineText(markdown, links).append_to(out);
  return out;
}

std::string markdown_text(const std::vector<MarkdownLine>& blocks, std::size_t begin,
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
      add(collapse(markdown_plain(ml.heading)));
      flush();
    } else if (is_rule(text)) {
      flush();
    } else if (!is_link_definition(text)) {
      const std::string_view content = strip_block_markers(text);
      if (content.empty()) {
        flush();  // ">" alone: a blank line inside a quote
      } else {
        add(collapse(markdown_plain(content)));  // an attribute-list line ("{: .note}") leaves nothing
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

}  // namespace vind::readers
