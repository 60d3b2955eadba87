// `vind serve` as the website meets it: the real binary on a free loopback port, asked over HTTP.

#include "server/http_server.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "analysis/error.h"
#include "indexer/build_index.h"
#include "schema/schema.h"
#include "server/document_page.h"
#include "searcher/json_output.h"
#include "searcher/search.h"
#include "serve_process.h"
#include "server/query_stats.h"
#include "shell.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vind::server {
namespace {

using nlohmann::json;
using vind::testing::ServeProcess;
using vind::testing::source_dir;
using vind::testing::TempDir;

json get_json(httplib::Client& client, const std::string& target, int expected_status) {
  const httplib::Result res = client.Get(target.c_str());
  if (!res) throw std::runtime_error("no response for " + target);
  EXPECT_EQ(res->status, expected_status) << target << ": " << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << target;
  return json::parse(res->body);
}

class HttpServer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    db_ = new std::filesystem::path(vind::testing::build_test_index(*dir_));
    server_ = new ServeProcess(*db_, {"--allow-origin", "https://site.example"});
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->stop(), 0) << server_->log();
    delete server_;
    delete db_;
    delete dir_;
  }
  httplib::Client client() const { return server_->client(); }

  static TempDir* dir_;
  static std::filesystem::path* db_;
  static ServeProcess* server_;
};
TempDir* HttpServer::dir_ = nullptr;
std::filesystem::path* HttpServer::db_ = nullptr;
ServeProcess* HttpServer::server_ = nullptr;

TEST_F(HttpServer, SearchAnswersWhatSearchJsonAnswersPlusTook) {
  httplib::Client c = client();
  json body = get_json(c, "/api/search?q=losgeld%20betaald&limit=5", 200);
  ASSERT_TRUE(body["took_ms"].is_number());
  EXPECT_GE(body["took_ms"].get<double>(), 0.0);
  body.erase("took_ms");

  searcher::SearchRequest request;
  request.query = "losgeld betaald";
  request.limit = 5;
  const json expected = searcher::to_json(searcher::search(searcher::Searcher(*db_), request));
  EXPECT_EQ(body, expected);
  EXPECT_EQ(body["results"][0]["anchor"], "4-wie-zit-erachter-en-is-er-losgeld-betaald");
}

TEST_F(HttpServer, SearchTakesPagingPartialKindAndSort) {
  httplib::Client c = client();
  const json page2 = get_json(c, "/api/search?q=gegevens&limit=3&offset=3", 200);
  EXPECT_EQ(page2["offset"], 3);
  EXPECT_EQ(page2["results"][0]["rank"], 4);
  const json typed = get_json(c, "/api/search?q=tweefactor&partial=true", 200);
  ASSERT_FALSE(typed["results"].empty());
  EXPECT_EQ(typed["results"][0]["anchor"], "11-wat-kan-ik-zelf-doen");
  for (const json& hit : get_json(c, "/api/search?q=gegevens&kind=kamervragen&limit=50", 200)["results"])
    EXPECT_EQ(hit["kind"], "kamervragen");
  const json both = get_json(c, "/api/search?q=gegevens&kind=faq,kamervragen&limit=1", 200);
  EXPECT_EQ(both["total"], get_json(c, "/api/search?q=gegevens&limit=1", 200)["total"]);
  EXPECT_EQ(get_json(c, "/api/search?q=gegevens&sort=date", 200)["results"][0]["date"], "2025-10-13");
}

