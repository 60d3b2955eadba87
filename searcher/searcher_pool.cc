#include "searcher/searcher_pool.h"

#include <sys/stat.h>

#include "schema/schema.h"

namespace vind::searcher {

namespace {

// A glass database rewrites its version file on every commit; a stub file (shards) is the file.
IndexStamp stamp_of(const std::filesystem::path& database) {
  std::error_code ec;
  const std::filesystem::path version =
      std::filesystem::is_directory(database, ec) ? database / "iamglass" : database;
  struct stat st {};
  if (stat(version.c_str(), &st) != 0) return {};
  return {st.st_dev, st.st_ino, st.st_mtim, st.st_size};
}

IndexInfo info_of(const Xapian::Database& db, unsigned generation) {
  IndexInfo info;
  info.passages = db.get_doccount();
  for (auto it = db.metadata_keys_begin(schema::kFileKeyPrefix);
       it != db.metadata_keys_end(schema::kFileKeyPrefix); ++it)
    ++info.documents;
  info.built_at = db.get_metadata(schema::kBuiltAtKey);
  info.generation = generation;
  return info;
}

// More idle Searchers than this are closed: a burst's handles should not stay open forever.
constexpr std::size_t kMaxIdle = 64;

}  // namespace

bool IndexStamp::operator==(const IndexStamp& other) const {
  return device == other.device && inode == other.inode && size == other.size &&
         modified.tv_sec == other.modified.tv_sec && modified.tv_nsec == other.modified.tv_nsec;
}

struct SearcherPool::Generation {
  IndexStamp stamp;
  IndexInfo info;
  std::mutex words_mutex;
  std::shared_ptr<const WordList> words;
};

SearcherPool::SearcherPool(std::filesystem::path database, SettingsRequest settings)
    : database_(std::move(database)), settings_(std::move(settings)) {
  const IndexStamp stamp = stamp_of(database_);
  std::unique_ptr<Searcher> first = open();
  current_ = std::make_shared<Generation>();
  current_->stamp = stamp;
  current_->info = info_of(first->database(), 0);
  idle_.push_back(std::move(first));
}

SearcherPool::~SearcherPool() = default;

std::unique_ptr<Searcher> SearcherPool::open() const {
  return std::make_unique<Searcher>(database_, settings_);
}

void SearcherPool::refresh() {
  const IndexStamp now = stamp_of(database_);
  if (now == current_->stamp || now == failed_stamp_) return;
  // Open before switching: an index that cannot be opened (being replaced, built with other
  // settings) leaves the revision being served in place, and is not retried until it changes.
  try {
    std::unique_ptr<Searcher> searcher = open();
    auto next = std::make_shared<Generation>();
    next->stamp = now;
    next->info = info_of(searcher->database(), current_->info.generation + 1);
    current_ = std::move(next);
    idle_.clear();
    idle_.push_back(std::move(searcher));
    last_error_.clear();
  } catch (const std::exception& e) {
    failed_stamp_ = now;
    last_error_ = e.what();
  } catch (const Xapian::Error& e) {
    failed_stamp_ = now;
    last_error_ = e.get_description();
  }
}

SearcherPool::Lease SearcherPool::lease() {
  std::unique_ptr<Searcher> searcher;
  unsigned generation = 0;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    refresh();
    generation = current_->info.generation;
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!searcher) searcher = open();
  return Lease(*this, std::move(searcher), generation);
}

IndexInfo SearcherPool::info() {
  const std::lock_guard<std::mutex> lock(mutex_);
  refresh();
  IndexInfo info = current_->info;
  info.error = last_error_;
  return info;
}

std::shared_ptr<const WordList> SearcherPool::words() {
  std::shared_ptr<Generation> generation;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    refresh();
    generation = current_;
  }
  const std::lock_guard<std::mutex> lock(generation->words_mutex);
  if (!generation->words) {
    const Lease lease = this->lease();
    generation->words = std::make_shared<const WordList>(lease.searcher().database());
  }
  return generation->words;
}

SearcherPool::Lease::Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher,
                           unsigned generation)
    : pool_(&pool), searcher_(std::move(searcher)), generation_(generation) {}

SearcherPool::Lease::~Lease() {
  if (!searcher_) return;  // moved from
  const std::lock_guard<std::mutex> lock(pool_->mutex_);
  if (generation_ == pool_->current_->info.generation && pool_->idle_.size() < kMaxIdle)
    pool_->idle_.push_back(std::move(searcher_));
}

void SearcherPool::Lease::reopen() { searcher_ = pool_->open(); }

}  // namespace vind::searcher
