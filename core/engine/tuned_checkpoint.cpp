#include "tuned_checkpoint.h"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "adaptation.h"
#include "checkpoint_io.h"
#include "config_io.h"
#include "merge_adapters.h"
#include "random_generator.h"

namespace azllm {
namespace fs = std::filesystem;

namespace {

// The studio's reserved ids (core/text/special_tokens.h; the engine does not include core/text).
constexpr std::int64_t kChatMarkers[] = {4, 5, 6, 7}; // <|system|> <|user|> <|assistant|> <|end|>
constexpr std::int64_t kLabelMarker = 8;              // <|label|>

// FNV-1a over state.txt and the sizes of the weight files: a base retrained or replaced under
// the same folder name differs in both.
std::string fingerprint(const std::string &dir)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    const auto mixIn = [&](const std::string &bytes) {
        for (unsigned char c : bytes) {
            hash ^= c;
            hash *= 0x100000001b3ULL;
        }
    };
    mixIn(readTextFile((fs::path(dir) / "state.txt").string()));
    for (const char *name : {"model.pt", "adapters.pt", "head.pt"}) {
        std::error_code ec;
        const auto size = fs::file_size(fs::path(dir) / name, ec);
        mixIn(std::string(name) + "=" + (ec ? std::string("-") : std::to_string(size)));
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

} // namespace

std::vector<std::int64_t> markerIdsFor(const TuningConfig &tuning)
{
    const bool headOnly = tuning.loraRank == 0 && tuning.trainBlocks == "0";
    if (tuning.kind == "classify")
        return headOnly ? std::vector<std::int64_t>{} : std::vector<std::int64_t>{kLabelMarker};
    return {std::begin(kChatMarkers), std::end(kChatMarkers)};
}

void writeBaseReference(const std::string &checkpointDir, const std::string &baseDir)
{
    writeFileAtomically((fs::path(checkpointDir) / "base.txt").string(),
                        "path = " + baseDir + "\nfingerprint = " + fingerprint(baseDir) + "\n");
}

void checkBaseReference(const std::string &checkpointDir, const std::string &baseDir)
{
    if (!fs::is_regular_file(fs::path(baseDir) / "state.txt"))
        throw std::runtime_error("checkpoint " + checkpointDir +
                                 " keeps only what tuning changed; "
                                 "its base checkpoint " +
                                 baseDir +
                                 " is gone. Restore that folder, or tune again from another base.");
    const std::string recorded = readTextFile((fs::path(checkpointDir) / "base.txt").string());
    if (recorded.find("fingerprint = " + fingerprint(baseDir)) == std::string::npos)
        throw std::runtime_error("checkpoint " + checkpointDir + ": its base checkpoint " +
                                 baseDir +
                                 " has changed since it was tuned on it (retrained or replaced), "
                                 "so its adapters no longer fit; tune again from the new base.");
}

void loadModelWeights(const std::string &checkpointDir, Gpt &model)
{
    const RunConfig config = readCheckpointConfig(checkpointDir);
    if (fs::is_regular_file(fs::path(checkpointDir) / "model.pt")) {
        loadWeights(checkpointDir, model);
    } else if (config.isTuning() && !config.tuning.baseCheckpoint.empty()) {
        checkBaseReference(checkpointDir, config.tuning.baseCheckpoint);
        loadModelWeights(config.tuning.baseCheckpoint, model);
    } else {
        loadWeights(checkpointDir, model); // names the missing model.pt
    }
    if (!fs::is_regular_file(fs::path(checkpointDir) / "adapters.pt"))
        return;
    Adaptation adaptation(model, config.tuning, markerIdsFor(config.tuning));
    adaptation.load(checkpointDir);
    adaptation.mergeIntoBase();
}

std::string mergeAdapters(const std::string &checkpointDir, const std::string &outRunDir)
{
    RunConfig config = readCheckpointConfig(checkpointDir);
    if (config.tuning.kind != "sft")
        throw std::runtime_error("checkpoint " + checkpointDir + " is not a chat-tuned (sft) one");
    at::Generator generator = makeRandomGenerator(torch::kCPU, config.train.seed);
    Gpt model(config.model, generator); // its weights come from the checkpoint
    loadModelWeights(checkpointDir, model);
    CheckpointState state = readCheckpointState(checkpointDir);
    state.formatVersion = kTunedCheckpointFormatVersion;
    config.tuning.loraRank = 0;
    config.tuning.trainBlocks = "all";
    config.train.outDir = outRunDir;
    CheckpointContents contents{config, state, model, nullptr, generator};
    contents.writeExtraFiles = [&](const std::string &dir) {
        if (!config.tuning.baseCheckpoint.empty())
            writeBaseReference(dir, config.tuning.baseCheckpoint);
    };
    fs::create_directories(outRunDir);
    writeFileAtomically((fs::path(outRunDir) / "config.txt").string(), formatConfig(config));
    return saveCheckpoint(outRunDir, contents);
}

} // namespace azllm
