#include "indexer/jekyll_site.h"

#include <fnmatch.h>

#include <algorithm>
#include <system_error>

#include "analysis/digest.h"
#include "analysis/error.h"
#include "readers/markup/yaml.h"
#include "readers/text/text.h"

namespace vind::indexer {

namespace {

namespace fs = std::filesystem;

// ---- the YAML of a _config.yml ----

// `include`, `exclude`: Jekyll refuses anything but a list.
std::vector<std::string> yaml_strings(const YAML::Node& value, std::string_view key, const fs::path& config) {
  if (!value.IsDefined() || value.IsNull()) return {};
  if (!value.IsSequence())
    throw Error(config.string() + ":" + std::to_string(readers::yaml_line(value)) + ": " + std::string(key) +
                ": expected a list (\"- name\" lines or [a, b]), found " +
                (value.IsMap() ? std::string("a map") : "\"" + value.Scalar() + "\""));
  std::vector<std::string> out;
  for (const YAML::Node& item : value)
    if (std::string text = readers::scalar_text(item); !text.empty()) out.push_back(std::move(text));
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

// A list keeps each category whole ("categories: [Nieuws en media, Hack]", which front_matter.h
// gives as items joined with ", "); a text is split at blanks ("nieuws hack"). Lower case, each
// once: "nieuws en media/hack", escaped in the URL as Jekyll does.
std::string categories(const readers::Document& doc) {
  std::string out;
  for (const std::string_view key : {"categories", "category"}) {
    std::string_view value = field(doc, key);
    const std::string_view separator = value.find(", ") != std::string_view::npos ? ", " : " ";
    while (!value.empty()) {
      const std::size_t end = value.find(separator);
      const std::string category = readers::ascii_lowercase(readers::trim(value.substr(0, end)));
      if (!category.empty() && ("/" + out + "/").find("/" + category + "/") == std::string::npos)
        out += (out.empty() ? "" : "/") + category;
      if (end == std::string_view::npos) break;
      value.remove_prefix(end + separator.size());
    }
  }
  return out;
}

// A path below the root as Jekyll names a document: below collections_dir when it is in it
// ("coll/_vragen/x.md" → "_vragen/x.md"); nullopt for a path outside it.
std::optional<fs::path> below_collections_dir(const JekyllSite& site, const fs::path& relative) {
  if (site.collections_dir.empty()) return relative;
  const fs::path inner = relative.lexically_relative(site.collections_dir);
  if (inner.empty() || *inner.begin() == "..") return std::nullopt;
  return inner;
}

// The collection a path below the root is a document of: its name and the path below
// collections_dir ("_vragen/x.md"); nullopt for a page.
std::optional<std::pair<std::string, fs::path>> collection_of(const JekyllSite& site, const fs::path& relative) {
  const std::optional<fs::path> inner = below_collections_dir(site, relative);
  if (!inner || std::next(inner->begin()) == inner->end()) return std::nullopt;
  const std::string first = inner->begin()->string();
  if (!first.starts_with('_') || !site.collections.count(first.substr(1))) return std::nullopt;
  return std::pair{first.substr(1), *inner};
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

JekyllSite read_jekyll_config(const fs::path& root, std::string_view yaml, const std::string& name) {
  const fs::path config = root / name;
  const YAML::Node loaded = readers::load_yaml(yaml, config.string());
  const YAML::Node document = loaded.IsNull() ? YAML::Node(YAML::NodeType::Map) : loaded;
  if (!document.IsMap())
    throw Error(config.string() + ":" + std::to_string(readers::yaml_line(document)) +
                ": expected a map of settings (\"key: value\" lines)");
  JekyllSite site;
  site.root = root;
  site.config_name = name;
  site.config_digest = analysis::digest(yaml);
  site.url = readers::scalar_text(readers::value_of(document, "url"));
  while (site.url.ends_with('/')) site.url.pop_back();
  site.baseurl = readers::scalar_text(readers::value_of(document, "baseurl"));
  while (site.baseurl.ends_with('/')) site.baseurl.pop_back();
  if (!site.baseurl.empty() && !site.baseurl.starts_with('/')) site.baseurl.insert(0, "/");
  if (std::string permalink = readers::scalar_text(readers::value_of(document, "permalink")); !permalink.empty())
    site.permalink = std::move(permalink);
  if (const YAML::Node include = readers::value_of(document, "include"))
    site.include = yaml_strings(include, "include", config);
  if (const YAML::Node exclude = readers::value_of(document, "exclude"))
    site.exclude = yaml_strings(exclude, "exclude", config);
  for (const char* always : kDefaultExcludes)
    if (std::find(site.exclude.begin(), site.exclude.end(), always) == site.exclude.end())
      site.exclude.push_back(always);
  site.collections_dir = readers::scalar_text(readers::value_of(document, "collections_dir"));
  while (site.collections_dir.starts_with('/') || site.collections_dir.starts_with("./"))
    site.collections_dir.erase(0, site.collections_dir.starts_with('/') ? 1 : 2);
  while (site.collections_dir.ends_with('/')) site.collections_dir.pop_back();
  if (site.collections_dir == ".") site.collections_dir.clear();
  const YAML::Node collections = readers::value_of(document, "collections");  // undefined when absent: asked first
  if (collections.IsDefined() && collections.IsMap()) {
    for (const auto& entry : collections) {
      const std::string collection = readers::scalar_text(entry.first);
      if (collection.empty()) continue;
      const YAML::Node settings = entry.second.IsMap() ? entry.second : YAML::Node(YAML::NodeType::Map);
      site.collections[collection] = {readers::yaml_true(readers::scalar_text(readers::value_of(settings, "output"))),
                                      readers::scalar_text(readers::value_of(settings, "permalink"))};
    }
  } else if (collections.IsDefined() && collections.IsSequence()) {
    for (const YAML::Node& item : collections)
      if (std::string collection = readers::scalar_text(item); !collection.empty()) site.collections[collection] = {};
  }
  if (const YAML::Node defaults = readers::value_of(document, "defaults");
      defaults.IsDefined() && defaults.IsSequence()) {
    for (const YAML::Node& set : defaults) {
      if (!set.IsMap()) continue;
      JekyllDefaults entry;
      if (const YAML::Node scope = readers::value_of(set, "scope"); scope.IsDefined() && scope.IsMap()) {
        entry.path = readers::scalar_text(readers::value_of(scope, "path"));
        // strip_collections_dir: a scope may name a collection's folder with collections_dir
        if (const std::string dir = site.collections_dir + "/"; dir.size() > 1 && entry.path.starts_with(dir))
          entry.path.erase(0, dir.size());
        entry.type = readers::scalar_text(readers::value_of(scope, "type"));
      }
      // update_deprecated_types
      if (entry.type == "page" || entry.type == "post" || entry.type == "draft") entry.type += "s";
      entry.values = readers::text_fields(readers::value_of(set, "values"));
      if (!entry.values.empty()) site.defaults.push_back(std::move(entry));
    }
  }
  JekyllCollection& posts = site.collections["posts"];
  posts.output = true;
  if (posts.permalink.empty()) posts.permalink = style_to_permalink(site.permalink);
  return site;
}

std::shared_ptr<const JekyllSite> find_jekyll_site(const fs::path& folder) {
  for (fs::path dir = folder;; dir = dir.parent_path()) {
    for (const char* name : kJekyllConfigNames) {
      std::error_code ec;
      if (fs::is_regular_file(dir / name, ec))
        return std::make_shared<const JekyllSite>(read_jekyll_config(dir, readers::read_file(dir / name), name));
    }
    if (dir.empty() || dir == dir.parent_path()) return nullptr;
  }
}

std::vector<std::pair<std::string, std::string>> front_matter_defaults(const JekyllSite& site,
                                                                       const fs::path& relative) {
  // A document is named below collections_dir, as Document#relative_path does. (Drafts, the
  // third type, are never read: Jekyll publishes them only with --drafts.)
  const auto collection = collection_of(site, relative);
  const std::string type = collection ? collection->first : "pages";
  const fs::path named = collection ? collection->second : relative;
  const std::string page = named.generic_string();
  const auto applies = [&](const JekyllDefaults& d) {
    if (!d.type.empty() && d.type != type) return false;
    if (d.path.empty()) return true;
    // A scope path covers the paths it starts ("nieuws" covers nieuwsbrief.md, "_posts/2019"
    // the posts of 2019); one with a "/" first covers nothing, as in Jekyll. A glob covers what
    // its matches start: here the page and the folders above it, "**/" also none.
    if (d.path.find('*') == std::string::npos) return page.starts_with(d.path);
    const bool globstar = d.path.find("**/") != std::string::npos;
    std::string none = d.path;  // "**/" as no folder
    for (std::size_t at; (at = none.find("**/")) != std::string::npos;) none.erase(at, 3);
    for (fs::path at = named; !at.empty(); at = at.parent_path()) {
      const std::string path = at.generic_string();
      if (fnmatch(d.path.c_str(), path.c_str(), FNM_PATHNAME) == 0 ||
          (globstar && (fnmatch(none.c_str(), path.c_str(), FNM_PATHNAME) == 0 ||
                        fnmatch(d.path.c_str(), path.c_str(), 0) == 0)))
        return true;
    }
    return false;
  };
  // has_precedence? compares the scope paths without a leading "/".
  const auto length = [](const std::string& path) { return path.size() - (path.starts_with('/') ? 1 : 0); };
  std::vector<std::pair<std::string, std::string>> merged;
  const JekyllDefaults* winner = nullptr;
  for (const JekyllDefaults& d : site.defaults) {
    if (!applies(d)) continue;
    const bool precedes =
        winner == nullptr || (length(d.path) != length(winner->path) ? length(d.path) > length(winner->path)
                                                                     : !d.type.empty() || winner->type.empty());
    for (const auto& [key, value] : d.values) {
      const auto same = std::find_if(merged.begin(), merged.end(), [&](const auto& f) { return f.first == key; });
      if (same == merged.end())
        merged.emplace_back(key, value);
      else if (precedes)
        same->second = value;
    }
    if (precedes) winner = &d;
  }
  return merged;
}

void add_front_matter_defaults(const JekyllSite& site, const fs::path& relative, readers::Document& doc) {
  static constexpr std::string_view kPlaceKeys[] = {"permalink", "slug", "categories", "category", "published"};
  for (auto& [key, value] : front_matter_defaults(site, relative))
    if (std::find(std::begin(kPlaceKeys), std::end(kPlaceKeys), key) != std::end(kPlaceKeys) && field(doc, key).empty())
      doc.fields.emplace_back(std::move(key), std::move(value));
  if (readers::yaml_false(field(doc, "published")))
    throw readers::Refusal(doc.path.string() + ": not published (published: " + std::string(field(doc, "published")) +
                               ", from the defaults in " + site.config_name + ")",
                           readers::Refusal::Cause::kLeftOut, doc.format);
}

bool left_out(const JekyllSite& site, const fs::path& relative, bool folder) {
  const std::vector<fs::path> parts(relative.begin(), relative.end());
  const fs::path collections_dir(site.collections_dir);
  std::string entry;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const std::string name = parts[k].string();
    entry += (k == 0 ? "" : "/") + name;
    const bool is_folder = folder || k + 1 < parts.size();
    const bool included = glob_matches(site.include, entry, is_folder) || glob_matches(site.include, name, is_folder);
    if (glob_matches(site.exclude, entry, is_folder, site.include) && !included) return true;
    if (included) continue;
    if (is_folder && name.starts_with('_') && fs::path(entry).parent_path() == collections_dir) {
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
  const auto in = collection_of(site, relative);
  const auto collection = in ? site.collections.find(in->first) : site.collections.end();
  const std::string permalink(field(doc, "permalink"));
  if (collection != site.collections.end()) {
    const std::string pattern =
        !collection->second.permalink.empty() ? collection->second.permalink
                                              : with_permalink_suffix("/:collection/:path", site.permalink);
    const auto values = document_values(collection->first, in->second, doc, front_matter ? output_ext : "");
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
