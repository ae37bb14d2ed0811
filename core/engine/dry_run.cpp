#include "dry_run.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <new>

#include <torch/torch.h>

#include "cuda_memory.h"
#include "process_memory.h"
#include "runtime.h"
#include "synthetic_data.h"
#include "trainer.h"

namespace azllm {

namespace fs = std::filesystem;

namespace {

// A fresh folder (mkdtemp) removed when the dry run ends, however it ends.
class DryRunFolder
{
public:
    explicit DryRunFolder(const std::string &parent)
    {
        const fs::path base = parent.empty() ? fs::temp_directory_path() : fs::path(parent);
        std::string pattern = (base / "azllm-dry-run-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("cannot make a scratch folder in " + base.string());
        m_path = pattern;
    }
    ~DryRunFolder()
    {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    DryRunFolder(const DryRunFolder &) = delete;
    DryRunFolder &operator=(const DryRunFolder &) = delete;
    const fs::path &path() const { return m_path; }

private:
    fs::path m_path;
};

RunConfig dryRunConfig(const DryRunOptions &o, const fs::path &folder)
{
    RunConfig config;
    config.model = o.model;
    config.train.trainData = (folder / "dry-run.tokens").string();
    config.train.contextLength = o.context > 0 ? o.context : o.model.contextLength;
    config.train.batchSize = o.batch;
    config.train.maxSteps = o.steps;
    config.train.warmupSteps = 1;
    // Nothing to evaluate or save: the steps alone are measured.
    config.train.evalInterval = o.steps + 1;
    config.train.checkpointInterval = o.steps + 1;
    config.train.outDir = (folder / "run").string();
    config.train.device = o.device;
    config.train.precision = o.precision;
    config.train.activationCheckpointing = o.checkpointing ? 1 : 0;
    // Enough windows for the steps (and the validation tail the trainer sets aside).
    const std::int64_t windows = o.batch * (o.steps + 2) * 2;
    writeSyntheticTokens(config.train.trainData, std::uint32_t(o.model.vocabSize),
                         std::uint64_t(windows * (config.train.contextLength + 1) + 4096), 7);
    return config;
}

// "cuda" without an ordinal is the first GPU, as the trainer takes it.
int cudaOrdinal(const torch::Device &device)
{
    return device.has_index() ? int(device.index()) : 0;
}

// Starts the peak count on the device; returns the level it counts from.
std::int64_t startPeakMemory(const torch::Device &device)
{
    if (device.is_cuda()) {
        resetCudaPeakMemory(cudaOrdinal(device));
        return 0;
    }
    const std::int64_t baseline = residentBytes();
    return resetPeakResident() ? baseline : -1;
}

std::int64_t peakMemorySince(const torch::Device &device, std::int64_t baseline)
{
    if (device.is_cuda())
        return cudaPeakMemoryBytes(cudaOrdinal(device));
    if (baseline < 0) // the kernel would not reset the peak: it counts from process start
        return -1;
    return std::max<std::int64_t>(0, peakResidentBytes() - baseline);
}

} // namespace

DryRunResult dryRunTraining(const DryRunOptions &o)
{
    DryRunResult r;
    const DryRunFolder folder(o.scratchParent);
    r.scratchPath = folder.path().string();
    const RunConfig config = dryRunConfig(o, folder.path());
    const torch::Device device(resolveDevice(o.device));
    r.device = device.str();
    const std::int64_t baseline = startPeakMemory(device);
    try {
        Trainer trainer(config, RunFolder::Overwrite);
        const auto start = std::chrono::steady_clock::now();
        while (r.stepsDone < o.steps) {
            if (o.keepGoing && !o.keepGoing()) {
                r.cancelled = true;
                break;
            }
            trainer.step();
            ++r.stepsDone;
            if (o.stepDone)
                o.stepDone(r.stepsDone, o.steps);
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        r.secondsPerStep = r.stepsDone > 0 ? seconds / r.stepsDone : 0;
    } catch (const std::bad_alloc &) {
        r.problem = "out of memory";
    } catch (const std::exception &e) {
        r.problem = errorMessage(e);
    }
    r.peakBytes = peakMemorySince(device, baseline);
    return r;
}

} // namespace azllm
