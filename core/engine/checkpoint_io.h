// Writing and reading checkpoint tensors; engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

#include <functional>

#include "adamw.h"
#include "checkpoint.h"
#include "gpt.h"

namespace azllm {

struct CheckpointContents
{
    RunConfig config;
    CheckpointState state;
    Gpt model{nullptr};
    FusedAdamW *optimizer = nullptr; // optional
    bool writeModel = true;          // false: LoRA and head-only runs keep the base's weights
    // Adds a tuning run's own files (adapters.pt, head.pt, ...) to the folder before it is
    // renamed into place.
    std::function<void(const std::string &dir)> writeExtraFiles = {};
};

// Writes the checkpoint for state.step under runDir atomically and returns its folder.
std::string saveCheckpoint(const std::string &runDir, const CheckpointContents &contents);

// Copies the checkpoint's weights into model, checking every tensor's name and shape first.
void loadWeights(const std::string &checkpointDir, Gpt &model);
void loadOptimizer(const std::string &checkpointDir, FusedAdamW &optimizer);
void loadRngState(const std::string &checkpointDir);

} // namespace azllm
