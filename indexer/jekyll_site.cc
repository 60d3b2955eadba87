#include "indexer/jekyll_site.h"

#include <fnmatch.h>

#include <algorithm>
#include <system_error>

#include "analysis/digest.h"
#include "analysis/error.h"
#include "readers/text/text.h"

namespace vind::indexer {

namespace {

namespace fs = std::filesystem;

// ---- the YAML of a _config.yml ----

// A node of the YAML Jekyll sites write: a scalar, a list or a map. Anchors, tags and block
// scalars ("|", ">") are not read: no setting vind uses takes them.
struct Yaml {
  enum class Kind { kScalar, kList, kMap };
  Kind kind = Kind::kScalar;
  std::string scalar;
  std::vector<Yaml> items;
  std::vector<std::pair<std::string, Yaml>> entries;
  int line = 0;

  const Yaml* at(std::string_view key) const {
    for (const auto& [name, value] : entries)
      if (name == key) return &value;
    return nullptr;
  }
};

struct YamlLine {
  std::size_t indent = 0;
  std::string text;  // without indentation and comment
  int number = 0;
};

// The position of `c` outside quotes from `from` on, or npos.
std::size_t unquoted_find(std::string_view s, std::string_view chars, std::size_t from = 0) {
  char quote = 0;
  for (std::size_t i = from; i < s.size(); ++i) {
    if (quote != 0) {
      if (s[i] == quote) quote = 0;
    } else if (s[i] == '"' || s[i] == '\'') {
      quote = s[i];
    } else if (chars.find(s[i]) != std::string_view::npos) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string unquote(std::string_view value) {
  value = readers::trim(value);
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
    std::string out;
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
      out += value[i];
      if (value[i] == '\'' && value[i + 1] == '\'') ++i;  // '' is a quote
    }
    return out;
  }
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    std::string out;
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
      if (value[i] == '\\' && i + 2 < value.size()) ++i;
      out += value[i];
    }
    return out;
  }
  if (value == "~" || value == "null") return {};
  return std::string(value);
}

std::vector<YamlLine> yaml_lines(std::string_view yaml) {
  std::vector<YamlLine> out;
  for (const readers::Line& line : readers::split_lines(yaml)) {
    std::string_view text = line.text;
    std::size_t indent = 0;
    while (indent < text.size() && text[indent] == ' ') ++indent;
    text.remove_prefix(indent);
    // A comment starts a line or follows a blank: "url: https://x.nl/#top" keeps its "#".
    for (std::size_t hash = unquoted_find(text, "#"); hash != std::string_view::npos;
         hash = unquoted_find(text, "#", hash + 1)) {
      if (hash == 0 || text[hash - 1] == ' ' || text[hash - 1] == '\t') {
        text = text.substr(0, hash);
        break;
      }
    }
    text = readers::trim(text);
    if (text.empty() || text == "---" || text == "...") continue;
    out.push_back({indent, std::string(text), line.number});
  }
  return out;
}

bool is_list_item(std::string_view text) { return text == "-" || text.starts_with("- "); }

// "key: value" → the colon's position; npos for a line that is no map entry.
std::size_t key_colon(std::string_view text) {
  for (std::size_t colon = unquoted_find(text, ":"); colon != std::string_view::npos;
       colon = unquoted_find(text, ":", colon + 1))
    if (colon > 0 && (colon + 1 == text.size() || text[colon + 1] == ' ')) return colon;
  return std::string_view::npos;
}

