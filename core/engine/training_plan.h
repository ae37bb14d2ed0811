// Planning a training run on a given device, from the sizing functions alone: the largest batch
// and context that fit its memory (with or without activation checkpointing, with gradient
// accumulation up to a target batch), the disk the checkpoints take, and the time and energy a
// token budget costs. Plain C++ (no LibTorch): the Model screen and `azllm info` show these.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model_config.h"
#include "precision.h"

namespace azllm {

// A GPU from the course's list, with its dense peak rates (no sparsity) and board power.
struct AcceleratorSpec
{
    std::string id;            // "t4", "a100-40", ...
    std::string name;          // "NVIDIA T4 (16 GB)"
    std::int64_t memoryBytes;  // as the driver reports it (GiB)
    double fp32Tflops;         // plain fp32 (no TF32)
    double halfTflops;         // tensor cores in fp16 or bf16 with fp32 accumulation
    bool bf16;                 // bfloat16 in hardware (Ampere and newer)
    double watts;              // board power at full load
};

const std::vector<AcceleratorSpec> &acceleratorCatalog();
// Peak FLOP/s of a GPU in a precision (fp32, or its 16-bit tensor rate).
double peakFlopsPerSecond(const AcceleratorSpec &gpu, Precision precision);

// What the CUDA context, cuBLAS's workspace and the allocator's slack take off a card before
// the model gets any (and what a CPU's other programs need): the planner keeps it free.
inline constexpr std::int64_t kDeviceReserveBytes = std::int64_t(768) << 20;

struct FitRequest
{
    ModelConfig model;
    std::int64_t memoryBytes = 0;
    Precision precision = Precision::Fp32;
    bool checkpointing = false;
    std::int64_t targetBatchTokens = 0; // 0: no accumulation target
};

struct FitPlan
{
    bool fits = false;
    std::int64_t microBatch = 0; // sequences per forward and backward pass
    std::int64_t context = 0;    // tokens per sequence: the model's own, halved until one fits
    std::int64_t accumulation = 1;   // micro-batches per optimizer step to reach the target
    std::int64_t estimateBytes = 0;  // trainingMemory(...).total() of the plan
    std::int64_t batchTokens() const { return microBatch * context * accumulation; }
};

// The largest micro-batch at the longest context (the model's, or half of it, ... down to 64)
// whose training memory fits memoryBytes minus kDeviceReserveBytes.
FitPlan planFit(const FitRequest &request);

// One saved checkpoint: fp32 weights plus AdamW's two moments (model.pt and optimizer.pt).
std::int64_t checkpointBytes(const ModelConfig &config);

struct BudgetEstimate
{
    double flops = 0;   // the whole budget, recomputation included
    double seconds = 0;
    double kilowattHours = 0;
};

// Time and energy to train on `tokens` tokens at `flopsPerSecond` achieved (a peak times the
// expected utilisation, or this machine's measured rate) drawing `watts`. Activation
// checkpointing recomputes the forward pass: a third more FLOPs.
BudgetEstimate trainingBudget(const ModelConfig &config, std::int64_t context, double tokens,
                              double flopsPerSecond, double watts, bool checkpointing);

} // namespace azllm
