// GGUF's Q8_0 block: 32 weights as int8 with one fp16 scale, 34 bytes. The studio keeps int8
// weights in exactly this layout, so a Q8_0 GGUF is written and read without conversion, and
// the same blocks hold activations for the int8 x int8 dot products (as llama.cpp does).
//
// A row of `cols` values takes ceil(cols / 32) blocks; the last block of a row whose length is
// not a multiple of 32 is padded with zeros (the padding multiplies to nothing).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace azllm::quant {

inline constexpr int kQ8BlockSize = 32;

#pragma pack(push, 1)
struct BlockQ8
{
    std::uint16_t scale; // fp16: value = scale * q
    std::int8_t q[kQ8BlockSize];
};
#pragma pack(pop)
static_assert(sizeof(BlockQ8) == 34, "Q8_0 is 34 bytes per 32 weights");

// fp16 <-> fp32 (IEEE half precision, round to nearest even), as GGUF stores scales and F16.
std::uint16_t floatToHalf(float value);
float halfToFloat(std::uint16_t half);

inline std::size_t q8BlocksPerRow(std::size_t cols)
{
    return (cols + kQ8BlockSize - 1) / kQ8BlockSize;
}

// Quantizes one row of `cols` floats into q8BlocksPerRow(cols) blocks: scale = max|x| / 127,
// q = round(x / scale), halves away from zero as GGUF's reference quantizer rounds.
void quantizeRowQ8(const float *x, std::size_t cols, BlockQ8 *out);
void dequantizeRowQ8(const BlockQ8 *blocks, std::size_t cols, float *out);

// A rows x cols matrix in Q8_0, row-major, each row padded to whole blocks.
struct MatrixQ8
{
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<BlockQ8> blocks; // rows * q8BlocksPerRow(cols)

    std::size_t blocksPerRow() const { return q8BlocksPerRow(cols); }
    const BlockQ8 *row(std::size_t r) const { return blocks.data() + r * blocksPerRow(); }
};

MatrixQ8 quantizeMatrixQ8(const float *values, std::size_t rows, std::size_t cols);

} // namespace azllm::quant
