// azllm bench allreduce: what one step's gradient all-reduce costs between processes, the figure
// that decides whether more machines help (docs/scaling.md).
#include <cstdio>

#include "benchmarks.h"
#include "parallel_launch.h"
#include "runtime.h"

using namespace azllm;

int benchAllReduceCommand(const std::vector<std::string> &args)
{
    CommandLine cl(
        "azllm bench allreduce --nproc N [--preset NAME] [--repeats R] [--bucket-mb MB]",
        withParallelOptions({{"preset", "NAME", "model preset (default az-100m)"},
                             {"vocab", "N", "vocabulary size (default the preset's)"},
                             {"repeats", "R", "timed all-reduces, best counts (default 5)"}}));
    cl.parse(args);
    if (cl.helpRequested()) {
        std::printf("%s", cl.helpText().c_str());
        return 0;
    }
    if (const std::optional<int> code = launchLocalRanks(cl, {"bench", "allreduce"}, args))
        return *code;
    const std::optional<DistributedSettings> rank = rankSettings(cl);
    if (!rank)
        throw UsageError("the all-reduce happens between processes: give --nproc 2 or more "
                         "(or start it under torchrun)");
    initializeRuntime();
    applyThreadOption(cl);
    AllReduceBenchOptions o;
    const std::string preset = cl.value("preset", "az-100m");
    o.model = presetConfig(preset);
    o.model.vocabSize = cl.intValue("vocab", o.model.vocabSize);
    requireValid(o.model);
    o.repeats = int(cl.intValue("repeats", 5));
    if (o.repeats < 1)
        throw UsageError("--repeats must be positive");
    redirectRankOutput(*rank, {}); // rank 0 reports for all
    o.group = joinRun(*rank, "cpu");
    const AllReduceBenchResult r = benchAllReduce(o);
    if (!r.averaged)
        throw std::runtime_error("the all-reduced gradients are not the mean over the ranks");
    const int n = o.group->worldSize();
    std::printf("all-reduce of %s's gradients: %.1fM parameters, %.1f MB in fp32, %zu buckets, "
                "%d processes (%s)\n",
                preset.c_str(), double(r.params) / 1e6, r.bytes / 1e6, r.buckets, n,
                o.group->backend().c_str());
    std::printf("  %.1f ms each (best of %d), %.2f GB/s algorithm bandwidth, %.2f GB/s bus "
                "bandwidth\n",
                r.msPerAllReduce, o.repeats, r.algorithmGBps, r.busGBps);
    std::printf("  ring all-reduce: each process sends and receives 2 (N - 1) / N x %.1f MB = "
                "%.1f MB per step\n",
                r.bytes / 1e6, 2.0 * (n - 1) / n * r.bytes / 1e6);
    std::printf("{\"bench\": \"allreduce\", \"params\": %lld, \"bytes\": %.0f, \"processes\": %d, "
                "\"buckets\": %zu, \"ms\": %.3f, \"algorithm_gbps\": %.3f, \"bus_gbps\": %.3f}\n",
                static_cast<long long>(r.params), r.bytes, n, r.buckets, r.msPerAllReduce,
                r.algorithmGBps, r.busGBps);
    return 0;
}
