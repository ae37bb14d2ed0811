#include "training_plan.h"

#include <algorithm>

#include "model_sizing.h"

namespace azllm {

namespace {

constexpr std::int64_t kGiB = std::int64_t(1) << 30;
// Contexts shorter than this teach a GPT little; the planner stops halving here.
constexpr std::int64_t kShortestContext = 64;
constexpr std::int64_t kLargestMicroBatch = 4096;

std::int64_t planMemory(const FitRequest &r, std::int64_t batch, std::int64_t context)
{
    return trainingMemory(r.model, batch, context, r.checkpointing, r.precision).total();
}

// Memory grows with the batch, so the largest batch that fits is found by bisection.
std::int64_t largestBatch(const FitRequest &r, std::int64_t context, std::int64_t usable)
{
    if (planMemory(r, 1, context) > usable)
        return 0;
    std::int64_t fits = 1, tooBig = kLargestMicroBatch + 1;
    while (tooBig - fits > 1) {
        const std::int64_t middle = (fits + tooBig) / 2;
        (planMemory(r, middle, context) <= usable ? fits : tooBig) = middle;
    }
    return fits;
}

} // namespace

const std::vector<AcceleratorSpec> &acceleratorCatalog()
{
    // Dense peak rates from the vendors' data sheets; 16-bit rates with fp32 accumulation.
    static const std::vector<AcceleratorSpec> catalog = {
        {"t4", "NVIDIA T4 (16 GB)", 16 * kGiB, 8.1, 65.0, false, 70},
        {"l4", "NVIDIA L4 (24 GB)", 24 * kGiB, 30.3, 121.0, true, 72},
        {"a10", "NVIDIA A10 (24 GB)", 24 * kGiB, 31.2, 125.0, true, 150},
        {"rtx4090", "GeForce RTX 4090 (24 GB)", 24 * kGiB, 82.6, 165.2, true, 450},
        {"a100-40", "NVIDIA A100 (40 GB)", 40 * kGiB, 19.5, 312.0, true, 400},
        {"a100-80", "NVIDIA A100 (80 GB)", 80 * kGiB, 19.5, 312.0, true, 400},
        {"h100-80", "NVIDIA H100 SXM (80 GB)", 80 * kGiB, 67.0, 989.0, true, 700},
    };
    return catalog;
}

double peakFlopsPerSecond(const AcceleratorSpec &gpu, Precision precision)
{
    return 1e12 * (precision == Precision::Fp32 ? gpu.fp32Tflops : gpu.halfTflops);
}

FitPlan planFit(const FitRequest &r)
{
    FitPlan plan;
    const std::int64_t usable = r.memoryBytes - kDeviceReserveBytes;
    for (std::int64_t context = r.model.contextLength; context >= 1; context /= 2) {
        const std::int64_t batch = largestBatch(r, context, usable);
        if (batch > 0) {
            plan.fits = true;
            plan.microBatch = batch;
            plan.context = context;
            plan.estimateBytes = planMemory(r, batch, context);
            break;
        }
        if (context <= kShortestContext)
            break;
    }
    if (plan.fits && r.targetBatchTokens > 0) {
        const std::int64_t perMicroBatch = plan.microBatch * plan.context;
        plan.accumulation =
            std::max<std::int64_t>(1, (r.targetBatchTokens + perMicroBatch - 1) / perMicroBatch);
    }
    return plan;
}

std::int64_t checkpointBytes(const ModelConfig &config)
{
    return 3 * weightBytes(config).fp32;
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
