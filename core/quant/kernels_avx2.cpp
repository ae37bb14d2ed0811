// The AVX2 + FMA kernels (F16C for the Q8_0 scales). Compiled for those instructions through a
// target pragma rather than -mavx2 on the file, so no inline function of a shared header gets an
// AVX2 body that the linker could hand to a CPU without AVX2; everything AVX2 here has internal
// linkage and is reached only through the table, after the CPU was checked.
#include "kernels.h"

#include <cpuid.h>
#include <immintrin.h>

namespace azllm::quant {
namespace {

// clang ignores GCC's target pragma and has its own form (the fuzzing and sanitizer builds use
// clang).
#ifdef __clang__
#pragma clang attribute push(__attribute__((target("avx2,fma,f16c"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx2,fma,f16c")
#endif

inline float horizontalSum(__m256 v)
{
    __m128 sum = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    sum = _mm_add_ps(sum, _mm_movehl_ps(sum, sum));
    sum = _mm_add_ss(sum, _mm_movehdup_ps(sum));
    return _mm_cvtss_f32(sum);
}

// ---- fp32 x fp32 -------------------------------------------------------------------------
// R weight rows times N activation rows; every weight load serves N tokens and every
// activation load R rows. R * N accumulators stay in registers (at most 8 of the 16).
template <int R, int N>
inline void tileF32(const float *w, std::size_t cols, std::size_t row, const float *x,
                    std::size_t token, float *y, std::size_t ldy)
{
    __m256 acc[R][N];
    for (int r = 0; r < R; ++r)
        for (int n = 0; n < N; ++n)
            acc[r][n] = _mm256_setzero_ps();
    std::size_t c = 0;
    for (; c + 8 <= cols; c += 8) {
        __m256 xv[N];
        for (int n = 0; n < N; ++n)
            xv[n] = _mm256_loadu_ps(x + (token + n) * cols + c);
        for (int r = 0; r < R; ++r) {
            const __m256 wv = _mm256_loadu_ps(w + (row + r) * cols + c);
            for (int n = 0; n < N; ++n)
                acc[r][n] = _mm256_fmadd_ps(wv, xv[n], acc[r][n]);
        }
    }
    for (int r = 0; r < R; ++r)
        for (int n = 0; n < N; ++n) {
            float sum = horizontalSum(acc[r][n]);
            for (std::size_t k = c; k < cols; ++k)
                sum += w[(row + r) * cols + k] * x[(token + n) * cols + k];
            y[(token + n) * ldy + row + r] = sum;
        }
}

// fp32 rows per tile for N tokens: more rows when fewer tokens share each weight load.
struct F32Tiles
{
    using Weight = float;
    using Activation = float;
    static constexpr int rowsPerTile(int tokens) { return tokens == 1 ? 8 : tokens == 2 ? 4 : 2; }
    template <int R, int N>
    static void tile(const float *w, std::size_t cols, std::size_t row, const float *x,
                     std::size_t token, float *y, std::size_t ldy)
    {
        tileF32<R, N>(w, cols, row, x, token, y, ldy);
    }
};

// ---- Q8_0 x Q8_0 -------------------------------------------------------------------------
// 32 int8 products summed to 8 int32 lanes: maddubs multiplies unsigned by signed bytes, so the
// weights' signs move onto the activations first (|w| * sign(x, w) == w * x). Q8_0 values lie in
// [-127, 127], so the int16 pair sums (at most 2 * 127 * 127) never saturate.
inline __m256 blockDot(__m256i wAbs, __m256i wq, __m256i xq, __m256i ones)
{
    const __m256i products = _mm256_maddubs_epi16(wAbs, _mm256_sign_epi8(xq, wq));
    return _mm256_cvtepi32_ps(_mm256_madd_epi16(products, ones));
}

inline float scaleOf(const BlockQ8 &block)
{
    return _cvtsh_ss(block.scale);
}

// One weight row times N activation rows; each weight block is loaded once for all N tokens.
template <int N>
inline void rowQ8(const BlockQ8 *w, std::size_t blocks, std::size_t row, const BlockQ8 *x,
                  std::size_t token, float *y, std::size_t ldy)
{
    const __m256i ones = _mm256_set1_epi16(1);
    const BlockQ8 *weights = w + row * blocks;
    __m256 acc[N];
    for (int n = 0; n < N; ++n)
        acc[n] = _mm256_setzero_ps();
    for (std::size_t b = 0; b < blocks; ++b) {
        const __m256i wq = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(weights[b].q));
        const __m256i wAbs = _mm256_sign_epi8(wq, wq);
        const float ws = scaleOf(weights[b]);
        for (int n = 0; n < N; ++n) {
            const BlockQ8 &block = x[(token + n) * blocks + b];
            const __m256i xq = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(block.q));
            acc[n] = _mm256_fmadd_ps(_mm256_set1_ps(ws * scaleOf(block)),
                                     blockDot(wAbs, wq, xq, ones), acc[n]);
        }
    }
    for (int n = 0; n < N; ++n)
        y[(token + n) * ldy + row] = horizontalSum(acc[n]);
}

