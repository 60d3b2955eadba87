#pragma once
// One writer per index at a time. Every run that writes an index holds its lock from start to
// end: a fresh build and its swap, an update, and all shards of a sharded index (under the lock
// of the folder that holds them). An update writing into the folder a rebuild swapped away, or
// two updates at once, left an index Xapian could not open.
//
// The lock is flock(2) on ".NAME.lock" beside the index folder NAME (not inside it: a rebuild
// swaps the folder). The kernel lets go of it when the process ends, however it ends, so a killed
// run leaves no stale lock; the file stays, holding the pid of the last run that took it.

#include <filesystem>

namespace vind::indexer {

class IndexLock {
 public:
  // Takes the lock of the index at `database`, making the folder it lies in if need be. With
  // `wait`, waits until the run holding it is done; without, throws vind::Error naming the index
  // and the pid holding it.
  IndexLock(const std::filesystem::path& database, bool wait);
  ~IndexLock();
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace vind::indexer
