// Attention's products: many small matrix products (one per sequence and head, 256 x 64 x 256
// for az-100m), which ATen's bmm hands to OpenBLAS one at a time, each split over both cores:
// measured at about a fifth of the large products' speed. Here the batch is split across the
// cores instead, each product on one core, with the scale folded into the product. On other
// devices it is bmm. Engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

namespace azllm {

// alpha * a @ b for a (batch, m, k) and b (batch, k, n), either possibly a transposed view;
// differentiable in both.
torch::Tensor batchedMatmul(const torch::Tensor &a, const torch::Tensor &b, double alpha = 1.0);

// The same without autograd, into out (batch, m, n).
void batchedMatmulOut(torch::Tensor &out, const torch::Tensor &a, const torch::Tensor &b,
                      double alpha = 1.0);

} // namespace azllm
