#include "server/query_stats.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analysis/error.h"

namespace vind::server {

namespace {

constexpr std::size_t kMaxQueryBytes = 200;
constexpr char kFormat[] = "vind query stats 1";

nlohmann::json to_json(const QueryCount& c) {
  return {{"query", c.query}, {"nothing", c.nothing}, {"corrected", c.corrected}, {"days", c.days}, {"last_day", c.last_day}};
}

// Least worth keeping first: the fewest days, then the fewest requests, then the longest unasked.
bool less_kept(const QueryCount& a, const QueryCount& b) {
  return std::tuple(a.days, a.nothing + a.corrected, a.last_day) < std::tuple(b.days, b.nothing + b.corrected, b.last_day);
}

}  // namespace

std::string normalised_query(const std::string& query, const analysis::Analyser& analyser) {
  std::string out;
  for (const analysis::Word& word : analyser.words(query)) {
    if (word.whole.stem.empty()) continue;  // a stopword
    if (out.size() + 1 + word.whole.form.size() > kMaxQueryBytes) break;
    out += (out.empty() ? "" : " ") + word.whole.form;
  }
  return out;
}

std::string utc_today() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char day[16];
  std::strftime(day, sizeof day, "%Y-%m-%d", &utc);
  return day;
}

QueryStats::QueryStats(const QueryStatsSettings& settings) : settings_(settings) {
  if (std::filesystem::exists(settings_.file))
    for (QueryCount& c : read_query_stats(settings_.file)) counts_.emplace(c.query, std::move(c));
  if (const std::string error = write(); !error.empty()) throw Error(error);
}

std::string QueryStats::record(const std::string& normalised, bool nothing, bool corrected, const std::string& day) {
  if (normalised.empty() || (!nothing && !corrected)) return "";
  const std::lock_guard<std::mutex> lock(mutex_);
  auto it = counts_.find(normalised);
  if (it == counts_.end()) {
    if (counts_.size() >= settings_.max_queries && settings_.max_queries > 0) {
      const auto least = std::min_element(counts_.begin(), counts_.end(),
                                          [](const auto& a, const auto& b) { return less_kept(a.second, b.second); });
      counts_.erase(least);
    }
    if (settings_.max_queries == 0) return "";
    it = counts_.emplace(normalised, QueryCount{normalised, 0, 0, 0, ""}).first;
  }
  QueryCount& count = it->second;
  count.nothing += nothing;
  count.corrected += corrected && !nothing;
  if (count.last_day != day) {
    ++count.days;
    count.last_day = day;
  }
  return count.days >= settings_.min_days ? write() : "";
}

std::string QueryStats::write() const {
  nlohmann::json queries = nlohmann::json::array();
  for (const auto& [query, count] : counts_)
    if (count.days >= settings_.min_days) queries.push_back(to_json(count));
  const nlohmann::json body = {{"format", kFormat}, {"min_days", settings_.min_days}, {"queries", queries}};
  std::filesystem::path temporary = settings_.file;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << body.dump(1) << '\n';
    if (!out.flush()) return settings_.file.string() + ": cannot write the query stats (" + temporary.string() + ")";
  }
  std::error_code error;
  std::filesystem::rename(temporary, settings_.file, error);
  return error ? settings_.file.string() + ": cannot write the query stats (" + error.message() + ")" : "";
}

std::vector<QueryCount> read_query_stats(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string() + ": cannot read the query stats");
  std::stringstream text;
  text << in.rdbuf();
  try {
    const nlohmann::json j = nlohmann::json::parse(text.str());
    if (j.at("format") != kFormat) throw Error(file.string() + ": not a vind query stats file (format \"" +
                                               j.at("format").get<std::string>() + "\", expected \"" + kFormat + "\")");
    std::vector<QueryCount> counts;
    for (const nlohmann::json& q : j.at("queries"))
      counts.push_back({q.at("query"), q.at("nothing"), q.at("corrected"), q.at("days"), q.at("last_day")});
    return counts;
  } catch (const nlohmann::json::exception& e) {
    throw Error(file.string() + ": not a vind query stats file (" + e.what() + ")");
  }
}

void write_query_report(const std::vector<QueryCount>& counts, std::size_t top, std::ostream& out) {
  const auto table = [&](const char* title, std::size_t QueryCount::*field) {
    std::vector<const QueryCount*> rows;
    for (const QueryCount& c : counts)
      if (c.*field > 0) rows.push_back(&c);
    std::stable_sort(rows.begin(), rows.end(), [field](const QueryCount* a, const QueryCount* b) {
      return std::tuple(a->*field, a->days) > std::tuple(b->*field, b->days);
    });
    out << title << " (" << rows.size() << " queries):\n";
    if (rows.empty()) return;
    out << "  requests  days  last day    query\n";
    for (std::size_t i = 0; i < rows.size() && i < top; ++i) {
      char line[64];
      std::snprintf(line, sizeof line, "  %8zu  %4zu  %-10s  ", rows[i]->*field, rows[i]->days, rows[i]->last_day.c_str());
      out << line << rows[i]->query << '\n';
    }
  };
  table("Found nothing", &QueryCount::nothing);
  out << '\n';
  table("Corrected", &QueryCount::corrected);
}

}  // namespace vind::server
