#pragma once
// The real vind binary run on hostile input as a user meets it: its exit code, its output, its
// peak memory, and, when the tests run as root (as CI does), as an unprivileged user, since root
// reads every folder whatever its permissions.

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "schema/schema.h"
#include "tests/temp_dir.h"

extern char** environ;

namespace vind::testing {

// nobody:nogroup on Debian.
inline constexpr uid_t kUnprivilegedUid = 65534;
inline constexpr gid_t kUnprivilegedGid = 65534;

inline bool running_as_root() { return geteuid() == 0; }

// Makes everything below `dir` the unprivileged user's, so that vind run as that user can read
// the documents and write the index there. Nothing to do when the tests do not run as root.
inline void hand_over(const std::filesystem::path& dir) {
  if (!running_as_root()) return;
  auto give = [](const std::filesystem::path& p) {
    if (lchown(p.c_str(), kUnprivilegedUid, kUnprivilegedGid) != 0)
      throw std::runtime_error("cannot chown " + p.string());
  };
  give(dir);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) give(entry.path());
}

struct VindRun {
  int status = -1;   // the exit code; 128 + N when killed by signal N
  std::string out;   // stdout
  std::string err;   // stderr
  long peak_rss_kb = 0;  // of the vind process alone (run_vind), from wait4's rusage
};

// Starts `vind ARGS…` with stdout and stderr into files in `dir`; as the unprivileged user when the
// tests run as root (util-linux's setpriv), else as this user. Returns the pid.
inline pid_t start_vind(const TempDir& dir, const std::vector<std::string>& args,
                        const std::string& name = "vind", const std::string& program = VIND_BINARY) {
  std::vector<std::string> command;
  if (running_as_root())
    command = {"setpriv", "--reuid=" + std::to_string(kUnprivilegedUid),
               "--regid=" + std::to_string(kUnprivilegedGid), "--clear-groups"};
  command.push_back(program);
  command.insert(command.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : command) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string out = (dir / (name + ".out")).string(), err = (dir / (name + ".err")).string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (program != VIND_BINARY)  // run_vind's trampoline reports vind's peak memory there
    posix_spawn_file_actions_addopen(&actions, 3, (dir / (name + ".peak")).c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot run " + command[0]);
  return pid;
}

// Waits for a vind started by start_vind and collects what it did.
inline VindRun finish_vind(const TempDir& dir, pid_t pid, const std::string& name = "vind") {
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) throw std::runtime_error("wait4 failed");
  VindRun run;
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = read_text(dir / (name + ".out"));
  run.err = read_text(dir / (name + ".err"));
  run.peak_rss_kb = usage.ru_maxrss;
  return run;
}

// Linux carries the high-water mark of the memory a process exec()s from into the new program's
// ru_maxrss, and a process spawned from this one starts in this one's memory: after a test that
// built a large index here, any vind it started "peaked" at 600 MB. So run_vind starts vind from a
// small Python (Debian's: the unprivileged user can run it) that was exec()ed first and writes
// vind's own peak to descriptor 3 (vind.peak).
constexpr char kOwnPeak[] =
    "import os, sys\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    os.close(3)\n"
    "    os.execv(sys.argv[1], sys.argv[1:])\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "os.write(3, str(usage.ru_maxrss).encode())\n"
    "sys.exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))\n";

inline VindRun run_vind(const TempDir& dir, const std::vector<std::string>& args) {
  std::vector<std::string> trampolined = {"-c", kOwnPeak, VIND_BINARY};
  trampolined.insert(trampolined.end(), args.begin(), args.end());
  VindRun run = finish_vind(dir, start_vind(dir, trampolined, "vind", "/usr/bin/python3"));
  run.peak_rss_kb = std::stol(read_text(dir / "vind.peak"));
  return run;
}

// The report's timing differs from run to run: "seconds: 0.21" → "seconds: S".
inline std::string without_seconds(const std::string& report) {
  return std::regex_replace(report, std::regex("seconds: [0-9.]+"), "seconds: S");
}

// The document ids an index holds (its document: terms), sorted.
inline std::set<std::string> document_ids(const std::filesystem::path& db) {
  const Xapian::Database xdb(db.string());
  std::set<std::string> ids;
  for (auto t = xdb.allterms_begin(schema::kDocument); t != xdb.allterms_end(schema::kDocument); ++t)
    ids.insert((*t).substr(1));
  return ids;
}

}  // namespace vind::testing