// "[a, 'b c']" → a list of the two scalars.
Yaml flow_list(std::string_view text, int line) {
  Yaml list{Yaml::Kind::kList, {}, {}, {}, line};
  text = text.substr(1, text.size() - (text.ends_with(']') ? 2 : 1));
  while (!text.empty()) {
    const std::size_t comma = unquoted_find(text, ",");
    std::string item = unquote(text.substr(0, comma));
    if (!item.empty()) list.items.push_back({Yaml::Kind::kScalar, std::move(item), {}, {}, line});
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return list;
}

class YamlReader {
 public:
  explicit YamlReader(std::string_view yaml) : lines_(yaml_lines(yaml)) {}
  Yaml document() { return block(0); }

 private:
  bool more(std::size_t indent) const { return i_ < lines_.size() && lines_[i_].indent >= indent; }

  // The node whose first line is the next one, if it is indented at least `min_indent`.
  Yaml block(std::size_t min_indent) {
    if (!more(min_indent)) return {};
    const std::size_t indent = lines_[i_].indent;
    if (is_list_item(lines_[i_].text)) return list(indent);
    if (key_colon(lines_[i_].text) != std::string_view::npos) return map(indent);
    Yaml scalar{Yaml::Kind::kScalar, unquote(lines_[i_].text), {}, {}, lines_[i_].number};
    ++i_;
    while (more(indent + 1)) ++i_;  // a plain scalar's further lines: no setting vind reads has them
    return scalar;
  }

  Yaml list(std::size_t indent) {
    Yaml list{Yaml::Kind::kList, {}, {}, {}, lines_[i_].number};
    while (i_ < lines_.size() && lines_[i_].indent == indent && is_list_item(lines_[i_].text)) {
      YamlLine& line = lines_[i_];
      const std::string rest(readers::trim(std::string_view(line.text).substr(1)));
      if (rest.empty()) {
        ++i_;
        list.items.push_back(block(indent + 1));
      } else {
        // "- scope:" opens a map whose keys line up with "scope".
        line.indent = indent + line.text.find(rest);
        line.text = rest;
        list.items.push_back(block(line.indent));
      }
    }
    return list;
  }

  Yaml map(std::size_t indent) {
    Yaml map{Yaml::Kind::kMap, {}, {}, {}, lines_[i_].number};
    while (i_ < lines_.size() && lines_[i_].indent >= indent) {
      const YamlLine& line = lines_[i_];
      const std::size_t colon = key_colon(line.text);
      if (line.indent > indent) {  // what vind cannot read, under the entry before
        ++i_;
        continue;
      }
      if (colon == std::string_view::npos) break;
      std::string key = unquote(std::string_view(line.text).substr(0, colon));
      const std::string_view rest = readers::trim(std::string_view(line.text).substr(colon + 1));
      const int number = line.number;
      ++i_;
      Yaml value;
      if (rest.empty()) {
        // A list may line up with its key: "exclude:" then "- Gemfile".
        if (i_ < lines_.size() && (lines_[i_].indent > indent ||
                                   (lines_[i_].indent == indent && is_list_item(lines_[i_].text))))
          value = block(lines_[i_].indent);
      } else if (rest.starts_with('[')) {
        value = flow_list(rest, number);
      } else if (rest.starts_with('|') || rest.starts_with('>')) {
        while (more(indent + 1)) ++i_;
      } else {
        value.scalar = unquote(rest);
      }
      value.line = number;
      map.entries.emplace_back(std::move(key), std::move(value));
    }
    return map;
  }

  std::vector<YamlLine> lines_;
  std::size_t i_ = 0;
};

bool yaml_true(const Yaml* value) {
  if (value == nullptr || value->kind != Yaml::Kind::kScalar) return false;
  const std::string v = readers::ascii_lowercase(value->scalar);
  return v == "true" || v == "yes" || v == "on";
}

std::string yaml_scalar(const Yaml* value) {
  return value != nullptr && value->kind == Yaml::Kind::kScalar ? value->scalar : std::string();
}

// `include`, `exclude`: Jekyll refuses anything but a list.
std::vector<std::string> yaml_strings(const Yaml& value, std::string_view key, const fs::path& config) {
  if (value.kind == Yaml::Kind::kScalar && value.scalar.empty()) return {};
  if (value.kind != Yaml::Kind::kList)
    throw Error(config.string() + ":" + std::to_string(value.line) + ": " + std::string(key) +
                ": expected a list (\"- name\" lines or [a, b]), found " +
                (value.kind == Yaml::Kind::kMap ? std::string("a map") : "\"" + value.scalar + "\""));
  std::vector<std::string> out;
  for (const Yaml& item : value.items)
    if (item.kind == Yaml::Kind::kScalar && !item.scalar.empty()) out.push_back(item.scalar);
  return out;
}

// configuration.rb's DEFAULT_EXCLUDES.
constexpr const char* kDefaultExcludes[] = {".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock",
                                            "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/",
                                            "vendor/ruby/"};

// The posts' pattern for a permalink style (configuration.rb's STYLE_TO_PERMALINK).
std::string style_to_permalink(const std::string& style) {
  if (style == "none") return "/:categories/:title:output_ext";
  if (style == "date") return "/:categories/:year/:month/:day/:title:output_ext";
  if (style == "ordinal") return "/:categories/:year/:y_day/:title:output_ext";
  if (style == "pretty") return "/:categories/:year/:month/:day/:title/";
  if (style == "weekdate") return "/:categories/:year/W:week/:short_day/:title:output_ext";
  return style;
}

// ---- what Jekyll leaves out ----

// entry_filter.rb's glob_include?: a pattern matches as fnmatch does (a "*" crosses "/"), or
// as a prefix of the path ("vendor/bundle/" takes all below it, and "node" would take
// "node_modules" too), or names the folder with a trailing "/".
bool glob_matches(const std::vector<std::string>& patterns, const std::string& entry, bool folder,
                  const std::vector<std::string>& unless = {}) {
  for (std::string pattern : patterns) {
    if (std::find(unless.begin(), unless.end(), pattern) != unless.end()) continue;
    while (pattern.starts_with('/')) pattern.erase(0, 1);
    if (pattern.empty()) continue;
    if (fnmatch(pattern.c_str(), entry.c_str(), 0) == 0 || entry.starts_with(pattern) ||
        (folder && pattern == entry + "/"))
      return true;
  }
  return false;
}

bool special(std::string_view name) {
  return name.starts_with('.') || name.starts_with('_') || name.starts_with('#') || name.starts_with('~') ||
         name.ends_with('~');
}

// ---- URLs ----

bool markdown_extension(const std::string& ext) {
  const std::string e = readers::ascii_lowercase(ext);
  return e == ".markdown" || e == ".mkdown" || e == ".mkdn" || e == ".mkd" || e == ".md";
}

bool html_extension(const std::string& ext) { return ext == ".html" || ext == ".xhtml" || ext == ".htm"; }

// utils.rb's add_permalink_suffix.
std::string with_permalink_suffix(std::string pattern, const std::string& style) {
  if (style == "pretty") return pattern + "/";
  if (style == "date" || style == "ordinal" || style == "none") return pattern + ":output_ext";
  if (style.ends_with('/')) pattern += "/";
  if (style.ends_with(":output_ext")) pattern += ":output_ext";
  return pattern;
}

// utils.rb's slugify: runs of other characters become "-" (letters and digits of any script
// stay; "pretty" keeps "._~!$&'()+,;=@" too), then lowercase unless `cased`.
std::string slugify(std::string_view s, bool pretty, bool cased) {
  constexpr std::string_view kPrettyKeeps = "._~!$&'()+,;=@";
  std::string out;
  for (const char c : s) {
    const bool keep = static_cast<unsigned char>(c) >= 0x80 || readers::is_ascii_letter(c) ||
                      readers::is_digit(c) || (pretty && kPrettyKeeps.find(c) != std::string_view::npos);
    if (keep) {
      out += cased ? c : readers::ascii_lower(c);
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (out.ends_with('-')) out.pop_back();
  return out;
}

// url.rb's sanitize_url: one leading "/", no "..", "./" or "//".
std::string sanitized(const std::string& url) {
  std::string s = "/" + url;
  for (std::size_t at; (at = s.find("..")) != std::string::npos;) s.replace(at, 2, "/");
  for (std::size_t at; (at = s.find("./")) != std::string::npos;) s.erase(at, 2);
  std::string out;
  for (const char c : s)
    if (c != '/' || !out.ends_with('/')) out += c;
  return out;
}

// The pattern with each ":name" replaced by its escaped value (url.rb's generate_url_from_drop;
// "_" may end a name or follow it: "/:month_:day"). nullopt for a name not in `values`, unless
// `keep_unknown` (a page's own permalink, where Jekyll leaves the text as it is).
std::optional<std::string> fill(std::string_view pattern, const std::map<std::string, std::string>& values,
                                bool keep_unknown) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    std::size_t end = i + 1;
    while (end < pattern.size() && ((pattern[end] >= 'a' && pattern[end] <= 'z') || pattern[end] == '_')) ++end;
    if (pattern[i] != ':' || end == i + 1) {
      out += pattern[i++];
      continue;
    }
    std::string name(pattern.substr(i + 1, end - i - 1));
    auto value = values.find(name);
    if (value == values.end() && name.ends_with('_')) {
      name.pop_back();
      value = values.find(name);
      --end;
    }
    if (value == values.end()) {
      if (!keep_unknown) return std::nullopt;
      out += pattern.substr(i, end - i);
    } else {
      out += escape_path(value->second);
    }
    i = end;
  }
  return out;
}

struct Date {
  std::string year, month, day;  // month and day with two digits
  std::size_t length = 0;        // of the date in the text it opens; 0: none
};

// The date a text opens with as Jekyll reads one in a file name: "2021-5-1-hack.md" → 2021, 05,
// 01 (document.rb's DATE_FILENAME_MATCHER, \d{2,4}-\d{1,2}-\d{1,2}).
Date leading_date(std::string_view text) {
  Date date;
  std::string* parts[] = {&date.year, &date.month, &date.day};
  const std::size_t widths[][2] = {{2, 4}, {1, 2}, {1, 2}};
  std::size_t i = 0;
  for (std::size_t part = 0; part < 3; ++part) {
    if (part > 0 && (i >= text.size() || text[i++] != '-')) return {};
    const std::size_t begin = i;
    while (i < text.size() && readers::is_digit(text[i])) ++i;
    if (i - begin < widths[part][0] || i - begin > widths[part][1]) return {};
    *parts[part] = std::string(part > 0 && i - begin == 1 ? 1 : 0, '0') + std::string(text.substr(begin, i - begin));
  }
  date.length = i;
  return date;
}

std::string_view field(const readers::Document& doc, std::string_view key) {
  for (const auto& [name, value] : doc.fields)
    if (name == key) return value;
  return {};
}

// "Nieuws, Hack" (a list, as front_matter.h gives it) or "nieuws hack" → "nieuws/hack".
std::string categories(const readers::Document& doc) {
  std::string out;
  for (const std::string_view key : {"categories", "category"}) {
    std::string_view value = field(doc, key);
    while (!value.empty()) {
      const std::size_t end = std::min(value.find(','), value.find(' '));
      const std::string category = readers::ascii_lowercase(value.substr(0, end));
      if (!category.empty() && ("/" + out + "/").find("/" + category + "/") == std::string::npos)
        out += (out.empty() ? "" : "/") + category;
      if (end == std::string_view::npos) break;
      value.remove_prefix(end + 1);
    }
  }
  return out;
}

// A collection document's placeholders (drops/url_drop.rb).
std::map<std::string, std::string> document_values(const std::string& collection, const fs::path& relative,
                                                   const readers::Document& doc, const std::string& output_ext) {
  std::string path = (relative.parent_path() / relative.stem()).generic_string();
  while (path.ends_with('.')) path.pop_back();
  path.erase(0, collection.size() + 1);  // "_vragen/sub/x" → "/sub/x"
  const std::string basename = relative.stem().string();
  // "2021-05-01-hack": the date and the slug, unless the front matter gives its own.
  Date date = leading_date(basename);
  const bool dated = date.length > 0 && date.length < basename.size() && basename[date.length] == '-';
  std::string slug = dated ? basename.substr(date.length + 1) : basename;
  while (slug.ends_with('.')) slug.pop_back();
  if (const std::string_view own = field(doc, "slug"); !own.empty()) slug = own;
  if (!dated) date = {};
  if (const Date own = leading_date(field(doc, "date")); own.length > 0) date = own;
  std::map<std::string, std::string> values = {
      {"collection", collection},
      {"path", path},
      {"output_ext", output_ext},
      {"name", slugify(basename, false, false)},
      {"title", slugify(slug, true, true)},
      {"slug", slugify(slug, false, false)},
      {"categories", categories(doc)},
  };
  if (date.length > 0) {
    values["year"] = date.year;
    values["month"] = date.month;
    values["day"] = date.day;
  }
  return values;
}

}  // namespace

