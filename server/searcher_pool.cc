#include "server/searcher_pool.h"

#include <sys/stat.h>

#include <cstddef>

namespace vind::server {

namespace {

// The files watched are the stubs read and each local shard's version file, which a glass
// database rewrites on every commit (shard_set.h).
std::vector<IndexStamp> stamps_of(const std::vector<std::filesystem::path>& files) {
  std::vector<IndexStamp> stamps;
  for (const std::filesystem::path& file : files) {
    struct stat st {};
    stamps.push_back(stat(file.c_str(), &st) == 0
                         ? IndexStamp{st.st_dev, st.st_ino, st.st_mtim, st.st_size}
                         : IndexStamp{});
  }
  return stamps;
}

std::vector<std::string> names(const std::vector<searcher::MissingShard>& missing) {
  std::vector<std::string> names;
  for (const searcher::MissingShard& m : missing) names.push_back(m.name);
  return names;
}

// More idle Searchers than this are closed: a burst's handles should not stay open forever.
constexpr std::size_t kMaxIdle = 64;

}  // namespace

bool IndexStamp::operator==(const IndexStamp& other) const {
  return device == other.device && inode == other.inode && size == other.size &&
         modified.tv_sec == other.modified.tv_sec && modified.tv_nsec == other.modified.tv_nsec;
}

struct SearcherPool::Generation {
  std::vector<std::filesystem::path> watched;
  std::vector<IndexStamp> stamps;
  searcher::IndexInfo info;
  std::mutex words_mutex;
  std::shared_ptr<const searcher::WordList> words;
};

SearcherPool::SearcherPool(std::vector<std::filesystem::path> databases, searcher::SettingsRequest settings,
                           searcher::RemoteTimeouts timeouts)
    : databases_(std::move(databases)), settings_(std::move(settings)), timeouts_(timeouts) {
  std::unique_ptr<searcher::Searcher> first = open();
  lemmatiser_ = first->lemmatiser();
  const std::lock_guard<std::mutex> lock(mutex_);
  start_generation(*first, stamps_of(first->shards().watched));
  idle_.push_back(std::move(first));
}

SearcherPool::~SearcherPool() = default;

std::unique_ptr<searcher::Searcher> SearcherPool::open(const std::vector<searcher::MissingShard>& known_down) const {
  return std::make_unique<searcher::Searcher>(databases_, settings_, timeouts_, known_down, lemmatiser_);
}

void SearcherPool::start_generation(const searcher::Searcher& searcher, std::vector<IndexStamp> stamps) {
  auto next = std::make_shared<Generation>();
  next->watched = searcher.shards().watched;
  next->stamps = std::move(stamps);
  next->info = searcher::index_info(searcher);
  next->info.generation = current_ ? current_->info.generation + 1 : 0;
  current_ = std::move(next);
  idle_.clear();
  last_error_.clear();
  next_probe_ = Clock::now() + kProbeInterval;
}

std::vector<IndexStamp> SearcherPool::stamps_for(const searcher::Searcher& searcher) const {
  // What the pool believes is served, so a commit that came meanwhile is still seen as one.
  const std::vector<std::filesystem::path>& watched = searcher.shards().watched;
  return watched == current_->watched ? current_->stamps : stamps_of(watched);
}

void SearcherPool::refresh() {
  const std::vector<IndexStamp> now = stamps_of(current_->watched);
  if (now == current_->stamps || now == failed_stamps_) return;
  // Open before switching: an index that cannot be opened (being replaced, built with other
  // settings) leaves the revision being served in place, and is not retried until it changes.
  try {
    std::unique_ptr<searcher::Searcher> searcher = open(current_->info.missing);
    // The stamps from before opening, so a commit meanwhile is a change still to come; an
    // edited stub may list other files, which are stamped as they are now.
    const std::vector<std::filesystem::path>& watched = searcher->shards().watched;
    start_generation(*searcher, watched == current_->watched ? now : stamps_of(watched));
    idle_.push_back(std::move(searcher));
  } catch (const std::exception& e) {
    failed_stamps_ = now;
    last_error_ = e.what();
  } catch (const Xapian::Error& e) {
    failed_stamps_ = now;
    last_error_ = e.get_description();
  }
}

SearcherPool::Lease SearcherPool::lease() {
  std::unique_ptr<searcher::Searcher> searcher;
  unsigned generation = 0;
  std::vector<searcher::MissingShard> missing;
  bool probe = false;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    refresh();
    generation = current_->info.generation;
    missing = current_->info.missing;
    if (!missing.empty() && Clock::now() >= next_probe_) {
      probe = true;  // this request asks the missing shards again, outside the lock
      next_probe_ = Clock::now() + kProbeInterval;
    } else if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (probe) {
    try {
      searcher = open();
      const std::lock_guard<std::mutex> lock(mutex_);
      if (generation == current_->info.generation && searcher->shards().missing.size() < missing.size()) {
        start_generation(*searcher, stamps_for(*searcher));
        generation = current_->info.generation;
      }
    } catch (const std::exception& e) {  // back with other settings, say: keep serving without it
      const std::lock_guard<std::mutex> lock(mutex_);
      last_error_ = e.what();
      searcher.reset();
    } catch (const Xapian::Error& e) {
      const std::lock_guard<std::mutex> lock(mutex_);
      last_error_ = e.get_description();
      searcher.reset();
    }
  }
  if (!searcher) searcher = open(missing);
  return Lease(*this, std::move(searcher), generation);
}

searcher::IndexInfo SearcherPool::info() {
  const std::lock_guard<std::mutex> lock(mutex_);
  refresh();
  searcher::IndexInfo info = current_->info;
  info.error = last_error_;
  return info;
}

std::shared_ptr<const searcher::WordList> SearcherPool::words() {
  std::shared_ptr<Generation> generation;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    refresh();
    generation = current_;
  }
  const std::lock_guard<std::mutex> lock(generation->words_mutex);
  if (!generation->words) {
    const Lease lease = this->lease();
    generation->words = std::make_shared<const searcher::WordList>(lease.searcher().vocabulary());
  }
  return generation->words;
}

