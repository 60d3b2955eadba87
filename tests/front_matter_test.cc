#include "readers/markup/front_matter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vind::readers {
namespace {

// "present" or "absent", "body N", then "key=value" per field: the whole result.
std::vector<std::string> describe(const std::string& text) {
  const FrontMatter fm = read_front_matter(split_lines(text));
  std::vector<std::string> out = {fm.present ? "present" : "absent", "body " + std::to_string(fm.body),
                                  published(fm) ? "published" : "not published"};
  for (const auto& [key, value] : fm.fields) out.push_back(key + "=" + value);
  return out;
}

struct FrontMatterCase {
  std::string text;
  std::vector<std::string> read;  // as describe() gives it
};

TEST(FrontMatter, ReadsTheFlatYamlJekyllPagesUse) {
  const std::vector<FrontMatterCase> cases = {
      {"---\nlayout: page\ntitle: \"Vragen: en antwoorden\"\npermalink: '/faq/'\n---\n# Titel\n",
       {"present", "body 5", "published", "layout=page", "title=Vragen: en antwoorden", "permalink=/faq/"}},
      {"---\ntags:\n  - hack\n  - privacy\nleeg:\n# commentaar\n---\n",
       {"present", "body 7", "published", "tags=hack, privacy"}},
      {"---\r\ntitle: CRLF \r\n...\r\nTekst\r\n", {"present", "body 3", "published", "title=CRLF"}},
      {"\xEF\xBB\xBF---\ntitle: BOM\n---\n", {"present", "body 3", "published", "title=BOM"}},
      {"---\n  ingesprongen: nee\n- lijst\n:geen sleutel\ngeen dubbele punt\n---\n",
       {"present", "body 6", "published"}},
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

TEST(FrontMatter, GivesTheFirstValueOfAKey) {
  const FrontMatter fm = read_front_matter(split_lines("---\ntitle: Een\ntitle: Twee\n---\n"));
  EXPECT_EQ(field(fm, "title"), "Een");
  EXPECT_EQ(field(fm, "date"), "");
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
