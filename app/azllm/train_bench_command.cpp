#include "train_bench_command.h"

#include <cstdio>

#include "benchmarks.h"
#include "engine_cli_support.h"
#include "model_sizing.h"
#include "reference_bench.h"
#include "runtime.h"
#include "training_plan.h"

using namespace azllm;

namespace {

// Appends `"key": value` to a JSON line under construction.
void appendJson(std::string &json, const char *key, double value, const char *format = "%.3f")
{
    char number[64];
    std::snprintf(number, sizeof number, format, value);
    json += std::string(", \"") + key + "\": " + number;
}

// --fit-memory GIB: the micro-batch and context the planner fits in that much memory.
void applyFit(const CommandLine &cl, TrainBenchOptions &o)
{
    FitRequest request;
    request.model = o.model;
    request.memoryBytes = std::int64_t(cl.doubleValue("fit-memory", 0) * double(1LL << 30));
    request.precision = parsePrecision(o.precision);
    request.checkpointing = o.checkpointing;
    const FitPlan plan = planFit(request);
    if (!plan.fits)
        throw UsageError("the planner finds no batch of this model that fits " +
                         cl.value("fit-memory") + " GiB");
    o.batch = plan.microBatch;
    o.context = plan.context;
    std::printf("planner: micro-batch %lld x context %lld fits %s GiB (estimate %s)\n",
                static_cast<long long>(plan.microBatch), static_cast<long long>(plan.context),
                cl.value("fit-memory").c_str(), humanBytes(double(plan.estimateBytes)).c_str());
}

TrainBenchOptions trainBenchOptions(const CommandLine &cl)
{
    TrainBenchOptions o;
    o.batch = cl.intValue("batch", 16);
    o.context = cl.intValue("context", 128);
    o.model = benchModel(cl, o.context);
    o.precision = cl.value("precision", "fp32");
    o.checkpointing = cl.has("checkpointing");
    parsePrecision(o.precision); // a bad name is refused before any work
    if (cl.has("fit-memory"))
        applyFit(cl, o);
    o.steps = int(cl.intValue("steps", 10));
    o.warmupSteps = int(cl.intValue("warmup", 2));
    o.device = resolveDevice(cl.value("device", "auto"));
    o.matmulRepeats = int(cl.intValue("matmul-repeats", 3));
    o.profileSteps = int(cl.intValue("profile", 0));
    if (o.batch <= 0 || o.context <= 0 || o.steps <= 0 || o.warmupSteps < 0 ||
        o.matmulRepeats < 0 || o.profileSteps < 0)
        throw UsageError("--batch, --context and --steps must be positive");
    return o;
}

void printSpeed(const CommandLine &cl, const TrainBenchOptions &o, const TrainBenchResult &r,
                const GemmBenchResult &peak)
{
    std::printf("train %s (%s params) batch %lld x context %lld on %s, %d threads\n",
                cl.value("preset", "az-tiny").c_str(), humanCount(double(r.params)).c_str(),
                static_cast<long long>(o.batch), static_cast<long long>(o.context),
                r.device.c_str(), threadCount());
    std::printf("  %.1f ms/step, %.0f tokens/s, loss %.3f -> %.3f\n", r.msPerStep,
                r.tokensPerSecond, r.firstLoss, r.lastLoss);
    std::printf("  %.1f GFLOP/s achieved = %.3g FLOP/token x tokens/s (FLOP/token = 6N + 12 L T C, "
                "N = matmul params), %.0f%% of the %.1f GFLOP/s gemm peak\n",
                r.gflops, r.flopsPerToken, 100 * r.gflops / peak.gflops, peak.gflops);
    if (r.peakMemoryBytes >= 0) {
        const TrainingMemory estimate = trainingMemory(
            o.model, o.batch, o.context, o.checkpointing, parsePrecision(o.precision));
        std::printf("  peak GPU memory %s; the configurator's estimate %s\n",
                    humanBytes(double(r.peakMemoryBytes)).c_str(),
                    humanBytes(double(estimate.total())).c_str());
    }
    if (cl.has("peak-tflops") && cl.doubleValue("peak-tflops", 0) > 0)
        std::printf("  model FLOPs utilisation %.1f%% of %.1f TFLOP/s (%s)\n",
                    100.0 * r.gflops / (1000.0 * cl.doubleValue("peak-tflops", 0)),
                    cl.doubleValue("peak-tflops", 0), o.precision.c_str());
    if (r.matmulMsPerStep > 0)
        std::printf("  its matrix products alone (same shapes and order): %.1f ms/step, %.0f GFLOP "
                    "at %.1f GFLOP/s -> matrix-product efficiency %.2f\n",
                    r.matmulMsPerStep, r.matmulGflop, r.matmulGflop / (r.matmulMsPerStep / 1000),
                    r.matmulEfficiency());
}

// The Python loop twice, plain and with the allocator tuned as the engine tunes its own.
std::string comparePython(const TrainBenchOptions &o, const TrainBenchResult &r)
{
    std::string json;
    for (const bool tuned : {false, true}) {
        const ReferenceFigures py = runPythonReference("train", o.model, o.batch, o.context,
                                                       o.steps, o.warmupSteps, tuned);
        const double ratio = r.tokensPerSecond / py.tokensPerSecond;
        std::printf("  PyTorch eager (Python) reference%s: %.0f tokens/s, %.1f ms/step -> azllm "
                    "is %.2fx\n",
                    tuned ? (std::string(", ") + kTunedAllocatorEnvironment).c_str() : ", plain",
                    py.tokensPerSecond, py.msPerStep, ratio);
        appendJson(json, tuned ? "python_tuned_tokens_per_s" : "python_tokens_per_s",
                   py.tokensPerSecond, "%.1f");
        appendJson(json, tuned ? "ratio_vs_python_tuned" : "ratio_vs_python", ratio);
    }
    return json;
}

} // namespace

