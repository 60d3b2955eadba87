#include "indexer/index_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "analysis/error.h"
#include "indexer/publish.h"

namespace vind::indexer {

namespace {

// The pid the holder wrote, or "" when it has not yet.
std::string holder_of(int fd) {
  char buf[32] = {};
  const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  std::string pid(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid;
}

}  // namespace

IndexLock::IndexLock(const std::filesystem::path& database, bool wait) {
  const std::filesystem::path file = beside(database, "lock");
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw Error(database.string() + ": cannot make the lock file " + file.string() + ": " + std::strerror(errno));
  int locked;
  while ((locked = ::flock(fd_, wait ? LOCK_EX : LOCK_EX | LOCK_NB)) != 0 && errno == EINTR) {
  }
  if (locked != 0) {
    const int error = errno;
    const std::string pid = error == EWOULDBLOCK ? holder_of(fd_) : "";
    ::close(fd_);
    if (error != EWOULDBLOCK)
      throw Error(database.string() + ": cannot lock " + file.string() + ": " + std::strerror(error));
    throw Error(database.string() + ": another run is writing this index" +
                (pid.empty() ? "" : " (pid " + pid + ")") +
                "; run again when it is done, or give --wait");
  }
  // The pid only makes a refusal clearer: the lock holds without it.
  const std::string pid = std::to_string(::getpid()) + "\n";
  [[maybe_unused]] const bool recorded =
      ::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size());
}

IndexLock::~IndexLock() { ::close(fd_); }  // closing lets go of the lock

}  // namespace vind::indexer
