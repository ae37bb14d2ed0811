#include "thread_pool.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>

namespace azllm::sources {
namespace {

unsigned threadsFor(unsigned threads)
{
    return threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
}

// One parallelFor call, shared with the workers that help. A worker may pick its job up after
// the call returned: it then finds no index left and touches only this state, which it co-owns,
// never the caller's body.
struct ParallelRun
{
    std::atomic<std::size_t> next{0};
    std::size_t count = 0;
    const std::function<void(std::size_t)> *body = nullptr;
    std::mutex mutex;
    std::condition_variable idle;
    int working = 0; // threads inside work()
    std::exception_ptr error;

    void work()
    {
        {
            const std::lock_guard<std::mutex> lock(mutex);
            ++working;
        }
        try {
            for (std::size_t i; (i = next++) < count;)
                (*body)(i);
        } catch (...) {
            const std::lock_guard<std::mutex> lock(mutex);
            if (!error)
                error = std::current_exception();
            next = count; // the others start nothing more
        }
        const std::lock_guard<std::mutex> lock(mutex);
        if (--working == 0)
            idle.notify_all();
    }
};

} // namespace

ThreadPool::ThreadPool(unsigned threads)
{
    const unsigned n = threadsFor(threads);
    m_workers.reserve(n);
    for (unsigned i = 0; i < n; ++i)
        m_workers.emplace_back([this] { workerLoop(); });
}

ThreadPool::~ThreadPool()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    for (std::thread &worker : m_workers)
        worker.join();
}

ThreadPool &ThreadPool::shared()
{
    static ThreadPool pool(0);
    return pool;
}

void ThreadPool::enqueue(std::function<void()> job)
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

std::future<void> ThreadPool::post(std::function<void()> task)
{
    // std::function must be copyable, a packaged_task is not: shared.
    auto packaged = std::make_shared<std::packaged_task<void()>>(std::move(task));
    std::future<void> done = packaged->get_future();
    enqueue([packaged] { (*packaged)(); });
    return done;
}

void ThreadPool::cancelQueued()
{
    std::deque<std::function<void()>> dropped;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        dropped.swap(m_queue);
    }
    // Destroyed here, outside the lock: an unrun packaged_task breaks its promise.
}

void ThreadPool::workerLoop()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
            if (m_stop)
                return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        job();
    }
}

void ThreadPool::parallelFor(std::size_t count, unsigned threads,
                             const std::function<void(std::size_t)> &body)
{
    if (count == 0)
        return;
    auto run = std::make_shared<ParallelRun>();
    run->count = count;
    run->body = &body;
    const std::size_t helpers =
        std::min<std::size_t>({threadsFor(threads) - 1, m_workers.size(), count - 1});
    for (std::size_t h = 0; h < helpers; ++h)
        enqueue([run] { run->work(); });
    run->work();
    std::unique_lock<std::mutex> lock(run->mutex);
    run->idle.wait(lock, [&] { return run->working == 0; });
    if (run->error)
        std::rethrow_exception(run->error);
}

} // namespace azllm::sources
