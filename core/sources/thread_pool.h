// Worker threads started once and kept. The import runs several parallel steps for every batch
// of a few MiB of documents; a thread started for each (with a malloc arena of its own, trimmed
// when it ends and faulted in again by the next one) cost a visible share of the work, and a
// batch in the background needs a thread too.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace azllm::sources {

class ThreadPool
{
public:
    // threads: 0 gives one per core.
    explicit ThreadPool(unsigned threads);
    // Tasks not yet started are cancelled (as by cancelQueued); running ones finish first.
    ~ThreadPool();

    ThreadPool(const ThreadPool &) = delete;
    ThreadPool &operator=(const ThreadPool &) = delete;

    unsigned size() const { return unsigned(m_workers.size()); }

    // Runs task on a worker, in the order posted; the future carries its end or its exception.
    std::future<void> post(std::function<void()> task);
    // Drops the tasks not yet started: their futures report std::future_errc::broken_promise.
    void cancelQueued();

    // Runs body(0) ... body(count - 1), each once, on the caller and up to threads - 1 of the
    // workers (threads 0: one per core); returns when all are done and rethrows the first error
    // (indices not yet started then never start). The caller works too, so a call from inside
    // a task never waits for a worker that is busy elsewhere.
    void parallelFor(std::size_t count, unsigned threads,
                     const std::function<void(std::size_t)> &body);

    // One worker per core, for parallelFor from anywhere in the program.
    static ThreadPool &shared();

private:
    void enqueue(std::function<void()> job);
    void workerLoop();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue;
    bool m_stop = false;
    std::vector<std::thread> m_workers;
};

} // namespace azllm::sources
