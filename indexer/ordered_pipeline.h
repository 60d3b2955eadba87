#pragma once
// Items 0..n-1 → `produce` on several threads → `consume` on the calling thread, in item order.
//
// Producers run at most `window` items ahead of the consumer, so at most `window` results wait in
// memory however many items there are. An exception from `produce` reaches the caller (once the
// consumer gets to that item); one from `consume` stops the producers and propagates.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace vind::indexer {

// produce(item, worker) → Result, with worker in [0, threads) so that each thread can keep its
// own state (an Analyser); consume(item, Result&&).
template <typename Result, typename Produce, typename Consume>
void ordered_pipeline(std::size_t n, unsigned threads, std::size_t window, Produce produce,
                      Consume consume) {
  threads = std::max(1u, threads);
  window = std::max<std::size_t>(window, threads);
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr error;
  };
  std::vector<Slot> slots(window);  // item i waits in slots[i % window]
  std::mutex mutex;
  std::condition_variable produced, consumed;
  std::size_t next = 0;       // the next item to claim
  std::size_t done = 0;       // items consumed
  bool stopping = false;

  auto work = [&](unsigned worker) {
    for (;;) {
      std::size_t item;
      {
        std::unique_lock lock(mutex);
        consumed.wait(lock, [&] { return stopping || next >= n || next < done + window; });
        if (stopping || next >= n) return;
        item = next++;
      }
      Slot slot;
      try {
        slot.result.emplace(produce(item, worker));
      } catch (...) {
        slot.error = std::current_exception();
      }
      {
        std::lock_guard lock(mutex);
        slots[item % window] = std::move(slot);
      }
      produced.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < threads; ++w) workers.emplace_back(work, w);

  std::exception_ptr failure;
  for (std::size_t item = 0; item < n && !failure; ++item) {
    Slot slot;
    {
      std::unique_lock lock(mutex);
      Slot& waiting = slots[item % window];
      produced.wait(lock, [&] { return waiting.result || waiting.error; });
      slot = std::move(waiting);
      waiting = Slot{};
    }
    try {
      if (slot.error) std::rethrow_exception(slot.error);
      consume(item, std::move(*slot.result));
    } catch (...) {
      failure = std::current_exception();
    }
    {
      std::lock_guard lock(mutex);
      ++done;
      if (failure) stopping = true;
    }
    consumed.notify_all();
  }
  for (std::thread& t : workers) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace vind::indexer
