#include "rank_launcher.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace azllm {
namespace {

using namespace std::chrono_literals;

// When rank 0 has ended, what the others could still say matters little.
constexpr auto kGraceAfterRankZero = 5s;

// A socket closed when it goes out of scope.
class Socket
{
public:
    explicit Socket(int fd) : m_fd(fd) {}
    ~Socket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

// torchrun's variables for one rank, over this process's environment.
std::vector<std::string> rankEnvironment(const LocalLaunch &launch, int rank)
{
    const std::vector<std::pair<std::string, std::string>> ours = {
        {"RANK", std::to_string(rank)},
        {"LOCAL_RANK", std::to_string(rank)},
        {"WORLD_SIZE", std::to_string(launch.worldSize)},
        {"LOCAL_WORLD_SIZE", std::to_string(launch.worldSize)},
        {"MASTER_ADDR", "127.0.0.1"},
        {"MASTER_PORT", std::to_string(launch.masterPort)},
        {"OMP_NUM_THREADS", std::to_string(launch.threadsPerRank)}};
    std::vector<std::string> environment;
    for (char **entry = environ; *entry; ++entry) {
        const std::string text = *entry;
        const std::string name = text.substr(0, text.find('='));
        const bool replaced = std::any_of(ours.begin(), ours.end(),
                                          [&](const auto &pair) { return pair.first == name; });
        // A launcher inside torchrun starts a run of its own, not workers of torchrun's agent.
        if (!replaced && name.rfind("TORCHELASTIC_", 0) != 0)
            environment.push_back(text);
    }
    for (const auto &[name, value] : ours)
        environment.push_back(name + "=" + value);
    return environment;
}

std::vector<char *> pointers(std::vector<std::string> &strings)
{
    std::vector<char *> result;
    for (std::string &s : strings)
        result.push_back(s.data());
    result.push_back(nullptr);
    return result;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// RankExit

bool RankExit::succeeded() const
{
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int RankExit::exitCode() const
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
}

std::string RankExit::describe() const
{
    const std::string who = "rank " + std::to_string(rank) + " (pid " + std::to_string(pid) + ")";
    if (stoppedByLauncher && WIFSIGNALED(status))
        return who + " was still running after the others had ended, and was stopped";
    if (WIFSIGNALED(status))
        return who + " was killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    if (succeeded())
        return who + " finished";
    return who + " ended with exit code " + std::to_string(exitCode());
}

// ---------------------------------------------------------------------------------------------
// Ports

int freeLocalPort()
{
    Socket socket(::socket(AF_INET, SOCK_STREAM, 0));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (socket.fd() < 0 ||
        ::bind(socket.fd(), reinterpret_cast<sockaddr *>(&address), length) != 0 ||
        ::getsockname(socket.fd(), reinterpret_cast<sockaddr *>(&address), &length) != 0)
        throw std::runtime_error(std::string("cannot find a free port: ") + std::strerror(errno));
    return ntohs(address.sin_port);
}

bool portInUse(int port)
{
    // SO_REUSEADDR as the store sets it: a port left in TIME_WAIT is free, a listener is not.
    Socket socket(::socket(AF_INET, SOCK_STREAM, 0));
    const int yes = 1;
    ::setsockopt(socket.fd(), SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    address.sin_port = htons(std::uint16_t(port));
    return ::bind(socket.fd(), reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 &&
           errno == EADDRINUSE;
}

std::string portInUseMessage(int port)
{
    return "port " + std::to_string(port) +
           " is already in use on this machine (another training run, or a torchrun agent, "
           "listens there): choose a free one with --master-port or MASTER_PORT";
}

// ---------------------------------------------------------------------------------------------
// LocalRanks

LocalRanks::LocalRanks(LocalLaunch launch) : m_launch(std::move(launch))
{
    if (m_launch.masterPort == 0)
        m_launch.masterPort = freeLocalPort();
    else if (portInUse(m_launch.masterPort))
        throw std::runtime_error(portInUseMessage(m_launch.masterPort));
    for (int rank = m_launch.firstRank; rank < m_launch.worldSize; ++rank) {
        try {
            start(rank);
        } catch (const std::exception &) {
            killAll();
            throw;
        }
    }
}

LocalRanks::~LocalRanks()
{
    killAll();
}

void LocalRanks::start(int rank)
{
    std::vector<std::string> arguments = {m_launch.executable};
    arguments.insert(arguments.end(), m_launch.arguments.begin(), m_launch.arguments.end());
    std::vector<std::string> environment = rankEnvironment(m_launch, rank);
    std::vector<char *> argv = pointers(arguments), envp = pointers(environment);
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("cannot start rank " + std::to_string(rank) + ": " +
                                 std::strerror(errno));
    if (pid == 0) {
        // A rank ends with the thread that started it, even when that is killed outright:
        // no orphan goes on training. Only async-signal-safe calls between fork and exec.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        ::execve(m_launch.executable.c_str(), argv.data(), envp.data());
        ::_exit(127);
    }
    m_pids.push_back(pid);
}

std::vector<RankExit> LocalRanks::collectEnded()
{
    std::vector<RankExit> ended;
    for (std::size_t i = 0; i < m_pids.size(); ++i) {
        int status = 0;
        if (m_pids[i] == 0 || ::waitpid(m_pids[i], &status, WNOHANG) != m_pids[i])
            continue;
        ended.push_back({m_launch.firstRank + int(i), m_pids[i], status, m_killed});
        m_pids[i] = 0;
    }
    return ended;
}

std::vector<RankExit> LocalRanks::waitAll(std::chrono::seconds grace,
                                          const std::function<void(const RankExit &)> &onExit)
{
    return waitUntilEnded(std::nullopt, grace, onExit);
}

std::vector<RankExit> LocalRanks::endWithin(std::chrono::seconds limit)
{
    return waitUntilEnded(std::chrono::steady_clock::now() + limit, limit, {});
}

std::vector<RankExit>
LocalRanks::waitUntilEnded(std::optional<std::chrono::steady_clock::time_point> deadline,
                           std::chrono::seconds grace,
                           const std::function<void(const RankExit &)> &onExit)
{
    std::vector<RankExit> exits;
    const auto running = [this] {
        return std::any_of(m_pids.begin(), m_pids.end(), [](pid_t pid) { return pid != 0; });
    };
    while (running()) {
        for (const RankExit &exit : collectEnded()) {
            exits.push_back(exit);
            if (onExit)
                onExit(exit);
            const auto now = std::chrono::steady_clock::now();
            if (exit.rank == 0)
                deadline = std::min(deadline.value_or(now + kGraceAfterRankZero),
                                    now + kGraceAfterRankZero);
            else if (!exit.succeeded() && !deadline)
                deadline = now + grace;
        }
        if (deadline && std::chrono::steady_clock::now() > *deadline && !m_killed) {
            signalAll(SIGKILL);
            m_killed = true;
        }
        std::this_thread::sleep_for(50ms);
    }
    return exits;
}

void LocalRanks::signalAll(int signal)
{
    for (pid_t pid : m_pids)
        if (pid != 0)
            ::kill(pid, signal);
}

void LocalRanks::killAll()
{
    signalAll(SIGKILL);
    for (pid_t &pid : m_pids)
        if (pid != 0) {
            int status = 0;
            ::waitpid(pid, &status, 0);
            pid = 0;
        }
}

} // namespace azllm
