// Relevance on eval/: every query of queries.tsv, scored against qrels.tsv as eval/score.py
// scores it (nDCG@10 with gains 2^g - 1, MRR@10). Fails when quality drops below the floor.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>

#include "indexer/build_index.h"
#include "searcher/search.h"
#include "temp_dir.h"

namespace vind::searcher {
namespace {

using vind::testing::source_dir;
using vind::testing::TempDir;

// Measured on 2026-11-23 (dutch stemmer, wdutch compounds): nDCG@10 0.928, MRR@10 0.967,
// 30 queries. Without compounds: 0.897 / 0.967.
constexpr double kNdcgFloor = 0.927;
constexpr double kMrrFloor = 0.966;

std::vector<std::pair<std::string, std::string>> read_tsv(const std::filesystem::path& path) {
  std::vector<std::pair<std::string, std::string>> rows;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line))
    if (const std::size_t tab = line.find('\t'); tab != std::string::npos)
      rows.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  return rows;
}

std::string key_of(const schema::StoredPassage& p) {
  return (p.kind == "faq" ? "faq:" : "kv:") + std::to_string(p.number);
}

double dcg(const std::vector<int>& gains) {
  double sum = 0;
  for (std::size_t i = 0; i < gains.size(); ++i) sum += (std::pow(2, gains[i]) - 1) / std::log2(i + 2);
  return sum;
}

struct Scores {
  double ndcg = 0, mrr = 0;
};

Scores evaluate(const Searcher& searcher, const std::filesystem::path& eval_dir) {
  std::map<std::string, std::map<std::string, int>> qrels;
  for (const auto& [qid, rest] : read_tsv(eval_dir / "qrels.tsv")) {
    const std::size_t tab = rest.find('\t');
    qrels[qid][rest.substr(0, tab)] = std::stoi(rest.substr(tab + 1));
  }
  Scores total;
  std::size_t n = 0;
  for (const auto& [qid, query] : read_tsv(eval_dir / "queries.tsv")) {
    const auto& relevant = qrels[qid];
    SearchRequest request;
    request.query = query;
    const Results results = search(searcher, request);
    std::vector<int> gains;
    double rr = 0;
    for (const Hit& hit : results.hits) {
      const auto it = relevant.find(key_of(hit.passage));
      gains.push_back(it == relevant.end() ? 0 : it->second);
      if (rr == 0 && gains.back() > 0) rr = 1.0 / gains.size();
    }
    std::vector<int> ideal;
    for (const auto& [key, grade] : relevant) ideal.push_back(grade);
    std::sort(ideal.rbegin(), ideal.rend());
    if (ideal.size() > 10) ideal.resize(10);
    const double ndcg = ideal.empty() ? 0 : dcg(gains) / dcg(ideal);
    total.ndcg += ndcg;
    total.mrr += rr;
    ++n;
    std::printf("%s\tnDCG=%.2f\tRR=%.2f\t%s\n", qid.c_str(), ndcg, rr, query.c_str());
  }
  total.ndcg /= n;
  total.mrr /= n;
  return total;
}

TEST(Relevance, StaysAboveTheMeasuredFloorOnTheEvalSet) {
  TempDir dir;
  indexer::Options options;
  options.inputs = {source_dir() / "corpus"};
  options.database = dir / "db";
  indexer::build_index(options);
  const Searcher searcher(options.database);
  const Scores scores = evaluate(searcher, source_dir() / "eval");
  std::printf("nDCG@10=%.3f MRR@10=%.3f\n", scores.ndcg, scores.mrr);
  EXPECT_GE(scores.ndcg, kNdcgFloor);
  EXPECT_GE(scores.mrr, kMrrFloor);
}

}  // namespace
}  // namespace vind::searcher
