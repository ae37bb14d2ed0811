// Activation checkpointing for one transformer block: its forward pass keeps only its input and
// the dropout generator's state; backward runs the block again from that input, drawing the same
// dropout masks from the same state, and then its backward. Memory for activations falls from
// every block's to one block's plus each block's input (model_sizing.h), for a third more
// compute; the gradients are the plain path's bit for bit. Engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

namespace azllm {

class BlockImpl;

// blocked: the packed-examples mask of BlockImpl::forwardMasked, or undefined for the causal one.
// The block and the generator must outlive the backward pass of this step's graph.
torch::Tensor checkpointedBlockForward(BlockImpl &block, const torch::Tensor &x,
                                       const torch::Tensor &blocked, at::Generator generator);

} // namespace azllm
