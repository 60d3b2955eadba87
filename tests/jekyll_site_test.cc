#include "indexer/jekyll_site.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/error.h"
#include "temp_dir.h"

namespace vind::indexer {
namespace {

using vind::testing::TempDir;

// name → "output|permalink"
std::map<std::string, std::string> collections(const JekyllSite& site) {
  std::map<std::string, std::string> out;
  for (const auto& [name, c] : site.collections) out[name] = (c.output ? "output|" : "-|") + c.permalink;
  return out;
}

const std::vector<std::string> kAlwaysExcluded = {".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile",
                                                  "Gemfile.lock", "node_modules", "vendor/bundle/",
                                                  "vendor/cache/", "vendor/gems/", "vendor/ruby/"};

TEST(JekyllSite, ReadsTheSettingsVindUsesAndPassesOverTheRest) {
  const JekyllSite site = read_jekyll_config("/site", R"(# Een site
title: "Vind: de testsite"
url: https://www.example.nl/   # the "/" goes
baseurl: help/
permalink: pretty
include: [_redirects, ".well-known"]
exclude:
- concepten/
- "*.bak"   # backups
collections:
  vragen:
    output: true
    permalink: /v/:path/
  intern:
    output: false
defaults:
  - scope:
      path: ""
    values:
      layout: default
description: >
  Een lange
  beschrijving: met dubbele punt
kramdown:
  input: GFM
)");
  EXPECT_EQ(site.root, "/site");
  EXPECT_EQ(site.url, "https://www.example.nl");
  EXPECT_EQ(site.baseurl, "/help");
  EXPECT_EQ(site.permalink, "pretty");
  EXPECT_EQ(site.include, (std::vector<std::string>{"_redirects", ".well-known"}));
  std::vector<std::string> exclude = {"concepten/", "*.bak"};
  exclude.insert(exclude.end(), kAlwaysExcluded.begin(), kAlwaysExcluded.end());
  EXPECT_EQ(site.exclude, exclude);
  EXPECT_EQ(collections(site), (std::map<std::string, std::string>{{"intern", "-|"},
                                                                   {"posts", "output|/:categories/:year/:month/:day/:title/"},
                                                                   {"vragen", "output|/v/:path/"}}));
}

TEST(JekyllSite, TakesJekyllsDefaultsWhereTheConfigurationIsSilent) {
  const JekyllSite site = read_jekyll_config("/site", "collections:\n  - vragen\n");
  EXPECT_EQ(site.url, "");
  EXPECT_EQ(site.baseurl, "");
  EXPECT_EQ(site.permalink, "date");
  EXPECT_EQ(site.include, std::vector<std::string>{".htaccess"});
  EXPECT_EQ(site.exclude, kAlwaysExcluded);
  EXPECT_EQ(collections(site), (std::map<std::string, std::string>{
                                   {"posts", "output|/:categories/:year/:month/:day/:title:output_ext"},
                                   {"vragen", "-|"}}));
  EXPECT_EQ(collections(read_jekyll_config("/site", "collections: [vragen, nieuws]\n")),
            (std::map<std::string, std::string>{{"nieuws", "-|"},
                                                {"posts", "output|/:categories/:year/:month/:day/:title:output_ext"},
                                                {"vragen", "-|"}}));
}

TEST(JekyllSite, RefusesAnExcludeThatIsNoList) {
  try {
    read_jekyll_config("/site", "title: x\nexclude: Gemfile\n");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "/site/_config.yml:2: exclude: expected a list (\"- name\" lines or [a, b]), found \"Gemfile\"");
  }
}

// Jekyll stops at a configuration it cannot read; so does vind, naming the file and the line.
TEST(JekyllSite, RefusesAConfigurationThatIsNoYamlMap) {
  const std::pair<const char*, const char*> cases[] = {
      {"url: https://example.nl\nexclude: [concepten, oud\n",
       "/site/_config.yml:3: not valid YAML: end of sequence flow not found"},
      {"title: Vind: de testsite\n", "/site/_config.yml:1: not valid YAML: illegal map value"},
      {"- url\n- baseurl\n", "/site/_config.yml:1: expected a map of settings (\"key: value\" lines)"},
  };
  for (const auto& [yaml, message] : cases) {
    try {
      read_jekyll_config("/site", yaml);
      ADD_FAILURE() << "no error for " << yaml;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()), message);
    }
  }
}