// The fields of an answer to a request without group, facets, from or to: the same as before
// they were there, so no site that reads /api/search meets anything new.
TEST_F(HttpServer, SearchWithoutTheNewParametersAnswersAsBefore) {
  httplib::Client c = client();
  const json body = get_json(c, "/api/search?q=laboratorium&limit=50", 200);
  std::vector<std::string> keys;
  for (const auto& [key, value] : body.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"corrected", "limit", "missing", "notes", "offset", "partial", "query",
                                            "results", "took_ms", "total"}));
  EXPECT_EQ(body["total"], 18);
  ASSERT_EQ(body["results"].size(), 18u);
  for (const json& hit : body["results"]) {
    std::vector<std::string> fields;
    for (const auto& [key, value] : hit.items()) fields.push_back(key);
    EXPECT_EQ(fields, (std::vector<std::string>{"anchor", "date", "document", "kind", "rank", "score", "section",
                                                "short_section", "short_title", "snippet", "title", "url"}));
  }
}

TEST_F(HttpServer, SearchGroupsPerDocumentCountsFacetsAndKeepsADateRange) {
  httplib::Client c = client();
  const json grouped = get_json(c, "/api/search?q=laboratorium&group=document&facets=true", 200);
  EXPECT_EQ(grouped["group"], "document");
  EXPECT_EQ(grouped["total"], 2);
  ASSERT_EQ(grouped["results"].size(), 2u);
  EXPECT_EQ(grouped["results"][0]["anchor"], "vraag-9");
  EXPECT_EQ(grouped["results"][0]["matches_in_document"], 14);
  EXPECT_EQ(grouped["results"][0]["more"].size(), 2u);
  EXPECT_EQ(grouped["results"][1]["document"], "faq-hack-clinical-diagnostics");
  EXPECT_EQ(grouped["facets"], json::parse(R"({"kind": [{"value": "kamervragen", "count": 14}, {"value": "faq", "count": 4}],
                                                "year": [{"value": "2025", "count": 18}], "counted": 18, "exact": true})"));
  const json recent = get_json(c, "/api/search?q=laboratorium&from=2025-10-01&limit=50", 200);
  EXPECT_EQ(recent["total"], 4);
  for (const json& hit : recent["results"]) EXPECT_EQ(hit["date"], "2025-10-13");
  EXPECT_EQ(get_json(c, "/api/search?q=laboratorium&from=2025-09-01&to=2025-09-01", 200)["total"], 14);
  EXPECT_EQ(get_json(c, "/api/search?q=laboratorium&to=2024-12-31", 200)["total"], 0);
}

// "meer uit dit document": the document's matches, ranked as in the search over all documents.
TEST_F(HttpServer, SearchKeepsToOneDocumentWhenAskedTo) {
  httplib::Client c = client();
  const std::string faq = "faq-hack-clinical-diagnostics";
  const json all = get_json(c, "/api/search?q=laboratorium&limit=50", 200);
  std::vector<std::string> expected;
  for (const json& hit : all["results"])
    if (hit["document"] == faq) expected.push_back(hit["anchor"]);
  const json one = get_json(c, "/api/search?q=laboratorium&limit=50&document=" + faq, 200);
  EXPECT_EQ(one["total"], 4);
  std::vector<std::string> found;
  for (const json& hit : one["results"]) found.push_back(hit["anchor"]);
  EXPECT_EQ(found, expected);
  EXPECT_EQ(found, (std::vector<std::string>{"10-waarom-worden-grote-techbedrijven-niet-aansprakelijk-gesteld",
                                             "5-zijn-andere-bevolkingsonderzoeken-geraakt", "1-wat-is-er-precies-gebeurd",
                                             "12-hoe-bepaal-ik-zelf-wat-met-mijn-gegevens-gebeurt"}));
  EXPECT_EQ(get_json(c, "/api/search?q=laboratorium&document=geen-document", 200)["total"], 0);
}

TEST_F(HttpServer, RelatedAnswersWithThePassagesMostLikeOne) {
  httplib::Client c = client();
  const json body = get_json(
      c, "/api/related?document=faq-hack-clinical-diagnostics&anchor=4-wie-zit-erachter-en-is-er-losgeld-betaald&limit=3", 200);
  EXPECT_EQ(body["query"], "faq-hack-clinical-diagnostics#4-wie-zit-erachter-en-is-er-losgeld-betaald");
  std::vector<std::string> found;
  for (const json& hit : body["results"]) found.push_back(hit["document"].get<std::string>() + "#" + hit["anchor"].get<std::string>());
  const std::string answers = "kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01#";
  EXPECT_EQ(found, (std::vector<std::string>{answers + "vraag-9", answers + "vraag-4", answers + "vraag-1"}));
}

