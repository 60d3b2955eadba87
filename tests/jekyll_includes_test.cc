#include "readers/markup/jekyll_includes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "passage_lists.h"
#include "readers/document.h"
#include "temp_dir.h"

namespace vind::readers {
namespace {

using vind::testing::TempDir;

TEST(JekyllIncludes, WritesInTheFragmentsASiteIncludes) {
  const TempDir site;
  site.write("_includes/content/antwoord.md", "Bel de *GGD*.\n{% include content/nl/voet.md %}\n");
  site.write("_includes/content/nl/voet.md", "Zie ook de app.");
  site.write("_questions/nl/naast.md", "Naast de vraag.");
  const std::filesystem::path page = site / "_questions/nl/vraag.md";
  const RenderedPage rendered = with_includes(
      "Eerst.\n{%- include content/antwoord.md key=\"a\" -%}\n{% include_relative naast.md %}\nKlaar.", page);
  EXPECT_EQ(rendered.text, "Eerst.\nBel de *GGD*.\nZie ook de app.\n\nNaast de vraag.\nKlaar.");
  EXPECT_EQ(rendered.warnings, std::vector<std::string>{});
}

TEST(JekyllIncludes, FindsFragmentsOfASiteFlattenedIntoOneFolder) {
  const TempDir site;
  site.write("faq/includes__content__48-pauze.md", "## Moet dat alsnog?\n\nBel je GGD.\n");
  const RenderedPage rendered =
      with_includes("{% include content/48-pauze.md %}", site / "faq/questions__nl__48-pauze.md");
  EXPECT_EQ(rendered.text, "## Moet dat alsnog?\n\nBel je GGD.\n");
}

TEST(JekyllIncludes, LeavesTheTagWhereNoMarkdownFragmentMayBeRead) {
  const TempDir site;
  site.write("_includes/video.html", "<video src=x></video>");
  site.write("_includes/zelf.md", "Ik {% include zelf.md %}");
  site.write("geheim.md", "geheim");
  site.write("_includes/kapot.md", "caf\xe9");
  const std::filesystem::path page = site / "pagina.md";
  const std::string tags =
      "{% include video.html %}{% include ontbreekt.md %}{% include {{ page.x }}.md %}"
      "{% include ../geheim.md %}{% include_relative ../geheim.md %}{% if a %}";
  EXPECT_EQ(with_includes(tags, page).text, tags);
  EXPECT_EQ(with_includes("{% include zelf.md %}", page).text,
            "Ik Ik Ik Ik Ik Ik Ik Ik {% include zelf.md %}");
  const RenderedPage broken = with_includes("a{% include kapot.md %}b", page);
  EXPECT_EQ(broken.text, "a{% include kapot.md %}b");
  EXPECT_EQ(broken.warnings, std::vector<std::string>{(page.string() + ": include kapot.md: " +
                                                       (site / "_includes/kapot.md").string() +
                                                       " is not UTF-8; left out")});
}

TEST(JekyllIncludes, TellsFragmentsFromPages) {
  EXPECT_TRUE(is_jekyll_include("site/_includes/content/a.md"));
  EXPECT_FALSE(is_jekyll_include("faq/coronamelder/includes__content__45-hoe-helpt.md"));
  EXPECT_FALSE(is_jekyll_include("faq/coronamelder/questions__nl__45-hoe-helpt.md"));
  EXPECT_FALSE(is_jekyll_include("site/_includes.md"));
  EXPECT_FALSE(is_jekyll_include("site/my_includes/a.md"));
}

TEST(JekyllIncludes, APageIsFoundByTheWordsOfItsFragment) {
  const TempDir site;
  site.write("_includes/content/21-misbruik.md", "Meld misbruik bij de Fraudehelpdesk.");
  const std::filesystem::path page = site.write(
      "_questions/21-misbruik.md", "---\ntitle: Waar meld ik misbruik?\n---\n{% include content/21-misbruik.md %}\n");
  const Document doc = read_document(page);
  EXPECT_EQ(vind::testing::texts(doc), std::vector<std::string>{"Meld misbruik bij de Fraudehelpdesk."});
  // The fragment has no page of its own on the site: a link to it would land nowhere.
  const std::filesystem::path fragment = site / "_includes/content/21-misbruik.md";
  try {
    read_document(fragment);
    ADD_FAILURE() << "a fragment was read as a page";
  } catch (const Refusal& e) {
    EXPECT_EQ(e.cause(), Refusal::Cause::kLeftOut);
    EXPECT_EQ(std::string(e.what()), fragment.string() + ": a Jekyll include, indexed with the pages that include it");
  }
}

}  // namespace
}  // namespace vind::readers