JekyllSite read_jekyll_config(const fs::path& root, std::string_view yaml) {
  const fs::path config = root / kJekyllConfigName;
  const Yaml document = YamlReader(yaml).document();
  JekyllSite site;
  site.root = root;
  site.config_digest = analysis::digest(yaml);
  site.url = yaml_scalar(document.at("url"));
  while (site.url.ends_with('/')) site.url.pop_back();
  site.baseurl = yaml_scalar(document.at("baseurl"));
  while (site.baseurl.ends_with('/')) site.baseurl.pop_back();
  if (!site.baseurl.empty() && !site.baseurl.starts_with('/')) site.baseurl.insert(0, "/");
  if (std::string permalink = yaml_scalar(document.at("permalink")); !permalink.empty())
    site.permalink = std::move(permalink);
  if (const Yaml* include = document.at("include")) site.include = yaml_strings(*include, "include", config);
  if (const Yaml* exclude = document.at("exclude")) site.exclude = yaml_strings(*exclude, "exclude", config);
  for (const char* always : kDefaultExcludes)
    if (std::find(site.exclude.begin(), site.exclude.end(), always) == site.exclude.end())
      site.exclude.push_back(always);
  if (const Yaml* collections = document.at("collections")) {
    for (const auto& [name, settings] : collections->entries)
      site.collections[name] = {yaml_true(settings.at("output")), yaml_scalar(settings.at("permalink"))};
    for (const Yaml& name : collections->items)
      if (name.kind == Yaml::Kind::kScalar && !name.scalar.empty()) site.collections[name.scalar] = {};
  }
  JekyllCollection& posts = site.collections["posts"];
  posts.output = true;
  if (posts.permalink.empty()) posts.permalink = style_to_permalink(site.permalink);
  return site;
}

