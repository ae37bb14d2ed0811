#include "rank_watch.h"

#include <sstream>

namespace azllm {
namespace {

using namespace std::chrono_literals;

constexpr auto kBeatPeriod = 500ms;
// A rank whose beat has not moved for this long is taken for dead or frozen: four missed beats,
// which even a machine busy with training and compiling does not miss.
constexpr auto kSilenceLimit = 2s;
// How long a failed rank waits for the culprit to fall silent before it gives its best guess.
// How long a failed rank waits for the culprit to fall silent, or for the watch's store
// connection (whose operations time out after kWatchStoreTimeout, distributed.cpp) to fail.
constexpr auto kExplainPatience = 5s;

std::string aliveKey(int rank)
{
    return "alive/" + std::to_string(rank);
}

std::string firstLine(const std::string &text)
{
    return text.substr(0, text.find('\n'));
}

std::string rankList(const std::vector<int> &ranks)
{
    std::string text = ranks.size() == 1 ? "rank " : "ranks ";
    for (std::size_t i = 0; i < ranks.size(); ++i)
        text += (i == 0 ? "" : i + 1 == ranks.size() ? " and " : ", ") + std::to_string(ranks[i]);
    return text;
}

} // namespace

RankWatch::RankWatch(c10::intrusive_ptr<c10d::Store> store, int rank, int worldSize,
                     std::string storeHost)
    : m_store(std::move(store)), m_rank(rank), m_storeHost(std::move(storeHost)),
      m_peers(std::size_t(worldSize))
{
    const Clock::time_point now = Clock::now();
    for (Peer &peer : m_peers)
        peer.changed = now;
    m_lastRound = now;
    m_thread = std::thread([this] { beatUntilStopped(); });
}

RankWatch::~RankWatch()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void RankWatch::beatUntilStopped()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stop) {
        lock.unlock();
        beatOnce();
        lock.lock();
        m_wake.wait_for(lock, kBeatPeriod, [this] { return m_stop; });
    }
}

// One round trip per rank; a store that fails is remembered, not fatal: the training thread
// decides, the watch only explains.
void RankWatch::beatOnce()
{
    try {
        const std::string mine = std::to_string(++m_beat) + " " + std::to_string(m_step.load());
        m_store->set(aliveKey(m_rank), std::vector<std::uint8_t>(mine.begin(), mine.end()));
        std::vector<std::string> values(m_peers.size());
        for (std::size_t r = 0; r < m_peers.size(); ++r) {
            if (int(r) == m_rank || !m_store->check({aliveKey(int(r))}))
                continue;
            const std::vector<std::uint8_t> bytes = m_store->get(aliveKey(int(r)));
            values[r].assign(bytes.begin(), bytes.end());
        }
        const Clock::time_point now = Clock::now();
        std::lock_guard<std::mutex> lock(m_mutex);
        m_storeError.clear();
        m_lastRound = now;
        for (std::size_t r = 0; r < m_peers.size(); ++r) {
            Peer &peer = m_peers[r];
            if (int(r) == m_rank || values[r] != peer.lastValue) {
                std::int64_t beat = 0;
                std::istringstream(values[r]) >> beat >> peer.step;
                peer.lastValue = values[r];
                peer.changed = now;
            }
        }
    } catch (const std::exception &e) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_storeError = firstLine(e.what());
    }
}

// Silence is measured between rounds that reached the store: while the store itself does not
// answer, nobody is blamed for the quiet.
std::vector<int> RankWatch::silentRanks() const
{
    std::vector<int> silent;
    for (std::size_t r = 0; r < m_peers.size(); ++r)
        if (int(r) != m_rank && m_lastRound - m_peers[r].changed > kSilenceLimit)
            silent.push_back(int(r));
    return silent;
}

std::string RankWatch::describeSilent(const std::vector<int> &ranks) const
{
    std::string text = rankList(ranks) + " stopped answering (killed, crashed or frozen";
    if (ranks.size() == 1 && m_peers[std::size_t(ranks.front())].step >= 0)
        text += "; last seen at step " + std::to_string(m_peers[std::size_t(ranks.front())].step);
    return text + ")";
}

std::string RankWatch::describeLaggards() const
{
    std::vector<int> behind;
    std::int64_t lowest = m_step;
    for (std::size_t r = 0; r < m_peers.size(); ++r)
        if (m_peers[r].step >= 0 && m_peers[r].step < m_step) {
            behind.push_back(int(r));
            lowest = std::min(lowest, m_peers[r].step);
        }
    if (behind.empty())
        return {};
    return rankList(behind) + " fell behind (at step " + std::to_string(lowest) + " while rank " +
           std::to_string(m_rank) + " is at step " + std::to_string(m_step) + ")";
}

std::string RankWatch::silenceLocked() const
{
    if (!m_storeError.empty())
        return "lost " + m_storeHost + ", which holds the rendezvous store (" + m_storeError + ")";
    const std::vector<int> silent = silentRanks();
    return silent.empty() ? std::string() : describeSilent(silent);
}

std::string RankWatch::silence() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return silenceLocked();
}

std::string RankWatch::explain(const std::string &what, const std::string &cause)
{
    const std::string failure =
        "rank " + std::to_string(m_rank) + " gave up on " + what + ": " + firstLine(cause);
    const Clock::time_point deadline = Clock::now() + kExplainPatience;
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        const std::string silent = silenceLocked();
        if (!silent.empty())
            return silent + "; " + failure;
        if (Clock::now() >= deadline)
            break;
        m_wake.wait_for(lock, kBeatPeriod / 2);
    }
    const std::string laggards = describeLaggards();
    return (laggards.empty() ? "every rank still answers" : laggards) + "; " + failure;
}

} // namespace azllm
