#include <iostream>

#include "cli/commands.h"
#include "cli/databases_option.h"

namespace vind::cli {

CLI::App* add_serve(CLI::App& app, ServeCommand& command) {
  server::ServeOptions& serve = command.options;
  CLI::App* cmd = app.add_subcommand("serve", "Answer searches over HTTP (JSON API and search page)");
  add_databases(cmd, serve.databases, serve.remote);
  cmd->add_option("--host", serve.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", serve.port, "Port (0: any free port)")->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--allow-origin", serve.allow_origin, "Website origin allowed to call the API (CORS)");
  cmd->add_option("--threads", serve.threads, "Worker threads (one per open connection)")
      ->capture_default_str()->check(CLI::Range(1, 1024));
  cmd->add_option("--cache", serve.cache_entries, "Answers kept in memory per index revision (0: none)")
      ->capture_default_str();
  cmd->add_option("--stemmer", serve.settings.stemmer, "Refuse an index built with another stemmer");
  return cmd;
}

int run_serve(const ServeCommand& command) { return server::serve(command.options, std::cerr); }

}  // namespace vind::cli
