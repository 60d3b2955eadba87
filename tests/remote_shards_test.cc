// Shards searched as one: locally through their stub or several --db, and remotely through
// xapian-tcpsrv on loopback, answer exactly as one index does; a shard that is down leaves the
// answer partial, within the timeouts.

#include "searcher/shard_set.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <fstream>
#include <set>

#include "analysis/error.h"
#include "indexer/shards.h"
#include "schema/schema.h"
#include "server/document_page.h"
#include "searcher/json_output.h"
#include "searcher/search.h"
#include "searcher/suggest.h"
#include "serve_process.h"
#include "tcpsrv_process.h"
#include "test_index.h"

namespace vind::searcher {
namespace {

using nlohmann::json;
using vind::testing::ServeProcess;
using vind::testing::source_dir;
using vind::testing::TcpsrvProcess;
using vind::testing::TempDir;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

// A bound against hanging, far above the timeouts set; not a measure of speed.
constexpr auto kNoHang = std::chrono::seconds(5);
constexpr RemoteTimeouts kTimeouts{1000, 1000};

std::vector<std::pair<std::string, std::string>> eval_queries() {
  std::vector<std::pair<std::string, std::string>> rows;
  std::ifstream in(source_dir() / "eval/queries.tsv");
  for (std::string line; std::getline(in, line);)
    if (const std::size_t tab = line.find('\t'); tab != std::string::npos)
      rows.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  return rows;
}

// The stub an operator writes for shards on other machines: the servers, and the vocabulary
// copied beside it.
fs::path write_remote_stub(const TempDir& dir, const fs::path& shards,
                           const std::vector<const TcpsrvProcess*>& servers, const std::string& name) {
  std::string text = "# shards served by xapian-tcpsrv\n";
  for (const TcpsrvProcess* server : servers) text += "remote " + server->address() + "\n";
  text += "auto " + (shards / "vocabulary").string() + "\n";
  return dir.write(name, text);
}

std::vector<fs::path> shard_folders(const fs::path& shards, std::vector<int> which = {0, 1, 2}) {
  std::vector<fs::path> folders;
  for (const int k : which) folders.push_back(shards / ("shard-" + std::to_string(k)));
  return folders;
}

// What a client gets, with the scores apart: summed in another order they may differ in the
// last bits.
struct Answer {
  json body;
  std::vector<double> scores;
};

Answer answer(const Searcher& searcher, const SearchRequest& request) {
  Answer a{to_json(search(searcher, request)), {}};
  for (json& hit : a.body["results"]) {
    a.scores.push_back(hit["score"]);
    hit.erase("score");
  }
  return a;
}

void expect_same(const Answer& got, const Answer& expected, const std::string& what) {
  EXPECT_EQ(got.body, expected.body) << what;
  ASSERT_EQ(got.scores.size(), expected.scores.size()) << what;
  for (std::size_t i = 0; i < got.scores.size(); ++i)
    EXPECT_NEAR(got.scores[i], expected.scores[i], 1e-9 * std::max(1.0, expected.scores[i])) << what << " #" << i;
}

// The corpus and tests/data in one index and in three shards, served by three xapian-tcpsrv.
class ShardedSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    single_ = new fs::path(vind::testing::build_test_index(*dir_, vind::testing::every_format()));
    shards_ = new fs::path(vind::testing::build_test_shards(*dir_, 3, vind::testing::every_format()));
    for (const fs::path& shard : shard_folders(*shards_)) servers_.push_back(new TcpsrvProcess(shard));
    remote_ = new fs::path(write_remote_stub(*dir_, *shards_, {servers_[0], servers_[1], servers_[2]}, "remote"));
  }
  static void TearDownTestSuite() {
    for (TcpsrvProcess* server : servers_) delete server;
    servers_.clear();
    delete remote_;
    delete shards_;
    delete single_;
    delete dir_;
  }

  static TempDir* dir_;
  static fs::path* single_;
  static fs::path* shards_;
  static fs::path* remote_;
  static std::vector<TcpsrvProcess*> servers_;
};
TempDir* ShardedSearch::dir_ = nullptr;
fs::path* ShardedSearch::single_ = nullptr;
fs::path* ShardedSearch::shards_ = nullptr;
fs::path* ShardedSearch::remote_ = nullptr;
std::vector<TcpsrvProcess*> ShardedSearch::servers_;

