#pragma once
// index (or shards) → Searchers for concurrent requests (`vind serve`).
//
// Xapian databases are not thread-safe, so each request leases a Searcher of its own, returned
// to the pool afterwards. Each lease first looks whether the index changed on disk (a commit by
// `vind index` to any local shard, a new index moved into place, an edited stub); if it did,
// later leases get Searchers opened on the new revision, while requests already running finish
// on the old one. Xapian commits are atomic, so no lease ever sees a half-written index.
//
// Remote shards: one that stops answering during a request makes that request reconnect, and
// the pool serves from the shards still answering (a new generation, results marked partial);
// it asks the missing ones again every kProbeInterval and takes them back once they answer.

#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <sys/types.h>

#include "searcher/searcher.h"
#include "searcher/suggest.h"

namespace vind::server {

// What a file of the index looks like on disk; any change means a new revision to open.
struct IndexStamp {
  dev_t device = 0;
  ino_t inode = 0;
  std::timespec modified{};
  off_t size = 0;
  bool operator==(const IndexStamp& other) const;
};

// How often missing shards are asked again: once per interval, by one request.
inline constexpr std::chrono::seconds kProbeInterval{5};

class SearcherPool {
 public:
  // Opens the index once to check it; throws vind::Error as Searcher does.
  SearcherPool(std::vector<std::filesystem::path> databases, searcher::SettingsRequest settings,
               searcher::RemoteTimeouts timeouts = {});
  ~SearcherPool();

  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<searcher::Searcher> searcher, unsigned generation);
    Lease(Lease&&) = default;
    ~Lease();
    const searcher::Searcher& searcher() const { return *searcher_; }
    unsigned generation() const { return generation_; }
    // After Xapian::DatabaseModifiedError (the revision read was overwritten by two newer
    // commits): the same lease on a freshly opened database.
    void reopen();
    // After Xapian::NetworkError (a remote shard hung up or timed out): a Searcher over the
    // shards that answer now, which the pool serves from then on. Throws vind::Error when none do.
    void reconnect();

   private:
    SearcherPool* pool_;
    std::unique_ptr<searcher::Searcher> searcher_;
    unsigned generation_;
  };

  Lease lease();
  // The revision being served, with its generation and why a newer one is not (/healthz).
  searcher::IndexInfo info();
  // The words of the revision being served, for suggestions; built on first use per revision.
  std::shared_ptr<const searcher::WordList> words();

 private:
  struct Generation;
  using Clock = std::chrono::steady_clock;
  void refresh();  // called with mutex_ held
  // Makes `searcher`'s revision the one served (mutex_ held); idle Searchers of the old go.
  void start_generation(const searcher::Searcher& searcher, std::vector<IndexStamp> stamps);
  std::unique_ptr<searcher::Searcher> open(const std::vector<searcher::MissingShard>& known_down = {}) const;
  // The stamps to record for a Searcher opened on what is served (mutex_ held).
  std::vector<IndexStamp> stamps_for(const searcher::Searcher& searcher) const;

  const std::vector<std::filesystem::path> databases_;
  const searcher::SettingsRequest settings_;
  const searcher::RemoteTimeouts timeouts_;
  // The first Searcher's dictionary, shared by all that follow (set once, in the constructor).
  std::shared_ptr<const analysis::Lemmatiser> lemmatiser_;
  std::mutex mutex_;
  std::shared_ptr<Generation> current_;
  std::vector<std::unique_ptr<searcher::Searcher>> idle_;  // of the current generation
  std::vector<IndexStamp> failed_stamps_;        // the revision that could not be opened
  std::string last_error_;
  Clock::time_point next_probe_;                 // when missing shards are asked again
};

}  // namespace vind::server
