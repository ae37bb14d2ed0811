// Causal self-attention fused for CPUs: every head of the packed q|k|v projection in one pass,
// head by head on the cores, straight from and into the (B, T, C)-shaped tensors the linear
// layers read and write. The generic path (matmul of transposed (B, nh, T, hs) views, masked
// fill, softmax) copies q, k and v into batched layouts, runs its batched products one small
// product at a time over both threads (about 30 GFLOP/s on az-100m), and makes separate passes
// for the scale, the mask and the softmax and their gradients. Here each head's products read
// its columns in place (BLAS takes the row stride), one thread each, and the masked softmax and
// its backward are single loops over the causal half. CPU float and double only; CUDA, 16-bit
// types and packed rows keep the generic path. Engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

namespace azllm {

// Whether fusedCausalAttention takes this projection: a CPU float or double (B, T, 3C) tensor.
bool fusedCausalAttentionApplies(const torch::Tensor &qkv);

// qkv (B, T, 3C) = [q | k | v], each C = nHead * hs wide: softmax(q k^T / sqrt(hs) with the
// future masked) v for every head, returned as (B, T, C) with the heads side by side (what the
// output projection reads). dropoutMask, when defined, is attention dropout's scaled mask
// (B, nh, T, T): the probabilities are multiplied by it before v, as the generic path does.
torch::Tensor fusedCausalAttention(const torch::Tensor &qkv, std::int64_t nHead,
                                   const torch::Tensor &dropoutMask = {});

} // namespace azllm