SearcherPool::Lease::Lease(SearcherPool& pool, std::unique_ptr<searcher::Searcher> searcher,
                           unsigned generation)
    : pool_(&pool), searcher_(std::move(searcher)), generation_(generation) {}

SearcherPool::Lease::~Lease() {
  if (!searcher_) return;  // moved from
  const std::lock_guard<std::mutex> lock(pool_->mutex_);
  if (generation_ == pool_->current_->info.generation && pool_->idle_.size() < kMaxIdle)
    pool_->idle_.push_back(std::move(searcher_));
}

void SearcherPool::Lease::reopen() {
  std::vector<searcher::MissingShard> missing;
  {
    const std::lock_guard<std::mutex> lock(pool_->mutex_);
    missing = pool_->current_->info.missing;
  }
  searcher_ = pool_->open(missing);
}

void SearcherPool::Lease::reconnect() {
  searcher_.reset();
  std::unique_ptr<searcher::Searcher> fresh = pool_->open();  // every shard asked: which one failed is unknown
  const std::lock_guard<std::mutex> lock(pool_->mutex_);
  // A shard that is down now: a new generation, and the idle Searchers, whose connections to it
  // are dead, go with the old one. All answering: the connection had only been closed (a server
  // drops connections idle longer than its --idle-timeout), and the rest may still be good.
  if (generation_ == pool_->current_->info.generation &&
      names(fresh->shards().missing) != names(pool_->current_->info.missing))
    pool_->start_generation(*fresh, pool_->stamps_for(*fresh));
  generation_ = pool_->current_->info.generation;
  searcher_ = std::move(fresh);
}

}  // namespace vind::server
