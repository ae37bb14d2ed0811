// Runs f(0) ... f(count - 1) on up to `threads` threads (0: one per core), the caller's
// included; returns when all are done and rethrows the first error. For batches of documents:
// each index is independent, and the results go into slots the caller made for them.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace azllm::sources {

template <typename F> void parallelFor(std::size_t count, unsigned threads, const F &f)
{
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::min<std::size_t>(threads, count);
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex errorMutex;
    const auto work = [&] {
        try {
            for (std::size_t i; (i = next++) < count;)
                f(i);
        } catch (...) {
            const std::lock_guard<std::mutex> lock(errorMutex);
            if (!error)
                error = std::current_exception();
            next = count; // the others stop too
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t w = 1; w < workers; ++w)
        pool.emplace_back(work);
    work();
    for (std::thread &thread : pool)
        thread.join();
    if (error)
        std::rethrow_exception(error);
}

} // namespace azllm::sources
