#include "cli/databases_option.h"

#include "cli/usage.h"

namespace vind::cli {

void add_databases(CLI::App* command, std::vector<std::filesystem::path>& databases,
                   searcher::RemoteTimeouts& timeouts) {
  command->add_option("--db", databases, "Index folder, shard folder or stub file; repeat to search several as one")
      ->type_name("PATH")->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->capture_default_str();
  command->add_option("--connect-timeout", timeouts.connect_ms, "Milliseconds a remote shard has to accept")
      ->type_name("MS")->capture_default_str()->check(whole_number(1, 600000));
  command->add_option("--remote-timeout", timeouts.operation_ms, "Milliseconds a remote shard has per answer")
      ->type_name("MS")->capture_default_str()->check(whole_number(1, 600000));
}

}  // namespace vind::cli
