// The output head and its cross-entropy in one step, a block of rows at a time: logits for
// a few hundred rows, their softmax, the loss, and at once the gradients of the head's input and
// weight. The full (B*T x V) logits are never materialised: with a 32k vocabulary they are the
// largest tensors of a step (131 MB at 1,024 tokens, twice that with their gradient), and writing
// them, reading them back for log-softmax and again for its backward cost memory passes and page
// faults the matrix products do not need. Engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

namespace azllm {

// Rows per block: about 8M logits (32 MB in fp32), at least 64 rows for the matrix products.
std::int64_t headLossChunkRows(std::int64_t vocabSize, std::int64_t rows);

// Mean cross-entropy of predicting targets (N) from hidden states x (N, C) through the tied head
// weight (V, C): the same value and gradients as
// cross_entropy(linear(x, weight), targets, ignore_index), computed in blocks of chunkRows.
// Targets equal to ignoreIndex count neither in the loss nor in the mean.
torch::Tensor chunkedHeadLoss(const torch::Tensor &x, const torch::Tensor &weight,
                              const torch::Tensor &targets, std::int64_t ignoreIndex = -100,
                              std::int64_t chunkRows = 0);

} // namespace azllm
