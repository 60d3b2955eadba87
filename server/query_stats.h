#pragma once
// searches that found nothing or were corrected → counts per normalised query, in a small file
// that tells a site's owner what visitors looked for and did not find (`vind serve --query-stats
// FILE`, read with `vind stats FILE`). Off unless asked for.
//
// Kept per query, and nothing else: the query folded, stopwords dropped, at most 200 bytes
// ("Wie heeft het LOSGELD betaald?" → "losgeld betaald"), how many requests found nothing and
// how many were corrected, on how many distinct days it was asked and the last such day (UTC).
// No address, no time finer than a day, nothing of the request but its q. A query is written to
// the file only once it was asked on at least min_days distinct days, so what one visitor typed
// on one day (a name, a case number) never reaches the disk; until then it is held in memory only
// and forgotten on a restart. Memory and file are bounded by max_queries.

#include <cstddef>
#include <filesystem>
#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/analyser.h"

namespace vind::server {

struct QueryStatsSettings {
  std::filesystem::path file;  // "": off
  // K: the distinct days a query must be asked on before it is written down.
  std::size_t min_days = 3;
  // Queries kept, in memory and in the file (at most ~300 bytes each on disk); past it the least
  // asked are forgotten first.
  std::size_t max_queries = 10000;
};

struct QueryCount {
  std::string query;           // normalised_query
  std::size_t nothing = 0;     // requests that found nothing
  std::size_t corrected = 0;   // requests whose words were corrected (and then found something)
  std::size_t days = 0;        // distinct days it was asked on
  std::string last_day;        // "2026-12-01" (UTC)
};

// The query as counted: folded forms of its words without stopwords, one space between, cut
// after the last whole word within 200 bytes; "" when only stopwords are left.
std::string normalised_query(const std::string& query, const analysis::Analyser& analyser);

// "2026-12-01": the UTC day of now.
std::string utc_today();

class QueryStats {
 public:
  // Reads the counts already in the file, when there is one. Throws vind::Error naming the file
  // when it is not a stats file or cannot be written.
  explicit QueryStats(const QueryStatsSettings& settings);

  // Counts one search (`day` as utc_today()); a query found without correction is not counted.
  // Writes the file when what it holds changes: a temporary file beside it, renamed over it, so
  // a reader never sees half. Thread-safe. Returns why the file could not be written, or "".
  std::string record(const std::string& normalised, bool nothing, bool corrected, const std::string& day);

 private:
  std::string write() const;  // with mutex_ held

  const QueryStatsSettings settings_;
  std::mutex mutex_;
  std::map<std::string, QueryCount> counts_;
};

// The queries of a stats file, as written. Throws vind::Error naming the file when it cannot be
// read or is not a stats file.
std::vector<QueryCount> read_query_stats(const std::filesystem::path& file);

// The `top` most asked queries that found nothing, then the `top` most corrected, as tables.
void write_query_report(const std::vector<QueryCount>& counts, std::size_t top, std::ostream& out);

}  // namespace vind::server
