#include "train_bench_command.h"

#include <cstdio>

#include "benchmarks.h"
#include "engine_cli_support.h"
#include "parallel_launch.h"
#include "reference_bench.h"
#include "runtime.h"

using namespace azllm;

namespace {

// Appends `"key": value` to a JSON line under construction.
void appendJson(std::string &json, const char *key, double value, const char *format = "%.3f")
{
    char number[64];
    std::snprintf(number, sizeof number, format, value);
    json += std::string(", \"") + key + "\": " + number;
}

TrainBenchOptions trainBenchOptions(const CommandLine &cl)
{
    TrainBenchOptions o;
    o.batch = cl.intValue("batch", 16);
    o.context = cl.intValue("context", 128);
    o.model = benchModel(cl, o.context);
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
    if (o.group) {
        std::printf("  %s: %.2f ms/step waiting for the gradient all-reduce; each process computed",
                    describeRank(*o.group).c_str(), r.allReduceWaitMs);
        for (double speed : r.rankTokensPerSecond)
            std::printf(" %.0f", speed);
        std::printf(" tokens/s\n");
    }
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
        const ReferenceFigures py =
            runPythonReference("train", o.model, o.batch, o.context, o.steps, o.warmupSteps, tuned);
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
        "[--compare-python | --nproc N] [--profile N]",
        withParallelOptions(withBenchModelOptions(
            {{"batch", "B", "sequences per step, all processes together (default 16)"},
             {"context", "T", "tokens per sequence (default 128)"},
             {"steps", "N", "timed steps (default 10)"},
             {"warmup", "N", "untimed steps first (default 2)"},
             {"matmul-repeats", "R",
              "passes over the step's matrix products timed alone (default 3, 0: skip)"},
             {"profile", "N", "profile N more steps operator by operator and print the table"}})),
        args, help);
    if (help)
        return 0;
    if (cl.has("compare-python") && cl.intValue("nproc", 1) > 1)
        throw UsageError("--compare-python measures one process; leave out --nproc");
    if (const std::optional<int> code = launchLocalRanks(cl, {"bench", "train"}, args))
        return *code;
    initializeRuntime();
    applyThreadOption(cl);
    TrainBenchOptions o = trainBenchOptions(cl);
    if (const std::optional<DistributedSettings> rank = rankSettings(cl)) {
        redirectRankOutput(*rank, {}); // rank 0 reports for all
        o.group = joinRun(*rank, cl.value("device", "auto"));
    }
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
    if (o.group) {
        appendJson(json, "processes", o.group->worldSize(), "%.0f");
        appendJson(json, "allreduce_wait_ms", r.allReduceWaitMs);
    }
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
    const CommandLine cl = parseOrHelp(
        "azllm bench memory [--preset NAME] [--batch B] [--context T] [--steps N] "
        "[--checkpointing]",
        withBenchModelOptions({{"batch", "B", "sequences per step (default 8)"},
                               {"context", "T", "tokens per sequence (default 256)"},
                               {"steps", "N", "training steps (default 3)"},
                               {"checkpointing", "",
                                "recompute each block's activations in backward (activation "
                                "checkpointing), as the estimate then assumes"}}),
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
    o.activationCheckpointing = cl.has("checkpointing");
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
                o.activationCheckpointing ? ", activation checkpointing" : "");
    std::printf("  resident before the trainer %s; peak while training %s%s\n",
                humanBytes(double(r.baselineBytes)).c_str(),
                humanBytes(double(r.peakBytes)).c_str(),
                r.peakWasReset ? "" : " (peak since process start: clear_refs refused)");
    std::printf("  measured above the baseline %s; configurator's estimate %s -> estimate / "
                "measured = %.3f\n",
                humanBytes(double(r.measuredBytes())).c_str(),
                humanBytes(double(r.estimateBytes)).c_str(), ratio);
    std::printf("{\"bench\": \"memory\", \"params\": %lld, \"batch\": %lld, \"context\": %lld, "
                "\"checkpointing\": %s, \"baseline_bytes\": %lld, \"peak_bytes\": %lld, "
                "\"measured_bytes\": %lld, "
                "\"estimate_bytes\": %lld, \"estimate_over_measured\": %.3f}\n",
                static_cast<long long>(r.params), static_cast<long long>(o.batch),
                static_cast<long long>(o.context), o.activationCheckpointing ? "true" : "false",
                static_cast<long long>(r.baselineBytes), static_cast<long long>(r.peakBytes),
                static_cast<long long>(r.measuredBytes()), static_cast<long long>(r.estimateBytes),
                ratio);
    return 0;
}
