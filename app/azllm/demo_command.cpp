// azllm demo: the sample data end to end, by running the other commands in turn, as a learner
// would type them: prepare the corpus, train a CPU-sized model, generate Azerbaijani text.
#include <cstdio>
#include <filesystem>

#include "base_recipe.h"
#include "command_line.h"
#include "commands.h"
#include "config_io.h"
#include "installed_paths.h"
#include "token_file.h"
#include "workspace.h"

namespace fs = std::filesystem;

namespace {

void banner(const char *text)
{
    std::printf("\n==== %s\n", text);
    std::fflush(stdout);
}

void runStep(const std::string &command, const std::vector<std::string> &args)
{
    std::printf("$ azllm %s", command.c_str());
    for (const std::string &a : args)
        std::printf(a.find(' ') == std::string::npos ? " %s" : " '%s'", a.c_str());
    std::printf("\n");
    std::fflush(stdout);
    if (const int code = runCommand(command, args); code != 0)
        throw std::runtime_error("'azllm " + command + "' failed with exit code " +
                                 std::to_string(code));
}

// The built-in sample corpus, plus the Universal Declaration of Human Rights in both scripts
// when azllm-fetch-data (scripts/fetch_data.sh) could fetch it.
std::vector<std::string> sampleInputs()
{
    const std::string corpus = azllm::programDataPath("sample_corpus");
    if (corpus.empty() || !fs::is_directory(corpus))
        throw std::runtime_error("the sample corpus is missing: no share/az-llm-studio/"
                                 "sample_corpus beside this program (set AZLLM_DATA_DIR)");
    std::vector<std::string> inputs = {corpus};
    if (const std::string udhr = azllm::udhrDir(); !udhr.empty())
        inputs.push_back(udhr);
    return inputs;
}

int runDemo(const std::vector<std::string> &args)
{
    CommandLine cl(
        "azllm demo [--out DIR] [--steps N] [--vocab N] [--prompt TEXT]",
        {{"out", "DIR", "where the data and the run go (default runs/demo)"},
         {"steps", "N", "training steps (default 600, a few minutes on 2 cores)"},
         {"vocab", "N", "tokenizer vocabulary (default 2000: the sample corpus is small)"},
         {"prompt", "TEXT", "what the model continues at the end (default \"Azərbaycan\")"}});
    cl.parse(args);
    if (cl.helpRequested()) {
        std::printf("%s", cl.helpText().c_str());
        return 0;
    }
    const fs::path out = cl.value("out", "runs/demo");
    const std::string data = (out / "data").string(), run = (out / "run").string();

    banner("1/3  Prepare the sample corpus: clean, dedupe, train a tokenizer, write token shards");
    std::vector<std::string> prepare = {
        "--out", data, "--vocab", cl.value("vocab", "2000"), "--transliterate", "--paragraphs"};
    for (const std::string &input : sampleInputs()) {
        prepare.push_back("--input");
        prepare.push_back(input);
    }
    runStep("prepare", prepare);

    banner(
        "2/3  Pretrain a small GPT (az-tiny, context 128) on it; the loss starts near ln(vocab)");
    const azllm::TokenFile shard((fs::path(data) / "train.tokens").string());
    if (fs::exists(run))
        std::printf("(replacing the previous demo run in %s)\n", run.c_str());
    fs::remove_all(run);
    runStep("train", {"--preset",
                      "az-tiny",
                      "--vocab_size",
                      std::to_string(shard.vocabSize()),
                      "--context_length",
                      "128",
                      "--data",
                      (fs::path(data) / "train.tokens").string(),
                      "--val-data",
                      (fs::path(data) / "val.tokens").string(),
                      "--out",
                      run,
                      "--max_steps",
                      cl.value("steps", "600"),
                      "--batch",
                      "16",
                      "--learning_rate",
                      "0.002",
                      "--warmup_steps",
                      "30",
                      "--dropout",
                      "0.1",
                      "--eval_interval",
                      "50",
                      "--checkpoint_interval",
                      "200",
                      "--log-every",
                      "10"});

    banner("3/3  Generate: the model continues an Azerbaijani prompt");
    runStep("generate", {"--checkpoint", run, "--prompt", cl.value("prompt", "Azərbaycan"),
                         "--tokens", "80", "--temperature", "0.8", "--top-k", "40",
                         "--repetition-penalty", "1.1", "--seed", "7"});
    std::printf(
        "\nThe run is in %s: `azllm generate --checkpoint %s --prompt ...` talks to it again.\n",
        run.c_str(), run.c_str());
    return 0;
}

// The base the fine-tuning lessons tune: the workspace's sample dataset (prepared first when the
// workspace has none), az-tiny at context 256 trained over its whole context, in runs/base-256.
int runMakeBase(const std::vector<std::string> &args)
{
    CommandLine cl("azllm make-base --workspace DIR [--steps N]",
                   {{"workspace", "DIR", "the studio workspace (created when missing)"},
                    {"steps", "N", "training steps (default 400, minutes on 2 cores)"}});
    cl.parse(args);
    if (cl.helpRequested()) {
        std::printf("%s", cl.helpText().c_str());
        return 0;
    }
    const std::int64_t steps = cl.intValue("steps", azllm::kBaseSteps);
    if (steps < 1)
        throw UsageError("--steps must be positive");
    azllm::Workspace workspace(QString::fromStdString(cl.required("workspace")));
    if (!workspace.hasSampleDataset()) {
        banner("1/2  Prepare the sample corpus into the workspace's datasets/sample");
        workspace.seedSampleDataset();
    }
    const std::string dataset = workspace.datasetDir(QStringLiteral("sample")).toStdString();
    const fs::path run = fs::path(workspace.runsDir().toStdString()) / azllm::kBaseRunName;
    if (fs::exists(run))
        throw std::runtime_error(run.string() +
                                 " already exists: resume it with `azllm train "
                                 "--resume " +
                                 run.string() + "`, or remove it to make a new base");
    banner("2/2  Pretrain az-tiny over its whole 256-token context: the base to fine-tune");
    const azllm::RunConfig config = azllm::baseRunConfig(dataset, run.string(), steps);
    fs::create_directories(run);
    fs::copy_file(fs::path(dataset) / "tokenizer.model", run / "tokenizer.model");
    azllm::writeFileAtomically((run / "base.cfg").string(), azllm::formatConfig(config));
    runStep("train", {"--config", (run / "base.cfg").string(), "--log-every", "20"});
    std::printf("\nThe base is %s: `azllm sft train --base %s ...` tunes it.\n", run.c_str(),
                run.c_str());
    return 0;
}

} // namespace

std::vector<Command> demoCommands()
{
    return {{"demo", "the sample data end to end: prepare, train a few minutes, generate", runDemo},
            {"make-base", "pretrain the small context-256 base that fine-tuning starts from",
             runMakeBase}};
}
