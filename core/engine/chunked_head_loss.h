// The tied output head and its cross-entropy in one pass, a block of rows at a time: the logits
// of a few hundred rows, their log-softmax, the loss, and at once the gradients of the head's
// input and weight. The whole (B*T x V) logits never exist: with a 32k vocabulary they are the
// largest tensors of a step (131 MB at 1,024 tokens, as much again for their gradient), and
// writing them, reading them back for log-softmax, then for its backward and for two products,
// costs memory passes the products do not need. Engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

#include "model_sizing.h" // headLossChunkRows

namespace azllm {

// Mean cross-entropy of predicting targets (N, int64) from hidden states x (N, C) through the
// head weight (V, C): the value and gradients of cross_entropy(linear(x, weight), targets), up to
// summation order. chunkRows <= 0 takes headLossChunkRows. Without gradients (evaluation,
// NoGradGuard) only the loss is computed. gradWeightBuffer, when defined (V, C), receives the
// weight's gradient (written over, no zeroing needed) and is what backward hands on: a tied token
// lookup adds into it (tied_embedding.h).
torch::Tensor chunkedHeadLoss(const torch::Tensor &x, const torch::Tensor &weight,
                              const torch::Tensor &targets, std::int64_t chunkRows = 0,
                              const torch::Tensor &gradWeightBuffer = {});

} // namespace azllm
