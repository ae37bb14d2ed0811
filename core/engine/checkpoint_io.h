// Writing and reading checkpoint tensors; engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

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
    // Data parallel: the random states of ranks 1.. (rank 0's is rng.pt), as rng-rank-<r>.pt.
    std::vector<torch::Tensor> rankGeneratorStates;
};

// Writes the checkpoint for state.step under runDir atomically and returns its folder.
std::string saveCheckpoint(const std::string &runDir, const CheckpointContents &contents);

// Copies the checkpoint's weights into model, checking every tensor's name and shape first.
void loadWeights(const std::string &checkpointDir, Gpt &model);
void loadOptimizer(const std::string &checkpointDir, FusedAdamW &optimizer);
void loadRngState(const std::string &checkpointDir);

} // namespace azllm
