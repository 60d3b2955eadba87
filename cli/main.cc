// vind index | search | explain | related | serve | stats | inspect: parse the flags, run the one command given.

#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/usage.h"
#include "cli/version.h"

int main(int argc, char** argv) try {
  // Named, so usage lines say "vind search", wherever the binary was started from.
  CLI::App app{"vind: full-text search over Dutch documents", "vind"};
  app.require_subcommand(1);
  app.set_version_flag("--version", vind::cli::version_text(), "Print the versions of vind, Xapian and ICU and exit");
  app.footer(vind::cli::kExitCodesHelp);
  vind::cli::IndexCommand index;
  vind::cli::SearchCommand search;
  vind::cli::InspectCommand inspect;
  vind::cli::ServeCommand serve;
  vind::cli::RelatedCommand related;
  vind::cli::StatsCommand stats;
  CLI::App* index_cmd = vind::cli::add_index(app, index);
  CLI::App* search_cmd = vind::cli::add_search(app, search);
  CLI::App* explain_cmd = vind::cli::add_explain(app, search);
  CLI::App* related_cmd = vind::cli::add_related(app, related);
  CLI::App* inspect_cmd = vind::cli::add_inspect(app, inspect);
  CLI::App* serve_cmd = vind::cli::add_serve(app, serve);
  CLI::App* stats_cmd = vind::cli::add_stats(app, stats);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << vind::cli::usage_message(app, e, std::vector<std::string>(argv + 1, argv + argc));
    return vind::cli::kExitUsage;
  }

  if (*index_cmd) return vind::cli::run_index(index);
  if (*search_cmd) return vind::cli::run_search(search, false);
  if (*explain_cmd) return vind::cli::run_search(search, true);
  if (*related_cmd) return vind::cli::run_related(related);
  if (*inspect_cmd) return vind::cli::run_inspect(inspect);
  if (*serve_cmd) return vind::cli::run_serve(serve);
  if (*stats_cmd) return vind::cli::run_stats(stats);
  return vind::cli::kExitError;
} catch (const vind::cli::UsageError& e) {
  std::cerr << "vind: " << e.what() << '\n';
  return vind::cli::kExitUsage;
} catch (const Xapian::Error& e) {
  std::cerr << "vind: " << e.get_description() << '\n';
  return vind::cli::kExitError;
} catch (const std::exception& e) {
  std::cerr << "vind: " << e.what() << '\n';
  return vind::cli::kExitError;
}