// Quoting and anchors mean what they mean to Ruby's YAML: the site's own settings, not their spelling.
TEST(JekyllSite, ReadsQuotedAndAnchoredSettings) {
  const JekyllSite site = read_jekyll_config("/site", "url: \"https://www.example.nl\"\nbaseurl: '/help'\n"
                                                      "gedeeld: &uit [concepten, '*.bak']\nexclude: *uit\n");
  EXPECT_EQ(site.url, "https://www.example.nl");
  EXPECT_EQ(site.baseurl, "/help");
  std::vector<std::string> exclude = {"concepten", "*.bak"};
  exclude.insert(exclude.end(), kAlwaysExcluded.begin(), kAlwaysExcluded.end());
  EXPECT_EQ(site.exclude, exclude);
}

// frontmatter_defaults.rb: every scope that covers the page adds its values; a longer path, or at
// the same length a scope with a type, overrides the others.
TEST(JekyllSite, MergesTheFrontMatterDefaultsThatCoverAPageAsJekyllDoes) {
  const JekyllSite site = read_jekyll_config("/site", R"(collections:
  vragen:
    output: true
basis: &basis {layout: default, permalink: "/:path/:basename/"}
defaults:
  - scope: {path: "_vragen/intern"}
    values: {published: false, layout: intern}
  - scope: {path: "", type: vragen}
    values: {permalink: "/v/:name/"}
  - scope: {path: ""}
    values: {<<: *basis, tags: [a, b]}
  - scope: {path: "docs/*.md"}
    values: {category: handleiding}
  - scope: {path: "/docs"}
    values: {category: nooit}
  - scope: {path: "nieuws"}
    values: {category: nieuws}
  - scope: {path: "gids/**/*.md"}
    values: {category: gids}
  - scope: {type: post}
    values: {permalink: "/blog/:title/"}
  - scope: {path: "docs"}
    values: {}
)");
  using Fields = std::vector<std::pair<std::string, std::string>>;
  const Fields base = {{"tags", "a, b"}, {"layout", "default"}, {"permalink", "/:path/:basename/"}};
  const auto with = [&](Fields more) {
    Fields all = base;
    all.insert(all.end(), more.begin(), more.end());
    return all;
  };
  EXPECT_EQ(front_matter_defaults(site, "over.md"), base);
  EXPECT_EQ(front_matter_defaults(site, "_vragen/bsn.md"),
            (Fields{{"permalink", "/v/:name/"}, {"tags", "a, b"}, {"layout", "default"}}));
  EXPECT_EQ(front_matter_defaults(site, "_vragen/intern/x.md"),
            (Fields{{"published", "false"}, {"layout", "intern"}, {"permalink", "/v/:name/"}, {"tags", "a, b"}}));
  // A glob covers its matches; a path with a "/" first covers nothing, as in Jekyll.
  EXPECT_EQ(front_matter_defaults(site, "docs/a.md"), with({{"category", "handleiding"}}));
  EXPECT_EQ(front_matter_defaults(site, "docs/sub/a.md"), base);
  // A scope path covers the paths it starts, as Jekyll's start_with? does.
  EXPECT_EQ(front_matter_defaults(site, "nieuwsbrief.md"), with({{"category", "nieuws"}}));
  EXPECT_EQ(front_matter_defaults(site, "gids/a.md"), with({{"category", "gids"}}));
  EXPECT_EQ(front_matter_defaults(site, "gids/x/y/a.md"), with({{"category", "gids"}}));
  // "post" is Jekyll's old name for "posts".
  EXPECT_EQ(front_matter_defaults(site, "_posts/2021-05-01-hack.md"),
            (Fields{{"tags", "a, b"}, {"layout", "default"}, {"permalink", "/blog/:title/"}}));
  EXPECT_EQ(site.defaults.size(), 8u);  // one without values sets nothing
}

