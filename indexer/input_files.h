#pragma once
// paths on the command line → the files to index, in a fixed order, each with its document id.

#include <cstdint>
#include <filesystem>
#include <vector>

#include "indexer/index_report.h"

namespace vind::indexer {

struct InputFile {
  std::filesystem::path file;  // absolute, normalised: the file's identity in the index
  std::filesystem::path id;    // document id: path below the indexed folder, without extension
  std::uintmax_t size = 0;     // bytes, for progress and for sharing work out evenly
};

struct InputFiles {
  std::vector<InputFile> files;              // each folder's files sorted by path
  std::vector<std::filesystem::path> folders;  // the folders walked, normalised
};

// Walks folders recursively, skipping dot-files and MANIFEST.tsv. A missing input is reported as
// skipped (so the rest still gets indexed); an unreadable folder is a warning.
InputFiles collect_inputs(const std::vector<std::filesystem::path>& inputs, Report& report);

}  // namespace vind::indexer
