#pragma once
// `vind serve` as a child process on a free loopback port, for tests that ask it over HTTP.

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "child_process.h"

namespace vind::testing {

// `vind serve --port 0` in a child process; its first stderr line gives the port. Stopped with
// SIGTERM, whose clean exit (0) every test checks.
class ServeProcess {
 public:
  explicit ServeProcess(const std::filesystem::path& db, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {VIND_BINARY, "serve", "--db", db.string(), "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    const Child child = spawn_child(std::move(args), Piped::kStderr);
    pid_ = child.pid;
    stderr_ = child.output;
    const std::string first = read_line(10000);
    const std::size_t at = first.rfind(':');
    if (first.find("vind: serving") != 0 || at == std::string::npos)
      throw std::runtime_error("vind serve did not start: " + first);
    port_ = std::stoi(first.substr(at + 1));
    // The access log must be read as it comes: a full pipe would stall the server.
    drain_ = std::thread([this] {
      for (std::string line = read_line(-1); !line.empty(); line = read_line(-1)) {
        const std::lock_guard<std::mutex> lock(log_mutex_);
        log_ += line + "\n";
      }
    });
  }
  ~ServeProcess() {
    if (pid_ > 0) stop();
    close(stderr_);
  }

  int port() const { return port_; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    return c;
  }

  // SIGTERM, then the exit status (0: clean) and everything it logged after the first line.
  int stop() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    drain_.join();  // the pipe is at its end now
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  std::string log() {
    const std::lock_guard<std::mutex> lock(log_mutex_);
    return log_;
  }

 private:
  std::string read_line(int timeout_ms) {
    std::string line;
    char c;
    pollfd p{stderr_, POLLIN, 0};
    while (poll(&p, 1, timeout_ms) > 0 && read(stderr_, &c, 1) == 1 && c != '\n') line += c;
    return line;
  }

  pid_t pid_ = -1;
  int stderr_ = -1;
  int port_ = 0;
  std::thread drain_;
  std::mutex log_mutex_;
  std::string log_;
};

}  // namespace vind::testing
