#pragma once
// --db for the commands that read an index: repeatable (index folders, stubs, shard folders, all
// searched as one), with the timeouts for remote shards.

#include <filesystem>
#include <vector>

#include <CLI/CLI.hpp>

#include "searcher/shard_set.h"

namespace vind::cli {

void add_databases(CLI::App* command, std::vector<std::filesystem::path>& databases,
                   searcher::RemoteTimeouts& timeouts);

}  // namespace vind::cli
