#pragma once
// An index of test inputs in a test's own directory, built as `vind index` builds it.

#include <filesystem>
#include <string>
#include <vector>

#include "indexer/build_index.h"
#include "temp_dir.h"

namespace vind::testing {

// Indexes `inputs` (default: the real corpus) into dir/db and returns that path.
inline std::filesystem::path build_test_index(const TempDir& dir,
                                              std::vector<std::filesystem::path> inputs = {},
                                              const std::string& stemmer = "dutch") {
  indexer::Options options;
  options.inputs = inputs.empty() ? std::vector<std::filesystem::path>{source_dir() / "corpus"} : inputs;
  options.database = dir / "db";
  options.analysis.stemmer = stemmer;
  indexer::build_index(options);
  return options.database;
}

}  // namespace vind::testing
