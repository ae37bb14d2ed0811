// The training forward pass of gpt.h's modules in the shapes that run fast on a CPU: the
// residual stream as one (B*T, C) matrix, so every Linear is a single matrix product with its
// bias fused (addmm); attention's per-head products split across the cores one product per core
// (batched_matmul.h) with the scale folded in and transposes read in place; the output head and
// its cross-entropy chunked and fused (chunked_head_loss.h). Same parameters, same mathematics
// as GptImpl::forward; only the summation order differs. Engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

#include "gpt.h"

namespace azllm {

// How a (B*T, C) activation is laid out, and the causal mask its attention uses.
struct SequenceShape
{
    std::int64_t batch = 0;
    std::int64_t context = 0;
    torch::Tensor future; // (T, T) bool, true above the diagonal: positions not to see
};

SequenceShape sequenceShape(std::int64_t batch, std::int64_t context, const torch::Device &device);

// x (B*T, C) through one block of `heads` attention heads.
torch::Tensor blockTrainingForward(BlockImpl &block, std::int64_t heads, const torch::Tensor &x,
                                   const SequenceShape &shape);

// The same with activation checkpointing: only x and the random generator's state are kept;
// backward runs the block again (replaying its dropout masks exactly, from that state) and then
// its backward. The gradients equal blockTrainingForward's bit for bit.
torch::Tensor checkpointedBlockForward(BlockImpl &block, std::int64_t heads,
                                       const torch::Tensor &x, const SequenceShape &shape,
                                       at::Generator dropoutGenerator);

// Mean cross-entropy of predicting targets (B, T) from idx (B, T), as GptImpl::loss; with
// checkpointing, every block is a checkpointedBlockForward.
torch::Tensor gptTrainingLoss(GptImpl &model, const torch::Tensor &idx,
                              const torch::Tensor &targets, bool checkpointing = false);

// The generator the model's dropout draws its masks from.
at::Generator dropoutGenerator(const torch::Device &device);

} // namespace azllm
