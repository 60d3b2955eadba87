#pragma once
// A program started as a child process for a test, its output in a pipe or thrown away.
// ServeProcess (vind serve), TcpsrvProcess (xapian-tcpsrv) and the kill test start theirs here.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace vind::testing {

struct Child {
  pid_t pid = -1;
  int output = -1;  // read end of the pipe the piped streams go to; -1 when nothing is piped
};

enum class Piped { kNothing, kStderr, kStdoutAndStderr };

// Starts args[0] (looked up in PATH). Streams that are not piped are inherited, except with
// kNothing, where stdout and stderr go to /dev/null. own_group: a process group of its own, so
// that kill(-pid, …) reaches the children it forks too. Throws std::runtime_error naming args[0].
inline Child spawn_child(std::vector<std::string> args, Piped piped, bool own_group = false) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int pipe_ends[2] = {-1, -1};
  if (piped != Piped::kNothing && pipe(pipe_ends) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (piped == Piped::kNothing) {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  } else {
    if (piped == Piped::kStdoutAndStderr)
      posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_ends[0]);
  }
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  if (own_group) {
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
  }
  Child child;
  const int spawned = posix_spawnp(&child.pid, argv[0], &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (pipe_ends[1] >= 0) close(pipe_ends[1]);
  if (spawned != 0) {
    if (pipe_ends[0] >= 0) close(pipe_ends[0]);
    throw std::runtime_error("cannot run " + args[0]);
  }
  child.output = pipe_ends[0];
  return child;
}

// CPU time the process has used, in clock ticks (utime + stime of /proc/PID/stat).
inline long cpu_ticks(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(stat, line);
  const std::size_t close = line.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(line.substr(close + 2));
  std::string field;
  long utime = 0, stime = 0;
  for (int i = 3; fields >> field; ++i) {  // field 3 is the state
    if (i == 14) utime = std::stol(field);
    if (i == 15) {
      stime = std::stol(field);
      break;
    }
  }
  return utime + stime;
}

// Waits until the child has used `ticks` of CPU, so that it is well into its work (a point in its
// work, not in time); false when it ended first (it is left to be reaped) or took two minutes.
inline bool worked_for(pid_t pid, long ticks) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (cpu_ticks(pid) < ticks) {
    siginfo_t info{};
    if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid)
      return false;
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

}  // namespace vind::testing
