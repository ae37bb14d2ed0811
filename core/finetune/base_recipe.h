// The small pretrained base the fine-tuning lessons start from: az-tiny with a 256-token context,
// trained over its whole context (positions 128-255 learn too) on the workspace's sample dataset,
// as an ordinary run at <workspace>/runs/base-256 that any screen or command can find.
// `azllm make-base` and the Fine-tune screen's "Make a base" both use this recipe.
#pragma once

#include <cstdint>
#include <string>

#include "train_config.h"

namespace azllm {

inline constexpr const char *kBaseRunName = "base-256";
inline constexpr std::int64_t kBaseContext = 256;
inline constexpr std::int64_t kBaseSteps = 400;

// datasetDir holds train.tokens (and val.tokens); throws std::runtime_error when it is unreadable.
RunConfig baseRunConfig(const std::string &datasetDir, const std::string &runDir,
                        std::int64_t steps = kBaseSteps);

} // namespace azllm
