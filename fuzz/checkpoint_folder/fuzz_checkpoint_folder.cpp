// A checkpoint folder whose model.pt, optimizer.pt or rng.pt (the input's first byte picks which,
// the rest is the file) is anything at all, resumed and loaded as `azllm train --resume` and the
// Chat screen do. The other files come from a real checkpoint of a tiny model written at start.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checkpoint.h"
#include "fuzz_support.h"
#include "language_model.h"
#include "synthetic_data.h"
#include "trainer.h"

namespace {

namespace fs = std::filesystem;

// The run fuzz/checkpoint_folder/corpus was made from (the target writes the seeds again from it
// into the folder AZLLM_FUZZ_WRITE_SEEDS names, when that is set).
azllm::RunConfig tinyRun(const std::string &dir)
{
    azllm::RunConfig config;
    config.model.vocabSize = 16;
    config.model.contextLength = 4;
    config.model.nEmbd = 4;
    config.model.nLayer = 1;
    config.model.nHead = 1;
    config.model.dropout = 0.1;
    config.train.trainData = dir + "/tiny.tokens";
    config.train.batchSize = 2;
    config.train.maxSteps = 2;
    config.train.outDir = dir + "/run";
    config.train.device = "cpu";
    config.train.seed = 1;
    return config;
}

std::string readAll(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

struct Pristine
{
    std::string checkpoint;
    std::string tokens;
    std::vector<std::pair<std::string, std::string>> files; // name, bytes
};

const Pristine &pristine()
{
    static const Pristine p = [] {
        Pristine made;
        const std::string dir = fuzz::scratchPath("pristine");
        fs::remove_all(dir);
        fs::create_directories(dir);
        const azllm::RunConfig config = tinyRun(dir);
        azllm::writeSyntheticTokens(config.train.trainData, 16, 2000, 1);
        azllm::Trainer trainer(config);
        trainer.step();
        made.checkpoint = trainer.save().path;
        made.tokens = config.train.trainData;
        for (const char *name : {"model.pt", "optimizer.pt", "rng.pt", "config.txt", "state.txt"})
            made.files.push_back({name, readAll(fs::path(made.checkpoint) / name)});
        if (const char *seeds = std::getenv("AZLLM_FUZZ_WRITE_SEEDS")) {
            for (int i = 0; i < 3; ++i)
                fuzz::writeFile(std::string(seeds) + "/seed-" + made.files[i].first,
                                std::string(1, char(i)) + made.files[i].second);
        }
        return made;
    }();
    return p;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const Pristine &p = pristine();
    if (size == 0)
        return 0;
    const fs::path checkpoint =
        fs::path(fuzz::scratchPath("run")) / "checkpoints" / fs::path(p.checkpoint).filename();
    fs::remove_all(fs::path(fuzz::scratchPath("run")));
    fs::create_directories(checkpoint);
    for (const auto &[name, bytes] : p.files)
        fuzz::writeFile((checkpoint / name).string(), bytes);
    fuzz::writeFile((checkpoint / p.files[data[0] % 3].first).string(), data + 1, size - 1);
    try {
        azllm::Trainer resumed =
            azllm::Trainer::resume(checkpoint.string(), {{"train_data", p.tokens}});
        (void)resumed.currentStep();
    } catch (const std::exception &) {
    }
    try {
        (void)azllm::LanguageModel::fromCheckpoint(checkpoint.string(), "cpu").parameterCount();
    } catch (const std::exception &) {
    }
    return 0;
}
