// azllm sft train|eval|merge|preview and azllm classify train|eval|baseline|predict: fine-tuning
// a pretrained checkpoint (core/finetune) with the engine's trainer (docs/finetune.md).
#include <cstdio>
#include <filesystem>

#include "batch_preview.h"
#include "bow_baseline.h"
#include "chat_engine.h"
#include "checkpoint.h"
#include "classifier_session.h"
#include "command_line.h"
#include "commands.h"
#include "config_io.h"
#include "merge_adapters.h"
#include "runtime.h"
#include "sft_evaluation.h"
#include "tokenizer.h"
#include "tuning_job.h"

namespace fs = std::filesystem;
using namespace azllm;

namespace {

// Prints the help and returns true when --help was given.
bool helpShown(CommandLine &cl, const std::vector<std::string> &args)
{
    cl.parse(args);
    if (cl.helpRequested())
        std::printf("%s", cl.helpText().c_str());
    return cl.helpRequested();
}

// Runs a verb of a command group ("sft train ...").
int runVerb(const char *group, const std::vector<Command> &verbs,
            const std::vector<std::string> &args)
{
    const std::string verb = args.empty() ? "" : args.front();
    for (const Command &v : verbs)
        if (verb == v.name)
            return v.run({args.begin() + 1, args.end()});
    std::printf("usage: azllm %s <verb> [options]   (azllm %s <verb> --help)\n\nverbs:\n", group,
                group);
    for (const Command &v : verbs)
        std::printf("  %-10s %s\n", v.name, v.summary);
    if (verb == "--help" || verb == "-h")
        return 0;
    if (!verb.empty())
        std::fprintf(stderr, "azllm %s: unknown verb '%s'\n", group, verb.c_str());
    return 2;
}

// ---------------------------------------------------------------------------------------------
// train (both kinds)

// Keys a tuning command sets itself from its own flags.
bool setByCommand(const std::string &key)
{
    return key == "train_data" || key == "validation_data" || key == "out_dir" ||
           key == "base_checkpoint" || key == "kind" || key == "preset";
}

std::vector<CliOption> tuneOptions(const std::string &kind)
{
    std::vector<CliOption> options = {
        {"base", "CKPT", "the pretrained checkpoint (or run folder: its best or newest)"},
        {"data", "FILE",
         kind == "sft" ? "JSONL (Alpaca, ShareGPT, messages) or CSV (question, "
                         "answer)"
                       : "CSV or JSONL with text and label"},
        {"val-data", "FILE", "validation file (default: a split of --data)"},
        {"val-ratio", "R", "share of --data held out for validation (default 0.1)"},
        {"out", "DIR", "the new run folder"},
        {"resume", "DIR", "continue a tuning run folder or checkpoint exactly"},
        {"log-every", "N", "a progress line every N steps (default: 1% of the run)"}};
    if (kind == "classify")
        options.push_back({"mode", "MODE", "head, last2, full or lora (default head)"});
    for (const ConfigKey &k : configKeys())
        if (!setByCommand(k.name))
            options.push_back({k.name, "VALUE", k.help});
    return options;
}

int resumeTuning(const CommandLine &cl)
{
    std::vector<std::string> args = {"--resume", cl.value("resume")};
    for (const auto &[name, value] : cl.given())
        if (name != "resume") {
            args.push_back("--" + name);
            args.push_back(value);
        }
    return runCommand("train", args);
}

int trainTuning(const std::string &kind, const std::vector<std::string> &args)
{
    CommandLine cl("azllm " + kind + " train --base CKPT --data FILE --out DIR" +
                       (kind == "sft" ? " [--lora-rank R] [--train-blocks N|all]"
                                      : " [--mode head|last2|full|lora]") +
                       " [--epochs E] [--KEY VALUE ...]\n       azllm " + kind +
                       " train --resume RUN [--epochs E]",
                   tuneOptions(kind));
    if (helpShown(cl, args))
        return 0;
    if (cl.has("resume"))
        return resumeTuning(cl);
    TuningRequest request;
    request.kind = kind;
    request.base = cl.required("base");
    request.data = cl.required("data");
    request.outDir = cl.required("out");
    request.validationData = cl.value("val-data");
    request.validationRatio = cl.doubleValue("val-ratio", 0.1);
    request.seed = std::uint64_t(cl.intValue("seed", 1337));
    if (kind == "classify")
        request.settings = classifyModeSettings(cl.value("mode", "head"));
    // LoRA freezes every block unless told otherwise.
    if (cl.has("lora_rank") && !cl.has("train_blocks"))
        request.settings.push_back({"train_blocks", "0"});
    for (const auto &[name, value] : cl.given())
        if (isConfigKey(name))
            request.settings.emplace_back(name, value);
    const PreparedTuning prepared = prepareTuning(request);
    for (const std::string &line : prepared.summary())
        std::printf("%s\n", line.c_str());
    const std::size_t shown = std::min<std::size_t>(prepared.issues.size(), 10);
    for (std::size_t i = 0; i < shown; ++i)
        std::fprintf(stderr, "warning: %s\n", prepared.issues[i].text().c_str());
    if (prepared.issues.size() > shown)
        std::fprintf(stderr, "warning: ... %zu more in %s/data/report.txt\n",
                     prepared.issues.size() - shown, request.outDir.c_str());
    // --overwrite: the folder holds what prepareTuning just wrote (config.txt, data/), and was
    // refused above when it held anything before.
    std::vector<std::string> trainArgs = {
        "--config", (fs::path(request.outDir) / "config.txt").string(), "--overwrite"};
    if (cl.has("log-every"))
        trainArgs.insert(trainArgs.end(), {"--log-every", cl.value("log-every")});
    const int code = runCommand("train", trainArgs);
    if (const auto best = preferredCheckpoint(request.outDir))
        std::printf("best checkpoint: %s (validation loss %.4f)\n", best->path.c_str(),
                    best->state.validationLoss);
    return code;
}

int sftTrain(const std::vector<std::string> &args)
{
    return trainTuning("sft", args);
}

int classifyTrain(const std::vector<std::string> &args)
{
    return trainTuning("classify", args);
}

// ---------------------------------------------------------------------------------------------
// sft eval | merge | preview

int sftEval(const std::vector<std::string> &args)
{
    CommandLine cl("azllm sft eval --checkpoint DIR --data FILE [--tokens N] [--show N]",
                   {{"checkpoint", "DIR", "a checkpoint, or a run folder (its best or newest)"},
                    {"data", "FILE", "JSONL lines {\"question\": ..., \"reference\": ...}"},
                    {"tokens", "N", "at most N new tokens per answer (default 64)"},
                    {"show", "N", "print the first N answers beside their references"},
                    {"device", "NAME", "auto, cpu, cuda or cuda:N (default auto)"}});
    if (helpShown(cl, args))
        return 0;
    const int tokens = int(cl.intValue("tokens", 64));
    if (tokens < 1)
        throw UsageError("--tokens must be at least 1");
    const EvalSet set = readEvalSet(cl.required("data"));
    for (const DatasetIssue &issue : set.issues)
        std::fprintf(stderr, "warning: %s\n", issue.text().c_str());
    initializeRuntime();
    ChatEngine engine = ChatEngine::load(cl.required("checkpoint"), cl.value("device", "auto"));
    if (!engine.supportsChat())
        throw std::runtime_error(engine.tokenizerPath() + " has no chat markers");
    const SftEvaluation result = evaluateAnswers(engine, set.items, tokens);
    const std::size_t show = std::size_t(std::max<std::int64_t>(0, cl.intValue("show", 0)));
    for (std::size_t i = 0; i < std::min(show, result.answers.size()); ++i) {
        const SftAnswer &a = result.answers[i];
        std::printf("Q: %s\nA: %s%s\nR: %s\n   token_f1 %.2f\n\n", a.question.c_str(),
                    a.answer.c_str(), a.ended ? "" : "  [no <|end|>]", a.reference.c_str(),
                    a.tokenF1);
    }
    std::printf("checkpoint %s\n%s\n", engine.checkpointDir().c_str(),
                sftEvaluationJson(result).c_str());
    return 0;
}

int sftMerge(const std::vector<std::string> &args)
{
    CommandLine cl("azllm sft merge --checkpoint DIR --out RUN",
                   {{"checkpoint", "DIR", "a LoRA (or last-N) tuned checkpoint or run folder"},
                    {"out", "RUN", "a new run folder for the merged, self-contained checkpoint"}});
    if (helpShown(cl, args))
        return 0;
    const std::string source = resolveCheckpointDir(cl.required("checkpoint"));
    const std::string out = cl.required("out");
    if (fs::exists(out) && !fs::is_empty(out))
        throw UsageError("--out " + out + " already exists and is not empty");
    initializeRuntime();
    const std::string merged = mergeAdapters(source, out);
    fs::copy_file(tokenizerPathFor(source), fs::path(out) / "tokenizer.model",
                  fs::copy_options::overwrite_existing);
    std::printf("merged %s\n    -> %s (model.pt holds base + adapters)\n", source.c_str(),
                merged.c_str());
    return 0;
}

// Counted tokens in [brackets], padding left out: what the loss sees, in a terminal.
int sftPreview(const std::vector<std::string> &args)
{
    CommandLine cl("azllm sft preview --run DIR [--rows N]",
                   {{"run", "DIR", "a tuning run folder (its config.txt and data/)"},
                    {"rows", "N", "rows of the first batch to show (default 2)"}});
    if (helpShown(cl, args))
        return 0;
    const fs::path run = cl.required("run");
    const RunConfig config = readConfigFile((run / "config.txt").string());
    const Tokenizer tokenizer = Tokenizer::load((run / "tokenizer.model").string());
    const std::vector<PreviewRow> rows = previewFirstBatch(config, tokenizer);
    const std::size_t shown = std::size_t(std::max<std::int64_t>(1, cl.intValue("rows", 2)));
    for (std::size_t r = 0; r < std::min(shown, rows.size()); ++r) {
        std::printf("row %zu (dataset line", r + 1);
        for (int line : rows[r].sourceLines)
            std::printf(" %d", line);
        std::printf("):\n");
        for (const PreviewToken &t : rows[r].tokens)
            if (!t.padding)
                std::printf(t.counted ? "[%s]" : "%s", t.piece.c_str());
        std::printf("\n\n");
    }
    std::printf("[...] = a target of the loss (loss_on = %s)\n", config.tuning.lossOn.c_str());
    return 0;
}

// ---------------------------------------------------------------------------------------------
// classify eval | baseline | predict

// A label left-aligned in a column of 16 characters: printf's %-16s counts bytes, and
// Azerbaijani letters such as ə take two.
std::string labelColumn(const std::string &utf8)
{
    std::size_t characters = 0;
    for (const char byte : utf8)
        characters += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
    return utf8 + std::string(characters < 16 ? 16 - characters : 0, ' ');
}

void printReport(const ClassificationReport &r)
{
    std::printf("%s %9s %9s %9s %7s\n", labelColumn("label").c_str(), "precision", "recall", "f1",
                "support");
    for (std::size_t c = 0; c < r.labels.size(); ++c)
        std::printf("%s %9.3f %9.3f %9.3f %7lld\n", labelColumn(r.labels[c]).c_str(),
                    r.perClass[c].precision, r.perClass[c].recall, r.perClass[c].f1,
                    static_cast<long long>(r.perClass[c].support));
    std::printf("confusion (rows: true, columns: predicted)\n");
    for (std::size_t t = 0; t < r.labels.size(); ++t) {
        std::printf("%s", labelColumn(r.labels[t]).c_str());
        for (std::int64_t count : r.confusion[t])
            std::printf(" %5lld", static_cast<long long>(count));
        std::printf("\n");
    }
}

int classifyEval(const std::vector<std::string> &args)
{
    CommandLine cl("azllm classify eval --checkpoint DIR --data FILE",
                   {{"checkpoint", "DIR", "a classify checkpoint, or its run folder"},
                    {"data", "FILE", "CSV or JSONL with text and label"},
                    {"device", "NAME", "auto, cpu, cuda or cuda:N (default auto)"}});
    if (helpShown(cl, args))
        return 0;
    const ClassificationDataset data = readClassificationDataset(cl.required("data"));
    for (const DatasetIssue &issue : data.issues)
        std::fprintf(stderr, "warning: %s\n", issue.text().c_str());
    initializeRuntime();
    const ClassifierSession session =
        ClassifierSession::load(cl.required("checkpoint"), cl.value("device", "auto"));
    const ClassificationReport report = session.evaluate(data.items, cl.value("data"));
    printReport(report);
    std::printf("checkpoint %s\n%s\n", session.checkpointDir().c_str(),
                classificationJson(report).c_str());
    return 0;
}

int classifyBaseline(const std::vector<std::string> &args)
{
    CommandLine cl("azllm classify baseline --train FILE --data FILE [--method bow|majority]",
                   {{"train", "FILE", "training CSV or JSONL (text, label)"},
                    {"data", "FILE", "the file to score"},
                    {"method", "NAME", "bow (default) or majority"},
                    {"seed", "N", "seed of the bag-of-words training order (default 1234)"}});
    if (helpShown(cl, args))
        return 0;
    const std::string method = cl.value("method", "bow");
    if (method != "bow" && method != "majority")
        throw UsageError("--method must be bow or majority");
    const ClassificationDataset train = readClassificationDataset(cl.required("train"));
    const ClassificationDataset data = readClassificationDataset(cl.required("data"));
    for (const auto *set : {&train, &data})
        for (const DatasetIssue &issue : set->issues)
            std::fprintf(stderr, "warning: %s\n", issue.text().c_str());
    BowOptions options;
    options.seed = std::uint64_t(cl.intValue("seed", 1234));
    const BaselineReports reports =
        runBaselines(train.items, data.items, labelSet(train.items), cl.value("data"), options);
    std::printf("majority class: %s\n", classificationJson(reports.majority).c_str());
    const ClassificationReport &chosen = method == "bow" ? reports.bagOfWords : reports.majority;
    if (method == "bow")
        printReport(chosen);
    std::printf("%s\n", classificationJson(chosen).c_str());
    return 0;
}

int classifyPredict(const std::vector<std::string> &args)
{
    CommandLine cl("azllm classify predict --checkpoint DIR --text TEXT",
                   {{"checkpoint", "DIR", "a classify checkpoint, or its run folder"},
                    {"text", "TEXT", "the text to classify"},
                    {"device", "NAME", "auto, cpu, cuda or cuda:N (default auto)"}});
    if (helpShown(cl, args))
        return 0;
    const std::string text = cl.required("text");
    initializeRuntime();
    const ClassifierSession session =
        ClassifierSession::load(cl.required("checkpoint"), cl.value("device", "auto"));
    const std::vector<float> p = session.probabilities(text);
    std::vector<std::size_t> order(p.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return p[a] > p[b]; });
    for (std::size_t i : order)
        std::printf("%s %6.2f%%\n", labelColumn(session.labels()[i]).c_str(), 100.0 * p[i]);
    std::printf("{\"label\": \"%s\", \"probability\": %.4f}\n",
                session.labels()[order.front()].c_str(), p[order.front()]);
    return 0;
}

int runSft(const std::vector<std::string> &args)
{
    return runVerb("sft",
                   {{"train", "tune a checkpoint to answer (chat SFT, LoRA)", sftTrain},
                    {"eval", "ended_rate, token_f1, exact_match on held-out questions", sftEval},
                    {"merge", "bake LoRA adapters into a self-contained checkpoint", sftMerge},
                    {"preview", "the first batch with the tokens the loss counts", sftPreview}},
                   args);
}

int runClassify(const std::vector<std::string> &args)
{
    return runVerb(
        "classify",
        {{"train", "tune a checkpoint to classify texts", classifyTrain},
         {"eval", "accuracy, macro-F1, per class, confusion matrix", classifyEval},
         {"baseline", "majority class and bag-of-words on the same data", classifyBaseline},
         {"predict", "class probabilities of one text", classifyPredict}},
        args);
}

} // namespace

std::vector<Command> finetuneCommands()
{
    return {{"sft", "chat fine-tuning: train, eval, merge, preview", runSft},
            {"classify", "text classification: train, eval, baseline, predict", runClassify}};
}
