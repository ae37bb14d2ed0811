// The decode path's inner loops, behind one table so the fastest set this CPU supports is
// chosen once at run time: AVX2 + FMA (+ F16C for the Q8_0 scales) where the CPU has them, a
// portable scalar set elsewhere. No threads here: callers split rows between OpenMP threads and
// call a kernel on each thread's own range.
//
// Matrices are row-major, one output feature per row (LibTorch's Linear layout, GGUF's too):
//   W (rows, cols), X (tokens, cols) -> Y[t * ldy + r] = dot(W[r], X[t]) for r in [rowBegin,
//   rowEnd)
#pragma once

#include <cstddef>

#include "q8_0.h"

namespace azllm::quant {

struct KernelSet
{
    const char *name; // "avx2" or "scalar", for benchmarks and logs

    // fp32 weights times fp32 activations; X holds `tokens` rows of `cols` floats.
    void (*matmulF32)(const float *w, std::size_t cols, std::size_t rowBegin, std::size_t rowEnd,
                      const float *x, std::size_t tokens, float *y, std::size_t ldy);
    // Q8_0 weights times Q8_0 activations (int8 x int8 products, one fp32 scale per block pair);
    // X holds `tokens` rows of blocksPerRow blocks.
    void (*matmulQ8)(const BlockQ8 *w, std::size_t blocksPerRow, std::size_t rowBegin,
                     std::size_t rowEnd, const BlockQ8 *x, std::size_t tokens, float *y,
                     std::size_t ldy);
    // Activations into Q8_0 blocks (quantizeRowQ8's rule; the AVX2 set rounds halves to even).
    void (*quantizeRow)(const float *x, std::size_t cols, BlockQ8 *out);

    float (*dot)(const float *a, const float *b, std::size_t n);
    // y += a * x
    void (*axpy)(float a, const float *x, float *y, std::size_t n);
    // x = softmax(x), in place, over n values.
    void (*softmax)(float *x, std::size_t n);
    // x = GELU(x) with the tanh approximation (GPT-2's gelu_new), in place.
    void (*gelu)(float *x, std::size_t n);
};

const KernelSet &scalarKernels();
// Null when this build has no AVX2 set or the CPU lacks AVX2, FMA or F16C.
const KernelSet *avx2Kernels();
// The AVX2 set when available, the scalar one otherwise; AZLLM_KERNELS=scalar forces scalar.
const KernelSet &bestKernels();

} // namespace azllm::quant