// One Q8_0 row per tile, for any number of tokens: the weights then stream through memory in
// exactly their stored order. Interleaving rows (4 rows of 816 bytes for az-100m, one block of
// each in turn) defeated the hardware prefetcher: measured on az-100m's 117 MB of matrices per
// token, 2 threads, 7.6 ms with 4 rows per tile against 2.5-2.8 ms with one.
struct Q8Tiles
{
    using Weight = BlockQ8;
    using Activation = BlockQ8;
    static constexpr int rowsPerTile(int) { return 1; }
    template <int R, int N>
    static void tile(const BlockQ8 *w, std::size_t blocks, std::size_t row, const BlockQ8 *x,
                     std::size_t token, float *y, std::size_t ldy)
    {
        static_assert(R == 1, "Q8_0 tiles are one row");
        rowQ8<N>(w, blocks, row, x, token, y, ldy);
    }
};

// ---- the tile dispatch, shared by both weight types --------------------------------------
// Tokens go four at a time, then the rest (3, 2 or 1); each group walks the rows in tiles of
// Tiles::rowsPerTile(N) rows, the last few rows one at a time.
template <class Tiles, int N>
inline void tileRows(const typename Tiles::Weight *w, std::size_t width, std::size_t rowBegin,
                     std::size_t rowEnd, const typename Tiles::Activation *x, std::size_t token,
                     float *y, std::size_t ldy)
{
    constexpr int R = Tiles::rowsPerTile(N);
    std::size_t r = rowBegin;
    for (; r + R <= rowEnd; r += R)
        Tiles::template tile<R, N>(w, width, r, x, token, y, ldy);
    for (; r < rowEnd; ++r)
        Tiles::template tile<1, N>(w, width, r, x, token, y, ldy);
}

template <class Tiles>
void matmulTiles(const typename Tiles::Weight *w, std::size_t width, std::size_t rowBegin,
                 std::size_t rowEnd, const typename Tiles::Activation *x, std::size_t tokens,
                 float *y, std::size_t ldy)
{
    std::size_t t = 0;
    for (; t + 4 <= tokens; t += 4)
        tileRows<Tiles, 4>(w, width, rowBegin, rowEnd, x, t, y, ldy);
    switch (tokens - t) {
    case 3:
        tileRows<Tiles, 3>(w, width, rowBegin, rowEnd, x, t, y, ldy);
        break;
    case 2:
        tileRows<Tiles, 2>(w, width, rowBegin, rowEnd, x, t, y, ldy);
        break;
    case 1:
        tileRows<Tiles, 1>(w, width, rowBegin, rowEnd, x, t, y, ldy);
        break;
    default:
        break;
    }
}

// Whole blocks in registers; a row's partial last block goes through the scalar rule.
void quantizeRow(const float *x, std::size_t cols, BlockQ8 *out)
{
    const __m256 signBit = _mm256_set1_ps(-0.0f);
    const std::size_t whole = cols / kQ8BlockSize;
    for (std::size_t b = 0; b < whole; ++b) {
        const float *in = x + b * kQ8BlockSize;
        __m256 v[4];
        __m256 amax = _mm256_setzero_ps();
        for (int i = 0; i < 4; ++i) {
            v[i] = _mm256_loadu_ps(in + 8 * i);
            amax = _mm256_max_ps(amax, _mm256_andnot_ps(signBit, v[i]));
        }
        __m128 m = _mm_max_ps(_mm256_castps256_ps128(amax), _mm256_extractf128_ps(amax, 1));
        m = _mm_max_ps(m, _mm_movehl_ps(m, m));
        m = _mm_max_ss(m, _mm_movehdup_ps(m));
        const float top = _mm_cvtss_f32(m);
        out[b].scale = _cvtss_sh(top / 127.0f, _MM_FROUND_TO_NEAREST_INT);
        const __m256 inverse = _mm256_set1_ps(top != 0 ? 127.0f / top : 0.0f);
        __m256i q[4];
        for (int i = 0; i < 4; ++i)
            q[i] = _mm256_cvtps_epi32(_mm256_round_ps(
                _mm256_mul_ps(v[i], inverse), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
        // Packing works within 128-bit lanes; the permute puts the 32 bytes back in order.
        const __m256i low = _mm256_packs_epi32(q[0], q[1]);
        const __m256i high = _mm256_packs_epi32(q[2], q[3]);
        const __m256i bytes = _mm256_permutevar8x32_epi32(
            _mm256_packs_epi16(low, high), _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
        _mm256_storeu_si256(reinterpret_cast<__m256i *>(out[b].q), bytes);
    }
    if (whole * kQ8BlockSize < cols)
        quantizeRowQ8(x + whole * kQ8BlockSize, cols - whole * kQ8BlockSize, out + whole);
}

// ---- vector helpers for attention and GELU -----------------------------------------------

float dot(const float *a, const float *b, std::size_t n)
{
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
        acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), acc1);
    }
    for (; i + 8 <= n; i += 8)
        acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
    float sum = horizontalSum(_mm256_add_ps(acc0, acc1));
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

void axpy(float a, const float *x, float *y, std::size_t n)
{
    const __m256 av = _mm256_set1_ps(a);
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i,
                         _mm256_fmadd_ps(av, _mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i)));
    for (; i < n; ++i)
        y[i] += a * x[i];
}

