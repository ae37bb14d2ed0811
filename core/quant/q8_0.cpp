#include "q8_0.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace azllm::quant {

std::uint16_t floatToHalf(float value)
{
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    const std::uint32_t sign = (bits >> 16) & 0x8000u;
    const std::uint32_t magnitude = bits & 0x7fffffffu;
    if (magnitude >= 0x7f800000u) // inf or NaN (NaN keeps a mantissa bit)
        return std::uint16_t(sign | 0x7c00u | (magnitude > 0x7f800000u ? 0x200u : 0u));
    if (magnitude >= 0x477ff000u) // rounds to a value beyond fp16's largest: infinity
        return std::uint16_t(sign | 0x7c00u);
    if (magnitude < 0x38800000u) {
        // Subnormal in fp16 (or zero): shift the mantissa, with its implicit 1, into place.
        if (magnitude < 0x33000000u)
            return std::uint16_t(sign);
        const int exponent = int(magnitude >> 23);
        const std::uint32_t mantissa = (magnitude & 0x7fffffu) | 0x800000u;
        const int shift = 126 - exponent; // 14..24
        std::uint32_t half = mantissa >> shift;
        const std::uint32_t rest = mantissa & ((1u << shift) - 1);
        const std::uint32_t halfway = 1u << (shift - 1);
        if (rest > halfway || (rest == halfway && (half & 1u)))
            ++half;
        return std::uint16_t(sign | half);
    }
    // Normal: rebias the exponent, round the 13 dropped mantissa bits to nearest even.
    std::uint32_t half = ((magnitude - 0x38000000u) >> 13);
    const std::uint32_t rest = magnitude & 0x1fffu;
    if (rest > 0x1000u || (rest == 0x1000u && (half & 1u)))
        ++half;
    return std::uint16_t(sign | half);
}

float halfToFloat(std::uint16_t half)
{
    const std::uint32_t sign = std::uint32_t(half & 0x8000u) << 16;
    const std::uint32_t exponent = (half >> 10) & 0x1fu;
    std::uint32_t mantissa = half & 0x3ffu;
    std::uint32_t bits;
    if (exponent == 0x1f) {
        bits = sign | 0x7f800000u | (mantissa << 13);
    } else if (exponent != 0) {
        bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
    } else if (mantissa == 0) {
        bits = sign;
    } else {
        // Subnormal: normalise the mantissa.
        int e = 113;
        while (!(mantissa & 0x400u)) {
            mantissa <<= 1;
            --e;
        }
        bits = sign | (std::uint32_t(e) << 23) | ((mantissa & 0x3ffu) << 13);
    }
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

void quantizeRowQ8(const float *x, std::size_t cols, BlockQ8 *out)
{
    for (std::size_t b = 0; b < q8BlocksPerRow(cols); ++b) {
        const std::size_t first = b * kQ8BlockSize;
        const std::size_t count = std::min<std::size_t>(kQ8BlockSize, cols - first);
        float amax = 0;
        for (std::size_t i = 0; i < count; ++i)
            amax = std::max(amax, std::fabs(x[first + i]));
        const float scale = amax / 127.0f;
        const float inverse = scale != 0 ? 1.0f / scale : 0.0f;
        out[b].scale = floatToHalf(scale);
        for (std::size_t i = 0; i < kQ8BlockSize; ++i)
            out[b].q[i] =
                i < count ? std::int8_t(std::round(x[first + i] * inverse)) : std::int8_t(0);
    }
}

void dequantizeRowQ8(const BlockQ8 *blocks, std::size_t cols, float *out)
{
    for (std::size_t i = 0; i < cols; ++i) {
        const BlockQ8 &block = blocks[i / kQ8BlockSize];
        out[i] = halfToFloat(block.scale) * float(block.q[i % kQ8BlockSize]);
    }
}

MatrixQ8 quantizeMatrixQ8(const float *values, std::size_t rows, std::size_t cols)
{
    MatrixQ8 m;
    m.rows = rows;
    m.cols = cols;
    m.blocks.resize(rows * m.blocksPerRow());
    for (std::size_t r = 0; r < rows; ++r)
        quantizeRowQ8(values + r * cols, cols, m.blocks.data() + r * m.blocksPerRow());
    return m;
}

} // namespace azllm::quant
