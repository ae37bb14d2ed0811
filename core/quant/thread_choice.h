// How many threads decode a token. Threads in lock step are fastest on an idle machine and
// slowest on a busy one: every barrier then waits for a thread the scheduler has parked (measured
// here: 2 tokens/s instead of 15 on az-100m while other programs kept both cores busy). So each
// single-token pass is timed; now and then one runs on the other choice, at growing intervals,
// and whichever is faster keeps decoding.
#pragma once

namespace azllm::quant {

class ThreadChoice
{
public:
    explicit ThreadChoice(int maxThreads) : m_max(maxThreads) {}

    // The thread count for the next single-token pass.
    int next();
    // Reports how long the pass run with next()'s count took.
    void record(double seconds);
    int maxThreads() const { return m_max; }

private:
    static constexpr int kFirstInterval = 8;
    static constexpr int kLongestInterval = 1024;

    int m_max;
    bool m_preferSingle = false;
    bool m_exploring = false;
    int m_sinceExplored = 0;
    int m_interval = kFirstInterval;
    double m_average[2] = {0, 0}; // seconds per token: all threads, one thread
};

} // namespace azllm::quant
