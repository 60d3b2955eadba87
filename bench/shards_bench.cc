// Search latency through one index (the baseline) beside the same documents in three shards,
// opened locally through their stub and remotely through three xapian-tcpsrv on loopback (what
// a deployment over three machines adds per query: the round trips and the merge, not the
// network's latency). Each eval query (55, cycled), 10 hits with snippets, as `vind search`;
// and as typed so far (partial, every 3+-letter prefix of the last word), as the search box.
//
//   build/bench/shards_bench [--db=ONE --shards=DIR] --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// DIR is a folder made by `vind index --shards 3`; without the flags the bundled corpus and
// tests/data are indexed both ways into a temporary folder. Times are wall-clock (real time): over
// remote shards much of the work is in the servers. After the run it prints, per shard, its
// passages, its size on disk and the resident memory of its server.

#include <benchmark/benchmark.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "indexer/shards.h"
#include "searcher/search.h"
#include "tcpsrv_process.h"

namespace {

namespace fs = std::filesystem;

fs::path g_one, g_shards, g_remote;
std::vector<std::string> g_queries, g_typed;
std::vector<std::unique_ptr<vind::testing::TcpsrvProcess>> g_servers;

std::vector<std::string> eval_queries() {
  std::ifstream in(fs::path(VIND_SOURCE_DIR) / "eval/queries.tsv");
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);)
    if (const std::size_t tab = line.find('\t'); tab != std::string::npos) queries.push_back(line.substr(tab + 1));
  return queries;
}

void run(benchmark::State& state, const fs::path& db, const std::vector<std::string>& queries, bool partial) {
  const vind::searcher::Searcher searcher({db}, {}, {});
  std::size_t i = 0;
  for (auto _ : state) {
    vind::searcher::SearchRequest request;
    request.query = queries[i++ % queries.size()];
    request.options.partial = partial;
    benchmark::DoNotOptimize(vind::searcher::search(searcher, request));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_OneIndex(benchmark::State& state) { run(state, g_one, g_queries, false); }
void BM_LocalShards(benchmark::State& state) { run(state, g_shards, g_queries, false); }
void BM_RemoteShards(benchmark::State& state) { run(state, g_remote, g_queries, false); }
void BM_OneIndexTyping(benchmark::State& state) { run(state, g_one, g_typed, true); }
void BM_LocalShardsTyping(benchmark::State& state) { run(state, g_shards, g_typed, true); }
void BM_RemoteShardsTyping(benchmark::State& state) { run(state, g_remote, g_typed, true); }

BENCHMARK(BM_OneIndex)->UseRealTime();
BENCHMARK(BM_LocalShards)->UseRealTime();
BENCHMARK(BM_RemoteShards)->UseRealTime();
BENCHMARK(BM_OneIndexTyping)->UseRealTime();
BENCHMARK(BM_LocalShardsTyping)->UseRealTime();
BENCHMARK(BM_RemoteShardsTyping)->UseRealTime();

std::uintmax_t bytes_below(const fs::path& folder) {
  std::uintmax_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) total += entry.file_size();
  return total;
}

// Resident memory of a server's process group: the listener and the child serving each connection.
long group_rss_kb(pid_t group) {
  long total = 0;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    std::ifstream stat(entry.path() / "stat");
    std::string pid, comm, state;
    long ppid = 0, pgrp = 0;
    if (!(stat >> pid >> comm >> state >> ppid >> pgrp) || pgrp != group) continue;
    std::ifstream status(entry.path() / "status");
    for (std::string line; std::getline(status, line);)
      if (line.starts_with("VmRSS:")) total += std::stol(line.substr(6));
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--db=", 5) == 0) g_one = argv[i] + 5;
    if (std::strncmp(argv[i], "--shards=", 9) == 0) g_shards = argv[i] + 9;
  }
  g_queries = eval_queries();
  for (const std::string& q : g_queries) {
    const std::size_t last = q.rfind(' ') + 1;
    for (std::size_t n = last + 3; n <= q.size(); ++n) g_typed.push_back(q.substr(0, n));
  }
  const fs::path work = fs::temp_directory_path() / "vind-shards-bench";
  fs::remove_all(work);
  fs::create_directories(work);
  if (g_one.empty() || g_shards.empty()) {  // the bundled corpus, indexed fresh by this build
    vind::indexer::Options options;
    options.inputs = {fs::path(VIND_SOURCE_DIR) / "corpus"};
    for (const char* folder : {"handelingen", "html", "jekyll", "kamervragen", "rechtspraak", "wetten"})
      options.inputs.push_back(fs::path(VIND_SOURCE_DIR) / "tests/data" / folder);
    options.database = g_one = work / "one";
    vind::indexer::build_index(options);
    options.database = g_shards = work / "shards";
    vind::indexer::build_shards(options, 3);
  }
  const std::size_t shards = vind::indexer::shard_count(g_shards);
  std::string stub;
  for (std::size_t k = 0; k < shards; ++k) {
    g_servers.push_back(std::make_unique<vind::testing::TcpsrvProcess>(g_shards / ("shard-" + std::to_string(k))));
    stub += "remote " + g_servers.back()->address() + "\n";
  }
  g_remote = work / "remote";
  std::ofstream(g_remote) << stub << "auto " << (fs::absolute(g_shards) / "vocabulary").string() << "\n";

  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();

  // The servers' memory while serving: a connection's child has answered every eval query once.
  const vind::searcher::Searcher remote({g_remote}, {}, {});
  for (const std::string& query : g_queries) {
    vind::searcher::SearchRequest request;
    request.query = query;
    benchmark::DoNotOptimize(vind::searcher::search(remote, request));
  }
  std::cout << "shard\tpassages\tMB on disk\tserver RSS MB\n";
  for (std::size_t k = 0; k < shards; ++k) {
    const fs::path shard = g_shards / ("shard-" + std::to_string(k));
    std::cout << k << "\t" << Xapian::Database(shard.string()).get_doccount() << "\t"
              << bytes_below(shard) / 1000000 << "\t" << group_rss_kb(g_servers[k]->pid()) / 1024 << "\n";
  }
  std::cout << "vocabulary\t-\t" << bytes_below(g_shards / "vocabulary") / 1000000 << "\t-\n"
            << "one index\t" << Xapian::Database(g_one.string()).get_doccount() << "\t"
            << bytes_below(g_one) / 1000000 << "\t-\n";
  g_servers.clear();
  fs::remove_all(work);
}
