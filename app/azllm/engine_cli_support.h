// What the engine's commands share: parsing with --help, human-readable figures, and the model
// options every benchmark takes.
#pragma once

#include <string>
#include <vector>

#include "command_line.h"
#include "model_config.h"

// Parses args; when --help was given prints the help and sets helpShown.
CommandLine parseOrHelp(const std::string &usage, std::vector<CliOption> options,
                        const std::vector<std::string> &args, bool &helpShown);

std::string humanCount(double n);     // 110.4M, 1.23B
std::string humanBytes(double bytes); // 421.2 MiB, 1.64 GiB

// The options every model benchmark takes, around its own: --preset and --vocab first,
// --device and --compare-python last.
std::vector<CliOption> withBenchModelOptions(std::vector<CliOption> options);
// The benchmark's model from --preset and --vocab; throws UsageError when minimumContext does
// not fit it.
azllm::ModelConfig benchModel(const CommandLine &cl, std::int64_t minimumContext);
