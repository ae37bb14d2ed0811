// Data-parallel training across processes and machines, on LibTorch's own c10d: rendezvous
// through a TCPStore, a Gloo process group on CPUs (NCCL when built against a CUDA LibTorch
// with NCCL's headers), and a watch on every rank so that a killed or hung one is named.
//
// The settings are torchrun's environment variables (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR,
// MASTER_PORT), so `torchrun --no_python azllm train ...` and `azllm train --nproc N` (which sets
// them for its own children, rank_launcher.h) start the same code. docs/scaling.md explains it.
// Plain C++: the UI and the CLI include this header; LibTorch stays in the .cpp files.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace azllm {

struct DistributedSettings
{
    int rank = 0;      // this process, 0 .. worldSize - 1; rank 0 writes everything
    int worldSize = 1; // processes in the run, on every machine together
    int localRank = 0; // this process among those of its machine (picks cuda:N)
    std::string masterAddr = "127.0.0.1"; // where rank 0 (or torchrun's agent) hosts the store
    int masterPort = 29500;
    // A rank that stops answering ends the others after this long, with its number named.
    int timeoutSeconds = 60;
    // Gradients travel in buckets of about this size, each all-reduced as soon as it is full.
    double bucketMegabytes = 25;
    // Under torchrun the agent hosts the store and every rank is a client of it
    // (TORCHELASTIC_USE_AGENT_STORE); keys then live under /worker/attempt_<restartCount>.
    bool agentStore = false;
    int restartCount = 0;

    // From torchrun's variables; nullopt when WORLD_SIZE is unset (a single process).
    // Throws std::invalid_argument naming the variable when one is malformed.
    static std::optional<DistributedSettings> fromEnvironment();
    // Throws std::invalid_argument naming the field that is out of range.
    void validate() const;
    // The device this rank trains on: "cuda" and "auto" (with a GPU) become cuda:<localRank>.
    std::string deviceFor(const std::string &requested) const;
};

// A distributed run failed: a rank was lost, timed out or disagrees. The message names the rank.
class DistributedError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class DistributedGroup
{
public:
    // Rendezvous: waits up to settings.timeoutSeconds for every rank, then connects them all.
    // device is the resolved training device ("cpu", "cuda:N"): CUDA gradients go through NCCL
    // when this build has it. Throws DistributedError with a clear cause (port in use, store
    // unreachable, ranks missing).
    // whileWaiting runs every few milliseconds until every rank has arrived; it may throw to
    // give up early (the studio does when a rank it started has already died).
    static std::shared_ptr<DistributedGroup> join(const DistributedSettings &settings,
                                                  const std::string &device,
                                                  const std::function<void()> &whileWaiting = {});
    ~DistributedGroup();
    DistributedGroup(const DistributedGroup &) = delete;
    DistributedGroup &operator=(const DistributedGroup &) = delete;

    const DistributedSettings &settings() const;
    int rank() const { return settings().rank; }
    int worldSize() const { return settings().worldSize; }
    bool isWriter() const { return rank() == 0; }
    // "gloo" or "nccl": what carries the gradients.
    std::string backend() const;

    // Every rank waits here for the others (within the timeout).
    void barrier();
    // The step this rank is at, shown to the others when one of them has to explain a failure.
    void setProgress(std::int64_t step);

    struct Impl;
    Impl &impl() { return *m_impl; }

private:
    explicit DistributedGroup(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace azllm
