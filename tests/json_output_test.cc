#include "searcher/json_output.h"

#include <gtest/gtest.h>

#include "test_index.h"

namespace vind::searcher {
namespace {

using vind::testing::source_dir;
using vind::testing::TempDir;

TEST(JsonOutput, EscapesEverythingButItsOwnMarks) {
  const Snippet snippet = {{"<script>alert('x')</script> & ", false}, {"\"phishing\"", true}};
  EXPECT_EQ(snippet_html(snippet),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>&quot;phishing&quot;</mark>");
}

// A document that carries markup comes out inert, end to end.
TEST(JsonOutput, ADocumentWithScriptTagsComesOutInert) {
  TempDir dir;
  const Searcher searcher(vind::testing::build_test_index(dir, {source_dir() / "tests/data/xss.txt"}));
  SearchRequest request;
  request.query = "phishing";
  const nlohmann::json json = to_json(search(searcher, request));
  ASSERT_EQ(json.at("results").size(), 1u);
  EXPECT_EQ(json.at("results")[0].at("snippet"),
            "Wat gebeurt er met &lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt; in een "
            "<mark>phishing-bericht</mark>? Een aanvaller schreef &lt;img src=x "
            "onerror=alert(1)&gt; in de tekst over <mark>phishing</mark> &amp; fraude.");
  EXPECT_EQ(json.at("results")[0].at("section"),
            "Vraag 1: Wat gebeurt er met <script>alert('xss')</script> in een phishing-bericht?")
      << "plain JSON strings are not HTML; the page must insert them as text";
}

TEST(JsonOutput, MarksCompoundsThatMatchedThroughAPart) {
  TempDir dir;
  const Searcher searcher(vind::testing::build_test_index(dir));
  SearchRequest request;
  request.query = "darmkanker";
  request.limit = 1;
  const std::string snippet = to_json(search(searcher, request)).at("results")[0].at("snippet");
  EXPECT_NE(snippet.find("borstkanker en <mark>darmkanker</mark>"), std::string::npos) << snippet;
  request.query = "kanker kind:faq";  // the FAQ only has it inside compounds
  const Results results = search(searcher, request);
  ASSERT_EQ(results.hits.size(), 1u);
  EXPECT_NE(snippet_html(results.hits[0].snippet).find("<mark>baarmoederhalskanker</mark>"),
            std::string::npos)
      << snippet_html(results.hits[0].snippet);
}

TEST(JsonOutput, PassageUrlJoinsPageAndAnchor) {
  schema::StoredPassage p;
  p.url = "/faq/";
  p.anchor = "4-Wie";
  EXPECT_EQ(passage_url(p), "/faq/#4-Wie");
  p.anchor = "";
  EXPECT_EQ(passage_url(p), "/faq/");
}

TEST(JsonOutput, HealthNamesMissingShardsAndANewerIndexRefusedOnlyWhenThereAreAny) {
  IndexInfo healthy{2, 37, "2026-11-23T11:57:01Z", {}, 0, ""};
  EXPECT_EQ(to_json(healthy), nlohmann::json::parse(R"({"status": "ok", "documents": 2,
      "passages": 37, "built_at": "2026-11-23T11:57:01Z", "generation": 0, "missing": []})"));
  IndexInfo partial{1, 20, "2026-11-23T11:57:01Z", {{"10.0.0.2:33333", "Couldn't connect"}}, 3,
                    "db: built with other analysis settings"};
  EXPECT_EQ(to_json(partial), nlohmann::json::parse(R"({"status": "partial", "documents": 1,
      "passages": 20, "built_at": "2026-11-23T11:57:01Z", "generation": 3,
      "missing": [{"shard": "10.0.0.2:33333", "reason": "Couldn't connect"}],
      "newer_index_refused": "db: built with other analysis settings"})"));
}

}  // namespace
}  // namespace vind::searcher
