// Speed measurements behind `azllm bench`: each returns plain figures for printing and JSON.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model_config.h"
#include "step_profile.h"

namespace azllm {

class DistributedGroup; // distributed.h

struct GemmBenchResult
{
    int size = 0;
    int threads = 0;
    double gflops = 0;
};

GemmBenchResult benchGemm(int size, int repeats);

struct TrainBenchOptions
{
    ModelConfig model;
    std::int64_t batch = 16;
    std::int64_t context = 128;
    int warmupSteps = 2;
    int steps = 10;
    std::string device = "auto";
    std::string workDir; // where the synthetic token file goes; a temp folder when empty
    // Also time the step's own matrix products alone (matmul_plan.h), this many passes; 0: don't.
    int matmulRepeats = 0;
    // Profile this many extra steps operator by operator (step_profile.h); 0: don't.
    int profileSteps = 0;
    // Recompute each block in backward (the run config's activation_checkpointing).
    bool activationCheckpointing = false;
    // Data parallel: this process is one rank; batch stays the global batch.
    std::shared_ptr<DistributedGroup> group;
};

struct TrainBenchResult
{
    std::int64_t params = 0;
    double msPerStep = 0;
    double tokensPerSecond = 0;
    double flopsPerToken = 0; // trainingFlopsPerToken (model_sizing.h)
    double gflops = 0;        // achieved: flopsPerToken * tokensPerSecond
    double firstLoss = 0;
    double lastLoss = 0;
    std::string device;
    // The step's matrix products timed alone, same shapes and order, in the same run; the
    // matrix-product efficiency is that time divided by the step's.
    double matmulMsPerStep = 0;
    double matmulGflop = 0;
    double matmulEfficiency() const { return msPerStep > 0 ? matmulMsPerStep / msPerStep : 0; }
    std::optional<StepProfile> profile;
    // Data parallel: time waiting for the gradient all-reduce after backward, and each rank's
    // tokens/s over its own computing time, both averaged over the timed steps.
    double allReduceWaitMs = 0;
    std::vector<double> rankTokensPerSecond;
};

// Times the real Trainer (AdamW, clipping, everything) on synthetic tokens.
TrainBenchResult benchTrain(const TrainBenchOptions &options);

struct TrainMemoryResult
{
    std::int64_t params = 0;
    std::int64_t baselineBytes = 0; // resident before the trainer exists (LibTorch, threads)
    std::int64_t peakBytes = 0;     // highest resident while it trained
    std::int64_t estimateBytes = 0; // trainingMemory(...).total(), what the configurator shows
    bool peakWasReset = false;      // the peak counts from the baseline, not from process start
    std::int64_t measuredBytes() const { return peakBytes - baselineBytes; }
};

// Builds the trainer and runs options.warmupSteps + options.steps steps, reading the
// process's peak resident memory from the operating system (process_memory.h). Run it in a
// fresh process: whatever the process held before counts in the baseline, what it freed may be
// reused and hide part of the peak.
TrainMemoryResult benchTrainMemory(const TrainBenchOptions &options);

struct GenerateBenchOptions
{
    ModelConfig model;
    int promptTokens = 16;
    int newTokens = 128;
    std::string device = "auto";
    std::uint64_t seed = 1;
};

struct GenerateBenchResult
{
    std::int64_t params = 0;
    double tokensPerSecond = 0;        // with the KV cache
    double tokensPerSecondNoCache = 0; // full window every token
    double ttftMs = 0;                 // time to first token, with the cache
    std::string device;
    std::string path; // what decoded: "kernels (avx2)", "LibTorch", ...
};

// Greedy generation from a freshly initialised model (LanguageModel::create(model, seed)), with
// and without the KV cache.
GenerateBenchResult benchGenerate(const GenerateBenchOptions &options);

struct AllReduceBenchOptions
{
    ModelConfig model; // gradients shaped like this model's parameters
    int repeats = 5;
    std::shared_ptr<DistributedGroup> group;
};

struct AllReduceBenchResult
{
    std::int64_t params = 0;
    double bytes = 0; // one gradient all-reduce: params x 4 bytes
    std::size_t buckets = 0;
    double msPerAllReduce = 0; // best of the repeats, bucket copies included
    double algorithmGBps = 0;  // bytes / time
    double busGBps = 0;        // what each link carried: 2 (N - 1) / N x bytes / time
    bool averaged = false;     // every element came back as the mean over ranks
};

// The trainer's gradient all-reduce alone (gradient_reducer.h), on gradients of the model's
// shapes filled with rank + 1, so the mean is known.
AllReduceBenchResult benchAllReduce(const AllReduceBenchOptions &options);
// fp32 against int8 (and LibTorch's fp32 when asked) on the same model, prompt and tokens,
// alternating A B A B; each figure is the best of `repeats` runs.
struct PrecisionBenchResult
{
    std::int64_t params = 0;
    double int8TokensPerSecond = 0;
    double fp32TokensPerSecond = 0;
    double libtorchTokensPerSecond = 0; // 0 unless compareLibTorch
    double int8TtftMs = 0;
    double fp32TtftMs = 0;
    std::int64_t int8BytesPerToken = 0; // weights read per decoded token
    std::int64_t fp32BytesPerToken = 0;
    std::string kernels; // "avx2" or "scalar"
};

PrecisionBenchResult benchPrecisions(const GenerateBenchOptions &options, int repeats,
                                     bool compareLibTorch);

} // namespace azllm
