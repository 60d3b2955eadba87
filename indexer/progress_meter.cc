#include "indexer/progress_meter.h"

namespace vind::indexer {

ProgressMeter::ProgressMeter(std::function<void(const Progress&)> report, std::size_t files,
                             std::uintmax_t bytes)
    : report_(std::move(report)), files_total_(files), bytes_total_(bytes) {}

Progress ProgressMeter::snapshot() const {
  Progress p;
  p.files_done = files_done_.load();
  p.files_total = files_total_;
  p.bytes_done = bytes_done_.load();
  p.bytes_total = bytes_total_;
  p.elapsed = std::chrono::steady_clock::now() - start_;
  return p;
}

void ProgressMeter::advance(std::uintmax_t bytes) {
  ++files_done_;
  bytes_done_ += bytes;
  if (!report_) return;
  std::unique_lock lock(reporting_, std::try_to_lock);
  if (!lock) return;  // another thread is reporting: this file shows in the next report
  const auto now = std::chrono::steady_clock::now();
  if (now - last_report_ < kInterval) return;
  last_report_ = now;
  report_(snapshot());
}

void ProgressMeter::finish() {
  if (!report_) return;
  std::lock_guard lock(reporting_);
  Progress p = snapshot();
  p.finished = true;
  report_(p);
}

}  // namespace vind::indexer