// e^x for x in [-80, 80]: x = k ln2 + r with |r| <= ln2 / 2, e^r by its Taylor series to r^6
// (relative error below 2e-7), 2^k built in the exponent bits.
inline __m256 exp256(__m256 x)
{
    x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-80.0f)), _mm256_set1_ps(80.0f));
    const __m256 k = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                                     _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(k, _mm256_set1_ps(0.693359375f), x);
    r = _mm256_fnmadd_ps(k, _mm256_set1_ps(-2.12194440e-4f), r);
    __m256 p = _mm256_set1_ps(1.0f / 720);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 120));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 24));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 6));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.5f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
    const __m256i exponent =
        _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(k), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(exponent));
}

float expScalar(float x)
{
    return _mm256_cvtss_f32(exp256(_mm256_set1_ps(x)));
}

void softmax(float *x, std::size_t n)
{
    float top = x[0];
    for (std::size_t i = 1; i < n; ++i)
        top = x[i] > top ? x[i] : top;
    const __m256 topv = _mm256_set1_ps(top);
    __m256 sumv = _mm256_setzero_ps();
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 e = exp256(_mm256_sub_ps(_mm256_loadu_ps(x + i), topv));
        _mm256_storeu_ps(x + i, e);
        sumv = _mm256_add_ps(sumv, e);
    }
    float sum = horizontalSum(sumv);
    for (; i < n; ++i) {
        x[i] = expScalar(x[i] - top);
        sum += x[i];
    }
    const __m256 inverse = _mm256_set1_ps(1.0f / sum);
    for (i = 0; i + 8 <= n; i += 8)
        _mm256_storeu_ps(x + i, _mm256_mul_ps(_mm256_loadu_ps(x + i), inverse));
    for (; i < n; ++i)
        x[i] *= 1.0f / sum;
}

// 0.5 x (1 + tanh(u)), u = sqrt(2/pi) (x + 0.044715 x^3), tanh(u) = 1 - 2 / (e^(2u) + 1).
inline __m256 gelu256(__m256 x)
{
    const __m256 cube = _mm256_mul_ps(_mm256_mul_ps(x, x), x);
    const __m256 u = _mm256_mul_ps(_mm256_set1_ps(2.0f * 0.7978845608028654f),
                                   _mm256_fmadd_ps(_mm256_set1_ps(0.044715f), cube, x));
    const __m256 one = _mm256_set1_ps(1.0f);
    const __m256 tanh =
        _mm256_sub_ps(one, _mm256_div_ps(_mm256_set1_ps(2.0f), _mm256_add_ps(exp256(u), one)));
    return _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(0.5f), x), _mm256_add_ps(one, tanh));
}

void gelu(float *x, std::size_t n)
{
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(x + i, gelu256(_mm256_loadu_ps(x + i)));
    for (; i < n; ++i)
        x[i] = _mm256_cvtss_f32(gelu256(_mm256_set1_ps(x[i])));
}

#ifdef __clang__
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif

bool cpuHasAvx2FmaF16c()
{
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    const bool f16c = __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & bit_F16C);
    // __builtin_cpu_supports also checks that the OS saves the AVX registers.
    return f16c && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

} // namespace

const KernelSet *avx2Kernels()
{
    static const KernelSet set{
        "avx2", matmulTiles<F32Tiles>, matmulTiles<Q8Tiles>, quantizeRow, dot, axpy, softmax, gelu};
    static const bool supported = cpuHasAvx2FmaF16c();
    return supported ? &set : nullptr;
}

} // namespace azllm::quant
