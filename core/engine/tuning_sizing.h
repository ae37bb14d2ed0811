// What a tuning setup trains and costs, from the config alone (no LibTorch), so the Fine-tune
// screen can show LoRA beside full tuning before anything runs. docs/sizing.md has the formulas.
#pragma once

#include <cstdint>

#include "model_sizing.h"
#include "train_config.h"

namespace azllm {

struct TuningCost
{
    std::int64_t total = 0;     // parameters of the model (and head)
    std::int64_t trainable = 0; // what the optimizer updates
    TrainingMemory memory;      // one fp32 step of batch x context tokens
};

// For config.tuning as it stands (kind, train_blocks, lora_*), labels: the head's classes.
TuningCost tuningCost(const RunConfig &config, std::int64_t batch, std::int64_t context);

} // namespace azllm
