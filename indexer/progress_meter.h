#pragma once
// files done on any thread → a Progress now and then, for a progress line on a terminal.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>

namespace vind::indexer {

struct Progress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::uintmax_t bytes_done = 0;
  std::uintmax_t bytes_total = 0;
  std::chrono::steady_clock::duration elapsed{};
  bool finished = false;  // the last call: every file is done (merging may follow)
};

class ProgressMeter {
 public:
  // `report` may be empty: then nothing is reported.
  ProgressMeter(std::function<void(const Progress&)> report, std::size_t files,
                std::uintmax_t bytes);

  // One more file done. Safe from any thread; reports at most every kInterval, never two
  // reports at once.
  void advance(std::uintmax_t bytes);
  void finish();

 private:
  static constexpr std::chrono::milliseconds kInterval{200};
  Progress snapshot() const;

  const std::function<void(const Progress&)> report_;
  const std::size_t files_total_;
  const std::uintmax_t bytes_total_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::atomic<std::size_t> files_done_{0};
  std::atomic<std::uintmax_t> bytes_done_{0};
  std::mutex reporting_;
  std::chrono::steady_clock::time_point last_report_ = start_;
};

}  // namespace vind::indexer
