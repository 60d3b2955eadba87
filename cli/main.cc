// vind index | search | inspect: flags → options → one library call → exit code.

#include <unistd.h>

#include <iostream>

#include <CLI/CLI.hpp>

#include "analysis/error.h"
#include "cli/report.h"
#include "indexer/build_index.h"
#include "indexer/inspect.h"
#include "searcher/json_output.h"
#include "searcher/search.h"
#include "searcher/text_output.h"

namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
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
  index_cmd->add_option("--compound-words", index.compound_word_list, "Word list for splitting compounds")
      ->capture_default_str();
  index_cmd->add_flag_callback("--no-compounds", [&index] { index.compound_word_list.clear(); },
                               "Do not split compounds");

  std::filesystem::path search_db = VIND_DEFAULT_DB;
  vind::searcher::SearchRequest request;
  vind::searcher::SettingsRequest settings;
  std::vector<std::string> query_words;
  bool json = false;
  CLI::App* search_cmd = app.add_subcommand("search", "Search the index");
  search_cmd->add_option("query", query_words, "Query words, \"phrases\", AND/OR/NOT, -word, kind:faq")
      ->required();
  search_cmd->add_option("--db", search_db, "Index folder")->capture_default_str();
  search_cmd->add_flag("--json", json, "JSON output (the website's contract)");
  search_cmd->add_option("--limit", request.limit, "Results per page")->capture_default_str();
  search_cmd->add_option("--offset", request.offset, "Results to skip")->capture_default_str();
  search_cmd->add_flag("--partial", request.options.partial, "Treat the last word as a prefix");
  search_cmd->add_option("--stemmer", settings.stemmer, "Refuse an index built with another stemmer");

  std::filesystem::path inspect_file;
  bool inspect_json = false;
  CLI::App* inspect_cmd = app.add_subcommand("inspect", "Show how a document is read into passages");
  inspect_cmd->add_option("file", inspect_file, "Document")->required();
  inspect_cmd->add_flag("--json", inspect_json, "JSON output");

  CLI11_PARSE(app, argc, argv);

  if (*index_cmd) return vind::cli::report(vind::indexer::build_index(index), std::cout, std::cerr);
  if (*search_cmd) {
    request.query = joined(query_words);
    const vind::searcher::Searcher searcher(search_db, settings);
    const vind::searcher::Results results = vind::searcher::search(searcher, request);
    if (json) {
      std::cout << vind::searcher::to_json(results).dump(2) << "\n";
    } else {
      vind::searcher::write_text(results, std::cout, isatty(STDOUT_FILENO));
    }
    return 0;
  }
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