TEST_F(ShardedSearch, RankEveryEvalQueryAsOneIndexDoesLocallyAndRemotely) {
  const Searcher one(*single_);
  const Searcher stub({*shards_}, {}, kTimeouts);
  std::vector<fs::path> folders = shard_folders(*shards_);
  folders.push_back(*shards_ / "vocabulary");
  const Searcher several(folders, {}, kTimeouts);
  const Searcher remote({*remote_}, {}, kTimeouts);
  EXPECT_EQ(remote.shards().missing.size(), 0u);
  std::size_t hits = 0;
  for (const auto& [id, query] : eval_queries()) {
    // As typed; a second page; one kind; newest first; as typed so far.
    std::vector<SearchRequest> requests(5);
    for (SearchRequest& r : requests) r.query = query;
    requests[1].offset = 3;
    requests[1].limit = 3;
    requests[2].kinds = {"kamervragen", "faq"};
    requests[3].sort = Sort::kDate;
    requests[4].options.partial = true;
    for (std::size_t i = 0; i < requests.size(); ++i) {
      const Answer expected = answer(one, requests[i]);
      hits += expected.scores.size();
      const std::string what = id + " \"" + query + "\" request " + std::to_string(i);
      expect_same(answer(stub, requests[i]), expected, what + " through the stub folder");
      expect_same(answer(several, requests[i]), expected, what + " through four --db");
      expect_same(answer(remote, requests[i]), expected, what + " through xapian-tcpsrv");
    }
  }
  EXPECT_GT(hits, 800u);  // the comparison compared something
}

TEST_F(ShardedSearch, SuggestAndShowDocumentsFromEveryShard) {
  const Searcher one(*single_);
  const Searcher remote({*remote_}, {}, kTimeouts);
  const WordList one_words(one.vocabulary()), remote_words(remote.vocabulary());
  EXPECT_EQ(remote_words.size(), one_words.size());
  for (const char* typed : {"losg", "losgeld bet", "ziekenh", "kamer"}) {
    std::vector<std::pair<std::string, Xapian::doccount>> a, b;
    for (const Suggestion& s : suggest(one, one_words, typed)) a.emplace_back(s.text, s.passages);
    for (const Suggestion& s : suggest(remote, remote_words, typed)) b.emplace_back(s.text, s.passages);
    EXPECT_FALSE(a.empty()) << typed;
    EXPECT_EQ(b, a) << typed;
  }
  const Xapian::Database& db = one.database();
  std::size_t documents = 0;
  for (auto t = db.allterms_begin(schema::kDocument); t != db.allterms_end(schema::kDocument); ++t, ++documents) {
    const std::string id = (*t).substr(1);
    EXPECT_EQ(server::document_page(server::document_passages(remote, id)), server::document_page(server::document_passages(one, id))) << id;
  }
  EXPECT_GT(documents, 20u);
}

TEST_F(ShardedSearch, RefuseRemoteShardsWithoutTheirVocabulary) {
  const fs::path stub = dir_->write("no-vocabulary", "remote " + servers_[0]->address() + "\n");
  try {
    Searcher searcher({stub}, {}, kTimeouts);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              stub.string() + ": lists remote shards but no vocabulary: Xapian's remote protocol serves "
              "no spelling or synonym data, so list the index's vocabulary as well "
              "(`auto /path/to/index/vocabulary`, made by `vind index --shards`)");
  }
}

TEST(ShardSet, RefusesShardsBuiltWithOtherSettingsNamingBoth) {
  TempDir dir;
  const fs::path shards = vind::testing::build_test_shards(dir, 3, vind::testing::every_format());
  {
    Xapian::WritableDatabase w((shards / "shard-1").string());
    analysis::AnalysisSettings other = *schema::stored_settings(w);
    other.stemmer = "kraaij_pohlmann";
    schema::store_settings(w, other);
    w.commit();
  }
  const std::string first = (shards / "shard-0").string(), second = (shards / "shard-1").string();
  try {
    Searcher searcher(shards);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              second + ": built with other analysis settings than " + first + " (stemmer: " + second +
                  " \"kraaij_pohlmann\", " + first + " \"dutch\"); the shards of one index must be "
                  "built alike, so rebuild them with `vind index`");
  }
}

