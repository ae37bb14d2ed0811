// Planning a training run on a given device from the sizing functions alone: the largest
// micro-batch and context that fit its memory (plain or with activation checkpointing), the
// gradient accumulation that reaches a target batch in tokens, the disk the kept checkpoints
// take, and the time and energy of a token budget. Plain C++ (no LibTorch): the Model screen's
// planner and `azllm plan` show the same figures.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model_config.h"
#include "precision.h"

namespace azllm {

// A GPU the course names, with its dense peak rates (no sparsity) and board power.
struct AcceleratorSpec
{
    std::string id;           // "t4", "a100-40", ...: what `azllm plan --gpu` takes
    std::string name;         // "NVIDIA T4 (16 GB)"
    std::int64_t memoryBytes; // as the driver reports it (GiB)
    double fp32Tflops;        // plain fp32 (no TF32)
    double halfTflops;        // tensor cores, fp16 or bf16 with fp32 accumulation
    bool bf16;                // bfloat16 in hardware (Ampere and newer)
    double watts;             // board power at full load
};

const std::vector<AcceleratorSpec> &acceleratorCatalog();
// The catalog's entry for id; nullptr when there is none.
const AcceleratorSpec *findAccelerator(const std::string &id);
// "t4, a10, ...": the ids, for messages.
std::string acceleratorIds();
// Peak FLOP/s of a GPU in a precision: fp32, or its 16-bit tensor rate.
double peakFlopsPerSecond(const AcceleratorSpec &gpu, TrainingPrecision precision);

// What the CUDA context, cuBLAS's workspace and the allocator's slack take off a card before the
// model gets any (and what a CPU's other programs need): the planner leaves it free.
inline constexpr std::int64_t kDeviceReserveBytes = std::int64_t(768) << 20;

// Training memory in a precision. fp32 is trainingMemory() (model_sizing.h) as it is. bf16 and
// fp16 autocast keep fp32 weights, gradients and moments, add the 16-bit copies of the matrices
// autocast caches for the forward pass, and store the products' outputs in 16 bits while norms,
// softmax and the loss stay fp32: taken as 3 bytes per saved value on average (an estimate
// until a GPU run measures it; scripts/gpu_bench.sh prints both).
std::int64_t plannedTrainingBytes(const ModelConfig &config, std::int64_t batch,
                                  std::int64_t context, bool checkpointing,
                                  TrainingPrecision precision);

struct FitRequest
{
    ModelConfig model;
    std::int64_t memoryBytes = 0;
    TrainingPrecision precision = TrainingPrecision::Fp32;
    bool checkpointing = false;
    std::int64_t targetBatchTokens = 0; // 0: no accumulation target
};

struct FitPlan
{
    bool fits = false;
    std::int64_t microBatch = 0;    // sequences per forward and backward pass
    std::int64_t context = 0;       // tokens per sequence: the model's, halved until one fits
    std::int64_t accumulation = 1;  // micro-batches per optimizer step to reach the target
    std::int64_t estimateBytes = 0; // plannedTrainingBytes of the plan
    std::int64_t microBatchTokens() const { return microBatch * context; }
    std::int64_t batchTokens() const { return microBatchTokens() * accumulation; }
};

// The contexts the planner never goes below (a GPT learns little from shorter windows).
inline constexpr std::int64_t kShortestPlannedContext = 64;

// The longest context (the model's, then halves of it down to kShortestPlannedContext) at which
// one sequence fits memoryBytes minus kDeviceReserveBytes, and the largest micro-batch at that
// context; accumulation is the Train screen's: ceil(target / micro-batch tokens), at least 1.
FitPlan planFit(const FitRequest &request);

// A dry run on a CPU trains at most this many tokens per micro-batch, so that it ends in seconds
// for small models (and a plan for a machine's whole RAM does not take all of it).
inline constexpr std::int64_t kCpuDryRunTokens = 4096;
// The micro-batch a dry run of the plan trains: the plan's on a GPU; on a CPU at most
// kCpuDryRunTokens tokens' worth of it, and at least one sequence.
std::int64_t dryRunMicroBatch(const FitPlan &plan, bool onGpu);

// One resumable checkpoint: fp32 weights and AdamW's two moments (the Model screen's "To resume
// training" row).
std::int64_t resumableCheckpointBytes(const ModelConfig &config);

struct BudgetEstimate
{
    double flops = 0; // the whole budget, recomputation included
    double seconds = 0;
    double kilowattHours = 0;
};

// Time and energy to train on `tokens` tokens: tokens x training FLOPs per token / achieved
// FLOP/s (a peak times the expected utilisation), times `watts`. Activation checkpointing runs
// the forward pass twice: a third more FLOPs. A rate of 0 gives the FLOPs alone.
BudgetEstimate trainingBudget(const ModelConfig &config, std::int64_t context, double tokens,
                              double flopsPerSecond, double watts, bool checkpointing);

} // namespace azllm
