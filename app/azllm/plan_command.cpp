#include "plan_command.h"

#include <cmath>
#include <cstdio>

#include "dry_run.h"
#include "engine_cli_support.h"
#include "model_sizing.h"
#include "runtime.h"
#include "training_plan.h"

using namespace azllm;

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
constexpr std::int64_t kDefaultTargetTokens = 524288; // nanoGPT's GPT-2 batch, about 0.5M
constexpr std::int64_t kDefaultKept = 5;              // the Train screen keeps 5 checkpoints

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

FitPlan printFit(const FitRequest &request, const char *label)
{
    const FitPlan plan = planFit(request);
    if (!plan.fits) {
        std::printf(
            "  %-20s does not fit, not even one sequence of %lld tokens\n", label,
            static_cast<long long>(std::min(kShortestPlannedContext, request.model.contextLength)));
        return plan;
    }
    std::printf(
        "  %-20s micro-batch %lld x %lld tokens, %s; %lld micro-batch%s per step = %lld "
        "tokens\n",
        label, static_cast<long long>(plan.microBatch), static_cast<long long>(plan.context),
        humanBytes(double(plan.estimateBytes)).c_str(), static_cast<long long>(plan.accumulation),
        plan.accumulation == 1 ? "" : "es", static_cast<long long>(plan.batchTokens()));
    return plan;
}

void printBudget(const ModelConfig &model, const AcceleratorSpec *gpu, TrainingPrecision precision,
                 double tokens, double utilisation, bool checkpointing)
{
    if (!gpu) {
        std::printf("  %-20s give --gpu for a peak rate and power\n", "time and energy");
        return;
    }
    const double rate = peakFlopsPerSecond(*gpu, precision) * utilisation / 100.0;
    const BudgetEstimate budget =
        trainingBudget(model, model.contextLength, tokens, rate, gpu->watts, checkpointing);
    std::printf("  %-20s %s tokens: %s at %.1f TFLOP/s (%.0f %% of %.1f), %.1f kWh at %.0f W%s\n",
                "budget", humanCount(tokens).c_str(), durationText(budget.seconds).c_str(),
                rate / 1e12, utilisation, peakFlopsPerSecond(*gpu, precision) / 1e12,
                budget.kilowattHours, gpu->watts,
                checkpointing ? " (recomputing: checkpointing)" : "");
}

void printDryRun(const FitRequest &request, const FitPlan &plan, const std::string &device)
{
    initializeRuntime();
    const bool onGpu = resolveDevice(device).rfind("cuda", 0) == 0;
    DryRunOptions options;
    options.model = request.model;
    options.batch = dryRunMicroBatch(plan, onGpu);
    options.context = plan.context;
    options.device = device;
    options.precision = trainingPrecisionName(request.precision);
    options.checkpointing = request.checkpointing;
    const DryRunResult r = dryRunTraining(options);
    if (!r.ran()) {
        std::printf("  %-20s failed on %s: %s\n", "dry run", r.device.c_str(), r.problem.c_str());
        return;
    }
    const std::int64_t estimate = plannedTrainingBytes(request.model, options.batch, plan.context,
                                                       request.checkpointing, request.precision);
    std::printf("  %-20s %d steps of micro-batch %lld x %lld on %s, %.2f s per step: peak %s, "
                "estimate %s%s\n",
                "dry run", r.stepsDone, static_cast<long long>(options.batch),
                static_cast<long long>(plan.context), r.device.c_str(), r.secondsPerStep,
                r.peakBytes < 0 ? "unknown" : humanBytes(double(r.peakBytes)).c_str(),
                humanBytes(double(estimate)).c_str(),
                options.batch < plan.microBatch ? " (capped at 4096 tokens on a CPU)" : "");
}

} // namespace

