#pragma once
// The subcommands of `vind`: each an add_… that declares its flags on the CLI11 app, filling a
// plain struct, and a run_… that makes the one library call and returns the exit code.
// main.cc only parses and dispatches.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "indexer/build_index.h"
#include "searcher/related.h"
#include "searcher/search.h"
#include "searcher/shard_set.h"
#include "server/http_server.h"

namespace vind::cli {

// Where index, search, explain and serve look when --db is not given (set at build time).
std::filesystem::path default_database();

struct IndexCommand {
  indexer::Options options;
  bool quiet = false;      // no progress line even on a terminal
  std::size_t shards = 0;  // 0: an ordinary index (or the shard count the folder already has)
};
CLI::App* add_index(CLI::App& app, IndexCommand& command);
int run_index(IndexCommand& command);

// search and explain share their query and databases: explain is search with only the
// explanation printed.
struct SearchCommand {
  std::vector<std::filesystem::path> databases = {default_database()};
  searcher::RemoteTimeouts timeouts;
  searcher::SearchRequest request;
  searcher::SettingsRequest settings;
  std::vector<std::string> words;
  bool json = false;
  bool explain = false;  // search --explain: the explanation, then the results
  std::string from, to;  // --from, --to as typed: checked into request.dates
};
CLI::App* add_search(CLI::App& app, SearchCommand& command);
CLI::App* add_explain(CLI::App& app, SearchCommand& command);
int run_search(SearchCommand& command, bool explain_only);

struct RelatedCommand {
  std::vector<std::filesystem::path> databases = {default_database()};
  searcher::RemoteTimeouts timeouts;
  searcher::RelatedRequest request;
  std::string passage;  // DOCUMENT#ANCHOR
  bool json = false;
};
CLI::App* add_related(CLI::App& app, RelatedCommand& command);
int run_related(RelatedCommand& command);

struct StatsCommand {
  std::filesystem::path file;
  std::size_t top = 20;
};
CLI::App* add_stats(CLI::App& app, StatsCommand& command);
int run_stats(const StatsCommand& command);

struct InspectCommand {
  std::filesystem::path file;
  bool json = false;
};
CLI::App* add_inspect(CLI::App& app, InspectCommand& command);
int run_inspect(const InspectCommand& command);

struct ServeCommand {
  server::ServeOptions options;
  ServeCommand() { options.databases = {default_database()}; }
};
CLI::App* add_serve(CLI::App& app, ServeCommand& command);
int run_serve(const ServeCommand& command);

}  // namespace vind::cli
