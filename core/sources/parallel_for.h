// Runs f(0) ... f(count - 1) on up to `threads` threads (0: one per core), the caller's
// included; returns when all are done and rethrows the first error. For batches of documents:
// each index is independent, and the results go into slots the caller made for them. The
// helpers are the shared pool's workers (thread_pool.h), started once.
#pragma once

#include "thread_pool.h"

#include <cstddef>

namespace azllm::sources {

template <typename F> void parallelFor(std::size_t count, unsigned threads, const F &f)
{
    ThreadPool::shared().parallelFor(count, threads, [&f](std::size_t i) { f(i); });
}

} // namespace azllm::sources
