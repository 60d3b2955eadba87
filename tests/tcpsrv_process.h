#pragma once
// `xapian-tcpsrv` (Debian's xapian-tools) serving one database on a free loopback port, as a
// shard machine would, for tests of remote shards.
//
// It runs in a process group of its own: the server forks a child per connection, and a killed
// parent leaves its children answering the connections already open. kill() and stop() signal
// the whole group; the destructor kills and reaps it, so a failing test leaves no server behind.

#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"

namespace vind::testing {

class TcpsrvProcess {
 public:
  explicit TcpsrvProcess(const std::filesystem::path& database) {
    // A free port can be taken by someone else before the server binds it: then try another.
    for (int attempt = 0; attempt < 5; ++attempt) {
      port_ = free_port();
      if (start(database)) return;
    }
    throw std::runtime_error("xapian-tcpsrv did not start for " + database.string());
  }
  ~TcpsrvProcess() {
    if (pid_ > 0) {
      ::kill(-pid_, SIGKILL);
      reap();
    }
  }
  TcpsrvProcess(const TcpsrvProcess&) = delete;
  TcpsrvProcess& operator=(const TcpsrvProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }  // also its process group
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  // The machine gone: server and connections, at once.
  void kill() {
    if (pid_ <= 0) return;  // killed before: pid -1 would mean every process
    ::kill(-pid_, SIGKILL);
    reap();
  }
  // The machine hung: connections accepted by the kernel, nothing answered.
  void pause() {
    if (pid_ > 0) ::kill(-pid_, SIGSTOP);
  }

 private:
  static int free_port() {
    const int sock = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    if (bind(sock, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
        getsockname(sock, reinterpret_cast<sockaddr*>(&address), &size) != 0)
      throw std::runtime_error("no free port");
    close(sock);
    return ntohs(address.sin_port);
  }

  // Started once it says "Listening..."; false when it exits first (the port was taken).
  bool start(const std::filesystem::path& database) {
    Child child;
    try {
      child = spawn_child({"xapian-tcpsrv", "--port", std::to_string(port_), "--interface",
                           "127.0.0.1", database.string()},
                          Piped::kStdoutAndStderr, /*own_group=*/true);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(std::string(e.what()) + " (install xapian-tools)");
    }
    pid_ = child.pid;
    std::string said;
    char c;
    pollfd p{child.output, POLLIN, 0};
    while (said.find("Listening...") == std::string::npos && poll(&p, 1, 10000) > 0 &&
           read(child.output, &c, 1) == 1)
      said += c;
    if (said.find("Listening...") == std::string::npos) {
      close(child.output);
      ::kill(-pid_, SIGKILL);
      reap();
      return false;
    }
    // It logs every connection: read on, or a full pipe would stall it. The pipe ends when the
    // server and every child it forked are gone.
    out_ = child.output;
    drain_ = std::thread([fd = out_] {
      char buffer[4096];
      while (read(fd, buffer, sizeof buffer) > 0) {
      }
    });
    return true;
  }

  void reap() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    if (drain_.joinable()) drain_.join();
    if (out_ >= 0) close(out_);
    out_ = -1;
  }

  pid_t pid_ = -1;
  int port_ = 0;
  int out_ = -1;
  std::thread drain_;
};

}  // namespace vind::testing
