// Runs independent tasks on a few threads: the one work queue of check and align.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace alinea::detail {

// Calls task(i) for every i below `count`, on up to `jobs` threads (0: one per core). `task` must
// not throw; each i runs exactly once.
template <typename Task>
void run_in_parallel(std::size_t count, unsigned jobs, const Task& task) {
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  const std::size_t threads = std::min<std::size_t>(jobs == 0 ? hardware : jobs, count);
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) task(i);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
}

}  // namespace alinea::detail
