#pragma once
// A shell command run for a test: its exit status and what it printed on stdout (add 2>&1 to the
// command for stderr too).

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace vind::testing {

struct Outcome {
  int status;  // the exit code; 128 + N when killed by signal N, as the shell reports it
  std::string output;
};

inline Outcome shell(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  std::array<char, 4096> buf;
  while (const std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) output.append(buf.data(), n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), output};
}

inline std::string quoted(const std::string& s) {
  std::string q = "'";
  for (const char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace vind::testing
