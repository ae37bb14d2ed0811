#include "benchmarks.h"

#include <chrono>
#include <filesystem>
#include <random>

#include <torch/torch.h>

#include <unistd.h>

#include "cuda_memory.h"
#include "generator.h"
#include "matmul_plan.h"
#include "model_sizing.h"
#include "process_memory.h"
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
    const std::uint64_t tokens =
        std::uint64_t(std::max<std::int64_t>(o.batch * (o.context + 1) * 8, 100000));
    writeSyntheticTokens(config.train.trainData, std::uint32_t(o.model.vocabSize), tokens, 7);
    return config;
}

} // namespace

TrainBenchResult benchTrain(const TrainBenchOptions &o)
{
    ScratchDir scratch(o.workDir);
    Trainer trainer(benchRunConfig(o, scratch));
    TrainBenchResult r;
    r.params = trainer.parameterCount();
    r.device = trainer.device();
    for (int i = 0; i < o.warmupSteps; ++i)
        r.firstLoss = trainer.step().loss;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < o.steps; ++i)
        r.lastLoss = trainer.step().loss;
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
        Trainer trainer(config);
        r.params = trainer.parameterCount();
        for (int i = 0; i < o.warmupSteps + o.steps; ++i)
            trainer.step();
        r.peakBytes = peakResidentBytes();
    }
    r.estimateBytes = trainingMemory(o.model, o.batch, o.context, false).total();
    return r;
}

namespace {

// Starts the peak-memory count on the device; returns the level it counts from.
std::int64_t startPeakMemory(const torch::Device &device)
{
    if (device.is_cuda()) {
        resetCudaPeakMemory(device.index());
        return 0;
    }
    const std::int64_t baseline = residentBytes();
    resetPeakResident();
    return baseline;
}

std::int64_t peakMemorySince(const torch::Device &device, std::int64_t baseline)
{
    if (device.is_cuda())
        return cudaPeakMemoryBytes(device.index());
    return peakResidentBytes() - baseline;
}

// The first line of an allocation failure, without LibTorch's backtrace.
std::string firstLine(const std::string &text)
{
    return text.substr(0, text.find('\n'));
}

} // namespace

DryRunResult dryRunTraining(const DryRunOptions &o)
{
    TrainBenchOptions bench;
    bench.model = o.model;
    bench.batch = o.batch;
    bench.context = o.context > 0 ? o.context : o.model.contextLength;
    bench.device = o.device;
    bench.workDir = o.workDir;
    bench.warmupSteps = 0;
    bench.steps = o.steps;
    ScratchDir scratch(o.workDir);
    RunConfig config = benchRunConfig(bench, scratch);
    config.train.precision = o.precision;
    const torch::Device device(resolveDevice(o.device));
    DryRunResult r;
    r.device = device.str();
    const std::int64_t baseline = startPeakMemory(device);
    try {
        Trainer trainer(config);
        const auto start = std::chrono::steady_clock::now();
        int done = 0;
        for (; done < o.steps && (!o.keepGoing || o.keepGoing()); ++done)
            trainer.step();
        r.secondsPerStep =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() /
            std::max(1, done);
        r.fits = done > 0;
        if (done == 0)
            r.problem = "cancelled before the first step";
    } catch (const std::bad_alloc &) {
        r.problem = "out of memory";
    } catch (const c10::Error &e) {
        r.problem = firstLine(e.what_without_backtrace());
    }
    r.peakBytes = peakMemorySince(device, baseline);
    return r;
}

GenerateBenchResult benchGenerate(const GenerateBenchOptions &o)
{
    LanguageModel model = LanguageModel::create(o.model, o.seed, o.device);
    Generator generator(model);
    std::mt19937 rng(unsigned(o.seed));
    std::vector<int> prompt(std::size_t(o.promptTokens));
    for (int &id : prompt)
        id = 3 + int(rng() % std::uint32_t(o.model.vocabSize - 3));

    GenerationParams params;
    params.sampling.temperature = 0; // greedy: both runs do identical work
    params.maxNewTokens = o.newTokens;
    params.endOfText = -1;
    generator.generate(prompt, GenerationParams{params.sampling, 4, -1, 0, true}); // warm-up

    GenerateBenchResult r;
    r.params = model.parameterCount();
    r.device = model.device();
    GenerationStats cached, uncached;
    generator.generate(prompt, params, {}, &cached);
    params.useKvCache = false;
    generator.generate(prompt, params, {}, &uncached);
    r.tokensPerSecond = cached.tokensPerSecond;
    r.tokensPerSecondNoCache = uncached.tokensPerSecond;
    r.ttftMs = cached.timeToFirstTokenMs;
    return r;
}

} // namespace azllm
