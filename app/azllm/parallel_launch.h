// Data-parallel runs from the command line: `--nproc N` starts N ranks of the same command on
// this machine and watches them; each rank (started so, or by torchrun) joins the run from
// torchrun's variables. Shared by `azllm train`, `bench train` and `bench allreduce`.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command_line.h"
#include "distributed.h"

// The options every data-parallel command takes, after its own.
std::vector<CliOption> withParallelOptions(std::vector<CliOption> options);

// With --nproc N > 1 in a process that is not itself a rank: starts N ranks of `command`
// (the words before args, e.g. {"bench", "train"}) with args minus the launcher's own flags,
// waits for them, reports each rank that fails, and returns the exit code. nullopt otherwise.
std::optional<int> launchLocalRanks(const CommandLine &cl, const std::vector<std::string> &command,
                                    const std::vector<std::string> &args);

// Applies --threads (LibTorch's threads in this process).
void applyThreadOption(const CommandLine &cl);

// This process's place in a data-parallel run, from torchrun's variables and --dist-timeout and
// --bucket-mb; nullopt for a single process.
std::optional<azllm::DistributedSettings> rankSettings(const CommandLine &cl);

// Joins the run (rendezvous) for training on `requestedDevice` ("auto", "cpu", "cuda", ...).
std::shared_ptr<azllm::DistributedGroup> joinRun(const azllm::DistributedSettings &settings,
                                                 const std::string &requestedDevice);

// Ranks other than 0 write nothing but their log: <runDir>/logs/rank-N.log takes their output
// (with an empty runDir, their output is dropped). Rank 0 keeps the terminal.
void redirectRankOutput(const azllm::DistributedSettings &settings, const std::string &runDir);

// "rank 1 of 2, gloo" for a banner line.
std::string describeRank(const azllm::DistributedGroup &group);

// azllm bench allreduce (allreduce_bench.cpp): the gradient all-reduce alone, between --nproc
// processes, on gradients shaped like a preset's.
int benchAllReduceCommand(const std::vector<std::string> &args);