int runPlan(const std::vector<std::string> &args)
{
    bool help = false;
    const CommandLine cl = parseOrHelp(
        "azllm plan --preset NAME (--gpu ID | --memory GIB) [--precision P] [--target-tokens N]",
        {{"preset", "NAME", "model preset (default az-100m)"},
         {"gpu", "ID", "a GPU the course names: " + acceleratorIds()},
         {"memory", "GIB", "plan for this much memory (default the GPU's)"},
         {"precision", "P", "fp32, bf16 or fp16 (default bf16 where the GPU has it, else fp16)"},
         {"target-tokens", "N", "tokens per optimizer step (default 524288)"},
         {"tokens", "N", "the token budget (default 20 per parameter)"},
         {"utilisation", "PERCENT", "share of the GPU's peak the run reaches (default 40)"},
         {"keep", "N", "checkpoints kept on disk (default 5)"},
         {"dry-run", "", "confirm the plain plan (else the checkpointed one) with 2 real steps"},
         {"device", "D", "device of the dry run: auto, cpu, cuda (default auto)"}},
        args, help);
    if (help)
        return 0;
    const std::string preset = cl.value("preset", "az-100m");
    const ModelConfig model = presetConfig(preset);
    const AcceleratorSpec *gpu = nullptr;
    if (cl.has("gpu") && !(gpu = findAccelerator(cl.value("gpu"))))
        throw UsageError("unknown --gpu '" + cl.value("gpu") + "' (known: " + acceleratorIds() +
                         ")");
    if (!gpu && !cl.has("memory"))
        throw UsageError("give --gpu (" + acceleratorIds() + ") or --memory GIB");
    FitRequest request;
    request.model = model;
    request.memoryBytes =
        cl.has("memory") ? std::int64_t(cl.doubleValue("memory", 0) * kGiB) : gpu->memoryBytes;
    if (request.memoryBytes <= 0)
        throw UsageError("--memory must be above 0 GiB");
    const std::string defaultPrecision = !gpu ? "fp32" : gpu->bf16 ? "bf16" : "fp16";
    try {
        request.precision = parseTrainingPrecision(cl.value("precision", defaultPrecision));
    } catch (const std::invalid_argument &e) {
        throw UsageError(std::string("--precision: ") + e.what());
    }
    request.targetBatchTokens = cl.intValue("target-tokens", kDefaultTargetTokens);
    const std::int64_t parameters = countParameters(model).total();
    const double tokens = double(cl.intValue("tokens", 20 * parameters));
    const std::int64_t keep = cl.intValue("keep", kDefaultKept);

    std::printf("plan %s (%s parameters) on %s, %s of memory, %s, target %lld tokens per step\n",
                preset.c_str(), humanCount(double(parameters)).c_str(),
                gpu ? gpu->name.c_str() : "a device",
                humanBytes(double(request.memoryBytes)).c_str(),
                trainingPrecisionName(request.precision).c_str(),
                static_cast<long long>(request.targetBatchTokens));
    const FitPlan plain = printFit(request, "plain");
    request.checkpointing = true;
    const FitPlan checkpointed = printFit(request, "with checkpointing");
    const std::int64_t one = resumableCheckpointBytes(model);
    std::printf("  %-20s %s each (fp32 weights and AdamW moments), %s for %lld kept\n",
                "checkpoints", humanBytes(double(one)).c_str(),
                humanBytes(double(one * keep)).c_str(), static_cast<long long>(keep));
    std::printf("  %-20s %.6g (training, at context %lld)\n", "flops per token",
                trainingFlopsPerToken(model, model.contextLength),
                static_cast<long long>(model.contextLength));
    printBudget(model, gpu, request.precision, tokens, cl.doubleValue("utilisation", 40),
                !plain.fits && checkpointed.fits);
    if (cl.has("dry-run")) {
        request.checkpointing = !plain.fits;
        const FitPlan &plan = plain.fits ? plain : checkpointed;
        if (!plan.fits)
            throw UsageError("no plan fits this memory: nothing to dry-run");
        printDryRun(request, plan, cl.value("device", "auto"));
    }
    return 0;
}
