// Analysis throughput (MB/s, words/s) beside its baseline: a plain whitespace split of the same
// bytes. Input: the bundled corpus, or every file below --corpus=DIR (e.g. the unpacked bench
// corpus), concatenated up to --max-mb (default 64).

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analysis/analyser.h"
#include "readers/document.h"

namespace {

std::string g_text;

std::string load(const std::filesystem::path& root, std::size_t max_bytes) {
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(root)) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(root))
      if (e.is_regular_file()) files.push_back(e.path());
  } else {
    files.push_back(root);
  }
  std::sort(files.begin(), files.end());  // fixed input across runs
  std::string text;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    text += s.str() + "\n";
    if (text.size() >= max_bytes) break;
  }
  return text.substr(0, std::min(text.size(), max_bytes));
}

void BM_WhitespaceSplit(benchmark::State& state) {
  std::size_t words = 0;
  for (auto _ : state) {
    std::size_t n = 0;
    bool in_word = false;
    for (const char c : g_text) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (!space && !in_word) ++n;
      in_word = !space;
    }
    benchmark::DoNotOptimize(n);
    words += n;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(words));
}

void BM_Analyse(benchmark::State& state) {
  const vind::analysis::Analyser analyser(vind::analysis::default_settings());
  std::size_t words = 0;
  for (auto _ : state) {
    const auto w = analyser.words(g_text);
    words += w.size();
    benchmark::DoNotOptimize(w.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(words));
}

BENCHMARK(BM_WhitespaceSplit)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyse)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path corpus = std::filesystem::path(VIND_SOURCE_DIR) / "corpus";
  std::size_t max_mb = 64;
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.starts_with("--corpus=")) corpus = arg.substr(9);
    else if (arg.starts_with("--max-mb=")) max_mb = std::stoul(arg.substr(9));
    else rest.push_back(argv[i]);
  }
  g_text = load(corpus, max_mb << 20);
  std::cerr << "input: " << corpus.string() << ", " << g_text.size() << " bytes\n";
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
