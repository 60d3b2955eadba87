#include "readers/jekyll_passages.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "readers/markup/front_matter.h"
#include "readers/markup/jekyll_includes.h"
#include "readers/markup/markdown_text.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;

// Keeps the line ends of what is removed, so that every line keeps its number.
void keep_line_ends(std::string_view removed, std::string& out) {
  for (const char c : removed)
    if (c == '\n') out += '\n';
}

// "{%- endcomment -%}" → "endcomment".
std::string_view tag_name(std::string_view tag) {
  std::size_t i = 2;
  while (i < tag.size() && (tag[i] == '-' || tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n')) ++i;
  std::size_t end = i;
  while (end < tag.size() && tag[end] >= 'a' && tag[end] <= 'z') ++end;
  return tag.substr(i, end - i);
}

// The span [at, end) of the next Liquid tag named `name` from `from` on; {kNpos, kNpos} if none.
// `tag_close` finds the "%}" that ends a tag.
std::pair<std::size_t, std::size_t> find_tag(std::string_view text, std::size_t from, std::string_view name,
                                             ForwardFind& tag_close) {
  for (std::size_t at = text.find("{%", from); at != kNpos; at = text.find("{%", at + 2)) {
    const std::size_t close = tag_close.find(at + 2);
    if (close == kNpos) break;
    if (tag_name(text.substr(at, close - at)) == name) return {at, close + 2};
  }
  return {kNpos, kNpos};
}

// "2024-04-04T08:49:13.941Z", "2021-05-01 10:00:00 +0200" → "2024-04-04", "2021-05-01".
std::string iso_date(std::string_view value) {
  if (value.size() < 10 || value[4] != '-' || value[7] != '-') return {};
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(value[i])) return {};
  return std::string(value.substr(0, 10));
}

std::string slug_of(const std::filesystem::path& path) {
  std::string slug = path.stem().string();
  if (const std::size_t flattened = slug.rfind("__"); flattened != std::string::npos)
    slug.erase(0, flattened + 2);
  // A post's date prefix, "2021-05-01-", is not part of its slug.
  if (slug.size() > 11 && slug[10] == '-' && !iso_date(slug).empty()) slug.erase(0, 11);
  return slug;
}

std::string heading_text(const MarkdownLine& line) { return collapse(markdown_plain(line.heading)); }

// The first `# ` heading of the body, or kNpos.
std::size_t title_heading(const std::vector<MarkdownLine>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].level == 1) return i;
  return kNpos;
}

// Whether an `{% include … %}` or `{% include_relative … %}` in the text names a Markdown
// fragment (.md, .markdown), whose text the page was meant to have.
bool names_a_markdown_include(std::string_view text) {
  for (std::size_t tag = text.find("{%"); tag != kNpos; tag = text.find("{%", tag + 2)) {
    const std::size_t end = text.find("%}", tag);
    if (end == kNpos) return false;
    const std::string inside = collapse(text.substr(tag + 2, end - tag - 2));
    if (!inside.starts_with("include")) continue;
    const std::size_t name_start = inside.find(' ');
    if (name_start == std::string::npos) continue;
    const std::string name = inside.substr(name_start + 1, inside.find(' ', name_start + 1) - name_start - 1);
    if (name.ends_with(".md") || name.ends_with(".markdown")) return true;
  }
  return false;
}

}  // namespace

std::string without_liquid(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForwardFind output_close(text, "}}"), tag_close(text, "%}");
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.substr(i, 4) == "<!--") {
      // An HTML comment that is never closed hides the rest, as in a browser.
      const std::size_t close = text.find("-->", i + 4);
      const std::size_t end = close == kNpos ? text.size() : close + 3;
      keep_line_ends(text.substr(i, end - i), out);
      i = end;
    } else if (text.substr(i, 2) == "{{" && output_close.find(i + 2) != kNpos) {
      const std::size_t end = output_close.find(i + 2) + 2;
      keep_line_ends(text.substr(i, end - i), out);
      i = end;
    } else if (text.substr(i, 2) == "{%" && tag_close.find(i + 2) != kNpos) {
      const std::size_t tag_end = tag_close.find(i + 2) + 2;
      const std::string_view name = tag_name(text.substr(i, tag_end - i));
      std::size_t end = tag_end;  // one past what goes
      keep_line_ends(text.substr(i, tag_end - i), out);
      if (name == "comment" || name == "raw") {
        // The block runs to its end tag; without one, to the end of the text.
        const auto [close_at, close_end] = find_tag(text, tag_end, name == "raw" ? "endraw" : "endcomment", tag_close);
        const std::size_t inner_end = close_at == kNpos ? text.size() : close_at;
        end = close_end == kNpos ? text.size() : close_end;
        const std::string_view inner = text.substr(tag_end, inner_end - tag_end);
        if (name == "raw") {
          out += inner;
        } else {
          keep_line_ends(inner, out);
        }
        keep_line_ends(text.substr(inner_end, end - inner_end), out);
      }
      i = end;
    } else {
      out += text[i++];
    }
  }
  return out;
}

