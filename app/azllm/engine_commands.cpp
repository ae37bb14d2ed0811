// azllm train | generate | info | bench: the engine's commands.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>

#include "benchmarks.h"
#include "checkpoint.h"
#include "checkpoint_folder.h"
#include "command_line.h"
#include "commands.h"
#include "config_io.h"
#include "engine_cli_support.h"
#include "generator.h"
#include "gguf_model.h"
#include "model_sizing.h"
#include "model_weights_bridge.h"
#include "parallel_launch.h"
#include "plan_command.h"
#include "reference_bench.h"
#include "runtime.h"
#include "sampling_options.h"
#include "synthetic_data.h"
#include "train_bench_command.h"
#include "trainer.h"
#ifdef AZLLM_WITH_TEXT
#include "tokenizer.h"
#endif

namespace fs = std::filesystem;
using namespace azllm;

namespace {

// ---------------------------------------------------------------------------------------------
// Shared helpers

// A run folder whose config.txt is written but which has no checkpoint at all.
bool startedWithoutCheckpoint(const std::string &path)
{
    return fs::is_regular_file(fs::path(path) / "config.txt") &&
           !fs::is_regular_file(fs::path(path) / "state.txt") && !latestCheckpoint(path);
}

// ---------------------------------------------------------------------------------------------
// train

// Flags with friendlier names for the most used config keys.
const std::vector<std::pair<std::string, std::string>> kTrainAliases = {
    {"data", "train_data"},      {"val-data", "validation_data"}, {"out", "out_dir"},
    {"steps", "max_steps"},      {"lr", "learning_rate"},         {"batch", "batch_size"},
    {"context", "train_context"}};

std::vector<CliOption> trainOptions()
{
    std::vector<CliOption> options = {
        {"config", "FILE", "read settings from a 'key = value' file (flags override it)"},
        {"resume", "DIR", "continue a run folder or checkpoint exactly where it stopped"},
        {"overwrite", "", "replace the run already in --out (its checkpoints are deleted)"},
        {"log-every", "N", "print a progress line every N steps (default: 1% of the run)"},
    };
    for (const auto &[alias, key] : kTrainAliases)
        options.push_back({alias, "VALUE", "same as --" + key});
    for (const ConfigKey &k : configKeys())
        options.push_back({k.name, "VALUE", k.help});
    return options;
}

std::sig_atomic_t volatile g_interrupted = 0;

class ConsoleProgress : public TrainingObserver
{
public:
    ConsoleProgress(std::int64_t logEvery, TrainingControl &control)
        : m_logEvery(logEvery), m_control(control)
    {
    }

    void stepFinished(const StepMetrics &m) override
    {
        if (g_interrupted)
            m_control.requestStop(); // Ctrl-C: finish this step, checkpoint, exit cleanly
        if (m.step % m_logEvery != 0 && m.validationLoss < 0 && m.step != m.maxSteps)
            return;
        std::printf("step %6lld/%lld | loss %.4f", static_cast<long long>(m.step),
                    static_cast<long long>(m.maxSteps), m.loss);
        if (m.validationLoss >= 0)
            std::printf(" | val %.4f", m.validationLoss);
        std::printf(" | lr %.2e | grad %.3f | %.0f tok/s | %.1fs", m.learningRate, m.gradNorm,
                    m.tokensPerSecond, m.elapsedSeconds);
        printRanks(m);
        std::printf("\n");
        std::fflush(stdout);
    }
    void checkpointSaved(const CheckpointInfo &info) override
    {
        std::printf("checkpoint %s\n", info.path.c_str());
        std::fflush(stdout);
    }
    void classifierEvaluated(std::int64_t step, const ClassificationReport &r) override
    {
        std::printf("step %6lld | validation accuracy %.4f | macro-F1 %.4f\n",
                    static_cast<long long>(step), r.accuracy, r.macroF1);
        std::fflush(stdout);
    }
    void message(const std::string &text) override { std::fprintf(stderr, "%s\n", text.c_str()); }

private:
    // Data parallel: how fast each rank computes, and how long this one waited for the others.
    static void printRanks(const StepMetrics &m)
    {
        if (m.rankTokensPerSecond.empty())
            return;
        std::printf(" | ranks");
        for (double speed : m.rankTokensPerSecond)
            std::printf(" %.0f", speed);
        std::printf(" tok/s | all-reduce wait %.1f ms", 1000 * m.communicationSeconds);
    }

