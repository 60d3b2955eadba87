// vind index | search | explain | serve | inspect: parse the flags, run the one command given.

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) try {
  CLI::App app{"vind: full-text search over Dutch documents"};
  app.require_subcommand(1);
  vind::cli::IndexCommand index;
  vind::cli::SearchCommand search;
  vind::cli::InspectCommand inspect;
  vind::cli::ServeCommand serve;
  CLI::App* index_cmd = vind::cli::add_index(app, index);
  CLI::App* search_cmd = vind::cli::add_search(app, search);
  CLI::App* explain_cmd = vind::cli::add_explain(app, search);
  CLI::App* inspect_cmd = vind::cli::add_inspect(app, inspect);
  CLI::App* serve_cmd = vind::cli::add_serve(app, serve);
  CLI11_PARSE(app, argc, argv);

  if (*index_cmd) return vind::cli::run_index(index);
  if (*search_cmd) return vind::cli::run_search(search, false);
  if (*explain_cmd) return vind::cli::run_search(search, true);
  if (*inspect_cmd) return vind::cli::run_inspect(inspect);
  if (*serve_cmd) return vind::cli::run_serve(serve);
  return 1;
} catch (const Xapian::Error& e) {
  std::cerr << "vind: " << e.get_description() << '\n';
  return 1;
} catch (const std::exception& e) {
  std::cerr << "vind: " << e.what() << '\n';
  return 1;
}
