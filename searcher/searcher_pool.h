#pragma once
// index folder → Searchers for concurrent requests (`vind serve`).
//
// Xapian databases are not thread-safe, so each request leases a Searcher of its own, returned
// to the pool afterwards. Each lease first looks whether the index changed on disk (a commit by
// `vind index`, or a new index moved into place); if it did, later leases get Searchers opened on
// the new revision, while requests already running finish on the old one. Xapian commits are
// atomic, so no lease ever sees a half-written index.

#include <cstddef>
#include <ctime>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <sys/types.h>

#include "searcher/searcher.h"
#include "searcher/suggest.h"

namespace vind::searcher {

// What the index looks like on disk; any change means a new revision to open.
struct IndexStamp {
  dev_t device = 0;
  ino_t inode = 0;
  std::timespec modified{};
  off_t size = 0;
  bool operator==(const IndexStamp& other) const;
};

// What /healthz reports about the revision being served.
struct IndexInfo {
  std::size_t documents = 0;  // source files
  std::size_t passages = 0;
  std::string built_at;       // ISO 8601 UTC of the last commit
  unsigned generation = 0;    // how many times the pool has switched to a new revision
  std::string error;          // why the newest revision on disk is not served; "" when it is
};

class SearcherPool {
 public:
  // Opens the index once to check it; throws vind::Error as Searcher does.
  SearcherPool(std::filesystem::path database, SettingsRequest settings);
  ~SearcherPool();

  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher, unsigned generation);
    Lease(Lease&&) = default;
    ~Lease();
    const Searcher& searcher() const { return *searcher_; }
    unsigned generation() const { return generation_; }
    // After Xapian::DatabaseModifiedError (the revision read was overwritten by two newer
    // commits): the same lease on a freshly opened database.
    void reopen();

   private:
    SearcherPool* pool_;
    std::unique_ptr<Searcher> searcher_;
    unsigned generation_;
  };

  Lease lease();
  IndexInfo info();
  // The words of the revision being served, for suggestions; built on first use per revision.
  std::shared_ptr<const WordList> words();

 private:
  struct Generation;
  void refresh();  // called with mutex_ held
  std::unique_ptr<Searcher> open() const;

  const std::filesystem::path database_;
  const SettingsRequest settings_;
  std::mutex mutex_;
  std::shared_ptr<Generation> current_;
  std::vector<std::unique_ptr<Searcher>> idle_;  // of the current generation
  IndexStamp failed_stamp_;                      // the revision that could not be opened
  std::string last_error_;
};

}  // namespace vind::searcher