TEST_F(HttpServer, SuggestCompletesTheLastWordWithWordsThatOccurWithTheRest) {
  httplib::Client c = client();
  const json alone = get_json(c, "/api/suggest?q=burgerser", 200);
  EXPECT_EQ(alone, json::parse(R"({"query": "burgerser",
      "suggestions": [{"text": "burgerservicenummer", "passages": 1}]})"));
  const json after = get_json(c, "/api/suggest?q=Losgeld%20be", 200);
  ASSERT_FALSE(after["suggestions"].empty());
  EXPECT_EQ(after["suggestions"][0]["text"], "Losgeld betaald");
  EXPECT_EQ(get_json(c, "/api/suggest?q=losgeld%20", 200)["suggestions"], json::array());
  EXPECT_EQ(get_json(c, "/api/suggest?q=", 200)["suggestions"], json::array());
  EXPECT_EQ(get_json(c, "/api/suggest?q=b&limit=2", 200)["suggestions"].size(), 2u);
  // Spelled as the documents write them, though typed and matched folded.
  EXPECT_EQ(get_json(c, "/api/suggest?q=patie", 200), json::parse(R"({"query": "patie",
      "suggestions": [{"text": "patiënten", "passages": 2}, {"text": "patiëntendata", "passages": 1}]})"));
  EXPECT_EQ(get_json(c, "/api/suggest?q=bsn", 200), json::parse(R"({"query": "bsn",
      "suggestions": [{"text": "BSN", "passages": 4}]})"));
}

TEST_F(HttpServer, HealthzReportsTheIndex) {
  httplib::Client c = client();
  const std::string built_at = Xapian::Database(db_->string()).get_metadata(schema::kBuiltAtKey);
  EXPECT_EQ(built_at.size(), 20u);  // 2026-11-23T11:57:01Z
  EXPECT_EQ(get_json(c, "/healthz", 200), json({{"status", "ok"},
                                                {"documents", 2},
                                                {"passages", 37},
                                                {"built_at", built_at},
                                                {"generation", 0},
                                                {"missing", json::array()}}));
}

// The status says whose fault an error is: the request's is a 400 saying what to change; the
// index's (a passage whose stored data is not vind's) a 500 saying nothing more, with the reason
// in the log for whoever runs the server.
TEST_F(HttpServer, AnswersTheRequestsFaultWith400AndTheIndexsWith500) {
  TempDir dir;
  const std::filesystem::path corrupt = dir / "corrupt";
  std::filesystem::copy(*db_, corrupt, std::filesystem::copy_options::recursive);
  {
    Xapian::WritableDatabase db(corrupt.string(), Xapian::DB_OPEN);
    Xapian::docid losgeld = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
      if (schema::passage_from_data(db.get_document(*it).get_data()).anchor ==
          "4-wie-zit-erachter-en-is-er-losgeld-betaald")
        losgeld = *it;
    ASSERT_NE(losgeld, 0u);
    Xapian::Document doc = db.get_document(losgeld);
    doc.set_data("{}");
    db.replace_document(losgeld, doc);
    db.commit();
  }
  ServeProcess server(corrupt);
  httplib::Client c = server.client();
  const json internal = {{"error", "internal error"}};
  struct Case {
    std::string target;
    int status;
    json body;
  };
  const std::vector<Case> cases = {
      {"/api/search?q=losgeld&limit=0", 400, {{"error", "limit must be a whole number from 1 to 50"}}},
      {"/api/search?q=losgeld&kind=nieuws", 400,  // found out with the index at hand
       {{"error", "unknown kind \"nieuws\"; this index has: faq, kamervragen"}}},
      {"/api/search?q=losgeld%20betaald", 500, internal},
      {"/doc/faq-hack-clinical-diagnostics", 500, internal},
  };
  for (const Case& k : cases) EXPECT_EQ(get_json(c, k.target, k.status), k.body) << k.target;
  // The passages of the other document are still served.
  searcher::SearchRequest kamervragen;
  kamervragen.query = "losgeld";
  kamervragen.kinds = {"kamervragen"};
  json answer = get_json(c, "/api/search?q=losgeld&kind=kamervragen", 200);
  answer.erase("took_ms");
  EXPECT_EQ(answer, searcher::to_json(searcher::search(searcher::Searcher(corrupt), kamervragen)));
  EXPECT_EQ(server.stop(), 0);

  std::vector<std::string> reasons;
  std::istringstream log(server.log());
  for (std::string line; std::getline(log, line);)
    if (line.starts_with("vind: /")) reasons.push_back(line);
  const std::string not_a_passage =
      ": index: a document's data is not a vind passage ([json.exception.out_of_range.403] key "
      "'document' not found)";
  EXPECT_EQ(reasons, (std::vector<std::string>{"vind: /api/search" + not_a_passage,
                                               "vind: /doc/faq-hack-clinical-diagnostics" + not_a_passage}));
}