int runBenchTrain(const std::vector<std::string> &args)
{
    bool help = false;
    const CommandLine cl = parseOrHelp(
        "azllm bench train [--preset NAME] [--batch B] [--context T] [--steps N] "
        "[--compare-python] [--profile N]",
        withBenchModelOptions(
            {{"batch", "B", "sequences per step (default 16)"},
             {"context", "T", "tokens per sequence (default 128)"},
             {"steps", "N", "timed steps (default 10)"},
             {"warmup", "N", "untimed steps first (default 2)"},
             {"matmul-repeats", "R",
              "passes over the step's matrix products timed alone (default 3, 0: skip)"},
             {"profile", "N", "profile N more steps operator by operator and print the table"},
             {"precision", "NAME", "fp32, or on CUDA bf16 / fp16 (default fp32)"},
             {"checkpointing", "", "activation checkpointing (recompute each block)"},
             {"fit-memory", "GIB", "train the micro-batch and context the planner fits in GIB"},
             {"peak-tflops", "X", "the device's peak, for model FLOPs utilisation"}}),
        args, help);
    if (help)
        return 0;
    initializeRuntime();
    const TrainBenchOptions o = trainBenchOptions(cl);
    const GemmBenchResult peak = benchGemm(1024, 5);
    const TrainBenchResult r = benchTrain(o);
    printSpeed(cl, o, r, peak);
    std::string json;
    appendJson(json, "tokens_per_s", r.tokensPerSecond, "%.1f");
    appendJson(json, "ms_per_step", r.msPerStep, "%.2f");
    appendJson(json, "gflops", r.gflops, "%.2f");
    appendJson(json, "peak_share", r.gflops / peak.gflops);
    appendJson(json, "gemm_peak_gflops", peak.gflops, "%.1f");
    appendJson(json, "matmul_ms_per_step", r.matmulMsPerStep, "%.2f");
    appendJson(json, "matmul_efficiency", r.matmulEfficiency());
    if (r.peakMemoryBytes >= 0)
        appendJson(json, "peak_memory_bytes", double(r.peakMemoryBytes), "%.0f");
    if (cl.has("compare-python"))
        json += comparePython(o, r);
    if (r.profile)
        std::printf("\nprofile of %d more steps (LibTorch's profiler, own time per operator):\n%s",
                    r.profile->steps, formatProfile(*r.profile, 18).c_str());
    std::printf("{\"bench\": \"train\", \"params\": %lld, \"vocab_size\": %lld, \"context\": %lld, "
                "\"batch\": %lld%s}\n",
                static_cast<long long>(r.params), static_cast<long long>(o.model.vocabSize),
                static_cast<long long>(o.context), static_cast<long long>(o.batch), json.c_str());
    return 0;
}

