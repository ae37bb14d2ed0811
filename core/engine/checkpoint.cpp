#include "checkpoint_io.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "config_io.h"
#include "language_model_impl.h"

namespace azllm {
namespace fs = std::filesystem;

namespace {

std::runtime_error damaged(const std::string &dir, const std::string &why)
{
    return std::runtime_error("checkpoint " + dir + ": " + why);
}

std::string formatState(const CheckpointState &s)
{
    std::ostringstream out;
    out.precision(17);
    out << "format_version = " << kCheckpointFormatVersion << '\n'
        << "step = " << s.step << '\n'
        << "tokens_seen = " << s.tokensSeen << '\n'
        << "train_loss = " << s.trainLoss << '\n'
        << "validation_loss = " << s.validationLoss << '\n'
        << "elapsed_seconds = " << s.elapsedSeconds << '\n';
    return out.str();
}

CheckpointState parseState(const std::string &text, const std::string &dir)
{
    CheckpointState s;
    std::istringstream in(text);
    std::string key, eq;
    double value = 0;
    int fields = 0;
    while (in >> key >> eq >> value) {
        if (eq != "=")
            throw damaged(dir, "state.txt is malformed near '" + key + "'");
        if (key == "format_version" && int(value) != kCheckpointFormatVersion)
            throw damaged(dir,
                          "format version " + std::to_string(int(value)) + " is not supported");
        if (key == "step")
            s.step = std::int64_t(value);
        else if (key == "tokens_seen")
            s.tokensSeen = std::int64_t(value);
        else if (key == "train_loss")
            s.trainLoss = value;
        else if (key == "validation_loss")
            s.validationLoss = value;
        else if (key == "elapsed_seconds")
            s.elapsedSeconds = value;
        ++fields;
    }
    if (fields < 6)
        throw damaged(dir, "state.txt is incomplete");
    return s;
}

void requireFile(const std::string &dir, const char *name)
{
    if (!fs::is_regular_file(fs::path(dir) / name))
        throw damaged(dir, std::string("missing ") + name +
                               (fs::is_directory(dir) ? "" : " (no such checkpoint folder)"));
}

// Walks "h.0.attn.c_attn.weight" through the nested archives nn::Module::save writes.
bool readNested(torch::serialize::InputArchive &archive, const std::string &name,
                torch::Tensor &out)
{
    const auto dot = name.find('.');
    if (dot == std::string::npos)
        return archive.try_read(name, out);
    torch::serialize::InputArchive child;
    if (!archive.try_read(name.substr(0, dot), child))
        return false;
    return readNested(child, name.substr(dot + 1), out);
}

std::string shapeText(const torch::Tensor &t)
{
    std::ostringstream out;
    out << t.sizes();
    return out.str();
}

} // namespace

std::string checkpointsDir(const std::string &runDir)
{
    return (fs::path(runDir) / "checkpoints").string();
}

std::string checkpointDirName(std::int64_t step)
{
    char name[32];
    std::snprintf(name, sizeof name, "step-%08lld", static_cast<long long>(step));
    return name;
}

std::string rankGeneratorFileName(int rank)
{
    return "rng-rank-" + std::to_string(rank) + ".pt";
}

std::vector<CheckpointInfo> listCheckpoints(const std::string &runDir)
{
    std::vector<CheckpointInfo> found;
    const fs::path dir = checkpointsDir(runDir);
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_directory() || name.rfind("step-", 0) != 0 ||
            name.find('.') != std::string::npos)
            continue;
        try {
            found.push_back({entry.path().string(), readCheckpointState(entry.path().string())});
        } catch (const std::runtime_error &) {
            // A damaged folder is not a checkpoint to offer; readCheckpointState explains it when
            // asked.
        }
    }
    std::sort(found.begin(), found.end(), [](const CheckpointInfo &a, const CheckpointInfo &b) {
        return a.state.step < b.state.step;
    });
    return found;
}

std::optional<CheckpointInfo> latestCheckpoint(const std::string &runDir)
{
    const auto all = listCheckpoints(runDir);
    if (all.empty())
        return std::nullopt;
    return all.back();
}

RunConfig readCheckpointConfig(const std::string &dir)
{
    requireFile(dir, "config.txt");
    // A config saved before window_keying existed was drawn the older way.
    RunConfig saved;
    saved.train.windowKeying = kWindowKeyingMicroBatchRow;
    try {
        return readConfigFile((fs::path(dir) / "config.txt").string(), saved);
    } catch (const std::exception &e) {
        throw damaged(dir, e.what());
    }
}

