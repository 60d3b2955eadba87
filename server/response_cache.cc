#include "server/response_cache.h"

namespace vind::server {

bool ResponseCache::reset_to(unsigned generation) {
  // A request still running on an older revision neither sees nor evicts the newer entries.
  if (generation < generation_) return false;
  if (generation > generation_) {
    entries_.clear();
    index_.clear();
    generation_ = generation;
  }
  return true;
}

std::optional<std::string> ResponseCache::find(const std::string& key, unsigned generation) {
  if (capacity_ == 0) return std::nullopt;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!reset_to(generation)) return std::nullopt;
  const auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->second;
}

void ResponseCache::store(const std::string& key, unsigned generation, std::string body) {
  if (capacity_ == 0) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  // An older revision's answer, or one another thread stored meanwhile: nothing to add.
  if (!reset_to(generation) || index_.count(key)) return;
  entries_.emplace_front(key, std::move(body));
  index_[key] = entries_.begin();
  if (entries_.size() > capacity_) {
    index_.erase(entries_.back().first);
    entries_.pop_back();
  }
}

}  // namespace vind::server
