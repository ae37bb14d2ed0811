#include "engine_cli_support.h"

#include <cstdio>

CommandLine parseOrHelp(const std::string &usage, std::vector<CliOption> options,
                        const std::vector<std::string> &args, bool &helpShown)
{
    CommandLine cl(usage, std::move(options));
    cl.parse(args);
    helpShown = cl.helpRequested();
    if (helpShown)
        std::printf("%s", cl.helpText().c_str());
    return cl;
}

std::string humanCount(double n)
{
    char text[32];
    if (n >= 1e9)
        std::snprintf(text, sizeof text, "%.2fB", n / 1e9);
    else if (n >= 1e6)
        std::snprintf(text, sizeof text, "%.1fM", n / 1e6);
    else if (n >= 1e3)
        std::snprintf(text, sizeof text, "%.1fk", n / 1e3);
    else
        std::snprintf(text, sizeof text, "%.0f", n);
    return text;
}

std::string humanBytes(double bytes)
{
    char text[32];
    if (bytes >= 1024.0 * 1024 * 1024)
        std::snprintf(text, sizeof text, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    else
        std::snprintf(text, sizeof text, "%.1f MiB", bytes / (1024.0 * 1024));
    return text;
}

std::vector<CliOption> withBenchModelOptions(std::vector<CliOption> options)
{
    options.insert(options.begin(), {{"preset", "NAME", "model preset (default az-tiny)"},
                                     {"vocab", "N", "vocabulary size (default the preset's)"}});
    options.push_back({"device", "NAME", "auto, cpu, cuda or cuda:N"});
    options.push_back({"compare-python", "",
                       "also run bench/reference_gpt.py (PyTorch eager) and print the ratio"});
    return options;
}

azllm::ModelConfig benchModel(const CommandLine &cl, std::int64_t minimumContext)
{
    azllm::ModelConfig model = azllm::presetConfig(cl.value("preset", "az-tiny"));
    model.vocabSize = cl.intValue("vocab", model.vocabSize);
    if (minimumContext > model.contextLength)
        throw UsageError("--context " + std::to_string(minimumContext) +
                         " is longer than the model's context of " +
                         std::to_string(model.contextLength));
    azllm::requireValid(model);
    return model;
}
