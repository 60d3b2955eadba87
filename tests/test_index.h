#pragma once
// An index of test inputs in a test's own directory, built as `vind index` builds it.

#include <filesystem>
#include <string>
#include <vector>

#include "indexer/build_index.h"
#include "indexer/shards.h"
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

// The corpus and tests/data's good documents of every format: enough documents for each of three
// shards to get some.
inline std::vector<std::filesystem::path> every_format() {
  std::vector<std::filesystem::path> inputs = {source_dir() / "corpus"};
  for (const char* folder : {"handelingen", "html", "jekyll", "kamervragen", "rechtspraak", "wetten"})
    inputs.push_back(source_dir() / "tests/data" / folder);
  return inputs;
}

// Indexes `inputs` into `shards` shards in dir/name, as `vind index --shards` does; returns that
// folder.
inline std::filesystem::path build_test_shards(const TempDir& dir, std::size_t shards,
                                               std::vector<std::filesystem::path> inputs,
                                               const std::string& name = "shards") {
  indexer::Options options;
  options.inputs = std::move(inputs);
  options.database = dir / name;
  indexer::build_shards(options, shards);
  return options.database;
}

}  // namespace vind::testing