CheckpointState readCheckpointState(const std::string &dir)
{
    requireFile(dir, "state.txt");
    return parseState(readTextFile((fs::path(dir) / "state.txt").string()), dir);
}

void pruneCheckpoints(const std::string &runDir, std::int64_t keep)
{
    auto all = listCheckpoints(runDir);
    for (std::size_t i = 0; i + std::size_t(std::max<std::int64_t>(keep, 1)) < all.size(); ++i)
        fs::remove_all(all[i].path);
}

std::string saveCheckpoint(const std::string &runDir, const CheckpointContents &c)
{
    const fs::path finalDir = fs::path(checkpointsDir(runDir)) / checkpointDirName(c.state.step);
    const fs::path tempDir = finalDir.string() + ".tmp";
    fs::remove_all(tempDir);
    fs::create_directories(tempDir);

    writeFileAtomically((tempDir / "config.txt").string(), formatConfig(c.config));
    writeFileAtomically((tempDir / "state.txt").string(), formatState(c.state));
    torch::serialize::OutputArchive weights;
    c.model->save(weights);
    weights.save_to((tempDir / "model.pt").string());
    if (c.optimizer) {
        torch::serialize::OutputArchive moments;
        c.optimizer->save(moments);
        moments.save_to((tempDir / "optimizer.pt").string());
    }
    auto generator = at::detail::getDefaultCPUGenerator();
    torch::Tensor rng;
    {
        std::lock_guard<std::mutex> lock(generator.mutex());
        rng = generator.get_state();
    }
    torch::save(rng, (tempDir / "rng.pt").string());
    for (std::size_t r = 0; r < c.rankGeneratorStates.size(); ++r)
        torch::save(c.rankGeneratorStates[r],
                    (tempDir / rankGeneratorFileName(int(r) + 1)).string());

    // An older checkpoint of the same step belongs to a branch the user abandoned by resuming
    // from an earlier one; the new one replaces it.
    fs::remove_all(finalDir);
    fs::rename(tempDir, finalDir);
    return finalDir.string();
}

void loadWeights(const std::string &dir, Gpt &model)
{
    requireFile(dir, "model.pt");
    torch::serialize::InputArchive archive;
    try {
        archive.load_from((fs::path(dir) / "model.pt").string(), torch::kCPU);
    } catch (const c10::Error &e) {
        throw damaged(dir,
                      "model.pt is not a readable weights file (" + describeTorchError(e) + ")");
    }
    torch::NoGradGuard noGrad;
    for (auto &item : model->named_parameters()) {
        torch::Tensor stored;
        if (!readNested(archive, item.key(), stored))
            throw damaged(dir,
                          "model.pt has no tensor '" + item.key() + "' that config.txt implies");
        if (!stored.sizes().equals(item.value().sizes()))
            throw damaged(dir, "tensor '" + item.key() + "' has shape " + shapeText(stored) +
                                   " but config.txt implies " + shapeText(item.value()));
        item.value().copy_(stored);
    }
    torch::Tensor beyond;
    if (readNested(archive, "h." + std::to_string(model->config().nLayer) + ".ln_1.weight", beyond))
        throw damaged(dir, "model.pt holds more layers than config.txt's n_layer = " +
                               std::to_string(model->config().nLayer));
}

void loadOptimizer(const std::string &dir, FusedAdamW &optimizer)
{
    requireFile(dir, "optimizer.pt");
    torch::serialize::InputArchive archive;
    try {
        archive.load_from((fs::path(dir) / "optimizer.pt").string());
        optimizer.load(archive);
    } catch (const c10::Error &e) {
        throw damaged(dir, "optimizer.pt cannot be restored (" + describeTorchError(e) + ")");
    } catch (const std::runtime_error &e) {
        throw damaged(dir, std::string("optimizer.pt ") + e.what());
    }
}

void loadRngState(const std::string &dir)
{
    requireFile(dir, "rng.pt");
    torch::Tensor rng;
    try {
        torch::load(rng, (fs::path(dir) / "rng.pt").string());
        auto generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(generator.mutex());
        generator.set_state(rng);
    } catch (const c10::Error &e) {
        throw damaged(dir, "rng.pt cannot be restored (" + describeTorchError(e) + ")");
    }
}

} // namespace azllm