// Ruby's YAML keeps the last value of a key given twice; yaml-cpp's operator[] the first.
TEST(JekyllSite, TakesTheLastValueOfASettingGivenTwice) {
  const JekyllSite site = read_jekyll_config("/site", "url: https://een.nl\npermalink: date\nurl: https://twee.nl\npermalink: pretty\n");
  EXPECT_EQ(site.url, "https://twee.nl");
  EXPECT_EQ(site.permalink, "pretty");
}

TEST(JekyllSite, FindsTheSiteInTheNearestFolderWithAConfiguration) {
  const TempDir dir;
  dir.write("site/_config.yml", "url: https://example.nl\n");
  dir.write("site/_vragen/x.md", "---\ntitle: x\n---\nx\n");
  const auto site = find_jekyll_site(dir / "site/_vragen");
  ASSERT_NE(site, nullptr);
  EXPECT_EQ(site->root, dir / "site");
  EXPECT_EQ(site->url, "https://example.nl");
  EXPECT_EQ(find_jekyll_site(dir.path()), nullptr);
  // Jekyll takes _config.yaml where there is no _config.yml.
  dir.write("ander/_config.yaml", "url: https://ander.nl\n");
  const auto other = find_jekyll_site(dir / "ander");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->url, "https://ander.nl");
}

TEST(JekyllSite, LeavesOutWhatJekyllLeavesOutOfTheSite) {
  const JekyllSite site = read_jekyll_config(
      "/site", "include: [_redirects, .htaccess]\nexclude: [concepten, '*.bak']\n"
               "collections:\n  vragen:\n    output: true\n  intern:\n    output: false\n");
  struct Case {
    const char* path;
    bool folder;
    bool left_out;
  };
  const Case cases[] = {
      {"faq.md", false, false},
      {"over/index.md", false, false},
      {"_layouts", true, true},
      {"_layouts/default.html", false, true},
      {"_sass/main.scss", false, true},
      {"_site/index.html", false, true},
      {"_includes/vind-search.html", false, true},
      {"_data/menu.yml", false, true},
      {"_drafts/nog-niet.md", false, true},
      {"_config.yml", false, true},
      {".jekyll-cache", true, true},
      {"_vragen", true, false},
      {"_vragen/bsn.md", false, false},
      {"_vragen/_concept.md", false, true},  // a special name below a collection too
      {"_intern/x.md", false, true},          // a collection without output has no pages
      {"_posts/2021-05-01-hack.md", false, false},
      {"vendor/bundle/ruby/x.md", false, true},
      {"vendor", true, false},  // only vendor/bundle/, cache/, gems/ and ruby/
      {"vendor/eigen.md", false, false},
      {"node_modules/pakket/README.md", false, true},
      {"Gemfile", false, true},
      {"concepten", true, true},
      {"concepten/a.md", false, true},
      {"conceptenlijst.md", false, true},  // Jekyll's prefix match: "concepten" takes it too
      {"oud.bak", false, true},
      {"docs/oud.bak", false, true},  // "*" crosses "/", as in Jekyll
      {"notities.md~", false, true},
      {"#tijdelijk#", false, true},
      {"_redirects", false, false},
      {".htaccess", false, false},
  };
  for (const Case& c : cases) EXPECT_EQ(left_out(site, c.path, c.folder), c.left_out) << c.path;
}