std::shared_ptr<const JekyllSite> find_jekyll_site(const fs::path& folder) {
  for (fs::path dir = folder;; dir = dir.parent_path()) {
    std::error_code ec;
    if (fs::is_regular_file(dir / kJekyllConfigName, ec))
      return std::make_shared<const JekyllSite>(read_jekyll_config(dir, readers::read_file(dir / kJekyllConfigName)));
    if (dir.empty() || dir == dir.parent_path()) return nullptr;
  }
}

bool left_out(const JekyllSite& site, const fs::path& relative, bool folder) {
  const std::vector<fs::path> parts(relative.begin(), relative.end());
  std::string entry;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const std::string name = parts[k].string();
    entry += (k == 0 ? "" : "/") + name;
    const bool is_folder = folder || k + 1 < parts.size();
    const bool included = glob_matches(site.include, entry, is_folder) || glob_matches(site.include, name, is_folder);
    if (glob_matches(site.exclude, entry, is_folder, site.include) && !included) return true;
    if (included) continue;
    if (k == 0 && is_folder && name.starts_with('_')) {
      const auto collection = site.collections.find(name.substr(1));
      if (collection != site.collections.end()) {
        if (!collection->second.output) return true;
        continue;
      }
    }
    if (special(name)) return true;
  }
  return false;
}

