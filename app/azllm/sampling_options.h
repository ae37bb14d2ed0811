// The sampling flags `azllm generate` and `azllm chat` share, and the parameters they make.
#pragma once

#include <vector>

#include "command_line.h"
#include "generator.h"

// --temperature, --top-k, --top-p, --repetition-penalty, --tokens, --seed, --device.
std::vector<CliOption> samplingOptions();

// Reads those flags over the engine's defaults; throws UsageError for values out of range.
azllm::GenerationParams generationParamsFrom(const CommandLine &cl);
