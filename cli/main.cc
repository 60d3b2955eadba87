// vind index | search | explain | serve | inspect: flags → options → one library call → exit code.

#include <unistd.h>

#include <iostream>
#include <map>

#include <CLI/CLI.hpp>

#include "analysis/error.h"
#include "cli/progress_line.h"
#include "cli/report.h"
#include "indexer/build_index.h"
#include "indexer/inspect.h"
#include "searcher/http_server.h"
#include "searcher/json_output.h"
#include "searcher/search.h"
#include "searcher/shard_set.h"
#include "searcher/text_output.h"

namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

// --db (repeatable: index folders, stubs, shard folders, all searched as one) and the timeouts
// for remote shards.
void add_databases(CLI::App* command, std::vector<std::filesystem::path>& databases,
                   vind::searcher::RemoteTimeouts& timeouts) {
  command->add_option("--db", databases, "Index folder, shard folder or stub file; repeat to search several as one")
      ->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->capture_default_str();
  command->add_option("--connect-timeout", timeouts.connect_ms, "Milliseconds a remote shard has to accept")
      ->capture_default_str()->check(CLI::Range(1u, 600000u));
  command->add_option("--remote-timeout", timeouts.operation_ms, "Milliseconds a remote shard has per answer")
      ->capture_default_str()->check(CLI::Range(1u, 600000u));
}

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"vind: full-text search over Dutch documents"};
  app.require_subcommand(1);

  vind::indexer::Options index;
  index.database = VIND_DEFAULT_DB;
  CLI::App* index_cmd = app.add_subcommand("index", "Index documents (files or folders) into a database");
  index_cmd->add_option("paths", index.inputs, "Documents or folders")->required();
  index_cmd->add_option("--db", index.database, "Index folder")->capture_default_str();
  index_cmd->add_option("--stemmer", index.analysis.stemmer, "Snowball stemmer (dutch, kraaij_pohlmann)")
      ->capture_default_str();
  index_cmd->add_option("--max-bytes", index.limits.max_bytes, "Skip larger files")->capture_default_str();
  index_cmd->add_option("--heading-weight", index.analysis.heading_weight, "A heading word counts this often")
      ->capture_default_str();
  index_cmd->add_option("--compound-words", index.compound_word_list, "Word list for splitting compounds")
      ->capture_default_str();
  index_cmd->add_flag_callback("--no-compounds", [&index] { index.compound_word_list.clear(); },
                               "Do not split compounds");
  index_cmd->add_option("--threads", index.threads, "Threads reading and writing (0: one per core)")
      ->capture_default_str()->check(CLI::Range(0, 256));
  index_cmd->add_flag("--rebuild", index.rebuild,
                      "Build a new index from these files alone and swap it in when complete");
  bool quiet = false;
  index_cmd->add_flag("--quiet", quiet, "No progress line (there is none unless stderr is a terminal)");
  std::size_t shards = 0;
  index_cmd->add_option("--shards", shards, "Split the index into N shards (fixed once made)")
      ->check(CLI::Range(1, 1024));

  std::vector<std::filesystem::path> search_dbs = {VIND_DEFAULT_DB};
  vind::searcher::RemoteTimeouts timeouts;
  vind::searcher::SearchRequest request;
  vind::searcher::SettingsRequest settings;
  std::vector<std::string> query_words;
  bool json = false;
  CLI::App* search_cmd = app.add_subcommand("search", "Search the index");
  search_cmd->add_option("query", query_words, "Query words, \"phrases\", AND/OR/NOT, -word, kind:faq")
      ->required();
  add_databases(search_cmd, search_dbs, timeouts);
  search_cmd->add_flag("--json", json, "JSON output (the website's contract)");
  search_cmd->add_option("--limit", request.limit, "Results per page")->capture_default_str();
  search_cmd->add_option("--offset", request.offset, "Results to skip")->capture_default_str();
  search_cmd->add_flag("--partial", request.options.partial, "Treat the last word as a prefix");
  search_cmd->add_option("--stemmer", settings.stemmer, "Refuse an index built with another stemmer");
  search_cmd->add_option("--sort", request.sort, "relevance or date (newest first)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, vind::searcher::Sort>{{"relevance", vind::searcher::Sort::kRelevance},
                                                      {"date", vind::searcher::Sort::kDate}}));
  search_cmd->add_flag_callback("--no-spelling", [&request] { request.options.spelling = false; },
                                "Do not correct typos");
  search_cmd->add_flag_callback("--no-synonyms", [&request] { request.options.synonyms = false; },
                                "Do not expand synonyms");
  search_cmd->add_option("--bm25-k1", request.ranking.k1, "BM25 k1 (tuning)")->capture_default_str();
  search_cmd->add_option("--bm25-b", request.ranking.b, "BM25 b (tuning)")->capture_default_str();
  bool explain = false;
  search_cmd->add_flag("--explain", explain, "Show how the query was understood");
  CLI::App* explain_cmd = app.add_subcommand("explain", "Show how a query is understood (terms, "
                                                        "stems, compounds, synonyms, corrections)");
  explain_cmd->add_option("query", query_words, "Query")->required();
  add_databases(explain_cmd, search_dbs, timeouts);
  explain_cmd->add_flag("--partial", request.options.partial, "Treat the last word as a prefix");

  std::filesystem::path inspect_file;
  bool inspect_json = false;
  CLI::App* inspect_cmd = app.add_subcommand("inspect", "Show how a document is read into passages");
  inspect_cmd->add_option("file", inspect_file, "Document")->required();
  inspect_cmd->add_flag("--json", inspect_json, "JSON output");

  vind::searcher::ServeOptions serve;
  serve.databases = {VIND_DEFAULT_DB};
  CLI::App* serve_cmd = app.add_subcommand("serve", "Answer searches over HTTP (JSON API and search page)");
  add_databases(serve_cmd, serve.databases, serve.remote);
  serve_cmd->add_option("--host", serve.host, "Address to listen on")->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "Port (0: any free port)")->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--allow-origin", serve.allow_origin, "Website origin allowed to call the API (CORS)");
  serve_cmd->add_option("--threads", serve.threads, "Worker threads (one per open connection)")
      ->capture_default_str()->check(CLI::Range(1, 1024));
  serve_cmd->add_option("--cache", serve.cache_entries, "Answers kept in memory per index revision (0: none)")
      ->capture_default_str();
  serve_cmd->add_option("--stemmer", serve.settings.stemmer, "Refuse an index built with another stemmer");

  CLI11_PARSE(app, argc, argv);

  if (*index_cmd) {
    if (!quiet && isatty(STDERR_FILENO)) index.progress = vind::cli::progress_line(std::cerr);
    if (shards > 0 || vind::indexer::shard_count(index.database) > 0)
      return vind::cli::report(vind::indexer::build_shards(index, shards), std::cout, std::cerr);
    return vind::cli::report(vind::indexer::build_index(index), std::cout, std::cerr);
  }
  if (*search_cmd || *explain_cmd) {
    request.query = joined(query_words);
    const vind::searcher::Searcher searcher(search_dbs, settings, timeouts);
    const vind::searcher::Results results = vind::searcher::search(searcher, request);
    if (*explain_cmd || explain) vind::searcher::write_explanation(results, std::cout);
    if (*explain_cmd) return 0;
    if (json) {
      std::cout << vind::searcher::to_json(results).dump(2) << "\n";
    } else {
      vind::searcher::write_text(results, std::cout, isatty(STDOUT_FILENO));
    }
    return 0;
  }
  if (*serve_cmd) return vind::searcher::serve(serve, std::cerr);
  if (*inspect_cmd) {
    const vind::indexer::Document doc = vind::indexer::read_document(inspect_file);
    if (inspect_json) {
      std::cout << vind::indexer::to_json(doc).dump(2) << "\n";
    } else {
      vind::indexer::write_inspection(doc, std::cout);
    }
    return 0;
  }
  return 1;
} catch (const Xapian::Error& e) {
  std::cerr << "vind: " << e.get_description() << '\n';
  return 1;
} catch (const std::exception& e) {
  std::cerr << "vind: " << e.what() << '\n';
  return 1;
}
