#include "indexer/ordered_pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace vind::indexer {
namespace {

TEST(OrderedPipeline, ConsumesEveryItemOnceInOrderWhateverOrderTheyAreProducedIn) {
  std::vector<std::size_t> consumed;
  std::atomic<unsigned> workers_seen{0};
  ordered_pipeline<std::string>(
      200, 4, {8},
      [&](std::size_t i, unsigned worker) {
        workers_seen |= 1u << worker;
        // Later items finish first now and then.
        if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
        return std::to_string(i);
      },
      [&](std::size_t i, std::string&& s) {
        EXPECT_EQ(s, std::to_string(i));
        consumed.push_back(i);
      });
  ASSERT_EQ(consumed.size(), 200u);
  for (std::size_t i = 0; i < consumed.size(); ++i) EXPECT_EQ(consumed[i], i);
  EXPECT_EQ(workers_seen.load() & ~0xFu, 0u);  // worker ids stay below the thread count
}

TEST(OrderedPipeline, NeverHoldsMoreThanTheWindowOfResults) {
  std::atomic<long> produced{0}, consumed{0};
  long most_waiting = 0;
  ordered_pipeline<int>(
      300, 3, {6},
      [&](std::size_t i, unsigned) {
        ++produced;
        return static_cast<int>(i);
      },
      [&](std::size_t, int&&) {
        most_waiting = std::max(most_waiting, produced.load() - consumed.load());
        std::this_thread::sleep_for(std::chrono::microseconds(50));  // a slow writer
        ++consumed;
      });
  EXPECT_EQ(consumed.load(), 300);
  EXPECT_LE(most_waiting, 6);
  EXPECT_GE(most_waiting, 2);  // producers did run ahead
}

TEST(OrderedPipeline, KeepsTheWeightUnderWayWithinTheWindowButLetsAHeavyItemThroughAlone) {
  // Items weigh their number modulo 10 (0 to 9); 8 is heavier than the window takes together.
  const Window window{6, 12, [](std::size_t i) { return static_cast<std::uintmax_t>(i % 10); }};
  std::mutex mutex;
  std::uintmax_t under_way = 0, most = 0;
  std::size_t most_items = 0, items = 0;
  std::vector<std::size_t> consumed;
  ordered_pipeline<std::size_t>(
      300, 3, window,
      [&](std::size_t i, unsigned) {
        std::lock_guard lock(mutex);
        under_way += window.weigh(i);
        ++items;
        if (items > 1) most = std::max(most, under_way);  // an item alone may weigh anything
        most_items = std::max(most_items, items);
        return i;
      },
      [&](std::size_t i, std::size_t&&) {
        std::this_thread::sleep_for(std::chrono::microseconds(50));  // a slow writer
        consumed.push_back(i);
        std::lock_guard lock(mutex);
        under_way -= window.weigh(i);
        --items;
      });
  EXPECT_EQ(consumed.size(), 300u);
  EXPECT_LE(most, 12u);
  EXPECT_GE(most_items, 2u);  // producers did run ahead where the weight allowed
}

TEST(OrderedPipeline, PassesAProducersErrorToTheCallerAfterTheItemsBeforeIt) {
  std::vector<std::size_t> consumed;
  try {
    ordered_pipeline<int>(
        100, 2, {4},
        [](std::size_t i, unsigned) {
          if (i == 10) throw std::runtime_error("item 10 broke");
          return static_cast<int>(i);
        },
        [&](std::size_t i, int&&) { consumed.push_back(i); });
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "item 10 broke");
  }
  EXPECT_EQ(consumed.size(), 10u);
}

TEST(OrderedPipeline, StopsProducingWhenTheConsumerFails) {
  std::atomic<int> produced{0};
  try {
    ordered_pipeline<int>(
        10000, 2, {4},
        [&](std::size_t i, unsigned) {
          ++produced;
          return static_cast<int>(i);
        },
        [](std::size_t i, int&&) {
          if (i == 3) throw std::runtime_error("disk full");
        });
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "disk full");
  }
  EXPECT_LT(produced.load(), 20);
}

TEST(OrderedPipeline, HandlesNoItems) {
  int calls = 0;
  ordered_pipeline<int>(
      0, 2, {4}, [&](std::size_t, unsigned) { return ++calls; }, [&](std::size_t, int&&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace vind::indexer
