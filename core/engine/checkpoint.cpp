#include "checkpoint_io.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "archive_check.h"
#include "config_io.h"
#include "durable_io.h"
#include "language_model_impl.h"
#include "random_generator.h"

namespace azllm {
namespace fs = std::filesystem;

namespace {

// AZLLM_SLOW_CHECKPOINT_MS stretches every checkpoint write (scripts/kill_test.sh uses it so
// that its kills land inside writes too); unset, it costs one getenv.
void slowDownForCrashTests()
{
    static const long delay = [] {
        const char *value = std::getenv("AZLLM_SLOW_CHECKPOINT_MS");
        return value ? std::strtol(value, nullptr, 10) : 0L;
    }();
    if (delay > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
}

// "2e+12", "3", "0.5": a number as a person would write it in a message.
std::string numberText(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

std::string formatState(const CheckpointState &s)
{
    std::ostringstream out;
    out.precision(17);
    out << "format_version = " << s.formatVersion << '\n'
        << "step = " << s.step << '\n'
        << "tokens_seen = " << s.tokensSeen << '\n'
        << "train_loss = " << s.trainLoss << '\n'
        << "validation_loss = " << s.validationLoss << '\n'
        << "elapsed_seconds = " << s.elapsedSeconds << '\n';
    // fp16's loss scale, only once it has left its starting point: the state.txt of any other
    // run reads byte for byte as before.
    const CheckpointState fresh;
    if (s.lossScale != fresh.lossScale || s.lossScaleGoodSteps != 0 || s.skippedSteps != 0)
        out << "loss_scale = " << s.lossScale << '\n'
            << "loss_scale_good_steps = " << s.lossScaleGoodSteps << '\n'
            << "skipped_steps = " << s.skippedSteps << '\n';
    return out.str();
}

// A count read as a double: checked before it is converted, since converting a double outside
// the integer's range is undefined behaviour (a fuzzer's "step = 2e300" did that).
std::int64_t wholeNumber(double value, const std::string &key, const std::string &dir)
{
    if (!(value >= 0 && value <= 9e15))
        throw checkpointError(dir,
                              "state.txt: " + key + " = " + numberText(value) + " is out of range");
    return std::int64_t(value);
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
            throw checkpointError(dir, "state.txt is malformed near '" + key + "'");
        if (key == "format_version" &&
            !(value >= kCheckpointFormatVersion && value <= kTunedCheckpointFormatVersion))
            throw checkpointError(dir, "format version " + numberText(value) + " is not supported");
        if (key == "format_version")
            s.formatVersion = int(value);
        else if (key == "step")
            s.step = wholeNumber(value, key, dir);
        else if (key == "tokens_seen")
            s.tokensSeen = wholeNumber(value, key, dir);
        else if (key == "train_loss")
            s.trainLoss = value;
        else if (key == "validation_loss")
            s.validationLoss = value;
        else if (key == "elapsed_seconds")
            s.elapsedSeconds = value;
        else if (key == "loss_scale")
            s.lossScale = value;
        else if (key == "loss_scale_good_steps")
            s.lossScaleGoodSteps = wholeNumber(value, key, dir);
        else if (key == "skipped_steps")
            s.skippedSteps = wholeNumber(value, key, dir);
        ++fields;
    }
    if (fields < 6)
        throw checkpointError(dir, "state.txt is incomplete");
    return s;
}

void requireFile(const std::string &dir, const char *name)
{
    if (!fs::is_regular_file(fs::path(dir) / name))
        throw checkpointError(dir,
                              std::string("missing ") + name +
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

void saveArchive(torch::serialize::OutputArchive &archive, const fs::path &path)
{
    archive.save_to(path.string());
    syncFile(path.string());
    slowDownForCrashTests();
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

RunConfig readCheckpointConfig(const std::string &dir)
{
    requireFile(dir, "config.txt");
    // A config saved before window_keying existed was drawn the older way.
    RunConfig saved;
    saved.train.windowKeying = kWindowKeyingMicroBatchRow;
    try {
        return readConfigFile((fs::path(dir) / "config.txt").string(), saved);
    } catch (const std::exception &e) {
        throw checkpointError(dir, e.what());
    }
}

CheckpointState readCheckpointState(const std::string &dir)
{
    requireFile(dir, "state.txt");
    return parseState(readTextFile((fs::path(dir) / "state.txt").string()), dir);
}

void recordBestCheckpoint(const std::string &runDir, std::int64_t step, double validationLoss)
{
    std::ostringstream out;
    out.precision(17);
    out << "step = " << step << "\nvalidation_loss = " << validationLoss << '\n';
    writeFileAtomically((fs::path(runDir) / "best.txt").string(), out.str());
}

std::optional<CheckpointInfo> bestCheckpoint(const std::string &runDir)
{
    const fs::path file = fs::path(runDir) / "best.txt";
    if (!fs::is_regular_file(file))
        return std::nullopt;
    std::istringstream in(readTextFile(file.string()));
    std::string key, eq;
    long long step = -1;
    if (!(in >> key >> eq >> step) || key != "step")
        return std::nullopt;
    for (const CheckpointInfo &c : listCheckpoints(runDir))
        if (c.state.step == step)
            return c;
    return std::nullopt;
}

std::optional<CheckpointInfo> preferredCheckpoint(const std::string &runDir)
{
    if (auto best = bestCheckpoint(runDir))
        return best;
    return latestCheckpoint(runDir);
}

std::string saveCheckpoint(const std::string &runDir, const CheckpointContents &c)
{
    if (!c.generator.defined())
        throw std::invalid_argument("a checkpoint needs the trainer's generator (rng.pt)");
    const fs::path parent = checkpointsDir(runDir);
    const fs::path finalDir = parent / checkpointDirName(c.state.step);
    const fs::path tempDir = finalDir.string() + ".tmp";
    if (fs::create_directories(parent))
        syncDirectory(runDir);
    fs::remove_all(tempDir);
    fs::create_directories(tempDir);
    try {
        writeFileAtomically((tempDir / "config.txt").string(), formatConfig(c.config));
        writeFileAtomically((tempDir / "state.txt").string(), formatState(c.state));
        slowDownForCrashTests();
        if (c.writeModel) {
            torch::serialize::OutputArchive weights;
            c.model->save(weights);
            saveArchive(weights, tempDir / "model.pt");
        }
        if (c.optimizer) {
            torch::serialize::OutputArchive moments;
            c.optimizer->save(moments);
            saveArchive(moments, tempDir / "optimizer.pt");
        }
        at::Generator generator = c.generator;
        torch::save(randomState(generator), (tempDir / "rng.pt").string());
        syncFile((tempDir / "rng.pt").string());
        for (std::size_t r = 0; r < c.rankGeneratorStates.size(); ++r) {
            const fs::path rankFile = tempDir / rankGeneratorFileName(int(r) + 1);
            torch::save(c.rankGeneratorStates[r], rankFile.string());
            syncFile(rankFile.string());
        }
        if (c.writeExtraFiles)
            c.writeExtraFiles(tempDir.string());
        slowDownForCrashTests();
        syncDirectory(tempDir.string());
    } catch (...) {
        std::error_code ec;
        fs::remove_all(tempDir, ec);
        throw;
    }
    // A folder of the same step belongs to a branch abandoned by resuming from an earlier
    // checkpoint: the new one takes its place in one step, and only then is the old one removed.
    replaceDirectory(tempDir.string(), finalDir.string());
    appendToLineage(runDir, finalDir.string());
    return finalDir.string();
}

void loadWeights(const std::string &dir, Gpt &model)
{
    requireFile(dir, "model.pt");
    verifyCheckpointArchive(dir, "model.pt");
    torch::serialize::InputArchive archive;
    try {
        archive.load_from((fs::path(dir) / "model.pt").string(), torch::kCPU);
    } catch (const c10::Error &e) {
        throw checkpointError(dir, "model.pt is not a readable weights file (" +
                                       describeTorchError(e) + ")");
    }
    torch::NoGradGuard noGrad;
    for (auto &item : model->named_parameters()) {
        torch::Tensor stored;
        if (!readNested(archive, item.key(), stored))
            throw checkpointError(dir, "model.pt has no tensor '" + item.key() +
                                           "' that config.txt implies");
        if (!stored.sizes().equals(item.value().sizes()))
            throw checkpointError(dir, "tensor '" + item.key() + "' has shape " +
                                           shapeText(stored) + " but config.txt implies " +
                                           shapeText(item.value()));
        item.value().copy_(stored);
    }
    torch::Tensor beyond;
    if (readNested(archive, "h." + std::to_string(model->config().nLayer) + ".ln_1.weight", beyond))
        throw checkpointError(dir, "model.pt holds more layers than config.txt's n_layer = " +
                                       std::to_string(model->config().nLayer));
}

void loadOptimizer(const std::string &dir, FusedAdamW &optimizer)
{
    requireFile(dir, "optimizer.pt");
    verifyCheckpointArchive(dir, "optimizer.pt");
    torch::serialize::InputArchive archive;
    try {
        archive.load_from((fs::path(dir) / "optimizer.pt").string());
        optimizer.load(archive);
    } catch (const c10::Error &e) {
        throw checkpointError(dir,
                              "optimizer.pt cannot be restored (" + describeTorchError(e) + ")");
    } catch (const std::runtime_error &e) {
        throw checkpointError(dir, std::string("optimizer.pt ") + e.what());
    }
}

bool loadRngState(const std::string &dir, at::Generator &generator)
{
    requireFile(dir, "rng.pt");
    verifyCheckpointArchive(dir, "rng.pt");
    torch::Tensor rng;
    try {
        torch::load(rng, (fs::path(dir) / "rng.pt").string());
        return restoreRandomState(generator, rng);
    } catch (const c10::Error &e) {
        throw checkpointError(dir, "rng.pt cannot be restored (" + describeTorchError(e) + ")");
    }
}

} // namespace azllm