bool looks_like_jekyll_page(std::string_view text) {
  if (!without_bom(text).starts_with("---")) return false;
  const std::vector<Line> lines = split_lines(text);
  const FrontMatter front_matter = read_front_matter(lines);
  if (!front_matter.present) return false;
  const std::vector<MarkdownLine> body = markdown_lines(lines, front_matter.body);
  // Front matter that is no YAML has no title to compare ("title: Wat is: DigiD"): a page without
  // `## ` sections, which the FAQ reader needs, is still one page.
  if (!front_matter.error.empty())
    return std::none_of(body.begin(), body.end(), [](const MarkdownLine& l) { return l.level == 2; });
  const std::size_t h1 = title_heading(body);
  return h1 == kNpos || heading_text(body[h1]) == collapse(field(front_matter, "title"));
}

Document jekyll_passages(const Source& source) {
  const std::string path = source.path.string();
  const std::vector<Line> lines = split_lines(source.text);
  FrontMatter front_matter = read_front_matter(lines, path);
  if (!published(front_matter))
    throw Refusal(path + ": not published (published: " + std::string(field(front_matter, "published")) + ")",
                  Refusal::Cause::kLeftOut);

  Document doc = new_document(source, schema::Kind::kFaq);
  if (std::string url = page_url(front_matter); !url.empty()) doc.url = std::move(url);
  doc.date = iso_date(field(front_matter, "date"));
  if (doc.date.empty()) doc.date = iso_date(field(front_matter, "lastmodified"));
  std::string title = collapse(without_liquid(field(front_matter, "title")));

  std::string body;
  for (std::size_t i = front_matter.body; i < lines.size(); ++i) body += lines[i].text + "\n";
  RenderedPage rendered = with_includes(body, source.path);
  doc.warnings = std::move(rendered.warnings);
  if (!front_matter.error.empty()) doc.warnings.insert(doc.warnings.begin(), front_matter.error);
  doc.includes = std::move(rendered.includes);
  const std::vector<Line> body_lines = split_lines(without_liquid(rendered.text));
  const std::vector<MarkdownLine> blocks = markdown_lines(body_lines, 0);
  const std::size_t h1 = title_heading(blocks);
  if (title.empty() && h1 != kNpos) title = heading_text(blocks[h1]);
  const std::string slug = slug_of(source.path);
  doc.title = title.empty() ? slug : title;

  // The `# ` heading repeats the title: it is the passage's heading, not its text.
  std::string text = markdown_text(blocks, 0, h1 == kNpos ? blocks.size() : h1);
  if (h1 != kNpos) text = join_paragraphs(std::vector{text, markdown_text(blocks, h1 + 1, blocks.size())});
  if (text.empty()) {
    // A page its layout or an HTML widget makes (the site's search page is one
    // `{% include vind-search.html %}`) has nothing of its own to find: left out, as Jekyll's
    // conventions are, not a fault that fails a site's deploy. A Markdown fragment that could not
    // be written in is one: the page's text is missing.
    if (!names_a_markdown_include(body))
      throw Refusal(path + ": no text of its own (its layout or HTML includes make the page)",
                    Refusal::Cause::kLeftOut);
    const std::size_t tag = body.find("{%");
    const std::size_t tag_end = tag == kNpos ? kNpos : body.find("%}", tag);
    throw Error(path + ": no text below the front matter (only Liquid, which vind does not render: " +
                collapse(body.substr(tag, tag_end == kNpos ? kNpos : tag_end + 2 - tag)) + ")");
  }
  doc.fields = std::move(front_matter.fields);
  Passage passage;
  passage.anchor = slug;
  passage.heading = doc.title;
  passage.text = std::move(text);
  doc.passages.push_back(std::move(passage));
  return doc;
}

}  // namespace vind::readers