TEST(ShardSet, RefusesStubLinesItCannotOpenAndMissingShards) {
  TempDir dir;
  const auto refusal = [](const fs::path& db) -> std::string {
    try {
      Searcher searcher({db}, {}, kTimeouts);
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  };
  const fs::path prog = dir.write("prog", "# a comment\nremote :xapian-progsrv /srv/db\n");
  EXPECT_EQ(refusal(prog), prog.string() + ":2: \"remote :xapian-progsrv /srv/db\": vind reads only "
                           "\"auto PATH\", \"glass PATH\" and \"remote HOST:PORT\" lines (and # comments)");
  const fs::path port = dir.write("port", "remote localhost:http\n");
  EXPECT_EQ(refusal(port), port.string() + ":1: \"remote localhost:http\": expected remote HOST:PORT");
  const fs::path empty = dir.write("empty", "# nothing yet\n");
  EXPECT_EQ(refusal(empty), empty.string() + ": the stub lists no database");
  const fs::path gone = dir.write("gone/XAPIANDB", "auto shard-0\n");
  EXPECT_EQ(refusal(dir / "gone"), (dir / "gone/shard-0").string() + ": no index here; build one with "
                                   "`vind index --db " + (dir / "gone/shard-0").string() + " FILES…`");
  const fs::path loop = dir.write("loop/XAPIANDB", "auto .\n");
  EXPECT_EQ(refusal(dir / "loop"), loop.string() + ": stubs nested more than 8 deep; does a stub list itself?");
}

TEST(ShardSet, ServeSeesAReindexOfAnyShard) {
  TempDir dir;
  const fs::path pages = dir.write("pages/een.md", "## Eerste vraag\n\nHet eerste antwoord.\n").parent_path();
  indexer::Options options;
  options.inputs = {pages};
  options.database = dir / "shards";
  indexer::build_shards(options, 3);
  ServeProcess serve(options.database);
  httplib::Client client = serve.client();
  const auto health = [&client] { return json::parse(client.Get("/healthz")->body); };
  EXPECT_EQ(health()["documents"], 1);
  // Two more pages, each in another shard than the first.
  ASSERT_EQ(std::set<std::size_t>({indexer::shard_of("een", 3), indexer::shard_of("vier", 3),
                                   indexer::shard_of("zeven", 3)}).size(), 3u);
  dir.write("pages/vier.md", "## Vierde vraag\n\nHet vierde antwoord.\n");
  dir.write("pages/zeven.md", "## Zevende vraag\n\nHet zevende antwoord.\n");
  indexer::build_shards(options, 0);
  const json after = health();
  EXPECT_EQ(after["documents"], 3);
  EXPECT_EQ(after["passages"], 3);
  EXPECT_EQ(after["generation"], 1);
  EXPECT_EQ(json::parse(client.Get("/api/search?q=zevende")->body)["total"], 1);
  EXPECT_EQ(serve.stop(), 0) << serve.log();
}

// Each test kills servers of its own.
class DownShard : public ::testing::Test {
 protected:
  void SetUp() override {
    shards_ = vind::testing::build_test_shards(dir_, 3, vind::testing::every_format());
    for (const fs::path& shard : shard_folders(shards_)) servers_.push_back(std::make_unique<TcpsrvProcess>(shard));
    stub_ = write_remote_stub(dir_, shards_, {servers_[0].get(), servers_[1].get(), servers_[2].get()}, "remote");
  }

  TempDir dir_;
  fs::path shards_, stub_;
  std::vector<std::unique_ptr<TcpsrvProcess>> servers_;
};

TEST_F(DownShard, SearchAnswersFromTheOthersNamingTheMissingOne) {
  servers_[1]->kill();
  const Clock::time_point start = Clock::now();
  const Searcher remote({stub_}, {}, kTimeouts);
  SearchRequest request;
  request.query = "losgeld betaald";
  const Answer got = answer(remote, request);
  EXPECT_LT(Clock::now() - start, kNoHang);
  ASSERT_EQ(remote.shards().missing.size(), 1u);
  EXPECT_EQ(remote.shards().missing[0].name, servers_[1]->address());
  EXPECT_EQ(remote.shards().missing[0].reason, "Couldn't connect (Connection refused)");
  EXPECT_EQ(got.body["partial"], true);
  EXPECT_EQ(got.body["missing"], json::array({servers_[1]->address()}));
  EXPECT_EQ(got.body["notes"], json::array({"Niet alle delen van de index antwoordden (" +
                                            servers_[1]->address() + "); er kunnen resultaten ontbreken."}));
  // The other two shards' answer, as they give it locally with the vocabulary.
  std::vector<fs::path> others_folders = shard_folders(shards_, {0, 2});
  others_folders.push_back(shards_ / "vocabulary");
  const Searcher others(others_folders, {}, kTimeouts);
  Answer expected = answer(others, request);
  EXPECT_GT(expected.scores.size(), 0u);
  expected.body["partial"] = true;
  expected.body["missing"] = got.body["missing"];
  expected.body["notes"] = got.body["notes"];
  expect_same(got, expected, "without shard 1");

  for (auto& server : servers_) server->kill();
  try {
    Searcher none({stub_}, {}, kTimeouts);
    FAIL() << "no error";
  } catch (const Error& e) {
    const std::string refused = ": Couldn't connect (Connection refused)";
    EXPECT_EQ(std::string(e.what()), stub_.string() + ": no shard answered: " + servers_[0]->address() +
                                         refused + "; " + servers_[1]->address() + refused + "; " +
                                         servers_[2]->address() + refused);
  }
}

TEST_F(DownShard, AHungShardIsLeftOutAfterTheTimeout) {
  servers_[2]->pause();  // accepts connections (the kernel does), answers nothing
  const Clock::time_point start = Clock::now();
  const Searcher remote({stub_}, {}, {200, 200});
  EXPECT_LT(Clock::now() - start, kNoHang);
  ASSERT_EQ(remote.shards().missing.size(), 1u);
  EXPECT_EQ(remote.shards().missing[0].name, servers_[2]->address());
  EXPECT_EQ(remote.shards().missing[0].reason, "Timeout expired while trying to read");
}

TEST_F(DownShard, ServeAnswersPartiallyWhenAShardDiesWhileServing) {
  ServeProcess serve(stub_, {"--connect-timeout", "1000", "--remote-timeout", "1000"});
  httplib::Client client = serve.client();
  const auto get = [&client](const std::string& target, int status) {
    const httplib::Result res = client.Get(target.c_str());
    if (!res) throw std::runtime_error("no response for " + target);
    EXPECT_EQ(res->status, status) << target << ": " << res->body;
    return json::parse(res->body);
  };
  const json healthy = get("/healthz", 200);
  EXPECT_EQ(healthy["status"], "ok");
  EXPECT_EQ(healthy["missing"], json::array());
  const Searcher one(vind::testing::build_test_index(dir_, vind::testing::every_format()));
  EXPECT_EQ(healthy["passages"], one.database().get_doccount());
  EXPECT_EQ(healthy["documents"], 25);
  EXPECT_EQ(get("/api/search?q=losgeld", 200)["partial"], false);

  // The shard holding the Kamervragen answers goes; requests under way reconnect to the others.
  const std::string kamervragen = "kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01";
  const std::size_t down = indexer::shard_of(kamervragen, 3);
  servers_[down]->kill();
  const Clock::time_point start = Clock::now();
  const json partial = get("/api/search?q=LUMC%20losgeld", 200);
  EXPECT_LT(Clock::now() - start, kNoHang);
  EXPECT_EQ(partial["partial"], true);
  EXPECT_EQ(partial["missing"], json::array({servers_[down]->address()}));
  for (const json& hit : partial["results"]) EXPECT_NE(hit["document"], kamervragen);

  const json health = get("/healthz", 200);
  EXPECT_EQ(health["status"], "partial");
  ASSERT_EQ(health["missing"].size(), 1u);
  EXPECT_EQ(health["missing"][0]["shard"], servers_[down]->address());
  EXPECT_LT(health["passages"].get<std::size_t>(), healthy["passages"].get<std::size_t>());
  EXPECT_EQ(get("/doc/" + kamervragen, 503)["error"],
            "no document \"" + kamervragen + "\" in the shards that answer; some do not");
  EXPECT_EQ(serve.stop(), 0) << serve.log();
}

}  // namespace
}  // namespace vind::searcher
