#include "benchmarks.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <random>

#include <torch/torch.h>

#include <unistd.h>

#include "distributed_group_impl.h"
#include "generator.h"
#include "gpt.h"
#include "gradient_reducer.h"
#include "matmul_plan.h"
#include "model_sizing.h"
#include "process_memory.h"
#include "random_generator.h"
#include "runtime.h"
#include "synthetic_data.h"
#include "trainer.h"

namespace azllm {
namespace fs = std::filesystem;

GemmBenchResult benchGemm(int size, int repeats)
{
    return {size, threadCount(), measureGemmGflops(size, repeats)};
}

namespace {

// A temporary folder removed when the benchmark ends, however it ends.
class ScratchDir
{
public:
    explicit ScratchDir(const std::string &requested)
    {
        m_path = requested.empty()
                     ? fs::temp_directory_path() / ("azllm-bench-" + std::to_string(::getpid()))
                     : fs::path(requested);
        m_owned = requested.empty();
        fs::create_directories(m_path);
    }
    ~ScratchDir()
    {
        std::error_code ec;
        if (m_owned)
            fs::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir &) = delete;
    ScratchDir &operator=(const ScratchDir &) = delete;
    const fs::path &path() const { return m_path; }

private:
    fs::path m_path;
    bool m_owned = false;
};

RunConfig benchRunConfig(const TrainBenchOptions &o, const ScratchDir &scratch)
{
    RunConfig config;
    config.model = o.model;
    config.train.trainData = (scratch.path() / "bench.tokens").string();
    config.train.contextLength = o.context;
    config.train.batchSize = o.batch;
    config.train.maxSteps = o.warmupSteps + o.steps + o.profileSteps;
    config.train.warmupSteps = 1;
    config.train.outDir = (scratch.path() / "run").string();
    config.train.device = o.device;
    config.train.activationCheckpointing = o.activationCheckpointing ? 1 : 0;
    const std::uint64_t tokens =
        std::uint64_t(std::max<std::int64_t>(o.batch * (o.context + 1) * 8, 100000));
    writeSyntheticTokens(config.train.trainData, std::uint32_t(o.model.vocabSize), tokens, 7);
    return config;
}

} // namespace

TrainBenchResult benchTrain(const TrainBenchOptions &o)
{
    ScratchDir scratch(o.workDir);
    // A --workdir given twice holds the last bench.
    Trainer trainer(benchRunConfig(o, scratch), RunFolder::Overwrite, o.group);
    TrainBenchResult r;
    r.params = trainer.parameterCount();
    r.device = trainer.device();
    for (int i = 0; i < o.warmupSteps; ++i)
        r.firstLoss = trainer.step().loss;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < o.steps; ++i) {
        const StepMetrics m = trainer.step();
        r.lastLoss = m.loss;
        r.allReduceWaitMs += 1000 * m.communicationSeconds / o.steps;
        r.rankTokensPerSecond.resize(m.rankTokensPerSecond.size());
        for (std::size_t k = 0; k < m.rankTokensPerSecond.size(); ++k)
            r.rankTokensPerSecond[k] += m.rankTokensPerSecond[k] / o.steps;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.msPerStep = 1000.0 * seconds / o.steps;
    r.tokensPerSecond = double(o.batch * o.context) * o.steps / seconds;
    r.flopsPerToken = trainingFlopsPerToken(o.model, o.context);
    r.gflops = r.flopsPerToken * r.tokensPerSecond / 1e9;
    if (o.matmulRepeats > 0) {
        const auto products = trainingStepProducts(o.model, o.batch, o.context);
        r.matmulGflop = totalFlops(products) / 1e9;
        r.matmulMsPerStep = 1000.0 * timeMatrixProducts(products, o.device, o.matmulRepeats);
    }
    if (o.profileSteps > 0)
        r.profile = profileSteps([&] { trainer.step(); }, o.profileSteps);
    return r;
}

TrainMemoryResult benchTrainMemory(const TrainBenchOptions &o)
{
    ScratchDir scratch(o.workDir);
    const RunConfig config = benchRunConfig(o, scratch);
    measureGemmGflops(256, 1); // LibTorch's and OpenBLAS's threads exist before the baseline
    TrainMemoryResult r;
    r.baselineBytes = residentBytes();
    r.peakWasReset = resetPeakResident();
    {
        Trainer trainer(config, RunFolder::Overwrite);
        r.params = trainer.parameterCount();
        for (int i = 0; i < o.warmupSteps + o.steps; ++i)
            trainer.step();
        r.peakBytes = peakResidentBytes();
    }
    r.estimateBytes =
        trainingMemory(o.model, o.batch, o.context, o.activationCheckpointing).total();
    return r;
}

namespace {

std::vector<int> benchPrompt(const GenerateBenchOptions &o)
{
    std::mt19937 rng(unsigned(o.seed));
    std::vector<int> prompt(std::size_t(o.promptTokens));
    for (int &id : prompt)
        id = 3 + int(rng() % std::uint32_t(o.model.vocabSize - 3));
    return prompt;
}

GenerationParams greedyParams(int tokens)
{
    GenerationParams params;
    params.sampling.temperature = 0; // greedy: every run does identical work
    params.maxNewTokens = tokens;
    params.endOfText = -1;
    return params;
}

} // namespace

GenerateBenchResult benchGenerate(const GenerateBenchOptions &o)
{
    LanguageModel model = LanguageModel::create(o.model, o.seed, o.device);
    Generator generator(model);
    const std::vector<int> prompt = benchPrompt(o);
    GenerationParams params = greedyParams(o.newTokens);
    generator.generate(prompt, greedyParams(4)); // warm-up

    GenerateBenchResult r;
    r.params = model.parameterCount();
    r.device = model.device();
    r.path = generator.pathDescription();
    GenerationStats cached, uncached;
    generator.generate(prompt, params, {}, &cached);
    params.useKvCache = false;
    generator.generate(prompt, params, {}, &uncached);
    r.tokensPerSecond = cached.tokensPerSecond;
    r.tokensPerSecondNoCache = uncached.tokensPerSecond;
    r.ttftMs = cached.timeToFirstTokenMs;
    return r;
}

AllReduceBenchResult benchAllReduce(const AllReduceBenchOptions &o)
{
    DistributedGroup::Impl &group = o.group->impl();
    const double rank = double(o.group->rank()), ranks = double(o.group->worldSize());
    Gpt model(o.model, makeRandomGenerator(torch::kCPU, 1)); // the values are overwritten
    std::vector<torch::Tensor> parameters = model->parameters();
    const double bucketBytes = group.settings.bucketMegabytes * 1024 * 1024;
    GradientReducer reducer(parameters, group, std::int64_t(bucketBytes));
    AllReduceBenchResult r;
    for (const torch::Tensor &p : parameters)
        r.params += p.numel();
    r.bytes = double(r.params) * 4;
    r.buckets = reducer.bucketCount();
    double best = 1e30;
    for (int i = 0; i < o.repeats + 1; ++i) { // the first one warms up the connections
        for (torch::Tensor &p : parameters)
            p.mutable_grad() = torch::full_like(p, rank + 1);
        o.group->barrier();
        const auto start = std::chrono::steady_clock::now();
        reducer.expectFinalBackward(i);
        reducer.finish();
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (i > 0)
            best = std::min(best, seconds);
    }
    const double mean = (ranks + 1) / 2;
    r.averaged = true;
    for (const torch::Tensor &p : parameters)
        r.averaged = r.averaged && (p.grad() - mean).abs().max().item<double>() < 1e-6;
    r.msPerAllReduce = 1000 * best;
    r.algorithmGBps = r.bytes / best / 1e9;
    r.busGBps = r.algorithmGBps * 2 * (ranks - 1) / ranks;
    return r;
}

PrecisionBenchResult benchPrecisions(const GenerateBenchOptions &o, int repeats,
                                     bool compareLibTorch)
{
    const LanguageModel model = LanguageModel::create(o.model, o.seed, "cpu");
    Generator fp32(model, Precision::Fp32), int8(model, Precision::Int8);
    std::optional<Generator> libtorch;
    if (compareLibTorch)
        libtorch.emplace(model, Precision::Fp32, DecodePath::LibTorch);
    const std::vector<int> prompt = benchPrompt(o);
    const GenerationParams params = greedyParams(o.newTokens);
    // Best of several, alternating, so a moment of noise costs one sample, not one side.
    const auto run = [&](Generator &g, double &best, double *ttft) {
        GenerationStats stats;
        g.generate(prompt, params, {}, &stats);
        if (stats.tokensPerSecond > best) {
            best = stats.tokensPerSecond;
            if (ttft)
                *ttft = stats.timeToFirstTokenMs;
        }
    };
    PrecisionBenchResult r;
    double ignored = 0;
    run(fp32, ignored, nullptr); // warm-up: threads start, pages fault in
    run(int8, ignored, nullptr);
    for (int i = 0; i < std::max(1, repeats); ++i) {
        run(fp32, r.fp32TokensPerSecond, &r.fp32TtftMs);
        run(int8, r.int8TokensPerSecond, &r.int8TtftMs);
        if (libtorch)
            run(*libtorch, r.libtorchTokensPerSecond, nullptr);
    }
    r.params = model.parameterCount();
    r.int8BytesPerToken = int8.decodeModel()->bytesPerToken();
    r.fp32BytesPerToken = fp32.decodeModel()->bytesPerToken();
    r.kernels = fp32.decodeModel()->kernels().name;
    return r;
}

} // namespace azllm
