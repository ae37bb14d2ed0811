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
    at::Generator generator;         // the trainer's: its state becomes rng.pt
    bool writeModel = true;          // false: LoRA and head-only runs keep the base's weights
    // Adds a tuning run's own files (adapters.pt, head.pt, ...) to the folder before it is
    // renamed into place.
    std::function<void(const std::string &dir)> writeExtraFiles = {};
    // Data parallel: the random states of ranks 1.. (rank 0's is rng.pt), as rng-rank-<r>.pt.
    std::vector<torch::Tensor> rankGeneratorStates = {};
};

// Writes the checkpoint for state.step under runDir atomically and durably, appends it to the
// run's lineage and returns its folder.
std::string saveCheckpoint(const std::string &runDir, const CheckpointContents &contents);

// Copies the checkpoint's weights into model, checking every tensor's name and shape first.
void loadWeights(const std::string &checkpointDir, Gpt &model);
void loadOptimizer(const std::string &checkpointDir, FusedAdamW &optimizer);
// Restores rng.pt into generator; false when it holds another kind of generator's state (a run
// saved on another device), leaving generator as it was.
bool loadRngState(const std::string &checkpointDir, at::Generator &generator);

} // namespace azllm
