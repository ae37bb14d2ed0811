// The worker pool behind the import's parallel steps: each index run once, the workers really
// helping, tasks in the order posted, errors carried to the caller, queued tasks cancelled.
#include <QtTest>

#include "thread_pool.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <vector>

using namespace azllm::sources;

namespace {

// Blocks until opened (or a generous time passes: a broken pool fails instead of hanging).
class Gate
{
public:
    void open()
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_open = true;
        m_changed.notify_all();
    }
    bool wait()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        return m_changed.wait_for(lock, std::chrono::seconds(30), [this] { return m_open; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_open = false;
};

} // namespace

class TestThreadPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachIndexRunsOnce_data()
    {
        QTest::addColumn<unsigned>("poolThreads");
        QTest::addColumn<unsigned>("threads");
        QTest::addColumn<int>("count");
        QTest::newRow("caller only") << 2u << 1u << 1000;
        QTest::newRow("one per core") << 2u << 0u << 1000;
        QTest::newRow("more than the pool") << 3u << 8u << 5000;
        QTest::newRow("one index") << 3u << 4u << 1;
        QTest::newRow("none") << 2u << 2u << 0;
    }
    void eachIndexRunsOnce()
    {
        QFETCH(unsigned, poolThreads);
        QFETCH(unsigned, threads);
        QFETCH(int, count);
        ThreadPool pool(poolThreads);
        std::vector<std::atomic<int>> runs(static_cast<std::size_t>(count));
        for (int round = 0; round < 20; ++round) // calls one after another reuse the workers
            pool.parallelFor(std::size_t(count), threads, [&](std::size_t i) { ++runs[i]; });
        for (const std::atomic<int> &r : runs)
            QCOMPARE(r.load(), 20);
    }

    void workersHelpTheCaller()
    {
        // Index 0 waits for index 1 to start: on the caller alone this would never end.
        ThreadPool pool(2);
        Gate secondStarted;
        std::atomic<bool> waited{true};
        pool.parallelFor(2, 2, [&](std::size_t i) {
            if (i == 1)
                secondStarted.open();
            else
                waited = secondStarted.wait();
        });
        QVERIFY(waited);
    }

    void sharedPoolServesParallelFor()
    {
        QVERIFY(ThreadPool::shared().size() >= 1);
        std::vector<std::atomic<int>> runs(3000);
        ThreadPool::shared().parallelFor(runs.size(), 0, [&](std::size_t i) { ++runs[i]; });
        for (const std::atomic<int> &r : runs)
            QCOMPARE(r.load(), 1);
    }

    void tasksOfOneWorkerRunInOrder()
    {
        ThreadPool pool(1); // what the import's batches rely on
        std::vector<int> order;
        std::vector<std::future<void>> done;
        for (int i = 0; i < 200; ++i)
            done.push_back(pool.post([&order, i] { order.push_back(i); }));
        for (std::future<void> &f : done)
            f.get();
        QCOMPARE(int(order.size()), 200);
        for (int i = 0; i < 200; ++i)
            QCOMPARE(order[std::size_t(i)], i);
    }

    void errorsReachTheCaller()
    {
        ThreadPool pool(2);
        std::atomic<int> started{0};
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, pool.parallelFor(100, 1, [&](std::size_t i) {
            ++started;
            if (i == 5)
                throw std::runtime_error("document 5 is broken");
        }));
        QCOMPARE(started.load(), 6); // one thread: nothing started after the error

        std::future<void> failed = pool.post([] { throw std::invalid_argument("bad task"); });
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, failed.get());
        // The pool still works after both.
        std::atomic<int> runs{0};
        pool.parallelFor(50, 0, [&](std::size_t) { ++runs; });
        QCOMPARE(runs.load(), 50);
    }

    void cancelDropsTasksNotStarted()
    {
        ThreadPool pool(1);
        Gate release, running;
        std::atomic<bool> laterRan{false};
        std::future<void> first = pool.post([&] {
            running.open();
            release.wait();
        });
        std::future<void> second = pool.post([&] { laterRan = true; });
        std::future<void> third = pool.post([&] { laterRan = true; });
        QVERIFY(running.wait()); // the first is under way, the others queued
        pool.cancelQueued();
        release.open();
        first.get(); // a started task finishes
        for (std::future<void> *dropped : {&second, &third}) {
            try {
                dropped->get();
                QFAIL("a cancelled task reported success");
            } catch (const std::future_error &error) {
                QCOMPARE(error.code(), std::make_error_code(std::future_errc::broken_promise));
            }
        }
        QVERIFY(!laterRan);
    }

    void parallelForInsideATaskNeedsNoFreeWorker()
    {
        ThreadPool pool(1); // its only worker runs the task that calls parallelFor
        std::atomic<int> runs{0};
        pool.post([&] { pool.parallelFor(300, 0, [&](std::size_t) { ++runs; }); }).get();
        QCOMPARE(runs.load(), 300);
    }
};

QTEST_GUILESS_MAIN(TestThreadPool)
#include "test_thread_pool.moc"