TEST(JekyllSite, GivesEachPageTheAddressJekyllWritesItAt) {
  const JekyllSite plain = read_jekyll_config("/site", "collections:\n  vragen:\n    output: true\n");
  const JekyllSite pretty = read_jekyll_config("/site", "permalink: pretty\ncollections:\n  vragen:\n    output: true\n");
  const JekyllSite patterned = read_jekyll_config(
      "/site", "permalink: /:categories/:title/\ncollections:\n  vragen:\n    output: true\n    permalink: /v/:title/\n");
  struct Case {
    const JekyllSite* site;
    const char* path;
    std::vector<std::pair<std::string, std::string>> fields;
    bool front_matter;
    std::optional<std::string> url;
  };
  const Case cases[] = {
      {&plain, "faq.md", {}, true, "/faq.html"},
      {&plain, "faq.md", {{"permalink", "/faq/"}}, true, "/faq/"},
      {&plain, "faq.md", {{"permalink", "hulp//faq"}}, true, "/hulp/faq"},
      {&plain, "over/index.md", {}, true, "/over/"},
      {&plain, "index.html", {}, true, "/"},
      {&plain, "docs/uitleg.markdown", {}, true, "/docs/uitleg.html"},
      {&plain, "docs/a b.md", {}, true, "/docs/a%20b.html"},
      {&plain, "robots.txt", {}, true, "/robots.txt"},
      {&plain, "docs/zonder.md", {}, false, "/docs/zonder.md"},  // no front matter: copied as it is
      {&plain, "_vragen/bsn-wijzigen.md", {}, true, "/vragen/bsn-wijzigen.html"},
      {&plain, "_vragen/sub/bsn.md", {}, true, "/vragen/sub/bsn.html"},
      {&plain, "_vragen/bsn.md", {{"permalink", "/vragen/:name/"}}, true, "/vragen/bsn/"},
      {&plain, "_vragen/bijlage.pdf.txt", {}, false, "/vragen/bijlage.pdf.txt"},
      {&plain, "_posts/2021-05-01-hack.md", {{"categories", "Nieuws, Zorg"}}, true, "/nieuws/zorg/2021/05/01/hack.html"},
      // A list's items stay whole ("categories: [Nieuws en media]"); a text splits at blanks.
      {&plain, "_posts/2021-05-01-hack.md", {{"categories", "Nieuws en media, Zorg"}}, true,
       "/nieuws%20en%20media/zorg/2021/05/01/hack.html"},
      {&plain, "_posts/2021-05-01-hack.md", {{"categories", "nieuws zorg"}}, true, "/nieuws/zorg/2021/05/01/hack.html"},
      {&plain, "_posts/2021-5-1-hack.md", {}, true, "/2021/05/01/hack.html"},
      {&pretty, "faq.md", {}, true, "/faq/"},
      {&pretty, "_vragen/bsn-wijzigen.md", {}, true, "/vragen/bsn-wijzigen/"},
      {&pretty, "_posts/2021-05-01-hack.md", {}, true, "/2021/05/01/hack/"},
      {&patterned, "faq.md", {}, true, "/faq/"},
      {&patterned, "_vragen/2021-05-01-Bsn Wijzigen!.md", {}, true, "/v/Bsn-Wijzigen!/"},
      {&patterned, "_vragen/x.md", {{"slug", "Eigen Naam"}}, true, "/v/Eigen-Naam/"},
      {&plain, "_vragen/x.md", {{"permalink", "/:onbekend/"}}, true, std::nullopt},
      {&plain, "_vragen/x.md", {{"permalink", "/:year/:title/"}}, true, std::nullopt},  // no date
      {&plain, "_vragen/x.md", {{"permalink", "/:year/:title/"}, {"date", "2024-04-04T08:49:13Z"}}, true,
       "/2024/x/"},
  };
  for (const Case& c : cases) {
    readers::Document doc;
    doc.fields = c.fields;
    EXPECT_EQ(site_path(*c.site, c.path, doc, c.front_matter), c.url) << c.path;
  }
}

TEST(JekyllSite, TellsAPageFromAFileJekyllCopies) {
  EXPECT_TRUE(has_front_matter("---\ntitle: x\n---\n"));
  EXPECT_TRUE(has_front_matter("---  \r\n---\n"));
  EXPECT_FALSE(has_front_matter("--- x\n"));
  EXPECT_FALSE(has_front_matter("# Kop\n---\n"));
  EXPECT_FALSE(has_front_matter("---"));
}

TEST(JekyllSite, EscapesAPathAsJekyllDoes) {
  EXPECT_EQ(escape_path("/docs/a b#c?d%e.md"), "/docs/a%20b%23c%3Fd%25e.md");
  EXPECT_EQ(escape_path("/vragen/patiënt@x:(1)"), "/vragen/pati%C3%ABnt@x:(1)");
  EXPECT_EQ(escape_path("/twee\nregels"), "/twee%0Aregels");
}

}  // namespace
}  // namespace vind::indexer