TEST_F(HttpServer, ServesTheSearchPageWithItsScriptAndStyle) {
  httplib::Client c = client();
  const auto page = c.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("data-vind-search"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
  const auto script = c.Get("/vind-search.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script->body, vind::testing::read_text(source_dir() / "web/vind-search.js"));
  const auto style = c.Get("/vind-search.css");
  ASSERT_TRUE(style);
  EXPECT_EQ(style->status, 200);
}

TEST_F(HttpServer, DocumentPageHasASectionAtEveryAnchor) {
  httplib::Client c = client();
  const searcher::Searcher searcher(*db_);
  for (const std::string id : {"faq-hack-clinical-diagnostics",
                               "kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01"}) {
    const auto page = c.Get(("/doc/" + id).c_str());
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    // Named for vind-search.js, which asks /api/related for each section's "Zie ook".
    EXPECT_NE(page->body.find("<main data-vind-related=\"" + id + "\">"), std::string::npos) << id;
    const auto passages = document_passages(searcher, id);
    ASSERT_FALSE(passages.empty());
    std::size_t last = 0;
    for (const schema::StoredPassage& p : passages) {  // present, and in document order
      const std::size_t at = page->body.find("<section id=\"" + searcher::html_escape(p.anchor) + "\">");
      ASSERT_NE(at, std::string::npos) << p.anchor;
      EXPECT_GT(at, last) << p.anchor;
      last = at;
    }
  }
  EXPECT_EQ(get_json(c, "/doc/no-such-document", 404)["error"], "no document \"no-such-document\" in the index");
}

TEST_F(HttpServer, RefusesBadInputWithAClearJsonError) {
  const std::string long_query(1001, 'a');
  struct Case {
    std::string target;
    int status;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"/api/search", 400, "parameter \"q\" (the query) is missing"},
      {"/api/search?q=", 400, "the query is empty"},
      {"/api/search?q=%20%20", 400, "the query is empty"},
      {"/api/search?q=" + long_query, 400, "the query is 1001 bytes long; at most 1000 are searched"},
      {"/api/search?q=a&limit=0", 400, "limit must be a whole number from 1 to 50"},
      {"/api/search?q=a&limit=51", 400, "limit must be a whole number from 1 to 50"},
      {"/api/search?q=a&limit=ten", 400, "limit must be a whole number from 1 to 50"},
      {"/api/search?q=a&limit=", 400, "limit must be a whole number from 1 to 50"},
      {"/api/search?q=a&offset=-1", 400, "offset must be a whole number from 0 to 100000"},
      {"/api/search?q=a&offset=100001", 400, "offset must be a whole number from 0 to 100000"},
      {"/api/search?q=a&offset=99999999999999999999999", 400, "offset must be a whole number from 0 to 100000"},
      {"/api/search?q=a&partial=maybe", 400, "partial must be true or false"},
      {"/api/search?q=a&sort=random", 400, "sort must be relevance or date"},
      {"/api/search?q=a&kind=nieuws", 400, "unknown kind \"nieuws\"; this index has: faq, kamervragen"},
      {"/api/search?q=a&kind=FAQ%3Cscript%3E", 400, "kind must be a kind of document such as faq or kamervragen"},
      {"/api/search?q=a&kind=", 400, "kind must be a kind of document such as faq or kamervragen"},
      {"/api/search?q=a&q=b", 400, "parameter \"q\" given more than once"},
      {"/api/search?q=a&debug=1", 400,
       "unknown parameter \"debug\"; known: document, facets, from, group, kind, limit, offset, partial, q, sort, to"},
      {"/api/search?q=a&document=", 400, "document must be a document id of 1 to 256 bytes"},
      {"/api/search?q=a&document=" + std::string(257, 'd'), 400, "document must be a document id of 1 to 256 bytes"},
      {"/api/search?q=a&from=2025-13-01", 400, "from must be a date as YYYY-MM-DD (2025-09-01), not \"2025-13-01\""},
      {"/api/search?q=a&to=gisteren", 400, "to must be a date as YYYY-MM-DD (2025-09-01), not \"gisteren\""},
      {"/api/search?q=a&from=2025-10-01&to=2025-09-01", 400, "from (2025-10-01) is after to (2025-09-01)"},
      {"/api/search?q=a&group=page", 400, "group must be document or passage"},
      {"/api/search?q=a&facets=kind", 400, "facets must be true or false"},
      {"/api/related?anchor=a", 400, "parameter \"document\" (a document id) is missing"},
      {"/api/related?document=faq-hack-clinical-diagnostics", 400,
       "parameter \"anchor\" (the passage's anchor, without '#') is missing"},
      {"/api/related?document=faq-hack-clinical-diagnostics&anchor=a&limit=21", 400,
       "limit must be a whole number from 1 to 20"},
      {"/api/related?document=faq-hack-clinical-diagnostics&anchor=geen", 404,
       "no passage \"faq-hack-clinical-diagnostics#geen\" in the index"},
      {"/api/search?q=%C3%28", 400, "parameter \"q\" is not valid UTF-8"},
      {"/api/search?q=%ED%A0%80", 400, "parameter \"q\" is not valid UTF-8"},  // a surrogate
      {"/api/search?q=a%00b", 400, "parameter \"q\" contains a NUL character"},
      {"/api/suggest", 400, "parameter \"q\" (the query) is missing"},
      {"/api/suggest?q=a&limit=21", 400, "limit must be a whole number from 1 to 20"},
      {"/api/suggest?q=a&partial=true", 400, "unknown parameter \"partial\"; known: limit, q"},
      {"/doc/%FF", 400, "not a document id"},
      {"/api/nothing", 404, "no such page; try /api/search?q=…"},
      {"/" + std::string(9000, 'x'), 414, "request line too long"},
  };
  httplib::Client c = client();
  for (const Case& k : cases) {
    const json body = get_json(c, k.target, k.status);
    EXPECT_EQ(body, json({{"error", k.error}})) << k.target.substr(0, 80);
  }
  // A query of nothing but syntax is no error: it falls back to the plain words.
  EXPECT_EQ(get_json(c, "/api/search?q=%22losgeld%20(AND", 200)["notes"].size(), 1u);
}

TEST_F(HttpServer, AnswersOtherMethodsWith405) {
  httplib::Client c = client();
  for (const auto& res : {c.Post("/api/search", "q=a", "application/x-www-form-urlencoded"),
                          c.Put("/api/search", "x", "text/plain"), c.Delete("/healthz")}) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 405);
    EXPECT_EQ(res->get_header_value("Allow"), "GET, HEAD, OPTIONS");
    EXPECT_EQ(json::parse(res->body)["error"], "only GET, HEAD and OPTIONS are answered");
  }
}

