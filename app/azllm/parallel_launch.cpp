#include "parallel_launch.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#include "rank_launcher.h"
#include "runtime.h"

namespace fs = std::filesystem;
using namespace azllm;

namespace {

constexpr int kMaxProcesses = 256;

// The launcher's ranks, for its signal handler (which may only read plain memory).
pid_t g_rankPids[kMaxProcesses];
volatile std::sig_atomic_t g_rankCount = 0;

// Ctrl-C in a terminal reaches every rank already; a SIGINT or SIGTERM sent to the launcher
// alone is passed on, so the ranks stop together with a checkpoint.
void forwardStop(int)
{
    for (int i = 0; i < g_rankCount; ++i)
        ::kill(g_rankPids[i], SIGINT);
}

std::string selfExecutable()
{
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    if (error)
        throw std::runtime_error("cannot find this program's own file to start the ranks: " +
                                 error.message());
    return self.string();
}

// args without the launcher's own flags (--nproc, --master-port), which would make every rank
// a launcher again or fight over the port.
std::vector<std::string> rankArguments(const std::vector<std::string> &command,
                                       const std::vector<std::string> &args)
{
    std::vector<std::string> result = command;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        const bool ours = arg == "--nproc" || arg == "--master-port";
        if (ours) {
            ++i; // and its value
            continue;
        }
        if (arg.rfind("--nproc=", 0) == 0 || arg.rfind("--master-port=", 0) == 0)
            continue;
        result.push_back(arg);
    }
    return result;
}

} // namespace

std::vector<CliOption> withParallelOptions(std::vector<CliOption> options)
{
    options.push_back({"nproc", "N", "data-parallel: N processes on this machine (default 1)"});
    options.push_back(
        {"threads", "N", "LibTorch threads per process (default: the cores shared among them)"});
    options.push_back(
        {"master-port", "PORT", "with --nproc: the rendezvous port (default: a free one)"});
    options.push_back({"dist-timeout", "SECONDS",
                       "a rank that stops answering ends the others after this long (default 60)"});
    options.push_back(
        {"bucket-mb", "MB", "gradients are all-reduced in buckets of this size (default 25)"});
    return options;
}

std::optional<int> launchLocalRanks(const CommandLine &cl, const std::vector<std::string> &command,
                                    const std::vector<std::string> &args)
{
    const std::int64_t processes = cl.intValue("nproc", 1);
    if (processes < 1 || processes > kMaxProcesses)
        throw UsageError("--nproc must be between 1 and " + std::to_string(kMaxProcesses));
    // A rank started by a launcher (ours or torchrun) never launches again.
    if (processes == 1 || DistributedSettings::fromEnvironment())
        return std::nullopt;
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    LocalLaunch launch;
    launch.executable = selfExecutable();
    launch.arguments = rankArguments(command, args);
    launch.worldSize = int(processes);
    launch.masterPort = int(cl.intValue("master-port", 0));
    launch.threadsPerRank =
        int(cl.intValue("threads", std::max<std::int64_t>(1, cores / processes)));
    if (launch.masterPort < 0 || launch.masterPort > 65535 || launch.threadsPerRank < 1)
        throw UsageError("--master-port must be a port (1-65535) and --threads positive");

    LocalRanks ranks(launch);
    std::printf("azllm: %lld processes, %d threads each, rendezvous on 127.0.0.1:%d\n",
                static_cast<long long>(processes), launch.threadsPerRank, ranks.masterPort());
    for (std::size_t i = 0; i < ranks.pids().size(); ++i) {
        std::printf("azllm: started rank %zu (pid %d)\n", i, int(ranks.pids()[i]));
        g_rankPids[i] = ranks.pids()[i];
    }
    std::fflush(stdout);
    g_rankCount = int(ranks.pids().size());
    std::signal(SIGINT, forwardStop);
    std::signal(SIGTERM, forwardStop);

    const bool runFolder = command.front() == "train";
    const int timeout = int(cl.intValue("dist-timeout", DistributedSettings{}.timeoutSeconds));
    int code = 0;
    ranks.waitAll(std::chrono::seconds(timeout + 15), [&](const RankExit &exit) {
        if (exit.succeeded())
            return;
        const std::string where =
            exit.rank > 0 && runFolder
                ? " (its log: logs/rank-" + std::to_string(exit.rank) + ".log in the run folder)"
                : "";
        std::fprintf(stderr, "azllm: %s%s\n", exit.describe().c_str(), where.c_str());
        if (code == 0)
            code = exit.exitCode();
    });
    g_rankCount = 0;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return code;
}

void applyThreadOption(const CommandLine &cl)
{
    if (!cl.has("threads"))
        return;
    const std::int64_t threads = cl.intValue("threads", 1);
    if (threads < 1)
        throw UsageError("--threads must be positive");
    setThreadCount(int(threads));
}

std::optional<DistributedSettings> rankSettings(const CommandLine &cl)
{
    std::optional<DistributedSettings> settings;
    try {
        settings = DistributedSettings::fromEnvironment();
    } catch (const std::invalid_argument &e) {
        throw UsageError(e.what());
    }
    if (!settings)
        return std::nullopt;
    settings->timeoutSeconds = int(cl.intValue("dist-timeout", settings->timeoutSeconds));
    settings->bucketMegabytes = cl.doubleValue("bucket-mb", settings->bucketMegabytes);
    try {
        settings->validate();
    } catch (const std::invalid_argument &e) {
        throw UsageError(e.what());
    }
    return settings;
}

std::shared_ptr<DistributedGroup> joinRun(const DistributedSettings &settings,
                                          const std::string &requestedDevice)
{
    return DistributedGroup::join(settings, resolveDevice(settings.deviceFor(requestedDevice)));
}

void redirectRankOutput(const DistributedSettings &settings, const std::string &runDir)
{
    if (settings.rank == 0)
        return;
    std::string path = "/dev/null";
    if (!runDir.empty()) {
        const fs::path logs = fs::path(runDir) / "logs";
        fs::create_directories(logs);
        path = (logs / ("rank-" + std::to_string(settings.rank) + ".log")).string();
    }
    std::fflush(stdout);
    std::fflush(stderr);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0)
        throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    ::close(fd);
    std::printf("---- rank %d of %d (pid %d)\n", settings.rank, settings.worldSize,
                int(::getpid()));
}

std::string describeRank(const DistributedGroup &group)
{
    return "rank " + std::to_string(group.rank()) + " of " + std::to_string(group.worldSize()) +
           " (" + group.backend() + ")";
}
