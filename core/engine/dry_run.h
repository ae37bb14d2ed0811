// A dry run of a training plan (training_plan.h): a few real Trainer steps of the planned shape
// on the actual device, in a scratch folder of their own that is removed however they end, and
// the peak memory they took beside the planner's estimate. Plain C++ header: the Model screen's
// worker calls it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "model_config.h"

namespace azllm {

struct DryRunOptions
{
    ModelConfig model;
    std::int64_t batch = 1;
    std::int64_t context = 0; // 0: the model's
    std::string device = "auto";
    std::string precision = "fp32";
    bool checkpointing = false;
    int steps = 2;
    // The scratch folder is made inside this one (the system's temp folder when empty).
    std::string scratchParent;
    // Asked before each step; false stops the run there (the result says it was cancelled).
    std::function<bool()> keepGoing;
    // After each step: steps done, steps planned.
    std::function<void(int, int)> stepDone;
};

struct DryRunResult
{
    std::string device; // "cpu", "cuda:0"
    int stepsDone = 0;
    bool cancelled = false;
    std::string problem;         // why it failed (out of memory, ...), in one line; empty if not
    std::int64_t peakBytes = -1; // above what the process held before; -1 when unknown
    double secondsPerStep = 0;
    std::string scratchPath; // where it ran (already removed)
    bool ran() const { return problem.empty() && stepsDone > 0; }
};

// CUDA: the caching allocator's peak of tensors on the device. CPU: the process's peak resident
// memory (VmHWM, its peak reset first) above its resident memory before the trainer was built.
DryRunResult dryRunTraining(const DryRunOptions &options);

} // namespace azllm
