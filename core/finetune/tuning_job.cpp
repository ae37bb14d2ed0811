#include "tuning_job.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "chat_engine.h"
#include "chat_template.h"
#include "checkpoint.h"
#include "config_io.h"
#include "example_schedule.h"
#include "special_tokens.h"
#include "tokenizer.h"

namespace azllm {
namespace fs = std::filesystem;

namespace {

std::string absolute(const std::string &path)
{
    return fs::absolute(path).lexically_normal().string();
}

void requireMarkers(const Tokenizer &tokenizer, const std::string &kind)
{
    if (kind == "sft" && !hasChatMarkers(tokenizer))
        throw std::runtime_error(tokenizer.path() + " has no chat markers (<|user|>, "
                                                    "<|assistant|>, <|end|> at ids 4-7): tune a "
                                                    "base trained on `azllm prepare` output");
    if (kind == "classify" && (tokenizer.vocabSize() <= SpecialTokens::Label ||
                               tokenizer.idToPiece(SpecialTokens::Label) != "<|label|>"))
        throw std::runtime_error(tokenizer.path() + " has no <|label|> marker at id 8: tune a "
                                                    "base trained on `azllm prepare` output");
}

RunConfig baseConfigFor(const TuningRequest &request, const std::string &baseCheckpoint)
{
    RunConfig config;
    config.model = readCheckpointConfig(baseCheckpoint).model;
    config.tuning.kind = request.kind;
    config.tuning.baseCheckpoint = absolute(baseCheckpoint);
    config.train.seed = request.seed;
    config.train.outDir = absolute(request.outDir);
    for (const auto &[key, value] : tuningDefaults(request.kind))
        setConfigValue(config, key, value);
    return config;
}

bool isSet(const TuningRequest &request, const std::string &key)
{
    for (const auto &setting : request.settings)
        if (setting.first == key)
            return true;
    return false;
}

std::string validationJsonl(const std::vector<LabelledText> &items)
{
    std::string out;
    for (const LabelledText &item : items) {
        QJsonObject o;
        o.insert(QLatin1String("text"), QString::fromStdString(item.text));
        o.insert(QLatin1String("label"), QString::fromStdString(item.label));
        o.insert(QLatin1String("line"), item.line);
        out += QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString() + "\n";
    }
    return out;
}

std::vector<std::size_t> sftInputLengths(const ExampleSet &set)
{
    std::vector<std::size_t> lengths;
    for (const Example &e : set.examples)
        lengths.push_back(e.tokens.size() - 1);
    return lengths;
}

// Splits conversations by a seeded permutation; round(n x ratio) go to validation (at least 1).
void splitConversations(const std::vector<Conversation> &all, double ratio, std::uint64_t seed,
                        std::vector<Conversation> &train, std::vector<Conversation> &validation)
{
    std::size_t held = std::size_t(std::llround(double(all.size()) * ratio));
    if (all.size() >= 2)
        held = std::clamp<std::size_t>(held, 1, all.size() - 1);
    std::vector<bool> isHeld(all.size(), false);
    const std::vector<std::size_t> order = seededPermutation(all.size(), seed ^ 0x73706c6974ULL);
    for (std::size_t k = 0; k < held; ++k)
        isHeld[order[k]] = true;
    for (std::size_t i = 0; i < all.size(); ++i)
        (isHeld[i] ? validation : train).push_back(all[i]);
}

void addStats(SftEncodingStats &total, const SftEncodingStats &part)
{
    total.shortened += part.shortened;
    total.droppedTurns += part.droppedTurns;
    total.cut += part.cut;
    total.skipped += part.skipped;
    total.tokens += part.tokens;
    total.lossTokens += part.lossTokens;
    total.examples += part.examples;
}

void prepareSft(const TuningRequest &request, const Tokenizer &tokenizer, PreparedTuning &out,
                ExampleSet &train, ExampleSet &validation)
{
    const int context = int(out.config.model.contextLength);
    SftDataset data = readSftDataset(request.data);
    out.format = data.format;
    out.issues = data.issues;
    std::vector<Conversation> trainConversations, validationConversations;
    std::string validationFile = request.data;
    if (!request.validationData.empty()) {
        SftDataset held = readSftDataset(request.validationData);
        out.issues.insert(out.issues.end(), held.issues.begin(), held.issues.end());
        trainConversations = data.conversations;
        validationConversations = held.conversations;
        validationFile = request.validationData;
    } else {
        splitConversations(data.conversations, request.validationRatio, request.seed,
                           trainConversations, validationConversations);
    }
    SftEncodingStats trainStats, validationStats;
    train = encodeSftExamples(tokenizer, trainConversations, context, request.data, trainStats,
                              out.issues);
    validation = encodeSftExamples(tokenizer, validationConversations, context, validationFile,
                                   validationStats, out.issues);
    addStats(out.sft, trainStats);
    addStats(out.sft, validationStats);
}

void prepareClassify(const TuningRequest &request, const Tokenizer &tokenizer, PreparedTuning &out,
                     ExampleSet &train, ExampleSet &validation)
{
    const int context = int(out.config.model.contextLength);
    ClassificationDataset data = readClassificationDataset(request.data);
    out.format = fileExtension(request.data);
    out.issues = data.issues;
    std::vector<LabelledText> trainItems, validationItems;
    std::string validationFile = request.data;
    if (!request.validationData.empty()) {
        ClassificationDataset held = readClassificationDataset(request.validationData);
        out.issues.insert(out.issues.end(), held.issues.begin(), held.issues.end());
        trainItems = data.items;
        validationItems = held.items;
        validationFile = request.validationData;
    } else {
        stratifiedSplit(data.items, request.validationRatio, request.seed, trainItems,
                        validationItems);
    }
    out.labels = labelSet(trainItems);
    if (out.labels.size() < 2)
        throw std::runtime_error(request.data + ": a classifier needs at least two labels, found " +
                                 std::to_string(out.labels.size()));
    ClassEncodingStats trainStats, validationStats;
    train =
        encodeClassExamples(tokenizer, trainItems, out.labels, context, request.data, trainStats);
    validation = encodeClassExamples(tokenizer, validationItems, out.labels, context,
                                     validationFile, validationStats);
    out.classify.examples = trainStats.examples + validationStats.examples;
    out.classify.truncated = trainStats.truncated + validationStats.truncated;
    out.trainItems = trainItems;
    out.validationItems = validationItems;
    out.config.tuning.labelCount = std::int64_t(out.labels.size());
}

// Evaluation and checkpoints once per epoch (SFT: twice), unless the request says otherwise.
void scheduleByEpoch(const TuningRequest &request, PreparedTuning &out, const ExampleSet &train)
{
    RunConfig &c = out.config;
    const std::size_t rows =
        c.tuning.kind == "sft" && c.tuning.packing
            ? packRows(sftInputLengths(train), std::size_t(c.model.contextLength), c.train.seed)
                  .size()
            : train.examples.size();
    out.stepsPerEpoch =
        ExampleSchedule(rows, c.train.batchSize, c.train.gradAccumSteps, c.train.seed)
            .stepsPerEpoch();
    const std::int64_t perEpoch = std::max<std::int64_t>(1, out.stepsPerEpoch);
    if (!isSet(request, "eval_interval"))
        c.train.evalInterval =
            c.tuning.kind == "sft" ? std::max<std::int64_t>(1, perEpoch / 2) : perEpoch;
    if (!isSet(request, "checkpoint_interval"))
        c.train.checkpointInterval = perEpoch;
    if (c.tuning.epochs > 0)
        c.train.maxSteps = c.tuning.epochs * perEpoch;
}

} // namespace

std::vector<std::pair<std::string, std::string>> tuningDefaults(const std::string &kind)
{
    // Lower learning rates than pretraining and a few epochs: a few hundred examples are learnt
    // (and overfitted) within a handful of passes.
    const bool classify = kind == "classify";
    return {{"epochs", classify ? "4" : "3"},
            {"learning_rate", classify ? "0.001" : "0.0005"},
            {"batch_size", "8"},
            {"warmup_steps", "10"},
            {"min_lr_ratio", "0.1"},
            {"weight_decay", "0.0"},
            {"dropout", "0.1"},
            {"keep_checkpoints", "2"},
            {"keep_best", "1"}};
}

std::vector<std::pair<std::string, std::string>> classifyModeSettings(const std::string &mode)
{
    if (mode == "head")
        return {{"train_blocks", "0"}, {"lora_rank", "0"}, {"learning_rate", "0.003"}};
    if (mode == "last2")
        return {{"train_blocks", "2"}, {"lora_rank", "0"}};
    if (mode == "full")
        return {{"train_blocks", "all"}, {"lora_rank", "0"}, {"learning_rate", "0.0005"}};
    if (mode == "lora")
        return {{"train_blocks", "0"}, {"lora_rank", "8"}, {"learning_rate", "0.003"}};
    throw std::invalid_argument("--mode: '" + mode + "' is not head, last2, full or lora");
}

std::vector<EvalItem> heldOutQuestions(const TuningRequest &request, int count)
{
    std::vector<Conversation> held;
    if (!request.validationData.empty()) {
        try {
            held = readSftDataset(request.validationData).conversations;
        } catch (const std::runtime_error &) {
            EvalSet set = readEvalSet(request.validationData); // question/reference lines
            set.items.resize(std::min(set.items.size(), std::size_t(count)));
            return set.items;
        }
    } else {
        std::vector<Conversation> train;
        splitConversations(readSftDataset(request.data).conversations, request.validationRatio,
                           request.seed, train, held);
    }
    std::vector<EvalItem> items;
    for (const Conversation &c : held) {
        const auto question = std::find_if(c.turns.begin(), c.turns.end(), [](const ChatTurn &t) {
            return t.role == ChatRole::User;
        });
        if (question == c.turns.end() || question + 1 == c.turns.end())
            continue;
        items.push_back({question->text, (question + 1)->text, c.line});
        if (int(items.size()) == count)
            break;
    }
    return items;
}

std::string resolveBaseCheckpoint(const std::string &path)
{
    if (fs::is_regular_file(fs::path(path) / "state.txt"))
        return path;
    if (!fs::exists(path))
        throw std::runtime_error("base " + path + ": no such folder");
    if (const auto preferred = preferredCheckpoint(path))
        return preferred->path;
    throw std::runtime_error("base " + path +
                             " holds no checkpoint (expected state.txt or checkpoints/step-*)");
}

PreparedTuning prepareTuning(const TuningRequest &request)
{
    if (request.kind != "sft" && request.kind != "classify")
        throw std::invalid_argument("kind: '" + request.kind + "' is not sft or classify");
    if (request.validationRatio < 0 || request.validationRatio >= 1)
        throw std::invalid_argument("the validation share must be at least 0 and below 1");
    PreparedTuning out;
    out.baseCheckpoint = resolveBaseCheckpoint(request.base);
    const Tokenizer tokenizer = Tokenizer::load(tokenizerPathFor(out.baseCheckpoint));
    requireMarkers(tokenizer, request.kind);
    out.config = baseConfigFor(request, out.baseCheckpoint);
    for (const auto &[key, value] : request.settings)
        setConfigValue(out.config, key, value);

    const fs::path dir = request.outDir;
    if (fs::exists(dir) && !fs::is_empty(dir))
        throw std::runtime_error(request.outDir + " already exists and is not empty: choose a new "
                                                  "folder for the run (or resume that one)");
    ExampleSet train, validation;
    if (request.kind == "sft")
        prepareSft(request, tokenizer, out, train, validation);
    else
        prepareClassify(request, tokenizer, out, train, validation);
    if (train.examples.empty() || validation.examples.empty())
        throw std::runtime_error(request.data +
                                 ": too few examples to hold some out for "
                                 "validation (" +
                                 std::to_string(train.examples.size()) + " for training, " +
                                 std::to_string(validation.examples.size()) + " for validation)");
    out.trainExamples = std::int64_t(train.examples.size());
    out.validationExamples = std::int64_t(validation.examples.size());
    scheduleByEpoch(request, out, train);

    const fs::path data = dir / "data";
    try {
        fs::create_directories(data);
        writeExampleFile((data / "train.examples").string(), train);
        writeExampleFile((data / "val.examples").string(), validation);
        out.config.train.trainData = absolute((data / "train.examples").string());
        out.config.train.validationData = absolute((data / "val.examples").string());
        if (request.kind == "classify")
            writeFileAtomically((data / "validation.jsonl").string(),
                                validationJsonl(out.validationItems));
        std::string report;
        for (const std::string &line : out.summary())
            report += line + "\n";
        for (const DatasetIssue &issue : out.issues)
            report += issue.text() + "\n";
        writeFileAtomically((data / "report.txt").string(), report);
        fs::copy_file(tokenizer.path(), dir / "tokenizer.model",
                      fs::copy_options::overwrite_existing);
        writeFileAtomically((dir / "config.txt").string(), formatConfig(out.config));
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
        throw;
    }
    return out;
}

std::vector<std::string> PreparedTuning::summary() const
{
    std::vector<std::string> lines = {
        "base: " + baseCheckpoint,
        "data: " + std::to_string(trainExamples) + " training and " +
            std::to_string(validationExamples) + " validation examples (" + format + "), " +
            std::to_string(issues.size()) + " lines skipped",
        "schedule: " + std::to_string(stepsPerEpoch) + " steps per epoch, " +
            std::to_string(config.train.maxSteps) + " steps"};
    if (config.tuning.kind == "sft")
        lines.push_back("tokens: " + std::to_string(sft.tokens) + ", of which the loss counts " +
                        std::to_string(sft.lossTokens) + "; " + std::to_string(sft.shortened) +
                        " conversations lost their oldest turns (" +
                        std::to_string(sft.droppedTurns) + " turns), " + std::to_string(sft.cut) +
                        " were cut at the context's end, " + std::to_string(sft.skipped) +
                        " skipped");
    else
        lines.push_back("labels: " + std::to_string(labels.size()) + "; " +
                        std::to_string(classify.truncated) + " texts were cut to fit the context");
    return lines;
}

} // namespace azllm