int runBenchMemory(const std::vector<std::string> &args)
{
    bool help = false;
    const CommandLine cl =
        parseOrHelp("azllm bench memory [--preset NAME] [--batch B] [--context T] [--steps N] "
                    "[--checkpointing]",
                    withBenchModelOptions({{"batch", "B", "sequences per step (default 8)"},
                                           {"context", "T", "tokens per sequence (default 256)"},
                                           {"steps", "N", "training steps (default 3)"},
                                           {"checkpointing", "", "activation checkpointing"}}),
                    args, help);
    if (help)
        return 0;
    if (cl.has("compare-python"))
        throw UsageError("bench memory compares with the sizing estimate, not with Python");
    initializeRuntime();
    TrainBenchOptions o;
    o.batch = cl.intValue("batch", 8);
    o.context = cl.intValue("context", 256);
    o.model = benchModel(cl, o.context);
    o.steps = int(cl.intValue("steps", 3));
    o.warmupSteps = 0;
    o.checkpointing = cl.has("checkpointing");
    o.device = resolveDevice(cl.value("device", "cpu"));
    if (o.device != "cpu")
        throw UsageError("bench memory reads this process's resident memory: use --device cpu");
    if (o.batch <= 0 || o.context <= 0 || o.steps <= 0)
        throw UsageError("--batch, --context and --steps must be positive");
    const TrainMemoryResult r = benchTrainMemory(o);
    const double ratio = double(r.estimateBytes) / double(r.measuredBytes());
    std::printf("train %s (%s params) batch %lld x context %lld, %d steps on cpu%s\n",
                cl.value("preset", "az-tiny").c_str(), humanCount(double(r.params)).c_str(),
                static_cast<long long>(o.batch), static_cast<long long>(o.context), o.steps,
                o.checkpointing ? ", activation checkpointing" : "");
    std::printf("  resident before the trainer %s; peak while training %s%s\n",
                humanBytes(double(r.baselineBytes)).c_str(), humanBytes(double(r.peakBytes)).c_str(),
                r.peakWasReset ? "" : " (peak since process start: clear_refs refused)");
    std::printf("  measured above the baseline %s; configurator's estimate %s -> estimate / "
                "measured = %.3f\n",
                humanBytes(double(r.measuredBytes())).c_str(),
                humanBytes(double(r.estimateBytes)).c_str(), ratio);
    std::printf("{\"bench\": \"memory\", \"params\": %lld, \"batch\": %lld, \"context\": %lld, "
                "\"baseline_bytes\": %lld, \"peak_bytes\": %lld, \"measured_bytes\": %lld, "
                "\"estimate_bytes\": %lld, \"estimate_over_measured\": %.3f, "
                "\"checkpointing\": %s}\n",
                static_cast<long long>(r.params), static_cast<long long>(o.batch),
                static_cast<long long>(o.context), static_cast<long long>(r.baselineBytes),
                static_cast<long long>(r.peakBytes), static_cast<long long>(r.measuredBytes()),
                static_cast<long long>(r.estimateBytes), ratio,
                o.checkpointing ? "true" : "false");
    return 0;
}