    std::int64_t m_logEvery;
    TrainingControl &m_control;
};

RunConfig trainConfigFrom(const CommandLine &cl)
{
    RunConfig config = cl.has("config") ? readConfigFile(cl.value("config")) : RunConfig{};
    // A preset first, then every other flag in the order given, overriding the file.
    if (cl.has("preset"))
        setConfigValue(config, "preset", cl.value("preset"));
    for (const auto &[name, value] : cl.given()) {
        std::string key = name;
        for (const auto &[alias, target] : kTrainAliases)
            if (alias == name)
                key = target;
        if (key != "preset" && isConfigKey(key))
            setConfigValue(config, key, value);
    }
    return config;
}

std::vector<std::pair<std::string, std::string>> resumeOverrides(const CommandLine &cl)
{
    std::vector<std::pair<std::string, std::string>> overrides;
    for (const auto &[name, value] : cl.given()) {
        std::string key = name;
        for (const auto &[alias, target] : kTrainAliases)
            if (alias == name)
                key = target;
        if (isConfigKey(key))
            overrides.emplace_back(key, value);
    }
    return overrides;
}

// Without --data: the built-in synthetic set, written into the run folder (by rank 0 alone when
// several processes train).
void useSyntheticDataIfNone(RunConfig &config, bool writer)
{
    if (!config.train.trainData.empty())
        return;
    config.train.trainData = (fs::path(config.train.outDir) / "synthetic.tokens").string();
    if (!writer)
        return;
    fs::create_directories(config.train.outDir);
    if (!fs::exists(config.train.trainData))
        writeSyntheticTokens(config.train.trainData, std::uint32_t(config.model.vocabSize),
                             2'000'000, config.train.seed);
    std::printf("no --data given: training on the built-in synthetic set (%s)\n",
                config.train.trainData.c_str());
}

// A run keeps the tokenizer its data was made with (`azllm prepare` puts tokenizer.model next to
// the shards), so generation can turn its ids back into text.
void keepTokenizerWithRun(const TrainConfig &train)
{
    const fs::path tokenizer = fs::path(train.trainData).parent_path() / "tokenizer.model";
    if (fs::exists(tokenizer))
        fs::copy_file(tokenizer, fs::path(train.outDir) / "tokenizer.model",
                      fs::copy_options::overwrite_existing);
}

// The config a resume will run with, as Trainer::resume builds it: the checkpoint's run folder,
// then the overrides. Data parallel: every rank needs its out_dir (logs) before joining.
RunConfig plannedResume(const std::string &checkpoint, const CommandLine &cl)
{
    RunConfig planned = readCheckpointConfig(checkpoint);
    if (const std::string run = runDirOf(checkpoint); !run.empty())
        planned.train.outDir = run;
    for (const auto &[key, value] : resumeOverrides(cl))
        setConfigValue(planned, key, value);
    return planned;
}

// Data parallel: this rank's output goes to its log (ranks other than 0), then it joins the run.
std::shared_ptr<DistributedGroup> joinAsRank(const std::optional<DistributedSettings> &rank,
                                             const TrainConfig &planned)
{
    if (!rank)
        return nullptr;
    redirectRankOutput(*rank, planned.outDir);
    return joinRun(*rank, planned.device);
}

int runTrain(const std::vector<std::string> &args)
{
    bool help = false;
    const CommandLine cl =
        parseOrHelp("azllm train [--preset NAME | --config FILE] [--data TOKENS] [--out DIR] "
                    "[--KEY VALUE ...] [--nproc N]\n"
                    "       azllm train --resume RUN_OR_CHECKPOINT [--max_steps N] [--nproc N]",
                    withParallelOptions(trainOptions()), args, help);
    if (help)
        return 0;
    if (const std::optional<int> code = launchLocalRanks(cl, {"train"}, args))
        return *code;
    initializeRuntime();
    applyThreadOption(cl);
    const std::optional<DistributedSettings> rank = rankSettings(cl);
    std::shared_ptr<DistributedGroup> group;
    const RunFolder folder = cl.has("overwrite") ? RunFolder::Overwrite : RunFolder::MustBeNew;
    std::optional<Trainer> trainer;
    if (cl.has("resume") && startedWithoutCheckpoint(cl.value("resume"))) {
        // Stopped before its first checkpoint (a kill, a power cut): nothing to continue, so
        // the run starts again from its own config, which repeats it exactly.
        const std::string runDir = cl.value("resume");
        std::printf("%s has no checkpoint yet: starting it again from its config.txt\n",
                    runDir.c_str());
        RunConfig config = readConfigFile((fs::path(runDir) / "config.txt").string());
        for (const auto &[key, value] : resumeOverrides(cl))
            setConfigValue(config, key, value);
        config.train.outDir = runDir;
        group = joinAsRank(rank, config.train);
        trainer.emplace(config, RunFolder::Overwrite, group);
    } else if (cl.has("resume")) {
        const std::string checkpoint = resolveCheckpointFolder(cl.value("resume"), true);
        group = joinAsRank(rank, plannedResume(checkpoint, cl).train);
        trainer.emplace(Trainer::resume(checkpoint, resumeOverrides(cl), folder, group));
        std::printf("resumed %s at step %lld\n", checkpoint.c_str(),
                    static_cast<long long>(trainer->currentStep()));
    } else {
        RunConfig config = trainConfigFrom(cl);
        requireValid(config.model);
        group = joinAsRank(rank, config.train);
        const bool writer = !group || group->isWriter();
        const bool synthetic = config.train.trainData.empty();
        useSyntheticDataIfNone(config, writer);
        if (group && synthetic) // every rank has the same flags, so all or none wait here
            group->barrier();   // for rank 0 to write the synthetic set they are about to read
        trainer.emplace(config, folder, group);
        if (writer)
            keepTokenizerWithRun(config.train);
    }
    const RunConfig &config = trainer->config();
    std::printf(
        "model: %s parameters (%lld layers, %lld heads, %lld wide, vocab %lld, context %lld) on "
        "%s, "
        "%d threads%s\n",
        humanCount(double(trainer->parameterCount())).c_str(),
        static_cast<long long>(config.model.nLayer), static_cast<long long>(config.model.nHead),
        static_cast<long long>(config.model.nEmbd), static_cast<long long>(config.model.vocabSize),
        static_cast<long long>(config.model.contextLength), trainer->device().c_str(),
        threadCount(), group ? (", " + describeRank(*group)).c_str() : "");
    if (config.isTuning())
        std::printf("tuning: %s of %s, %s parameters train (%.2f%%), %lld steps per epoch\n",
                    config.tuning.kind.c_str(), config.tuning.baseCheckpoint.c_str(),
                    humanCount(double(trainer->trainableParameterCount())).c_str(),
                    100.0 * double(trainer->trainableParameterCount()) /
                        double(trainer->parameterCount()),
                    static_cast<long long>(trainer->stepsPerEpoch()));
    TrainingControl control;
    ConsoleProgress progress(
        cl.intValue("log-every", std::max<std::int64_t>(1, config.train.maxSteps / 100)), control);
    std::signal(SIGINT, [](int) { g_interrupted = 1; });
    const TrainingResult result = trainer->run(progress, &control);
    std::printf("%s\n", result.message.c_str());
    return result.outcome == TrainingOutcome::Diverged ? 3 : 0;
}

// ---------------------------------------------------------------------------------------------
// generate

using TokenPrinter = std::function<void(int)>;

void printIds(int id)
{
    std::printf("%d ", id);
}

#ifdef AZLLM_WITH_TEXT
// The run's tokenizer.model (checkpoints live in <run>/checkpoints/step-N).
Tokenizer runTokenizer(const std::string &checkpoint, std::int64_t modelVocab)
{
    const fs::path run = fs::path(checkpoint).parent_path().parent_path();
    const fs::path path = run / "tokenizer.model";
    if (!fs::exists(path))
        throw std::runtime_error("run " + run.string() +
                                 " has no tokenizer.model (train on `azllm prepare` output, "
                                 "or give --prompt-ids)");
    Tokenizer tokenizer = Tokenizer::load(path.string());
    if (tokenizer.vocabSize() > modelVocab)
        throw std::runtime_error(path.string() + " has " + std::to_string(tokenizer.vocabSize()) +
                                 " pieces but the model only " + std::to_string(modelVocab));
    return tokenizer;
}

// Prints text as tokens arrive. A character may span several byte-fallback tokens, so the whole
// answer is decoded each time and only what is new and complete is printed.
struct TextPrinter
{
    const Tokenizer *tokenizer;
    std::shared_ptr<std::vector<int>> ids = std::make_shared<std::vector<int>>();
    std::shared_ptr<std::string> printed = std::make_shared<std::string>();

