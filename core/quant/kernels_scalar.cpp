// The portable kernels: the reference the AVX2 ones are tested against, and the fallback on CPUs
// without AVX2.
#include <algorithm>
#include <cmath>

#include "kernels.h"

namespace azllm::quant {
namespace {

void matmulF32(const float *w, std::size_t cols, std::size_t rowBegin, std::size_t rowEnd,
               const float *x, std::size_t tokens, float *y, std::size_t ldy)
{
    for (std::size_t t = 0; t < tokens; ++t)
        for (std::size_t r = rowBegin; r < rowEnd; ++r) {
            const float *row = w + r * cols;
            const float *in = x + t * cols;
            float sum = 0;
            for (std::size_t c = 0; c < cols; ++c)
                sum += row[c] * in[c];
            y[t * ldy + r] = sum;
        }
}

float dotBlocks(const BlockQ8 *a, const BlockQ8 *b, std::size_t blocks)
{
    float sum = 0;
    for (std::size_t i = 0; i < blocks; ++i) {
        int products = 0;
        for (int k = 0; k < kQ8BlockSize; ++k)
            products += int(a[i].q[k]) * int(b[i].q[k]);
        sum += halfToFloat(a[i].scale) * halfToFloat(b[i].scale) * float(products);
    }
    return sum;
}

void matmulQ8(const BlockQ8 *w, std::size_t blocksPerRow, std::size_t rowBegin, std::size_t rowEnd,
              const BlockQ8 *x, std::size_t tokens, float *y, std::size_t ldy)
{
    for (std::size_t t = 0; t < tokens; ++t)
        for (std::size_t r = rowBegin; r < rowEnd; ++r)
            y[t * ldy + r] = dotBlocks(w + r * blocksPerRow, x + t * blocksPerRow, blocksPerRow);
}

float dot(const float *a, const float *b, std::size_t n)
{
    float sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

void axpy(float a, const float *x, float *y, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        y[i] += a * x[i];
}

void softmax(float *x, std::size_t n)
{
    const float top = *std::max_element(x, x + n);
    float sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = std::exp(x[i] - top);
        sum += x[i];
    }
    const float inverse = 1.0f / sum;
    for (std::size_t i = 0; i < n; ++i)
        x[i] *= inverse;
}

void gelu(float *x, std::size_t n)
{
    constexpr float kSqrt2OverPi = 0.7978845608028654f;
    for (std::size_t i = 0; i < n; ++i) {
        const float v = x[i];
        x[i] = 0.5f * v * (1.0f + std::tanh(kSqrt2OverPi * (v + 0.044715f * v * v * v)));
    }
}

} // namespace

const KernelSet &scalarKernels()
{
    static const KernelSet set{"scalar", matmulF32, matmulQ8, quantizeRowQ8,
                               dot,      axpy,      softmax,  gelu};
    return set;
}

} // namespace azllm::quant
