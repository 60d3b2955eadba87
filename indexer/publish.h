#pragma once
// A fresh index is built in folders beside the index in use and moved into its place in one
// rename once complete: a searcher sees the old index or the new one, and a crash mid-build
// leaves the old one as it was (and build folders that the next run clears away).

#include <filesystem>
#include <string>

namespace vind::indexer {

struct BuildFolders {
  std::filesystem::path parts;   // scratch databases, merged into `output`
  std::filesystem::path output;  // the new index until published
};

// The hidden name next to `database` for `what`: beside("/srv/index", "lock") is
// "/srv/.index.lock"; "/srv/index/" names the same folder.
std::filesystem::path beside(const std::filesystem::path& database, const std::string& what);

// Hidden folders next to `database`, named after it and this process: ".index.parts-1234".
BuildFolders build_folders(const std::filesystem::path& database);

// Removes the build folders of runs that died (their process is gone) next to `database`.
void remove_abandoned_builds(const std::filesystem::path& database);

// Moves `built` to `database` atomically, replacing what is there (the old index is deleted
// afterwards; a server still reading it keeps its open files). Throws vind::Error.
void publish(const std::filesystem::path& built, const std::filesystem::path& database);

}  // namespace vind::indexer
