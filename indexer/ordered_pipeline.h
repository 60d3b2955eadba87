#pragma once
// Items 0..n-1 → `produce` on several threads → `consume` on the calling thread, in item order.
//
// Producers run at most a window of items ahead of the consumer, so that only so many results
// are held in memory however many items there are. An exception from `produce` reaches the caller
// (once the consumer gets to that item); one from `consume` stops the producers and propagates.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace vind::indexer {

// What may be under way at once: items claimed by a producer and not yet consumed (being made,
// waiting, or being consumed).
struct Window {
  std::size_t items = 1;
  // Their summed weigh(item) stays within `weight`, except that one item alone may be under way
  // however heavy: a file's bytes, when results take memory in proportion.
  std::uintmax_t weight = std::numeric_limits<std::uintmax_t>::max();
  std::function<std::uintmax_t(std::size_t item)> weigh = [](std::size_t) { return 0; };
};

// produce(item, worker) → Result, with worker in [0, threads) so that each thread can keep its
// own state (an Analyser); consume(item, Result&&).
template <typename Result, typename Produce, typename Consume>
void ordered_pipeline(std::size_t n, unsigned threads, Window window, Produce produce,
                      Consume consume) {
  threads = std::max(1u, threads);
  window.items = std::max<std::size_t>(window.items, threads);
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr error;
  };
  std::vector<Slot> slots(window.items);  // item i waits in slots[i % window.items]
  std::mutex mutex;
  std::condition_variable produced, consumed;
  std::size_t next = 0;       // the next item to claim
  std::size_t done = 0;       // items consumed
  std::uintmax_t weight = 0;  // of the items under way, next - done of them
  bool stopping = false;

  auto work = [&](unsigned worker) {
    for (;;) {
      std::size_t item;
      {
        std::unique_lock lock(mutex);
        consumed.wait(lock, [&] {
          return stopping || next >= n ||
                 (next < done + window.items && (next == done || weight + window.weigh(next) <= window.weight));
        });
        if (stopping || next >= n) return;
        item = next++;
        weight += window.weigh(item);
      }
      Slot slot;
      try {
        slot.result.emplace(produce(item, worker));
      } catch (...) {
        slot.error = std::current_exception();
      }
      {
        std::lock_guard lock(mutex);
        slots[item % window.items] = std::move(slot);
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
      Slot& waiting = slots[item % window.items];
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
      weight -= window.weigh(item);
      if (failure) stopping = true;
    }
    consumed.notify_all();
  }
  for (std::thread& t : workers) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace vind::indexer
