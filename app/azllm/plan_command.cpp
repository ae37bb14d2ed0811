// azllm plan: the Model screen's "fit it on a GPU" and run costs, in a terminal.
#include "plan_command.h"

#include <cmath>
#include <cstdio>

#include "engine_cli_support.h"
#include "model_sizing.h"
#include "training_plan.h"

using namespace azllm;

namespace {

const AcceleratorSpec *findGpu(const std::string &id)
{
    for (const AcceleratorSpec &gpu : acceleratorCatalog())
        if (gpu.id == id)
            return &gpu;
    return nullptr;
}

std::string gpuIds()
{
    std::string ids;
    for (const AcceleratorSpec &gpu : acceleratorCatalog())
        ids += (ids.empty() ? "" : ", ") + gpu.id;
    return ids;
}

std::string durationText(double seconds)
{
    char text[32];
    if (seconds >= 86400)
        std::snprintf(text, sizeof text, "%.1f days", seconds / 86400);
    else if (seconds >= 3600)
        std::snprintf(text, sizeof text, "%.1f hours", seconds / 3600);
    else
        std::snprintf(text, sizeof text, "%.0f min", std::ceil(seconds / 60));
    return text;
}

void printFit(const FitRequest &request, const char *label)
{
    const FitPlan plan = planFit(request);
    if (!plan.fits) {
        std::printf("  %-20s does not fit, not even one sequence\n", label);
        return;
    }
    std::printf("  %-20s micro-batch %lld x %lld tokens, %s", label,
                static_cast<long long>(plan.microBatch), static_cast<long long>(plan.context),
                humanBytes(double(plan.estimateBytes)).c_str());
    if (plan.accumulation > 1)
        std::printf("; %lld micro-batches per step = %lld tokens",
                    static_cast<long long>(plan.accumulation),
                    static_cast<long long>(plan.batchTokens()));
    std::printf("\n");
}

} // namespace

int runPlan(const std::vector<std::string> &args)
{
    bool help = false;
    const CommandLine cl = parseOrHelp(
        "azllm plan [--preset NAME] [--gpu ID | --memory GIB] [--precision P] [--tokens N]",
        {{"preset", "NAME", "model preset (default az-100m)"},
         {"gpu", "ID", "a GPU from the course's list: " + gpuIds() + " (default t4)"},
         {"memory", "GIB", "plan for this much memory instead of the GPU's"},
         {"precision", "P", "fp32, bf16 or fp16 (default: bf16 where the GPU has it, else fp16)"},
         {"target-tokens", "N", "tokens per optimizer step (default 524288)"},
         {"tokens", "N", "the token budget (default 20 per parameter)"},
         {"utilisation", "PERCENT", "share of the GPU's peak the run reaches (default 40)"},
         {"keep", "N", "checkpoints kept on disk (default 3)"}},
        args, help);
    if (help)
        return 0;
    const ModelConfig model = presetConfig(cl.value("preset", "az-100m"));
    const AcceleratorSpec *gpu = findGpu(cl.value("gpu", "t4"));
    if (!gpu)
        throw UsageError("unknown --gpu '" + cl.value("gpu") + "' (known: " + gpuIds() + ")");
    FitRequest request;
    request.model = model;
    request.memoryBytes = cl.has("memory")
                              ? std::int64_t(cl.doubleValue("memory", 0) * double(1LL << 30))
                              : gpu->memoryBytes;
    request.precision = parsePrecision(cl.value("precision", gpu->bf16 ? "bf16" : "fp16"));
    request.targetBatchTokens = cl.intValue("target-tokens", 524288);
    const double tokens =
        double(cl.intValue("tokens", 20 * countParameters(model).total()));
    std::printf("plan %s (%s parameters) on %s, %s of memory, %s\n",
                cl.value("preset", "az-100m").c_str(),
                humanCount(double(countParameters(model).total())).c_str(), gpu->name.c_str(),
                humanBytes(double(request.memoryBytes)).c_str(),
                precisionName(request.precision).c_str());
    printFit(request, "plain");
    request.checkpointing = true;
    printFit(request, "with checkpointing");

    const std::int64_t one = checkpointBytes(model);
    const std::int64_t keep = cl.intValue("keep", 3);
    std::printf("  checkpoints          %s each (fp32 weights and AdamW moments), %s for %lld\n",
                humanBytes(double(one)).c_str(), humanBytes(double(one * keep)).c_str(),
                static_cast<long long>(keep));
    request.checkpointing = false;
    const bool plainFits = planFit(request).fits;
    const double rate =
        peakFlopsPerSecond(*gpu, request.precision) * cl.doubleValue("utilisation", 40) / 100.0;
    const BudgetEstimate budget =
        trainingBudget(model, model.contextLength, tokens, rate, gpu->watts, !plainFits);
    std::printf("  budget               %s tokens: %s at %.0f TFLOP/s achieved, %.1f kWh at %.0f W%s\n",
                humanCount(tokens).c_str(), durationText(budget.seconds).c_str(), rate / 1e12,
                budget.kilowattHours, gpu->watts,
                plainFits ? "" : " (recomputing: checkpointing)");
    return 0;
}
