#include "decode_model.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>
#include <stdexcept>

namespace azllm::quant {
namespace {

struct RowRange
{
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Thread tid's share of `rows`: contiguous and a multiple of 8 long, so kernel tiles stay whole.
RowRange rowsOf(std::size_t rows, int tid, int threads)
{
    std::size_t share = (rows + std::size_t(threads) - 1) / std::size_t(threads);
    share = (share + 7) / 8 * 8;
    const std::size_t begin = std::min(rows, share * std::size_t(tid));
    return {begin, std::min(rows, begin + share)};
}

// PyTorch's LayerNorm: biased variance, eps 1e-5.
void layerNorm(const float *x, const float *weight, const float *bias, float *out, std::size_t n)
{
    float mean = 0;
    for (std::size_t i = 0; i < n; ++i)
        mean += x[i];
    mean /= float(n);
    float variance = 0;
    for (std::size_t i = 0; i < n; ++i)
        variance += (x[i] - mean) * (x[i] - mean);
    const float inverse = 1.0f / std::sqrt(variance / float(n) + 1e-5f);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = (x[i] - mean) * inverse * weight[i] + bias[i];
}

float *allocateFloats(std::size_t count)
{
    auto *p = static_cast<float *>(std::malloc(count * sizeof(float)));
    if (!p)
        throw std::bad_alloc();
    return p;
}

} // namespace

const char *precisionName(Precision precision)
{
    return precision == Precision::Int8 ? "int8" : "fp32";
}

DecodeModel::DecodeModel(const ModelConfig &config, const TensorLookup &lookup,
                         Precision precision, std::shared_ptr<const void> keepAlive,
                         const KernelSet &kernels)
    : m_config(config), m_precision(precision), m_kernels(kernels),
      m_keepAlive(std::move(keepAlive))
{
    m_tokenTable = linear(lookup, "wte.weight", false);
    const TensorView positions = lookup("wpe.weight");
    if (positions.shape != Shape{config.contextLength, config.nEmbd})
        throw std::runtime_error("tensor 'wpe.weight' has shape " + shapeText(positions.shape) +
                                 ", expected " +
                                 shapeText(Shape{config.contextLength, config.nEmbd}));
    m_positions = positions.data;
    for (std::int64_t i = 0; i < config.nLayer; ++i) {
        const std::string p = "h." + std::to_string(i) + ".";
        LayerWeights layer;
        layer.ln1Weight = vector(lookup, p + "ln_1.weight", config.nEmbd);
        layer.ln1Bias = vector(lookup, p + "ln_1.bias", config.nEmbd);
        layer.qkv = linear(lookup, p + "attn.c_attn", true);
        layer.attnProj = linear(lookup, p + "attn.c_proj", true);
        layer.ln2Weight = vector(lookup, p + "ln_2.weight", config.nEmbd);
        layer.ln2Bias = vector(lookup, p + "ln_2.bias", config.nEmbd);
        layer.fc = linear(lookup, p + "mlp.c_fc", true);
        layer.fcProj = linear(lookup, p + "mlp.c_proj", true);
        m_layers.push_back(std::move(layer));
    }
    m_lnfWeight = vector(lookup, "ln_f.weight", config.nEmbd);
    m_lnfBias = vector(lookup, "ln_f.bias", config.nEmbd);
}

// name is "wte.weight" (no bias) or a module prefix such as "h.0.attn.c_attn".
LinearWeights DecodeModel::linear(const TensorLookup &lookup, const std::string &name,
                                  bool withBias)
{
    const std::string weightName = withBias ? name + ".weight" : name;
    const TensorView w = lookup(weightName);
    if (w.shape.size() != 2 || !w.data)
        throw std::runtime_error("tensor '" + weightName + "' is not a matrix");
    LinearWeights out;
    out.rows = std::size_t(w.shape[0]);
    out.cols = std::size_t(w.shape[1]);
    if (withBias)
        out.bias = vector(lookup, name + ".bias", w.shape[0]);
    if (m_precision == Precision::Fp32) {
        out.f32 = w.data;
        return out;
    }
    out.q8.rows = out.rows;
    out.q8.cols = out.cols;
    out.q8.blocks.resize(out.rows * out.q8.blocksPerRow());
    const std::int64_t rows = std::int64_t(out.rows);
#pragma omp parallel for schedule(static)
    for (std::int64_t r = 0; r < rows; ++r)
        quantizeRowQ8(w.data + std::size_t(r) * out.cols, out.cols,
                      out.q8.blocks.data() + std::size_t(r) * out.q8.blocksPerRow());
    return out;
}

const float *DecodeModel::vector(const TensorLookup &lookup, const std::string &name,
                                 std::int64_t size)
{
    const TensorView v = lookup(name);
    if (v.shape != Shape{size} || !v.data)
        throw std::runtime_error("tensor '" + name + "' has shape " + shapeText(v.shape) +
                                 ", expected " + shapeText(Shape{size}));
    return v.data;
}

std::int64_t DecodeModel::bytesPerToken() const
{
    const auto bytes = [](const LinearWeights &w) {
        const std::int64_t matrix = w.f32 ? std::int64_t(w.rows * w.cols * 4)
                                          : std::int64_t(w.q8.blocks.size() * sizeof(BlockQ8));
        return matrix + (w.bias ? std::int64_t(w.rows * 4) : 0);
    };
    const std::int64_t C = m_config.nEmbd;
    std::int64_t total = bytes(m_tokenTable) + 4 * C + 2 * 4 * C;
    for (const LayerWeights &l : m_layers)
        total += bytes(l.qkv) + bytes(l.attnProj) + bytes(l.fc) + bytes(l.fcProj) + 4 * 4 * C;
    return total;
}

std::int64_t DecodeModel::weightBytes() const
{
    return bytesPerToken() - 4 * m_config.nEmbd + 4 * m_config.contextLength * m_config.nEmbd;
}

// ---- DecodeState ---------------------------------------------------------------------------

void DecodeState::FreeDeleter::operator()(float *p) const
{
    std::free(p);
}

DecodeState::DecodeState(std::shared_ptr<const DecodeModel> model, int threads)
    : m_model(std::move(model)), m_threads(threads > 0 ? threads : omp_get_max_threads())
{
    const ModelConfig &c = m_model->config();
    const std::size_t C = std::size_t(c.nEmbd), T = std::size_t(c.contextLength);
    const std::size_t n = kMaxChunk;
    m_keys.reset(allocateFloats(std::size_t(c.nLayer) * T * C));
    m_values.reset(allocateFloats(std::size_t(c.nLayer) * T * C));
    m_x.resize(n * C);
    m_normed.resize(n * C);
    m_qkv.resize(n * 3 * C);
    m_attended.resize(n * C);
    m_hidden.resize(n * 4 * C);
    m_product.resize(n * C);
    m_scores.resize(std::size_t(m_threads) * T);
    if (m_model->precision() == Precision::Int8)
        m_quantized.resize(n * q8BlocksPerRow(4 * C));
    m_lastLogits.resize(std::size_t(c.vocabSize));
}

void DecodeState::checkTokens(const int *tokens, std::size_t count) const
{
    const ModelConfig &c = m_model->config();
    if (m_length + count > std::size_t(c.contextLength))
        throw std::invalid_argument(std::to_string(m_length + count) +
                                    " positions are more than the model's context of " +
                                    std::to_string(c.contextLength));
    for (std::size_t i = 0; i < count; ++i)
        if (tokens[i] < 0 || tokens[i] >= c.vocabSize)
            throw std::invalid_argument("token id " + std::to_string(tokens[i]) +
                                        " is outside the model's vocabulary of " +
                                        std::to_string(c.vocabSize));
}

const std::vector<float> &DecodeState::append(const int *tokens, std::size_t count)
{
    checkTokens(tokens, count);
    if (count == 0)
        throw std::invalid_argument("no tokens to feed");
    for (std::size_t done = 0; done < count; done += kMaxChunk)
        forward(tokens + done, std::min(kMaxChunk, count - done), false);
    return m_lastLogits;
}

void DecodeState::score(const int *tokens, std::size_t count,
                        const std::function<void(std::size_t, const float *)> &onLogits)
{
    checkTokens(tokens, count);
    const std::size_t V = std::size_t(m_model->config().vocabSize);
    m_logits.resize(kMaxChunk * V);
    for (std::size_t done = 0; done < count; done += kMaxChunk) {
        const std::size_t n = std::min(kMaxChunk, count - done);
        forward(tokens + done, n, true);
        for (std::size_t i = 0; i < n; ++i)
            onLogits(done + i, m_logits.data() + i * V);
    }
}

void DecodeState::forward(const int *tokens, std::size_t n, bool allLogits)
{
    const DecodeModel &m = *m_model;
    const KernelSet &k = m.kernels();
    const ModelConfig &c = m.config();
    const std::size_t C = std::size_t(c.nEmbd), H = std::size_t(c.nHead), hs = C / H;
    const std::size_t F = 4 * C, T = std::size_t(c.contextLength), V = std::size_t(c.vocabSize);
    const std::size_t start = m_length;
    const bool int8 = m.precision() == Precision::Int8;
    const float scale = 1.0f / std::sqrt(float(hs));

    // The activations a product reads: fp32 rows, or their Q8_0 blocks for int8 weights.
    const auto quantize = [&](const float *rows, std::size_t cols, std::size_t t) {
        if (int8)
            k.quantizeRow(rows + t * cols, cols, m_quantized.data() + t * q8BlocksPerRow(cols));
    };
    const auto multiply = [&](const LinearWeights &w, const float *x, std::size_t tokens,
                              float *y, RowRange r) {
        if (w.f32)
            k.matmulF32(w.f32, w.cols, r.begin, r.end, x, tokens, y, w.rows);
        else
            k.matmulQ8(w.q8.blocks.data(), w.q8.blocksPerRow(), r.begin, r.end,
                       m_quantized.data(), tokens, y, w.rows);
    };

#pragma omp parallel num_threads(m_threads)
    {
        const int tid = omp_get_thread_num(), threads = omp_get_num_threads();
        const std::size_t first = std::size_t(tid), step = std::size_t(threads);

        for (std::size_t t = first; t < n; t += step) {
            float *x = m_x.data() + t * C;
            if (int8)
                dequantizeRowQ8(m.m_tokenTable.q8.row(std::size_t(tokens[t])), C, x);
            else
                std::copy_n(m.m_tokenTable.f32 + std::size_t(tokens[t]) * C, C, x);
            k.axpy(1.0f, m.m_positions + (start + t) * C, x, C);
        }
#pragma omp barrier
        for (std::size_t l = 0; l < m.m_layers.size(); ++l) {
            const LayerWeights &layer = m.m_layers[l];
            float *keys = m_keys.get() + l * H * T * hs;
            float *values = m_values.get() + l * H * T * hs;

            for (std::size_t t = first; t < n; t += step) {
                layerNorm(m_x.data() + t * C, layer.ln1Weight, layer.ln1Bias,
                          m_normed.data() + t * C, C);
                quantize(m_normed.data(), C, t);
            }
#pragma omp barrier
            const RowRange qkvRows = rowsOf(3 * C, tid, threads);
            multiply(layer.qkv, m_normed.data(), n, m_qkv.data(), qkvRows);
            for (std::size_t t = 0; t < n; ++t)
                k.axpy(1.0f, layer.qkv.bias + qkvRows.begin,
                       m_qkv.data() + t * 3 * C + qkvRows.begin, qkvRows.end - qkvRows.begin);
#pragma omp barrier
            // Keys and values of the new positions into the cache, head by head.
            for (std::size_t t = first; t < n; t += step)
                for (std::size_t h = 0; h < H; ++h) {
                    const float *row = m_qkv.data() + t * 3 * C + h * hs;
                    std::copy_n(row + C, hs, keys + (h * T + start + t) * hs);
                    std::copy_n(row + 2 * C, hs, values + (h * T + start + t) * hs);
                }
#pragma omp barrier
            // Token t (position start + t) attends to positions 0 .. start + t.
            for (std::size_t pair = first; pair < n * H; pair += step) {
                const std::size_t t = pair / H, h = pair % H, seen = start + t + 1;
                const float *q = m_qkv.data() + t * 3 * C + h * hs;
                float *scores = m_scores.data() + std::size_t(tid) * T;
                for (std::size_t j = 0; j < seen; ++j)
                    scores[j] = k.dot(q, keys + (h * T + j) * hs, hs) * scale;
                k.softmax(scores, seen);
                float *out = m_attended.data() + t * C + h * hs;
                std::fill_n(out, hs, 0.0f);
                for (std::size_t j = 0; j < seen; ++j)
                    k.axpy(scores[j], values + (h * T + j) * hs, out, hs);
            }
#pragma omp barrier
            if (int8) {
                for (std::size_t t = first; t < n; t += step)
                    quantize(m_attended.data(), C, t);
#pragma omp barrier
            }
            const RowRange cRows = rowsOf(C, tid, threads);
            multiply(layer.attnProj, m_attended.data(), n, m_product.data(), cRows);
            for (std::size_t t = 0; t < n; ++t)
                for (std::size_t r = cRows.begin; r < cRows.end; ++r)
                    m_x[t * C + r] += m_product[t * C + r] + layer.attnProj.bias[r];
#pragma omp barrier
            for (std::size_t t = first; t < n; t += step) {
                layerNorm(m_x.data() + t * C, layer.ln2Weight, layer.ln2Bias,
                          m_normed.data() + t * C, C);
                quantize(m_normed.data(), C, t);
            }
#pragma omp barrier
            const RowRange fRows = rowsOf(F, tid, threads);
            multiply(layer.fc, m_normed.data(), n, m_hidden.data(), fRows);
            for (std::size_t t = 0; t < n; ++t) {
                float *row = m_hidden.data() + t * F + fRows.begin;
                k.axpy(1.0f, layer.fc.bias + fRows.begin, row, fRows.end - fRows.begin);
                k.gelu(row, fRows.end - fRows.begin);
            }
#pragma omp barrier
            if (int8) {
                for (std::size_t t = first; t < n; t += step)
                    quantize(m_hidden.data(), F, t);
#pragma omp barrier
            }
            multiply(layer.fcProj, m_hidden.data(), n, m_product.data(), cRows);
            for (std::size_t t = 0; t < n; ++t)
                for (std::size_t r = cRows.begin; r < cRows.end; ++r)
                    m_x[t * C + r] += m_product[t * C + r] + layer.fcProj.bias[r];
#pragma omp barrier
        }

        // The output head: every row when scoring, only the newest while generating.
        const std::size_t from = allLogits ? 0 : n - 1, rows = n - from;
        for (std::size_t i = first; i < rows; i += step) {
            layerNorm(m_x.data() + (from + i) * C, m.m_lnfWeight, m.m_lnfBias,
                      m_normed.data() + i * C, C);
            quantize(m_normed.data(), C, i);
        }
#pragma omp barrier
        multiply(m.m_tokenTable, m_normed.data(), rows,
                 allLogits ? m_logits.data() : m_lastLogits.data(), rowsOf(V, tid, threads));
    }
    m_length += n;
}

} // namespace azllm::quant
