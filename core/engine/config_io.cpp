#include "config_io.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <variant>

#include <unistd.h>

#include "durable_io.h"

namespace azllm {
namespace {

using FieldTarget = std::variant<std::int64_t *, std::uint64_t *, double *, std::string *>;

struct Field
{
    const char *key;
    const char *help;
    FieldTarget target;
    // Tuning keys are written out only for tuning runs, so a pretraining config.txt reads as
    // it always did.
    bool tuningOnly = false;
    // A key added later is not written while it holds this value (its default), so the
    // config.txt of a run that does not use it reads byte for byte as before.
    const char *omittedAt = nullptr;
};

std::vector<Field> fieldsOf(RunConfig &c)
{
    ModelConfig &m = c.model;
    TrainConfig &t = c.train;
    TuningConfig &u = c.tuning;
    return {
        {"vocab_size", "vocabulary size of the model", &m.vocabSize},
        {"context_length", "longest sequence the model can see", &m.contextLength},
        {"n_embd", "embedding width", &m.nEmbd},
        {"n_layer", "transformer blocks", &m.nLayer},
        {"n_head", "attention heads (must divide n_embd)", &m.nHead},
        {"dropout", "dropout probability", &m.dropout},
        {"train_data", "training token file", &t.trainData},
        {"validation_data", "validation token file (optional)", &t.validationData},
        {"train_context", "training window, 0 = the model's context length", &t.contextLength},
        {"batch_size", "sequences per micro-batch", &t.batchSize},
        {"grad_accum_steps", "micro-batches per optimizer step", &t.gradAccumSteps},
        {"max_steps", "optimizer steps in the run", &t.maxSteps},
        {"learning_rate", "peak learning rate", &t.learningRate},
        {"warmup_steps", "steps of linear warmup", &t.warmupSteps},
        {"min_lr_ratio", "cosine floor as a share of the peak", &t.minLrRatio},
        {"weight_decay", "AdamW weight decay on matrices", &t.weightDecay},
        {"beta1", "AdamW beta1", &t.beta1},
        {"beta2", "AdamW beta2", &t.beta2},
        {"grad_clip", "clip the gradient norm to this, 0 = off", &t.gradClip},
        {"eval_interval", "validation loss every N steps", &t.evalInterval},
        {"eval_batches", "batches per validation loss", &t.evalBatches},
        {"checkpoint_interval", "checkpoint every N steps", &t.checkpointInterval},
        {"keep_checkpoints", "newest checkpoints kept", &t.keepCheckpoints},
        {"out_dir", "run folder (checkpoints, config)", &t.outDir},
        {"seed", "random seed", &t.seed},
        {"device", "auto, cpu, cuda or cuda:N", &t.device},
        {"window_keying", "how windows are drawn: global_row, or micro_batch_row (older runs)",
         &t.windowKeying},
        {"activation_checkpointing", "1 recomputes each block in backward: less memory, more time",
         &t.activationCheckpointing, false, "0"},
        {"kind", "pretrain, sft (chat fine-tuning) or classify", &u.kind, true},
        {"base_checkpoint", "checkpoint a tuning run starts from", &u.baseCheckpoint, true},
        {"epochs", "tuning: passes over the data; > 0 sets max_steps", &u.epochs, true},
        {"train_blocks", "tuning: 'all' or the last N blocks to train in full", &u.trainBlocks,
         true},
        {"lora_rank", "tuning: LoRA adapter rank, 0 = no LoRA", &u.loraRank, true},
        {"lora_alpha", "tuning: LoRA scale numerator (scale = alpha / rank)", &u.loraAlpha, true},
        {"lora_targets", "tuning: LoRA on attn, mlp or attn,mlp", &u.loraTargets, true},
        {"loss_on", "sft: loss on 'assistant' tokens or 'all'", &u.lossOn, true},
        {"packing", "sft: 1 packs examples into rows (attention kept inside each)", &u.packing,
         true},
        {"keep_best", "tuning: keep the lowest-validation-loss checkpoint", &u.keepBest, true},
        {"pooling", "classify: 'last' (<|label|> position) or 'mean'", &u.pooling, true},
        {"label_count", "classify: number of classes", &u.labelCount, true},
    };
}

std::string trim(const std::string &s)
{
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

template <typename T> T parseNumber(const std::string &key, const std::string &value)
{
    std::istringstream in(value);
    T number{};
    in >> number;
    if (in.fail() || !in.eof())
        throw std::invalid_argument(key + ": '" + value + "' is not a valid number");
    return number;
}

std::string formatNumber(double v)
{
    std::ostringstream out;
    out.precision(17);
    out << v;
    return out.str();
}

} // namespace

std::vector<ConfigKey> configKeys()
{
    RunConfig scratch;
    std::vector<ConfigKey> keys = {
        {"preset", "start from a model preset (az-tiny, az-mini, az-100m, ...)"}};
    for (const Field &f : fieldsOf(scratch))
        keys.push_back({f.key, f.help});
    return keys;
}

bool isConfigKey(const std::string &key)
{
    for (const ConfigKey &k : configKeys())
        if (k.name == key)
            return true;
    return false;
}

void setConfigValue(RunConfig &config, const std::string &key, const std::string &value)
{
    if (key == "preset") {
        config.model = presetConfig(value);
        return;
    }
    for (const Field &f : fieldsOf(config)) {
        if (key != f.key)
            continue;
        std::visit(
            [&](auto *target) {
                using T = std::remove_pointer_t<decltype(target)>;
                if constexpr (std::is_same_v<T, std::string>)
                    *target = value;
                else
                    *target = parseNumber<T>(key, value);
            },
            f.target);
        return;
    }
    throw std::invalid_argument("unknown key '" + key + "'");
}

RunConfig parseConfigText(const std::string &text, const std::string &sourceName, RunConfig base)
{
    struct Line
    {
        int number;
        std::string key, value;
    };
    std::vector<Line> lines;
    std::istringstream in(text);
    std::string raw;
    for (int number = 1; std::getline(in, raw); ++number) {
        const std::string line = trim(raw.substr(0, raw.find('#')));
        if (line.empty())
            continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            throw std::invalid_argument(sourceName + ":" + std::to_string(number) +
                                        ": expected 'key = value', got '" + line + "'");
        lines.push_back({number, trim(line.substr(0, eq)), trim(line.substr(eq + 1))});
    }
    // The preset first, so that the file's own model keys refine it whatever their order.
    std::stable_partition(lines.begin(), lines.end(),
                          [](const Line &l) { return l.key == "preset"; });
    for (const Line &l : lines) {
        try {
            setConfigValue(base, l.key, l.value);
        } catch (const std::invalid_argument &e) {
            throw std::invalid_argument(sourceName + ":" + std::to_string(l.number) + ": " +
                                        e.what());
        }
    }
    return base;
}

RunConfig readConfigFile(const std::string &path, RunConfig base)
{
    return parseConfigText(readTextFile(path), path, std::move(base));
}

std::string formatConfig(const RunConfig &config)
{
    RunConfig copy = config;
    std::ostringstream out;
    out << "# Az-LLM run config (docs/formats.md)\n";
    for (const Field &f : fieldsOf(copy)) {
        if (f.tuningOnly && !config.isTuning())
            continue;
        const std::string value = std::visit(
            [](auto *target) {
                using T = std::remove_pointer_t<decltype(target)>;
                if constexpr (std::is_same_v<T, double>)
                    return formatNumber(*target);
                else if constexpr (std::is_same_v<T, std::string>)
                    return *target;
                else
                    return std::to_string(*target);
            },
            f.target);
        if (f.omittedAt && value == f.omittedAt)
            continue;
        out << f.key << " = " << value << '\n';
    }
    return out.str();
}

void writeFileAtomically(const std::string &path, const std::string &text)
{
    const std::string temp = path + ".tmp";
    std::FILE *file = std::fopen(temp.c_str(), "wb");
    if (!file)
        throw std::runtime_error("cannot write " + temp + ": " + std::strerror(errno));
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size() &&
                         std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed || std::rename(temp.c_str(), path.c_str()) != 0) {
        std::remove(temp.c_str());
        throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    }
    // The new name must reach the disk too, or a power cut can bring back the old file.
    const std::string parent = std::filesystem::path(path).parent_path().string();
    syncDirectory(parent.empty() ? "." : parent);
}

std::string readTextFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace azllm
