// The matrix products of one training step, listed in the order the engine runs them, so that
// `azllm bench train` can time them alone and say how close the step comes to their speed
// (its matrix-product efficiency). Plain C++ header; matmul_plan.cpp times them with LibTorch.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model_config.h"

namespace azllm {

// out (batch x m x n) = A (m x k) * B (k x n) for each of `batch` independent products. A
// transposed operand is stored the other way round (k x m for A, n x k for B) and read through a
// transposed view, as the engine's own tensors are.
struct MatrixProduct
{
    std::string what; // "h.3.mlp.c_fc forward", for tables
    std::int64_t batch = 1;
    std::int64_t m = 0, n = 0, k = 0;
    bool transposeA = false;
    bool transposeB = false;

    double flops() const { return 2.0 * double(batch) * double(m) * double(n) * double(k); }
};

// Every product of one optimizer step on batch x context tokens: forward through the blocks and
// the tied output head, then backward in reverse, two products per forward one (the gradient of
// each input). Written to match gpt.cpp; change both together.
std::vector<MatrixProduct> trainingStepProducts(const ModelConfig &config, std::int64_t batch,
                                                std::int64_t context);

double totalFlops(const std::vector<MatrixProduct> &products);

// Seconds one pass over the products takes on their own (preallocated operands and outputs,
// nothing else running): the mean of `repeats` passes after a warm-up pass.
double timeMatrixProducts(const std::vector<MatrixProduct> &products, const std::string &device,
                          int repeats);

} // namespace azllm