TEST_F(HttpServer, AllowsCrossOriginCallsOnlyFromTheConfiguredOrigin) {
  httplib::Client c = client();
  const auto allowed = c.Get("/api/search?q=losgeld", {{"Origin", "https://site.example"}});
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Origin"), "https://site.example");
  const auto other = c.Get("/api/search?q=losgeld", {{"Origin", "https://evil.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  const auto preflight = c.Options("/api/search", {{"Origin", "https://site.example"},
                                                   {"Access-Control-Request-Method", "GET"}});
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  EXPECT_EQ(preflight->get_header_value("Access-Control-Allow-Origin"), "https://site.example");
  EXPECT_EQ(preflight->get_header_value("Access-Control-Allow-Methods"), "GET, HEAD, OPTIONS");
}

TEST_F(HttpServer, SurvivesGarbageOnTheWire) {
  for (const std::string& garbage : {std::string("GARBAGE\r\n\r\n"), std::string("\0\1\2\3\r\n\r\n", 8),
                                    std::string("GET /healthz HTTP/1.1\r\nHost: x\r\n") +
                                        std::string(20000, 'h') + "\r\n\r\n"}) {
    httplib::Client c = client();
    // cpp-httplib's client cannot send malformed requests; a raw socket can.
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_GT(write(fd, garbage.data(), garbage.size()), 0);
    char reply[256] = {};
    pollfd p{fd, POLLIN, 0};
    ASSERT_GT(poll(&p, 1, 10000), 0);
    const ssize_t n = read(fd, reply, sizeof reply - 1);
    close(fd);
    EXPECT_TRUE(n <= 0 || std::string(reply).starts_with("HTTP/1.1 400")) << reply;
  }
  httplib::Client c = client();
  EXPECT_EQ(get_json(c, "/healthz", 200)["status"], "ok");
}

TEST(HttpServerXss, SnippetsOfHostileDocumentsComeOutInert) {
  TempDir dir;
  ServeProcess server(vind::testing::build_test_index(dir, {source_dir() / "tests/data/xss.txt"}));
  httplib::Client c = server.client();
  const json body = get_json(c, "/api/search?q=phishing%20alert%20script%20onerror", 200);
  ASSERT_EQ(body["results"].size(), 1u);
  // The snippet is HTML with nothing but <mark>; section and title are text, for textContent.
  const std::string snippet = body["results"][0]["snippet"];
  EXPECT_EQ(snippet.find("<script"), std::string::npos);
  EXPECT_EQ(snippet.find("<img"), std::string::npos);
  EXPECT_NE(snippet.find("&lt;img src=x <mark>onerror</mark>=<mark>alert</mark>(1)&gt;"), std::string::npos) << snippet;
  const auto page = c.Get("/doc/xss");
  ASSERT_TRUE(page);
  // The one script is vind's own ("Zie ook"), in the head.
  const std::size_t script = page->body.find("<script");
  EXPECT_EQ(script, page->body.find("<script src=\"/vind-search.js\" defer></script>\n</head>"));
  EXPECT_EQ(page->body.find("<script", script + 1), std::string::npos);
  EXPECT_EQ(page->body.find("<img"), std::string::npos);
  EXPECT_NE(page->body.find("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(server.stop(), 0);
}

// Searches from several threads while the index is rebuilt under them: every answer is a 200
// from one revision or the other, never an error and never a mix.
TEST(HttpServerReindex, AnswersEveryRequestWhileTheIndexChanges) {
  TempDir dir;
  const std::filesystem::path corpus = dir / "corpus";
  std::filesystem::create_directories(corpus);
  for (const auto& file : std::filesystem::directory_iterator(source_dir() / "corpus"))
    std::filesystem::copy(file.path(), corpus / file.path().filename());
  const std::filesystem::path db = vind::testing::build_test_index(dir, {corpus});
  ServeProcess server(db);
  httplib::Client probe = server.client();
  const std::size_t before = get_json(probe, "/api/search?q=losgeld&limit=50", 200)["total"];

  std::atomic<bool> stop{false};
  std::atomic<int> answers{0}, with_extra{0};
  std::vector<std::string> failures;
  std::mutex failures_mutex;
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&] {
      httplib::Client c = server.client();
      while (!stop) try {
        const auto res = c.Get("/api/search?q=losgeld&limit=50");
        std::string failure;
        if (!res) {
          failure = "no response";
        } else if (res->status != 200) {
          failure = std::to_string(res->status) + " " + res->body;
        } else {
          const json body = json::parse(res->body);
          bool extra = false;
          for (const json& hit : body["results"]) extra = extra || hit["document"] == "extra";
          const std::size_t total = body["total"];
          // One revision: without the extra document, or with it and one more hit.
          if (body["results"].size() != total || total != before + (extra ? 1 : 0))
            failure = "mixed answer: total " + std::to_string(total);
          with_extra += extra;
        }
        ++answers;
        if (!failure.empty()) {
          const std::lock_guard<std::mutex> lock(failures_mutex);
          failures.push_back(failure);
        }
      } catch (const std::exception& e) {
        const std::lock_guard<std::mutex> lock(failures_mutex);
        failures.push_back(e.what());
      }
    });
  }
  const std::string extra =
      "---\ntitle: Extra\n---\n# Extra\n\n## 1. Losgeld\n\nOok hier gaat het over losgeld.\n";
  try {
    for (int round = 0; round < 6; ++round) {
      if (round % 2 == 0) {
        std::ofstream(corpus / "extra.md") << extra;
      } else {
        std::filesystem::remove(corpus / "extra.md");
      }
      vind::testing::build_test_index(dir, {corpus});
      // The next answer comes from the new revision.
      const json now = get_json(probe, "/api/search?q=losgeld&limit=50", 200);
      EXPECT_EQ(now["total"], before + (round % 2 == 0 ? 1 : 0)) << "round " << round;
    }
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  stop = true;
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(failures, std::vector<std::string>{});
  EXPECT_GT(answers, 0);
  EXPECT_GT(with_extra, 0);
  EXPECT_EQ(get_json(probe, "/healthz", 200)["generation"], 6);
  EXPECT_EQ(server.stop(), 0);
}

// An index replaced by one the server must not serve (here: built with another stemmer than
// --stemmer asks for) leaves the revision before it served, and /healthz says why.
TEST(HttpServerReindex, SaysWhyANewerIndexIsNotServed) {
  TempDir dir;
  const std::filesystem::path db = vind::testing::build_test_index(dir);
  ServeProcess server(db, {"--stemmer", "dutch"});
  httplib::Client c = server.client();
  json health = get_json(c, "/healthz", 200);
  const json served = get_json(c, "/api/search?q=losgeld", 200)["results"];
  indexer::Options other;
  other.inputs = {source_dir() / "corpus"};
  other.database = db;
  other.analysis.stemmer = "kraaij_pohlmann";
  other.rebuild = true;
  indexer::build_index(other);
  health["newer_index_refused"] =
      db.string() + ": the index was built with other analysis settings than this search uses " +
      "(stemmer: index \"kraaij_pohlmann\", searcher \"dutch\"); rebuild it with `vind index`";
  EXPECT_EQ(get_json(c, "/healthz", 200), health);
  EXPECT_EQ(get_json(c, "/api/search?q=losgeld", 200)["results"], served);
  EXPECT_EQ(server.stop(), 0);
}

TEST(HttpServerLog, WritesALinePerRequestAndShutsDownCleanly) {
  TempDir dir;
  ServeProcess server(vind::testing::build_test_index(dir));
  httplib::Client c = server.client();
  get_json(c, "/api/search?q=losgeld", 200);
  get_json(c, "/nope", 404);
  EXPECT_EQ(server.stop(), 0);
  // Method, path (never the query: it may be personal), status, milliseconds. A line is written
  // just after its answer, so it may come after the shutdown line; the order is not asserted.
  std::vector<std::string> lines;
  std::istringstream log(server.log());
  for (std::string line; std::getline(log, line);)
    lines.push_back(std::regex_replace(line, std::regex(R"( \d+\.\d\d ms$)"), " N ms"));
  std::sort(lines.begin(), lines.end());
  EXPECT_EQ(lines, (std::vector<std::string>{"GET /api/search 200 N ms", "GET /nope 404 N ms",
                                             "vind: SIGTERM, shutting down"}));
}

// Only what found nothing or was corrected is counted, typed in full, normalised; `vind stats`
// reads it. The file holds no address and no time finer than a day.
TEST(HttpServerQueryStats, CountsWhatFoundNothingOrWasCorrected) {
  TempDir dir;
  const auto db = vind::testing::build_test_index(dir);
  const auto file = dir / "stats.json";
  ServeProcess server(db, {"--query-stats", file.string(), "--query-stats-days", "1"});
  httplib::Client c = server.client();
  for (const char* target : {"/api/search?q=Zeppelin%20kryptoniet", "/api/search?q=zeppelin%20het%20kryptoniet",
                             "/api/search?q=losgelt", "/api/search?q=losgeld", "/api/search?q=zeppelinz&partial=true",
                             "/api/search?q=zeppelin%20kryptoniet&offset=10", "/api/search?q=zeppelin%20kryptoniet&kind=faq"})
    get_json(c, target, 200);
  EXPECT_EQ(server.stop(), 0) << server.log();
  const std::string today = utc_today();
  std::ifstream in(file);
  EXPECT_EQ(json::parse(in), json::parse(R"({"format": "vind query stats 1", "min_days": 1, "queries": [
                               {"query": "losgelt", "nothing": 0, "corrected": 1, "days": 1, "last_day": ")" + today + R"("},
                               {"query": "zeppelin kryptoniet", "nothing": 2, "corrected": 0, "days": 1, "last_day": ")" + today + R"("}]})"));
  const vind::testing::Outcome stats = vind::testing::shell(std::string(VIND_BINARY) + " stats '" + file.string() + "'");
  EXPECT_EQ(stats.output, "Found nothing (1 queries):\n"
                          "  requests  days  last day    query\n"
                          "         2     1  " + today + "  zeppelin kryptoniet\n"
                          "\n"
                          "Corrected (1 queries):\n"
                          "  requests  days  last day    query\n"
                          "         1     1  " + today + "  losgelt\n");
  EXPECT_EQ(stats.status, 0);
}

TEST(HttpServerStart, RefusesAMissingIndexAndATakenPort) {
  TempDir dir;
  try {
    ServeProcess none(dir / "none");
    FAIL() << "served a missing index";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "vind serve did not start: vind: " + (dir / "none").string() +
                                         ": no index here; build one with `vind index --db " +
                                         (dir / "none").string() + " FILES…`");
  }
  ServeProcess first(vind::testing::build_test_index(dir));
  ServeOptions options;
  options.databases = {dir / "db"};
  options.port = first.port();
  std::ostringstream log;
  try {
    serve(options, log);
    FAIL() << "served on a taken port";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot listen on 127.0.0.1:" + std::to_string(first.port()) +
                                         " (address in use, or not an address of this machine)");
  }
  EXPECT_EQ(first.stop(), 0);
}

}  // namespace
}  // namespace vind::server
