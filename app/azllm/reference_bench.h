// Runs bench/reference_gpt.py (PyTorch eager, the reference a learner would pick instead) and
// reads its figures, so `azllm bench ... --compare-python` prints both in one run.
#pragma once

#include <cstdint>
#include <string>

#include "model_config.h"

struct ReferenceFigures
{
    double tokensPerSecond = 0;
    double msPerStep = 0;
};

// mode "train": batch x context windows for `steps` timed steps after `warmup`;
// mode "generate" (whole window per token) or "generate-cached" (a KV cache): a prompt of
// `context` tokens and `steps` new tokens.
ReferenceFigures runPythonReference(const std::string &mode, const azllm::ModelConfig &model,
                                    std::int64_t batch, std::int64_t context, int steps,
                                    int warmup);
