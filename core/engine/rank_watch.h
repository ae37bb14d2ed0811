// Every rank's sign of life, so that the rank that broke a distributed run can be named.
// Engine sources only (c10d).
//
// A thread of each rank writes "<beat> <step>" under alive/<rank> twice a second and reads the
// others'. When a collective fails (Gloo says only "connection reset" or "timed out"), the rank
// whose beat stopped is the one that was killed or hangs; when every beat goes on, the rank that
// is behind in steps is the one stuck; when the store itself is gone, its host (rank 0) is.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <torch/csrc/distributed/c10d/Store.hpp>

namespace azllm {

class RankWatch
{
public:
    // store: a connection of the watch's own whose operations time out within seconds, so a
    // frozen store host cannot freeze the watch. storeHost names who hosts it, for messages.
    RankWatch(c10::intrusive_ptr<c10d::Store> store, int rank, int worldSize,
              std::string storeHost);
    ~RankWatch();
    RankWatch(const RankWatch &) = delete;
    RankWatch &operator=(const RankWatch &) = delete;

    void setStep(std::int64_t step) { m_step = step; }
    // Which rank broke `what` (a collective that failed with `cause`), in one sentence. Waits a
    // few seconds at most for a rank that just died to fall silent.
    std::string explain(const std::string &what, const std::string &cause);
    // Why waiting for the others is hopeless now (a rank fell silent, the store is gone); empty
    // while everyone answers.
    std::string silence() const;

private:
    using Clock = std::chrono::steady_clock;
    struct Peer
    {
        std::string lastValue;  // "<beat> <step>" as last read, empty before the first
        std::int64_t step = -1; // -1 until read
        Clock::time_point changed;
    };

    void beatUntilStopped();
    void beatOnce();
    // Ranks silent for longer than the limit; empty while all beat.
    std::vector<int> silentRanks() const;
    std::string describeSilent(const std::vector<int> &ranks) const;
    std::string silenceLocked() const;
    std::string describeLaggards() const;

    c10::intrusive_ptr<c10d::Store> m_store;
    const int m_rank;
    const std::string m_storeHost;
    std::atomic<std::int64_t> m_step{0};
    std::int64_t m_beat = 0;

    mutable std::mutex m_mutex; // guards everything below
    std::vector<Peer> m_peers;
    Clock::time_point m_lastRound; // the last beat that reached the store
    std::string m_storeError;      // empty while the store answers
    bool m_stop = false;
    std::condition_variable m_wake;
    std::thread m_thread;
};

} // namespace azllm
