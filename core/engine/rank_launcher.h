// Starting the ranks of a data-parallel run on this machine: the same program once per rank,
// with torchrun's variables set (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT), and
// watching them until they end. `azllm train --nproc N` starts all N; the studio trains rank 0
// on its own thread and starts the others. Plain POSIX, no LibTorch.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace azllm {

struct LocalLaunch
{
    std::string executable;             // what each rank runs (the launcher itself, usually)
    std::vector<std::string> arguments; // its arguments, without the program name
    int worldSize = 2;
    int firstRank = 0;      // ranks [firstRank, worldSize) start here
    int masterPort = 0;     // where rank 0 hosts the rendezvous store; 0 picks a free port
    int threadsPerRank = 1; // OMP_NUM_THREADS of each rank
};

struct RankExit
{
    int rank = 0;
    pid_t pid = 0;
    int status = 0;                 // as waitpid gives it
    bool stoppedByLauncher = false; // outlived the grace after another rank ended
    bool succeeded() const;
    int exitCode() const; // the code to pass on: the rank's own, or 128 + its signal
    // "rank 1 (pid 4242) was killed by signal 9 (Killed)"
    std::string describe() const;
};

// A free TCP port on this machine (the kernel's pick), for a local run's store.
int freeLocalPort();
// True when something already listens on the port (as the store would, on every address).
bool portInUse(int port);
// The one message a busy port gets, from the launcher and from rank 0 alike.
std::string portInUseMessage(int port);

class LocalRanks
{
public:
    // Starts the ranks. Throws std::runtime_error when the port is in use or a rank cannot be
    // started (the ones already started are killed).
    explicit LocalRanks(LocalLaunch launch);
    // Kills the ranks that still run.
    ~LocalRanks();
    LocalRanks(const LocalRanks &) = delete;
    LocalRanks &operator=(const LocalRanks &) = delete;

    int masterPort() const { return m_launch.masterPort; }
    int firstRank() const { return m_launch.firstRank; }
    const std::vector<pid_t> &pids() const { return m_pids; }

    // Ranks that ended since the last call, without blocking.
    std::vector<RankExit> collectEnded();
    // Blocks until every rank has ended. When one ends badly the others may still be telling
    // why (rank 0 names the rank it lost), so they get `grace` to end on their own; when rank 0
    // itself has ended, the rest get only a few seconds. Then whatever runs is killed.
    // onExit hears of each rank as it ends. Returns every rank's exit, in the order they ended.
    std::vector<RankExit> waitAll(std::chrono::seconds grace,
                                  const std::function<void(const RankExit &)> &onExit = {});
    // Gives the ranks `limit` to end on their own (rank 0 has ended well), then kills the rest.
    std::vector<RankExit> endWithin(std::chrono::seconds limit);
    // Forwards a signal (SIGINT: stop with a checkpoint) to every rank still running.
    void signalAll(int signal);
    void killAll();

private:
    void start(int rank);
    std::vector<RankExit>
    waitUntilEnded(std::optional<std::chrono::steady_clock::time_point> deadline,
                   std::chrono::seconds grace, const std::function<void(const RankExit &)> &onExit);

    LocalLaunch m_launch;
    std::vector<pid_t> m_pids; // by rank - firstRank; 0 once reaped
    bool m_killed = false;     // the launcher has killed what still ran
};

} // namespace azllm
