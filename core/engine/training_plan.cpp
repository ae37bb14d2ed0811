#include "training_plan.h"

#include <algorithm>

#include "model_sizing.h"

namespace azllm {

namespace {

constexpr std::int64_t kGiB = std::int64_t(1) << 30;
// No plan needs more sequences per pass than this; it bounds the bisection.
constexpr std::int64_t kLargestMicroBatch = 1 << 16;

std::int64_t planBytes(const FitRequest &r, std::int64_t batch, std::int64_t context)
{
    return plannedTrainingBytes(r.model, batch, context, r.checkpointing, r.precision);
}

// Memory grows with the batch, so the largest batch that fits is found by bisection; 0 when not
// even one sequence fits.
std::int64_t largestBatch(const FitRequest &r, std::int64_t context, std::int64_t usable)
{
    if (planBytes(r, 1, context) > usable)
        return 0;
    std::int64_t fits = 1, tooBig = kLargestMicroBatch + 1;
    while (tooBig - fits > 1) {
        const std::int64_t middle = fits + (tooBig - fits) / 2;
        (planBytes(r, middle, context) <= usable ? fits : tooBig) = middle;
    }
    return fits;
}

} // namespace

const std::vector<AcceleratorSpec> &acceleratorCatalog()
{
    // Dense peaks (no sparsity) and board power from NVIDIA's data sheets: T4 (8.1 fp32, 65 fp16
    // tensor, 70 W; no bf16), A10 (31.2, 125, 150 W), GeForce RTX 4090 (82.6, 165.2 with fp32
    // accumulation, 450 W), A100 SXM 40/80 GB (19.5, 312, 400 W), H100 SXM (67, 989, 700 W).
    static const std::vector<AcceleratorSpec> catalog = {
        {"t4", "NVIDIA T4 (16 GB)", 16 * kGiB, 8.1, 65.0, false, 70},
        {"a10", "NVIDIA A10 (24 GB)", 24 * kGiB, 31.2, 125.0, true, 150},
        {"rtx4090", "GeForce RTX 4090 (24 GB)", 24 * kGiB, 82.6, 165.2, true, 450},
        {"a100-40", "NVIDIA A100 (40 GB)", 40 * kGiB, 19.5, 312.0, true, 400},
        {"a100-80", "NVIDIA A100 (80 GB)", 80 * kGiB, 19.5, 312.0, true, 400},
        {"h100-80", "NVIDIA H100 SXM (80 GB)", 80 * kGiB, 67.0, 989.0, true, 700},
    };
    return catalog;
}

const AcceleratorSpec *findAccelerator(const std::string &id)
{
    for (const AcceleratorSpec &gpu : acceleratorCatalog())
        if (gpu.id == id)
            return &gpu;
    return nullptr;
}

std::string acceleratorIds()
{
    std::string ids;
    for (const AcceleratorSpec &gpu : acceleratorCatalog())
        ids += (ids.empty() ? "" : ", ") + gpu.id;
    return ids;
}

double peakFlopsPerSecond(const AcceleratorSpec &gpu, TrainingPrecision precision)
{
    return 1e12 * (precision == TrainingPrecision::Fp32 ? gpu.fp32Tflops : gpu.halfTflops);
}

std::int64_t plannedTrainingBytes(const ModelConfig &config, std::int64_t batch,
                                  std::int64_t context, bool checkpointing,
                                  TrainingPrecision precision)
{
    const TrainingMemory fp32 = trainingMemory(config, batch, context, checkpointing);
    if (precision == TrainingPrecision::Fp32)
        return fp32.total();
    const std::int64_t castWeights = 2 * countParameters(config).matmul;
    return fp32.weights + castWeights + fp32.gradients + fp32.optimizer + fp32.activations / 4 * 3;
}

FitPlan planFit(const FitRequest &r)
{
    FitPlan plan;
    const std::int64_t usable = r.memoryBytes - kDeviceReserveBytes;
    const std::int64_t shortest = std::min(kShortestPlannedContext, r.model.contextLength);
    for (std::int64_t context = r.model.contextLength; context >= shortest; context /= 2) {
        const std::int64_t batch = largestBatch(r, context, usable);
        if (batch == 0)
            continue;
        plan.fits = true;
        plan.microBatch = batch;
        plan.context = context;
        plan.estimateBytes = planBytes(r, batch, context);
        const std::int64_t perMicroBatch = plan.microBatchTokens();
        plan.accumulation =
            std::max<std::int64_t>(1, (r.targetBatchTokens + perMicroBatch - 1) / perMicroBatch);
        break;
    }
    return plan;
}

std::int64_t dryRunMicroBatch(const FitPlan &plan, bool onGpu)
{
    if (onGpu || plan.context <= 0)
        return plan.microBatch;
    return std::clamp<std::int64_t>(kCpuDryRunTokens / plan.context, 1, plan.microBatch);
}

std::int64_t resumableCheckpointBytes(const ModelConfig &config)
{
    const TrainingMemory state = trainingMemory(config, 1, 1, false);
    return state.weights + state.optimizer;
}

BudgetEstimate trainingBudget(const ModelConfig &config, std::int64_t context, double tokens,
                              double flopsPerSecond, double watts, bool checkpointing)
{
    BudgetEstimate e;
    const double recompute = checkpointing ? 4.0 / 3.0 : 1.0;
    e.flops = tokens * trainingFlopsPerToken(config, context) * recompute;
    if (flopsPerSecond <= 0)
        return e;
    e.seconds = e.flops / flopsPerSecond;
    e.kilowattHours = watts * e.seconds / 3.6e6;
    return e;
}

} // namespace azllm
