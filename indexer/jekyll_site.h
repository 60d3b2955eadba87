#pragma once
// A Jekyll site's source tree → what Jekyll publishes of it, and at which address.
//
// In: a folder inside a site (its root holds `_config.yml`), a path below that root, a document
// read from it. Out: the settings vind needs (url, baseurl, permalink, include, exclude,
// collections, collections_dir, defaults), whether Jekyll leaves a path out of the site, the
// front matter defaults a page gets, and the address Jekyll gives a page.
// Used by the folder walk (input_files.h: what is indexed) and by prepare_file.h (each document's
// URL). The rules are Jekyll 4.3's (lib/jekyll/entry_filter.rb, page.rb, document.rb, url.rb,
// drops/url_drop.rb, frontmatter_defaults.rb): what vind indexes is what the site publishes, and a link lands where
// Jekyll wrote the page.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/document.h"

namespace vind::indexer {

// The configuration Jekyll reads when it is given none: the first of these that exists.
inline constexpr const char* kJekyllConfigNames[] = {"_config.yml", "_config.yaml"};

struct JekyllCollection {
  bool output = false;    // without `output: true` Jekyll writes no page for the collection's documents
  std::string permalink;  // its pattern in _config.yml; "" for Jekyll's default
};

// One entry of `defaults:`: front matter for the pages its scope covers.
struct JekyllDefaults {
  std::string path;  // a folder or file below the root, or a glob; "" for every page
  std::string type;  // "pages", "posts", "drafts" or a collection's name; "" for any
  std::vector<std::pair<std::string, std::string>> values;  // as front matter fields
};

struct JekyllSite {
  std::filesystem::path root;  // the folder of _config.yml, normalised
  std::string config_name = "_config.yml";  // or "_config.yaml"
  std::string url;             // "https://www.example.nl", without a trailing "/"; "" when unset
  std::string baseurl;         // "/help", without a trailing "/"; "" when the site is at the root
  std::string permalink = "date";  // a style (date, pretty, ordinal, none) or a pattern
  std::vector<std::string> include = {".htaccess"};  // Jekyll's default, replaced by `include:`
  // `exclude:` and the folders Jekyll always excludes (node_modules, vendor/bundle/, …).
  std::vector<std::string> exclude;
  // Where the collections' folders are ("coll" for coll/_vragen/); "" for the root.
  std::string collections_dir;
  // By name ("vragen" for _vragen/); "posts" is always there, with output.
  std::map<std::string, JekyllCollection> collections;
  std::vector<JekyllDefaults> defaults;  // in the configuration's order
  std::string config_digest;  // of _config.yml's bytes: a changed configuration re-reads the pages
};

// The site whose source tree holds `folder`: the nearest folder from `folder` (normalised) up
// that has a _config.yml (or _config.yaml); nullptr when none has. What vind does not use is
// passed over. Throws vind::Error naming the file and the line when it is no YAML map of
// settings, when `include` or `exclude` is not a list (Jekyll stops there too) or when it cannot
// be read.
std::shared_ptr<const JekyllSite> find_jekyll_site(const std::filesystem::path& folder);

// The same for a configuration in memory (tests).
JekyllSite read_jekyll_config(const std::filesystem::path& root, std::string_view yaml,
                              const std::string& name = "_config.yml");

// Whether Jekyll leaves the file or folder at `relative` (below site.root) out of the site: a
// name starting with "_", ".", "#" or "~" or ending with "~" (_layouts, _sass, _site, _drafts,
// .jekyll-cache) but for a collection's folder with output (_posts, _vragen), whatever matches
// `exclude` unless it matches `include`, and a collection's folder without output.
bool left_out(const JekyllSite& site, const std::filesystem::path& relative, bool folder);

// What `defaults:` give the page at `relative` (below site.root), merged as Jekyll merges them
// (frontmatter_defaults.rb: a longer scope path wins, at equal length a scope with a type).
std::vector<std::pair<std::string, std::string>> front_matter_defaults(const JekyllSite& site,
                                                                       const std::filesystem::path& relative);

// Adds to doc.fields the defaults for the page at `relative` that decide where and whether it is
// published (permalink, slug, categories, category, published) and that its own front matter
// does not set. Throws readers::Refusal (Cause::kLeftOut) when they say `published: false`.
void add_front_matter_defaults(const JekyllSite& site, const std::filesystem::path& relative,
                               readers::Document& doc);

// Whether Jekyll renders the file as a page (it opens with a "---" line), rather than copying it.
bool has_front_matter(std::string_view bytes);

// The page's address below the site's root as Jekyll gives it: "/vragen/bsn-wijzigen.html" for
// _vragen/bsn-wijzigen.md, "/faq/" for `permalink: /faq/`, "/over/" for over/index.md, the path
// itself for a file Jekyll copies. `relative` is below site.root; the document's `permalink`,
// `slug`, `categories` and `date` fields fill the pattern. nullopt when the pattern names a
// placeholder Jekyll does not know or that the document cannot fill (":year" without a date).
std::optional<std::string> site_path(const JekyllSite& site, const std::filesystem::path& relative,
                                     const readers::Document& doc, bool front_matter);

// A path as a URL's path: unreserved characters, sub-delims, ":", "@" and "/" as they are, every
// other byte (space, "#", "?", "%", non-ASCII) percent-encoded, as Jekyll's URL.escape_path.
std::string escape_path(std::string_view path);

}  // namespace vind::indexer
