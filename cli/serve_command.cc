#include <iostream>

#include "cli/commands.h"
#include "cli/databases_option.h"
#include "cli/usage.h"

namespace vind::cli {

CLI::App* add_serve(CLI::App& app, ServeCommand& command) {
  server::ServeOptions& serve = command.options;
  CLI::App* cmd = app.add_subcommand("serve", "Answer searches over HTTP (JSON API and search page)");
  add_databases(cmd, serve.databases, serve.remote);
  cmd->add_option("--host", serve.host, "Address to listen on")->type_name("ADDRESS")->capture_default_str();
  cmd->add_option("--port", serve.port, "Port (0: any free port)")
      ->type_name("N")->capture_default_str()->check(whole_number(0, 65535));
  cmd->add_option("--allow-origin", serve.allow_origins,
                  "Website origin allowed to call the API (CORS); repeat for several, * for any")
      ->type_name("ORIGIN")->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--threads", serve.threads, "Worker threads, each answering many connections")
      ->type_name("N")->capture_default_str()->check(whole_number(1, 1024));
  cmd->add_option("--client-connections", serve.connections_per_client,
                  "Open connections allowed per client address (raise behind a reverse proxy)")
      ->type_name("N")->capture_default_str()->check(whole_number(1, 100000));
  cmd->add_option("--client-requests", serve.requests_per_client,
                  "Requests per client address answered at once; more get 429 (raise behind a reverse proxy)")
      ->type_name("N")->capture_default_str()->check(whole_number(1, 100000));
  cmd->add_option("--max-connections", serve.max_connections, "Open connections allowed in all")
      ->type_name("N")->capture_default_str()->check(whole_number(1, 100000));
  cmd->add_option("--timeout", serve.timeout_seconds,
                  "Seconds a client has to send its whole request; idle connections close after it")
      ->type_name("SECONDS")->capture_default_str()->check(whole_number(1, 3600));
  cmd->add_option("--cache", serve.cache_entries, "Answers kept in memory per index revision (0: none)")
      ->type_name("N")->capture_default_str()->check(whole_number(0, 10000000));
  cmd->add_option("--stemmer", serve.settings.stemmer, "Refuse an index built with another stemmer")
      ->type_name("dutch|kraaij_pohlmann");
  cmd->add_option("--query-stats", serve.query_stats.file,
                  "Count searches that found nothing or were corrected in this file (vind stats reads it)")
      ->type_name("FILE");
  cmd->add_option("--query-stats-days", serve.query_stats.min_days,
                  "Write a query down only once asked on this many distinct days")
      ->type_name("K")->capture_default_str()->check(whole_number(1, 365));
  return cmd;
}

int run_serve(const ServeCommand& command) { return server::serve(command.options, std::cerr); }

CLI::App* add_stats(CLI::App& app, StatsCommand& command) {
  CLI::App* cmd = app.add_subcommand("stats", "Show what visitors searched for and did not find (vind serve --query-stats)");
  cmd->add_option("FILE", command.file, "The file vind serve --query-stats wrote")->required()->check(CLI::ExistingFile);
  cmd->add_option("--top", command.top, "Queries per table")
      ->type_name("N")->capture_default_str()->check(whole_number(1, 100000));
  return cmd;
}

int run_stats(const StatsCommand& command) {
  server::write_query_report(server::read_query_stats(command.file), command.top, std::cout);
  return 0;
}

}  // namespace vind::cli
