#include "indexer/publish.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <string>

#include "analysis/error.h"

namespace vind::indexer {

namespace {

namespace fs = std::filesystem;

// "db/" names the folder db: its filename() would be empty, its parent_path() db itself.
fs::path folder_of(const fs::path& database) {
  const fs::path absolute = fs::absolute(database);
  return absolute.has_filename() ? absolute : absolute.parent_path();
}

std::string prefix_of(const fs::path& database) {
  return "." + folder_of(database).filename().string() + ".";
}

fs::path parent_of(const fs::path& database) { return folder_of(database).parent_path(); }

bool process_alive(pid_t pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

std::string error_text(const fs::path& from, const fs::path& to) {
  return "cannot move the new index " + from.string() + " to " + to.string() + ": " +
         std::strerror(errno);
}

}  // namespace

fs::path beside(const fs::path& database, const std::string& what) {
  return parent_of(database) / (prefix_of(database) + what);
}

BuildFolders build_folders(const fs::path& database) {
  const std::string pid = std::to_string(::getpid());
  return {beside(database, "parts-" + pid), beside(database, "new-" + pid)};
}

void remove_abandoned_builds(const fs::path& database) {
  const std::string stem = prefix_of(database);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent_of(database), ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(stem)) continue;
    const std::string rest = name.substr(stem.size());
    const std::size_t dash = rest.find('-');
    if (dash == std::string::npos) continue;
    const std::string kind = rest.substr(0, dash);
    if (kind != "parts" && kind != "new") continue;
    pid_t pid = 0;  // stays 0, no process, when the name holds no number
    std::from_chars(rest.data() + dash + 1, rest.data() + rest.size(), pid);
    if (!process_alive(pid)) fs::remove_all(entry.path(), ec);
  }
}

void publish(const fs::path& built, const fs::path& database) {
  std::error_code ec;
  if (!fs::exists(database, ec)) {
    if (::rename(built.c_str(), database.c_str()) != 0) throw Error(error_text(built, database));
    return;
  }
  // Swapping the two names is one atomic step; a rename onto a non-empty folder is refused.
  if (::renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, database.c_str(), RENAME_EXCHANGE) != 0)
    throw Error(error_text(built, database));
  fs::remove_all(built, ec);  // the old index, now under the build name
}

}  // namespace vind::indexer