    void operator()(int id) const
    {
        if (id == 2)
            return; // end of text
        ids->push_back(id);
        const std::string text = tokenizer->decode(*ids);
        if (text.size() > printed->size() && text.compare(0, printed->size(), *printed) == 0 &&
            text.find("\xEF\xBF\xBD", printed->size()) == std::string::npos) {
            std::printf("%s", text.c_str() + printed->size());
            *printed = text;
        }
    }
};
#endif

int runGenerate(const std::vector<std::string> &args)
{
    std::vector<CliOption> options = {
        {"checkpoint", "DIR", "a checkpoint folder or a run folder (its newest)"},
#ifdef AZLLM_WITH_TEXT
        {"prompt", "TEXT", "prompt as text, with the run's tokenizer.model"},
#endif
        {"prompt-ids", "IDS", "prompt as space-separated token ids (default: 2)"}};
    for (const CliOption &o : samplingOptions())
        options.push_back(o);
    options.push_back(
        {"no-cache", "", "recompute the whole window for every token (slower; for comparison)"});
    options.push_back({"int8", "", "decode with int8 (Q8_0) weights on the CPU"});
    bool help = false;
    const CommandLine cl =
        parseOrHelp("azllm generate --checkpoint DIR [--prompt-ids \"2 17 5\"] [sampling]", options,
                    args, help);
    if (help)
        return 0;
    GenerationParams params = generationParamsFrom(cl);
    params.useKvCache = !cl.has("no-cache");
    initializeRuntime();
    const std::string checkpoint = resolveCheckpointFolder(cl.required("checkpoint"));
    const Precision precision = cl.has("int8") ? Precision::Int8 : Precision::Fp32;
    Generator generator(LanguageModel::fromCheckpoint(
                            checkpoint, cl.has("int8") ? "cpu" : cl.value("device", "auto")),
                        precision);
    std::vector<int> prompt = parseTokenIds(cl.value("prompt-ids", "2"), "--prompt-ids");
    TokenPrinter print = printIds;
#ifdef AZLLM_WITH_TEXT
    std::optional<Tokenizer> tokenizer;
    if (cl.has("prompt")) {
        tokenizer.emplace(runTokenizer(checkpoint, generator.model().config().vocabSize));
        prompt = tokenizer->encode(cl.value("prompt"));
        prompt.insert(prompt.begin(), 2); // </s>: a document starts here, as in the shards
        std::printf("%s", cl.value("prompt").c_str());
        print = TextPrinter{&*tokenizer};
    }
#endif
    if (std::int64_t(prompt.size()) > generator.model().config().contextLength)
        throw UsageError("the prompt has " + std::to_string(prompt.size()) +
                         " tokens, more than the model's context of " +
                         std::to_string(generator.model().config().contextLength));
    GenerationStats stats;
    generator.generate(
        prompt, params,
        [&](int id) {
            print(id);
            std::fflush(stdout);
            return true;
        },
        &stats);
    std::printf("\n");
    std::fflush(stdout);
    std::fprintf(stderr, "%d tokens, %.1f tokens/s, first token after %.1f ms (%s, %s)\n",
                 stats.generatedTokens, stats.tokensPerSecond, stats.timeToFirstTokenMs,
                 quant::precisionName(precision), generator.pathDescription().c_str());
    return 0;
}

// ---------------------------------------------------------------------------------------------
// info

void printSizing(const ModelConfig &m, std::int64_t batch, std::int64_t context)
{
    const ParameterCount p = countParameters(m);
    const WeightBytes w = weightBytes(m);
    std::printf("shape        %lld layers, %lld heads, n_embd %lld, vocab %lld, context %lld\n",
                static_cast<long long>(m.nLayer), static_cast<long long>(m.nHead),
                static_cast<long long>(m.nEmbd), static_cast<long long>(m.vocabSize),
                static_cast<long long>(m.contextLength));
    std::printf("parameters   %lld (%s): embeddings %s, attention %s, MLP %s, norms %s\n",
                static_cast<long long>(p.total()), humanCount(double(p.total())).c_str(),
                humanCount(double(p.embeddings)).c_str(), humanCount(double(p.attention)).c_str(),
                humanCount(double(p.mlp)).c_str(), humanCount(double(p.norms)).c_str());
    std::printf("weights      fp32 %s, bf16 %s, int8 %s\n", humanBytes(double(w.fp32)).c_str(),
                humanBytes(double(w.bf16)).c_str(), humanBytes(double(w.int8)).c_str());
    for (bool checkpointing : {false, true}) {
        const TrainingMemory t = trainingMemory(m, batch, context, checkpointing);
        std::printf("training     batch %lld x %lld%s: %s (weights %s, grads %s, AdamW %s, "
                    "activations %s)\n",
                    static_cast<long long>(batch), static_cast<long long>(context),
                    checkpointing ? ", activation checkpointing" : "",
                    humanBytes(double(t.total())).c_str(), humanBytes(double(t.weights)).c_str(),
                    humanBytes(double(t.gradients)).c_str(),
                    humanBytes(double(t.optimizer)).c_str(),
                    humanBytes(double(t.activations)).c_str());
    }
    const InferenceMemory i = inferenceMemory(m, 1, m.contextLength);
    std::printf("inference    %s (weights %s, KV cache for %lld tokens %s)\n",
                humanBytes(double(i.total())).c_str(), humanBytes(double(i.weights)).c_str(),
                static_cast<long long>(m.contextLength), humanBytes(double(i.kvCache)).c_str());
    std::printf("FLOPs/token  training %s, inference %s (at context %lld)\n",
                humanCount(trainingFlopsPerToken(m, context)).c_str(),
                humanCount(forwardFlopsPerToken(m, context)).c_str(),
                static_cast<long long>(context));
}

// What a tuned checkpoint is: its kind, what trained and its base (docs/finetune.md).
void printTuning(const RunConfig &run, const std::string &dir)
{
    const TuningConfig &t = run.tuning;
    if (!run.isTuning())
        return;
    const std::string trained =
        t.loraRank > 0 ? "LoRA rank " + std::to_string(t.loraRank) + " on " + t.loraTargets
        : t.trainBlocks == "all" ? std::string("every weight")
                                 : "the last " + t.trainBlocks + " blocks";
    if (t.kind == "sft")
        std::printf("kind         chat-tuned (sft): %s trained, loss on %s tokens; tuned from %s\n",
                    trained.c_str(), t.lossOn.c_str(), t.baseCheckpoint.c_str());
    else
        std::printf("kind         text classifier: %lld labels, head on the %s state, %s trained; "
                    "tuned from %s\n             it classifies rather than writes: azllm classify "
                    "predict --checkpoint %s --text TEXT\n",
                    static_cast<long long>(t.labelCount),
                    t.pooling == "mean" ? "mean" : "<|label|>", trained.c_str(),
                    t.baseCheckpoint.c_str(), dir.c_str());
}

int runInfo(const std::vector<std::string> &args)
{
    bool help = false;
    const CommandLine cl =
        parseOrHelp("azllm info [--preset NAME | --config FILE | --checkpoint DIR] [--batch B]",
                    {{"preset", "NAME", "a model preset"},
                     {"config", "FILE", "a run config file"},
                     {"checkpoint", "DIR", "a checkpoint or run folder (loads and checks it)"},
                     {"vocab", "N", "vocabulary size to size the model for"},
                     {"batch", "B", "batch for the training memory estimate (default 8)"},
                     {"context", "T", "context for memory and FLOPs (default the model's)"}},
                    args, help);
    if (help)
        return 0;
    ModelConfig model;
    if (cl.has("checkpoint")) {
        initializeRuntime();
        const std::string dir = resolveCheckpointFolder(cl.value("checkpoint"));
        const CheckpointState s = readCheckpointState(dir);
        std::printf(
            "checkpoint   %s: step %lld, train loss %.4f, validation loss %.4f, %lld tokens seen\n",
            dir.c_str(), static_cast<long long>(s.step), s.trainLoss, s.validationLoss,
            static_cast<long long>(s.tokensSeen));
        const RunConfig run = readCheckpointConfig(dir);
        printTuning(run, dir);
        if (run.tuning.kind == "classify") {
            model = run.model; // its body is checked by classify predict|eval, which load it
        } else {
            const LanguageModel loaded = LanguageModel::fromCheckpoint(dir, "cpu");
            std::printf("loaded       %lld parameters, every tensor matches config.txt\n",
                        static_cast<long long>(loaded.parameterCount()));
            model = loaded.config();
        }
    } else if (cl.has("config")) {
        model = readConfigFile(cl.value("config")).model;
    } else if (cl.has("preset")) {
        model = presetConfig(cl.value("preset"));
    } else {
        std::printf("presets (azllm info --preset NAME for the details):\n");
        for (const ModelPreset &p : modelPresets())
            std::printf("  %-8s %8s parameters  %s\n", p.name.c_str(),
                        humanCount(double(countParameters(p.config).total())).c_str(),
                        p.description.c_str());
        return 0;
    }
    model.vocabSize = cl.intValue("vocab", model.vocabSize);
    requireValid(model);
    const std::int64_t context = cl.intValue("context", model.contextLength);
    if (context <= 0 || context > model.contextLength)
        throw UsageError("--context must be between 1 and the model's context of " +
                         std::to_string(model.contextLength));
    printSizing(model, cl.intValue("batch", 8), context);
    return 0;
}

// ---------------------------------------------------------------------------------------------
// bench

int benchGemmCommand(const std::vector<std::string> &args)
{
    bool help = false;
    const CommandLine cl =
        parseOrHelp("azllm bench gemm [--size N] [--repeats R]",
                    {{"size", "N", "matrix size (default 2048)"},
                     {"repeats", "R", "timed products, best counts (default 5)"}},
                    args, help);
    if (help)
        return 0;
    initializeRuntime();
    const GemmBenchResult r =
        benchGemm(int(cl.intValue("size", 2048)), int(cl.intValue("repeats", 5)));
    std::printf("fp32 matrix product %dx%d on %d threads: %.1f GFLOP/s\n", r.size, r.size,
                r.threads, r.gflops);
    std::printf("{\"bench\": \"gemm\", \"size\": %d, \"threads\": %d, \"gflops\": %.2f}\n", r.size,
                r.threads, r.gflops);
    return 0;
}

// The benchmark's own random weights as a GGUF, so llama.cpp runs exactly what we ran.
void saveBenchModel(const GenerateBenchOptions &o, const std::string &preset, const CommandLine &cl)
{
    quant::ModelPackage package;
    package.weights = copyWeights(LanguageModel::create(o.model, o.seed, "cpu"));
    package.runName = preset + "-random";
    package.checkpoint = "azllm bench generate --preset " + preset;
    const quant::ExportType type = quant::parseExportType(cl.value("type", "f32"));
    quant::writeGgufModel(cl.value("save-gguf"), package, type);
    std::fprintf(stderr, "wrote %s (%s, the weights benchmarked here)\n",
                 cl.value("save-gguf").c_str(), quant::exportTypeName(type));
}

int benchInt8(const GenerateBenchOptions &o, const CommandLine &cl)
{
    const PrecisionBenchResult r =
        benchPrecisions(o, int(cl.intValue("repeats", 3)), cl.has("compare-libtorch"));
    const double ratio = r.int8TokensPerSecond / r.fp32TokensPerSecond;
    std::printf("generate %s (%s params), prompt %d, %d new tokens, greedy, cpu, %d threads, "
                "%s kernels, best of %lld\n",
                cl.value("preset", "az-tiny").c_str(), humanCount(double(r.params)).c_str(),
                o.promptTokens, o.newTokens, threadCount(), r.kernels.c_str(),
                static_cast<long long>(cl.intValue("repeats", 3)));
    std::printf(
        "  int8 (Q8_0): %.1f tokens/s, first token after %.1f ms, %s of weights per token\n",
        r.int8TokensPerSecond, r.int8TtftMs, humanBytes(double(r.int8BytesPerToken)).c_str());
    std::printf(
        "  fp32:        %.1f tokens/s, first token after %.1f ms, %s of weights per token\n",
        r.fp32TokensPerSecond, r.fp32TtftMs, humanBytes(double(r.fp32BytesPerToken)).c_str());
    std::printf("  int8 is %.2fx fp32\n", ratio);
    std::string extra;
    if (cl.has("compare-libtorch")) {
        std::printf("  fp32 through LibTorch (the previous path): %.1f tokens/s\n",
                    r.libtorchTokensPerSecond);
        extra = ", \"libtorch_tokens_per_s\": " + std::to_string(r.libtorchTokensPerSecond);
    }
    std::printf("{\"bench\": \"generate\", \"precision\": \"int8\", \"params\": %lld, "
                "\"vocab_size\": %lld, \"context\": %lld, \"threads\": %d, \"kernels\": \"%s\", "
                "\"tokens_per_s\": %.1f, \"fp32_tokens_per_s\": %.1f, \"ratio_vs_fp32\": %.3f, "
                "\"ttft_ms\": %.2f, \"fp32_ttft_ms\": %.2f, \"int8_bytes_per_token\": %lld, "
                "\"fp32_bytes_per_token\": %lld%s}\n",
                static_cast<long long>(r.params), static_cast<long long>(o.model.vocabSize),
                static_cast<long long>(o.model.contextLength), threadCount(), r.kernels.c_str(),
                r.int8TokensPerSecond, r.fp32TokensPerSecond, ratio, r.int8TtftMs, r.fp32TtftMs,
                static_cast<long long>(r.int8BytesPerToken),
                static_cast<long long>(r.fp32BytesPerToken), extra.c_str());
    return 0;
}

int benchGenerateCommand(const std::vector<std::string> &args)
{
    bool help = false;
    const CommandLine cl = parseOrHelp(
        "azllm bench generate [--preset NAME] [--prompt N] [--tokens N] [--compare-python]\n"
        "       azllm bench generate --int8 [--preset NAME] [--repeats R] [--compare-libtorch]\n"
        "       azllm bench generate --preset NAME --save-gguf FILE [--type f32|f16|q8_0]",
        withBenchModelOptions(
            {{"prompt", "N", "prompt tokens (default 16)"},
             {"tokens", "N", "new tokens (default 128)"},
             {"int8", "", "int8 (Q8_0) against fp32 in the same run, both on the CPU kernels"},
             {"repeats", "R", "with --int8: alternating runs, best counts (default 3)"},
             {"compare-libtorch", "", "with --int8: also fp32 through LibTorch"},
             {"save-gguf", "FILE", "also write the benchmarked weights as GGUF (for llama-bench)"},
             {"type", "T", "with --save-gguf: f32 (default), f16 or q8_0"}}),
        args, help);
    if (help)
        return 0;
    initializeRuntime();
    GenerateBenchOptions o;
    o.promptTokens = int(cl.intValue("prompt", 16));
    o.newTokens = int(cl.intValue("tokens", 128));
    o.model = benchModel(cl, o.promptTokens + o.newTokens);
    o.device = cl.value("device", "auto");
    if (o.promptTokens <= 0 || o.newTokens < 2)
        throw UsageError("--prompt must be positive and --tokens at least 2");
    if (cl.has("save-gguf"))
        saveBenchModel(o, cl.value("preset", "az-tiny"), cl);
    if (cl.has("int8"))
        return benchInt8(o, cl);
    const GenerateBenchResult r = benchGenerate(o);
    std::printf("generate %s (%s params), prompt %d, %d new tokens, greedy, on %s, %s\n",
                cl.value("preset", "az-tiny").c_str(), humanCount(double(r.params)).c_str(),
                o.promptTokens, o.newTokens, r.device.c_str(), r.path.c_str());
    std::printf("  KV cache: %.1f tokens/s, first token after %.1f ms\n", r.tokensPerSecond,
                r.ttftMs);
    std::printf("  no cache: %.1f tokens/s (%.2fx slower)\n", r.tokensPerSecondNoCache,
                r.tokensPerSecond / r.tokensPerSecondNoCache);
    std::string extra;
    if (cl.has("compare-python")) {
        // Like with like: the cached decoding against a Python loop with a KV cache, the
        // full-window decoding against one without.
        const ReferenceFigures cached =
            runPythonReference("generate-cached", o.model, 1, o.promptTokens, o.newTokens, 0);
        const ReferenceFigures uncached =
            runPythonReference("generate", o.model, 1, o.promptTokens, o.newTokens, 0);
        const double ratio = r.tokensPerSecond / cached.tokensPerSecond;
        const double ratioNoCache = r.tokensPerSecondNoCache / uncached.tokensPerSecond;
        std::printf("  PyTorch eager (Python), both with a KV cache: %.1f tokens/s -> azllm is "
                    "%.2fx\n",
                    cached.tokensPerSecond, ratio);
        std::printf("  PyTorch eager (Python), both without a cache: %.1f tokens/s -> azllm is "
                    "%.2fx\n",
                    uncached.tokensPerSecond, ratioNoCache);
        char text[256];
        std::snprintf(text, sizeof text,
                      ", \"python_tokens_per_s\": %.1f, \"ratio_vs_python\": %.3f, "
                      "\"python_tokens_per_s_no_cache\": %.1f, \"ratio_vs_python_no_cache\": %.3f",
                      cached.tokensPerSecond, ratio, uncached.tokensPerSecond, ratioNoCache);
        extra = text;
    }
    std::printf(
        "{\"bench\": \"generate\", \"params\": %lld, \"vocab_size\": %lld, \"context\": %lld, "
        "\"tokens_per_s\": %.1f, \"tokens_per_s_no_cache\": %.1f, \"ttft_ms\": %.2f%s}\n",
        static_cast<long long>(r.params), static_cast<long long>(o.model.vocabSize),
        static_cast<long long>(o.model.contextLength), r.tokensPerSecond, r.tokensPerSecondNoCache,
        r.ttftMs, extra.c_str());
    return 0;
}

int runBench(const std::vector<std::string> &args)
{
    const std::vector<Command> kinds = {
        {"gemm", "fp32 matrix-product peak", benchGemmCommand},
        {"train", "training tokens/s, matrix-product efficiency, profile", runBenchTrain},
        {"memory", "training peak memory against the sizing estimate", runBenchMemory},
        {"generate", "generation tokens/s with and without the KV cache", benchGenerateCommand},
        {"allreduce", "the gradient all-reduce between processes (--nproc N)",
         benchAllReduceCommand},
    };
    const std::string kind = args.empty() ? "" : args.front();
    for (const Command &k : kinds)
        if (kind == k.name)
            return k.run({args.begin() + 1, args.end()});
    for (const Command &c : modelIoCommands())
        if ("bench-" + kind == c.name)
            return c.run({args.begin() + 1, args.end()});
#ifdef AZLLM_WITH_TEXT
    for (const Command &c : textCommands())
        if ("bench-" + kind == c.name)
            return c.run({args.begin() + 1, args.end()});
    for (const Command &c : chatCommands())
        if ("bench-" + kind == c.name)
            return c.run({args.begin() + 1, args.end()});
    for (const Command &c : sourcesCommands())
        if ("bench-" + kind == c.name)
            return c.run({args.begin() + 1, args.end()});
    for (const Command &c : knowledgeBenchCommands())
        if ("bench-" + kind == c.name)
            return c.run({args.begin() + 1, args.end()});
#endif
    std::printf("usage: azllm bench <kind> [options]   (azllm bench <kind> --help)\n\nkinds:\n");
    for (const Command &k : kinds)
        std::printf("  %-10s %s\n", k.name, k.summary);
    std::printf("  %-10s %s\n", "quant",
                "fp32 against int8 of a checkpoint: size, tokens/s, perplexity");
#ifdef AZLLM_WITH_TEXT
    std::printf("  %-10s %s\n", "tokenize", "tokenizer encode MB/s, next to spm_encode");
    std::printf("  %-10s %s\n", "import", "import, clean and filter MB/s and memory");
    std::printf("  %-10s %s\n", "kb", "knowledge bases: indexing MB/s, query latency per mode");
#endif
    const bool asked = kind == "--help" || kind == "-h";
    if (!asked && !kind.empty())
        std::fprintf(stderr, "azllm bench: unknown kind '%s'\n", kind.c_str());
    return asked ? 0 : 2;
}

} // namespace

std::vector<Command> engineCommands()
{
    return {
        {"train", "pretrain a GPT on a token file (or the built-in synthetic set)", runTrain},
        {"generate", "continue a prompt with a checkpoint, streaming token ids", runGenerate},
        {"info", "sizes of a preset, a config or a checkpoint", runInfo},
        {"plan", "what fits on a GPU, checkpoint disk, time and energy of a budget", runPlan},
        {"bench", "speed: gemm, train, generate", runBench},
    };
}
