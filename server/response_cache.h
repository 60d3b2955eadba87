#pragma once
// request → the JSON body answered for it, for as long as the index does not change.
//
// A search box sends the same few requests over and over (each keystroke of a popular query);
// answering a repeat from memory takes microseconds instead of a search with snippets. Entries
// belong to one index revision: asking with a newer generation empties the cache.

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace vind::server {

class ResponseCache {
 public:
  // capacity 0: nothing is kept.
  explicit ResponseCache(std::size_t capacity) : capacity_(capacity) {}

  std::optional<std::string> find(const std::string& key, unsigned generation);
  void store(const std::string& key, unsigned generation, std::string body);

 private:
  bool reset_to(unsigned generation);  // with mutex_ held; false for an older generation

  const std::size_t capacity_;
  std::mutex mutex_;
  unsigned generation_ = 0;
  std::list<std::pair<std::string, std::string>> entries_;  // key, body; most recent first
  std::unordered_map<std::string, std::list<std::pair<std::string, std::string>>::iterator> index_;
};

}  // namespace vind::server
