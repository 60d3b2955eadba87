#include "cli/databases_option.h"

namespace vind::cli {

void add_databases(CLI::App* command, std::vector<std::filesystem::path>& databases,
                   searcher::RemoteTimeouts& timeouts) {
  command->add_option("--db", databases, "Index folder, shard folder or stub file; repeat to search several as one")
      ->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->capture_default_str();
  command->add_option("--connect-timeout", timeouts.connect_ms, "Milliseconds a remote shard has to accept")
      ->capture_default_str()->check(CLI::Range(1u, 600000u));
  command->add_option("--remote-timeout", timeouts.operation_ms, "Milliseconds a remote shard has per answer")
      ->capture_default_str()->check(CLI::Range(1u, 600000u));
}

}  // namespace vind::cli
