#include "readers/markup/jekyll_includes.h"

#include <cstddef>
#include <system_error>

#include "analysis/digest.h"
#include "analysis/error.h"
#include "analysis/utf8.h"
#include "readers/document.h"
#include "readers/text/text.h"

namespace vind::readers {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;

// Jekyll stops a fragment that includes itself with a Liquid stack error; vind writes fragments
// in no deeper than this and leaves the tag there.
constexpr int kMaxDepth = 8;

bool is_tag_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-'; }

struct IncludeTag {
  bool relative = false;  // include_relative
  std::string_view name;  // "content/48-wat-moet-ik-weten.md"
};

// "{%- include content/x.md key="a" -%}" without its "{%" and "%}" → {false, "content/x.md"};
// any other tag gives an empty name.
IncludeTag read_tag(std::string_view inside) {
  std::size_t i = 0;
  while (i < inside.size() && is_tag_blank(inside[i])) ++i;
  std::size_t end = i;
  while (end < inside.size() && (is_ascii_letter(inside[end]) || inside[end] == '_')) ++end;
  const std::string_view tag = inside.substr(i, end - i);
  if (tag != "include" && tag != "include_relative") return {};
  i = end;
  while (i < inside.size() && is_tag_blank(inside[i])) ++i;
  end = i;
  while (end < inside.size() && inside[end] != ' ' && inside[end] != '\t' && inside[end] != '\n' &&
         inside[end] != '\r')
    ++end;
  std::string_view name = inside.substr(i, end - i);
  while (name.ends_with('-')) name.remove_suffix(1);  // "x.md-%}" with no blank before "-%}"
  return {tag == "include_relative", name};
}

bool is_file(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

// The fragment's file, or "" when there is none vind may read.
std::filesystem::path find_fragment(const IncludeTag& tag, const std::filesystem::path& page) {
  const std::filesystem::path name(tag.name);
  const bool markdown = name.extension() == ".md" || name.extension() == ".markdown";
  if (!markdown || name.is_absolute() || tag.name.find("{{") != kNpos) return {};
  for (const std::filesystem::path& part : name)
    if (part == "..") return {};
  const std::filesystem::path folder = page.parent_path();
  if (tag.relative) return is_file(folder / name) ? folder / name : std::filesystem::path{};
  for (std::filesystem::path dir = folder;; dir = dir.parent_path()) {
    if (is_file(dir / "_includes" / name)) return dir / "_includes" / name;
    if (dir.empty() || dir == dir.parent_path()) break;
  }
  std::string flattened = "includes";
  for (const std::filesystem::path& part : name) flattened += "__" + part.string();
  if (is_file(folder / flattened)) return folder / flattened;
  return {};
}

void depend_on(const std::filesystem::path& fragment, std::string digest, RenderedPage& out) {
  for (const Included& known : out.includes)
    if (known.file == fragment) return;
  out.includes.push_back({fragment, std::move(digest)});
}

void render(std::string_view text, const std::filesystem::path& page, int depth, RenderedPage& out) {
  ForwardFind tag_close(text, "%}");
  std::size_t done = 0;
  for (std::size_t at = text.find("{%"); at != kNpos; at = text.find("{%", at + 2)) {
    const std::size_t close = tag_close.find(at + 2);
    if (close == kNpos) break;
    const IncludeTag tag = read_tag(text.substr(at + 2, close - at - 2));
    if (tag.name.empty()) continue;
    const std::filesystem::path fragment = find_fragment(tag, page);
    if (fragment.empty() || depth == kMaxDepth) continue;
    std::string bytes;
    try {
      bytes = read_file(fragment);
      depend_on(fragment, analysis::digest(bytes), out);
    } catch (const Error& e) {
      depend_on(fragment, "", out);
      out.warnings.push_back(page.string() + ": include " + std::string(tag.name) + ": " + e.what());
      continue;
    }
    if (analysis::invalid_utf8_at(bytes) != kNpos) {
      out.warnings.push_back(page.string() + ": include " + std::string(tag.name) + ": " +
                             fragment.string() + " is not UTF-8; left out");
      continue;
    }
    out.text += text.substr(done, at - done);
    render(without_bom(bytes), fragment, depth + 1, out);
    done = close + 2;
    at = close;
  }
  out.text += text.substr(done);
}

}  // namespace

RenderedPage with_includes(std::string_view text, const std::filesystem::path& page) {
  RenderedPage out;
  if (text.find("{%") == kNpos) {
    out.text = text;
    return out;
  }
  render(text, page, 0, out);
  return out;
}

bool is_jekyll_include(const std::filesystem::path& path) {
  for (const std::filesystem::path& part : path.parent_path())
    if (part == "_includes") return true;
  return false;
}

}  // namespace vind::readers
