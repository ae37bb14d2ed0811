// The token table's lookup for a model whose output head is the same table (weight tying), with
// its gradient written straight into the head's: backward adds each token's rows into the
// buffer that already holds the head's gradient of the table, instead of building a zeroed dense
// (V, C) gradient of its own for autograd to add to the head's. At a 32k vocabulary that dense
// gradient is 98 MB (az-100m), filled with zeros and then summed with the head's every step.
// Engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

namespace azllm {

// weight (V, C)[idx]: (..., C). headGradient (V, C) is the buffer the head's gradient of weight
// is written into (chunkedHeadLoss's gradWeightBuffer) and handed to autograd; backward adds the
// lookup's gradient into it and gives weight none of its own. Autograd adds a parameter's
// gradients only after every node that feeds it has run, so the sum is complete by then.
torch::Tensor tiedTokenLookup(const torch::Tensor &weight, const torch::Tensor &idx,
                              const torch::Tensor &headGradient);

} // namespace azllm
