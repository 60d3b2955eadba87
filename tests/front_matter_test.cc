#include "readers/markup/front_matter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vind::readers {
namespace {

// "present" or "absent", "body N", then "key=value" per field and the error if any: the whole result.
std::vector<std::string> describe(const std::string& text) {
  const FrontMatter fm = read_front_matter(split_lines(text), "p.md");
  std::vector<std::string> out = {fm.present ? "present" : "absent", "body " + std::to_string(fm.body),
                                  published(fm) ? "published" : "not published"};
  for (const auto& [key, value] : fm.fields) out.push_back(key + "=" + value);
  if (!fm.error.empty()) out.push_back("error: " + fm.error);
  return out;
}

// Ten lists of ten aliases of the list before: 10^10 "lol"s if aliases were copied.
std::string billion_laughs() {
  std::string yaml = "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) yaml += (j ? ", *a" : "*a") + std::to_string(i - 1);
    yaml += "]\n";
  }
  return yaml + "title: Bom\n---\n";
}

struct FrontMatterCase {
  std::string text;
  std::vector<std::string> read;  // as describe() gives it
};

TEST(FrontMatter, ReadsTheYamlJekyllPagesWrite) {
  const std::vector<FrontMatterCase> cases = {
      {"---\nlayout: page\ntitle: \"Vragen: en antwoorden\"\npermalink: '/faq/'\n---\n# Titel\n",
       {"present", "body 5", "published", "layout=page", "title=Vragen: en antwoorden", "permalink=/faq/"}},
      {"---\ntags:\n  - hack\n  - privacy\nleeg:\n# commentaar\n---\n",
       {"present", "body 7", "published", "tags=hack, privacy"}},
      {"---\r\ntitle: CRLF \r\n...\r\nTekst\r\n", {"present", "body 3", "published", "title=CRLF"}},
      {"\xEF\xBB\xBF---\ntitle: BOM\n---\n", {"present", "body 3", "published", "title=BOM"}},
      // YAML as Jekyll reads it: escapes, block scalars, flow lists, anchors; maps have no text.
      {"---\ntitle: \"Wat is \\\"Z-Cert\\\"?\"\ntags: [hack, 'NMDL']\ndescription: >\n  Een lange\n  beschrijving: met dubbele punt\nseo:\n  title: genest\n---\n",
       {"present", "body 9", "published", "title=Wat is \"Z-Cert\"?", "tags=hack, NMDL",
        "description=Een lange beschrijving: met dubbele punt\n"}},
      {"---\nauteur: &a Redactie\nredactie: *a\ndatum: ~\nleeg: ''\n---\n",
       {"present", "body 6", "published", "auteur=Redactie", "redactie=Redactie"}},
      // A billion laughs: aliases are shared nodes, and lists of lists have no text.
      {billion_laughs(), {"present", "body 13", "published", "a0=lol, lol, lol, lol, lol, lol, lol, lol, lol, lol", "title=Bom"}},
      // Not YAML: Jekyll warns and publishes the page without its fields, so do we.
      {"---\ntitle: Wat is: dit\ndate: 2025-10-13\n---\nTekst\n",
       {"present", "body 4", "published", "error: p.md:2: not valid YAML: illegal map value; read without its fields"}},
      {"---\ntitle: x\ntags: [open\n---\n",
       {"present", "body 4", "published", "error: p.md:4: not valid YAML: end of sequence flow not found; read without its fields"}},
      {"---\nalleen tekst\n---\n",
       {"present", "body 3", "published",
        "error: p.md:2: not valid YAML: the front matter is no map of \"key: value\" fields; read without its fields"}},
      {"---\n" + std::string(100000, '[') + "\n---\n",
       {"present", "body 3", "published", "error: p.md:3: not valid YAML: nested too deep (500 levels); read without its fields"}},
      {"---\npublished: false\n---\n", {"present", "body 3", "not published", "published=false"}},
      {"---\npublished: No\n---\n", {"present", "body 3", "not published", "published=No"}},
      {"---\npublished: OFF\n---\n", {"present", "body 3", "not published", "published=OFF"}},
      {"---\npublished: true\n---\n", {"present", "body 3", "published", "published=true"}},
      // Never closed: no front matter, Jekyll renders the whole file.
      {"---\ntitle: Nooit gesloten\n## Vraag\n", {"absent", "body 0", "published"}},
      {"Tekst\n---\ntitle: x\n---\n", {"absent", "body 0", "published"}},
      {"", {"absent", "body 0", "published"}},
  };
  for (const FrontMatterCase& c : cases) EXPECT_EQ(describe(c.text), c.read) << c.text;
}

// Ruby's YAML, which Jekyll reads pages with, keeps the last value of a key given twice.
TEST(FrontMatter, GivesTheLastValueOfAKeyGivenTwice) {
  const FrontMatter fm = read_front_matter(split_lines("---\ntitle: Een\ndate: 2025-10-13\ntitle: Twee\n---\n"));
  EXPECT_EQ(fm.fields, (std::vector<std::pair<std::string, std::string>>{{"title", "Twee"}, {"date", "2025-10-13"}}));
  EXPECT_EQ(field(fm, "title"), "Twee");
  EXPECT_EQ(field(fm, "lastmodified"), "");
}

TEST(FrontMatter, TakesThePageAddressThePageGives) {
  const auto url = [](const std::string& fields) {
    return page_url(read_front_matter(split_lines("---\n" + fields + "---\n")));
  };
  EXPECT_EQ(url("permalink: /faq/\n"), "/faq/");
  EXPECT_EQ(url("canonical: https://www.rijksoverheid.nl/a\npermalink: /faq/\n"), "https://www.rijksoverheid.nl/a");
  EXPECT_EQ(url("canonical: /relatief\n"), "");
  EXPECT_EQ(url("permalink: /:categories/:title/\n"), "");
  EXPECT_EQ(url("permalink: faq.html\n"), "");
  EXPECT_EQ(url("title: Geen adres\n"), "");
}

}  // namespace
}  // namespace vind::readers
