// Search latency on the bundled corpus, per eval query, beside its baseline: Xapian's own
// QueryParser with the Dutch stemmer over the same index, no snippets. The ratio says what vind's
// query understanding (compounds, synonyms, spelling) and snippets cost. Also the parts a
// request to `vind serve` adds: JSON, and suggestions per keystroke.
//
//   build/bench/search_bench [--db=DIR] [--queries=FILE] --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "indexer/build_index.h"
#include "searcher/json_output.h"
#include "searcher/related.h"
#include "searcher/search.h"
#include "searcher/suggest.h"

namespace {

std::filesystem::path g_db;
std::vector<std::string> g_queries;

std::vector<std::string> eval_queries() {
  std::ifstream in(std::filesystem::path(VIND_SOURCE_DIR) / "eval/queries.tsv");
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    const std::size_t tab = line.find('\t');
    if (tab != std::string::npos && line.compare(0, tab, "qid") != 0) queries.push_back(line.substr(tab + 1));
  }
  return queries;
}

void BM_XapianQueryParser(benchmark::State& state) {
  const Xapian::Database db(g_db.string());
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("dutch"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  parser.set_database(db);
  std::size_t i = 0;
  for (auto _ : state) {
    Xapian::Enquire enquire(db);
    enquire.set_query(parser.parse_query(g_queries[i++ % g_queries.size()]));
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) benchmark::DoNotOptimize(it.get_document().get_data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_Search(benchmark::State& state) {
  const vind::searcher::Searcher searcher(g_db);
  std::size_t i = 0;
  for (auto _ : state) {
    vind::searcher::SearchRequest request;
    request.query = g_queries[i++ % g_queries.size()];
    benchmark::DoNotOptimize(vind::searcher::search(searcher, request));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

// Search without collapsing copies: what listing each copy as its own result saves.
void BM_SearchAllCopies(benchmark::State& state) {
  const vind::searcher::Searcher searcher(g_db);
  std::size_t i = 0;
  for (auto _ : state) {
    vind::searcher::SearchRequest request;
    request.query = g_queries[i++ % g_queries.size()];
    request.collapse_copies = false;
    benchmark::DoNotOptimize(vind::searcher::search(searcher, request));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

// BM_Search with the request changed by `adjust`: what grouping and facets add to a search.
template <typename Adjust>
void adjusted_search(benchmark::State& state, Adjust adjust) {
  const vind::searcher::Searcher searcher(g_db);
  std::size_t i = 0;
  for (auto _ : state) {
    vind::searcher::SearchRequest request;
    request.query = g_queries[i++ % g_queries.size()];
    adjust(request);
    benchmark::DoNotOptimize(vind::searcher::search(searcher, request));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_SearchGrouped(benchmark::State& state) {
  adjusted_search(state, [](vind::searcher::SearchRequest& r) { r.group_by_document = true; });
}

void BM_SearchFacets(benchmark::State& state) {
  adjusted_search(state, [](vind::searcher::SearchRequest& r) { r.facets = true; });
}

// What the page asks: grouped, with facets.
void BM_SearchGroupedFacets(benchmark::State& state) {
  adjusted_search(state, [](vind::searcher::SearchRequest& r) { r.group_by_document = r.facets = true; });
}

// The related passages of each query's first result ("Zie ook" under it).
void BM_Related(benchmark::State& state) {
  const vind::searcher::Searcher searcher(g_db);
  std::vector<vind::searcher::RelatedRequest> passages;
  for (const std::string& q : g_queries) {
    vind::searcher::SearchRequest request;
    request.query = q;
    request.limit = 1;
    for (const vind::searcher::Hit& hit : vind::searcher::search(searcher, request).hits)
      passages.push_back({hit.passage.document, hit.passage.anchor});
  }
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(vind::searcher::related(searcher, passages[i++ % passages.size()]));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

// The hostile query of issue 14: a thousand bytes of distinct misspellings of words the index has
// (two letters swapped), each of which could be asked for a spelling suggestion.
std::string many_typos(const Xapian::Database& db) {
  std::string query;
  std::size_t seen = 0;
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    const std::string word = *it;
    const bool letters = std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!letters || word.size() < 9 || seen++ % 7 != 0) continue;
    if (query.size() + 1 + word.size() > 1000) break;  // the longest query searched
    std::string typo = word;
    std::swap(typo[3], typo[4]);
    query += (query.empty() ? "" : " ") + typo;
  }
  return query;
}

// With the query's work budget (QueryOptions::work) as it is, and as good as unlimited, as it was.
void many_typos_search(benchmark::State& state, const vind::searcher::WorkBudget& work) {
  const vind::searcher::Searcher searcher(g_db);
  vind::searcher::SearchRequest request;
  request.query = many_typos(Xapian::Database(g_db.string()));
  request.options.work = work;
  for (auto _ : state) benchmark::DoNotOptimize(vind::searcher::search(searcher, request));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_SearchManyTypos(benchmark::State& state) { many_typos_search(state, {}); }

void BM_SearchManyTyposUnbudgeted(benchmark::State& state) { many_typos_search(state, {100000, 100000}); }

void BM_SearchToJson(benchmark::State& state) {
  const vind::searcher::Searcher searcher(g_db);
  std::size_t i = 0;
  for (auto _ : state) {
    vind::searcher::SearchRequest request;
    request.query = g_queries[i++ % g_queries.size()];
    benchmark::DoNotOptimize(vind::searcher::to_json(vind::searcher::search(searcher, request)).dump());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_Suggest(benchmark::State& state) {
  const vind::searcher::Searcher searcher(g_db);
  const vind::searcher::WordList words(searcher.vocabulary());
  std::vector<std::string> typed;  // every prefix of 2+ letters of each query's last word
  for (const std::string& q : g_queries) {
    const std::size_t last = q.rfind(' ') + 1;
    for (std::size_t n = last + 2; n <= q.size(); ++n) typed.push_back(q.substr(0, n));
  }
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(vind::searcher::suggest(searcher, words, typed[i++ % typed.size()]));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

BENCHMARK(BM_XapianQueryParser);
BENCHMARK(BM_Search);
BENCHMARK(BM_SearchAllCopies);
BENCHMARK(BM_SearchManyTypos);
BENCHMARK(BM_SearchManyTyposUnbudgeted);
BENCHMARK(BM_SearchGrouped);
BENCHMARK(BM_SearchFacets);
BENCHMARK(BM_SearchGroupedFacets);
BENCHMARK(BM_Related);
BENCHMARK(BM_SearchToJson);
BENCHMARK(BM_Suggest);

}  // namespace

// One query per line: the set `bench/serve_load.py --write-queries FILE` rotates over HTTP.
std::vector<std::string> queries_from(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) queries.push_back(line);
  return queries;
}

int main(int argc, char** argv) {
  std::filesystem::path queries;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--db=", 5) == 0) g_db = argv[i] + 5;
    if (std::strncmp(argv[i], "--queries=", 10) == 0) queries = argv[i] + 10;
  }
  g_queries = queries.empty() ? eval_queries() : queries_from(queries);
  if (g_queries.empty()) {
    std::fprintf(stderr, "search_bench: no queries in %s\n", queries.c_str());
    return 2;
  }
  if (g_db.empty()) {  // the bundled corpus, indexed fresh so the figures are of this build
    g_db = std::filesystem::temp_directory_path() / "vind-search-bench-db";
    std::filesystem::remove_all(g_db);
    vind::indexer::Options options;
    options.inputs = {std::filesystem::path(VIND_SOURCE_DIR) / "corpus"};
    options.database = g_db;
    vind::indexer::build_index(options);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