bool has_front_matter(std::string_view bytes) {
  if (!bytes.starts_with("---")) return false;
  for (std::size_t i = 3; i < bytes.size(); ++i) {
    if (bytes[i] == '\n') return true;
    if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r' && bytes[i] != '\f' && bytes[i] != '\v') return false;
  }
  return false;
}

std::optional<std::string> site_path(const JekyllSite& site, const fs::path& relative, const readers::Document& doc,
                                     bool front_matter) {
  const std::string ext = relative.extension().string();
  const std::string output_ext = markdown_extension(ext) ? ".html" : ext;
  const std::string first = relative.begin()->string();
  const auto collection = first.starts_with('_') && std::next(relative.begin()) != relative.end()
                              ? site.collections.find(first.substr(1))
                              : site.collections.end();
  const std::string permalink(field(doc, "permalink"));
  if (collection != site.collections.end()) {
    const std::string pattern =
        !collection->second.permalink.empty() ? collection->second.permalink
                                              : with_permalink_suffix("/:collection/:path", site.permalink);
    const auto values = document_values(collection->first, relative, doc, front_matter ? output_ext : "");
    if (!front_matter) {  // a static file in the collection (static_file.rb's url)
      const std::optional<std::string> base = fill(pattern, values, false);
      if (!base) return std::nullopt;
      std::string url = sanitized(*base);
      while (url.ends_with('/')) url.pop_back();
      return url + ext;
    }
    const std::optional<std::string> url = fill(permalink.empty() ? pattern : permalink, values, false);
    if (!url) return std::nullopt;
    return sanitized(*url);
  }
  if (!front_matter) return escape_path("/" + relative.generic_string());
  std::string basename = relative.stem().string();
  while (basename.ends_with('.')) basename.pop_back();
  const std::string pattern = !html_extension(output_ext) ? "/:path/:basename:output_ext"
                              : basename == "index"       ? "/:path/"
                                                          : with_permalink_suffix("/:path/:basename", site.permalink);
  const std::map<std::string, std::string> values = {
      {"path", relative.parent_path().generic_string()}, {"basename", basename}, {"output_ext", output_ext}};
  return sanitized(*fill(permalink.empty() ? pattern : permalink, values, true));
}

std::string escape_path(std::string_view path) {
  constexpr std::string_view kKept = "-._~!$&'()*+,;=:@/";
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    if (readers::is_ascii_letter(c) || readers::is_digit(c) || kKept.find(c) != std::string_view::npos) {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

}  // namespace vind::indexer
