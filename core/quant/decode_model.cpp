#include "decode_model.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
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

// Thread tid's share of `rows`: contiguous and starting on a multiple of 32, so kernel tiles stay
// whole and a thread can quantize its own part of a row by whole Q8_0 blocks.
RowRange rowsOf(std::size_t rows, int tid, int threads)
{
    std::size_t share = (rows + std::size_t(threads) - 1) / std::size_t(threads);
    share = (share + kQ8BlockSize - 1) / kQ8BlockSize * kQ8BlockSize;
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

DecodeModel::DecodeModel(const ModelConfig &config, const TensorLookup &lookup, Precision precision,
                         std::shared_ptr<const void> keepAlive, const KernelSet &kernels)
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
    : m_model(std::move(model)), m_threads(threads > 0 ? threads : omp_get_max_threads()),
      m_threadChoice(m_threads)
{
    const ModelConfig &c = m_model->config();
    const std::size_t C = std::size_t(c.nEmbd), T = std::size_t(c.contextLength);
    const std::size_t n = kMaxChunk, teams = std::size_t(m_threads);
    m_keys.reset(allocateFloats(std::size_t(c.nLayer) * T * C));
    m_values.reset(allocateFloats(std::size_t(c.nLayer) * T * C));
    m_x.resize(n * C);
    m_qkv.resize(n * 3 * C);
    m_attended.resize(n * C);
    m_hidden.resize(n * 4 * C);
    m_product.resize(n * C);
    m_normed.resize(teams * n * C);
    if (m_model->precision() == Precision::Int8) {
        m_normedQ.resize(teams * n * q8BlocksPerRow(C));
        m_attendedQ.resize(n * q8BlocksPerRow(C));
        m_hiddenQ.resize(n * q8BlocksPerRow(4 * C));
    }
    m_scores.resize(teams * T);
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

// One thread's part of one forward pass over n tokens at positions start..start+n-1. Each step
// below is what one thread does between two barriers; DecodeState::forward puts the barriers in.
class ForwardPass
{
public:
    ForwardPass(DecodeState &state, const int *tokens, std::size_t n, int tid, int threads)
        : s(state), m(*state.m_model), k(m.kernels()), tokens(tokens), n(n), start(state.m_length),
          tid(std::size_t(tid)), threads(std::size_t(threads)), C(std::size_t(m.config().nEmbd)),
          H(std::size_t(m.config().nHead)), hs(C / H), F(4 * C),
          T(std::size_t(m.config().contextLength)), int8(m.precision() == Precision::Int8),
          normed(s.m_normed.data() + this->tid * DecodeState::kMaxChunk * C),
          normedQ(int8 ? s.m_normedQ.data() + this->tid * DecodeState::kMaxChunk * q8BlocksPerRow(C)
                       : nullptr)
    {
    }

    void embed()
    {
        for (std::size_t t = tid; t < n; t += threads) {
            float *x = s.m_x.data() + t * C;
            if (int8)
                dequantizeRowQ8(m.m_tokenTable.q8.row(std::size_t(tokens[t])), C, x);
            else
                std::copy_n(m.m_tokenTable.f32 + std::size_t(tokens[t]) * C, C, x);
            k.axpy(1.0f, m.m_positions + (start + t) * C, x, C);
        }
    }

    // LayerNorm of residual rows [from, from + rows) into this thread's own buffers.
    void normalize(const float *weight, const float *bias, std::size_t from, std::size_t rows)
    {
        for (std::size_t i = 0; i < rows; ++i) {
            layerNorm(s.m_x.data() + (from + i) * C, weight, bias, normed + i * C, C);
            if (int8)
                k.quantizeRow(normed + i * C, C, normedQ + i * q8BlocksPerRow(C));
        }
    }

    // q, k, v of this thread's rows; its keys and values go straight into the cache.
    void projectQkv(const LayerWeights &layer, std::size_t l)
    {
        const RowRange r = rowsOf(3 * C, int(tid), int(threads));
        multiply(layer.qkv, normed, normedQ, n, s.m_qkv.data(), r);
        for (std::size_t t = 0; t < n; ++t) {
            float *row = s.m_qkv.data() + t * 3 * C;
            k.axpy(1.0f, layer.qkv.bias + r.begin, row + r.begin, r.end - r.begin);
            for (std::size_t i = std::max(r.begin, C); i < r.end; ++i) {
                const std::size_t part = i / C - 1, h = (i % C) / hs; // part 0: keys, 1: values
                float *cache = part == 0 ? keys(l) : values(l);
                cache[(h * T + start + t) * hs + i % hs] = row[i];
            }
        }
    }

    // Token t (position start + t) attends to positions 0 .. start + t. A head's output is
    // whole Q8_0 blocks when hs is a multiple of 32: its thread quantizes it at once.
    void attend(std::size_t l)
    {
        const float scale = 1.0f / std::sqrt(float(hs));
        float *scores = s.m_scores.data() + tid * T;
        for (std::size_t pair = tid; pair < n * H; pair += threads) {
            const std::size_t t = pair / H, h = pair % H, seen = start + t + 1;
            const float *q = s.m_qkv.data() + t * 3 * C + h * hs;
            const float *keyRows = keys(l) + h * T * hs;
            const float *valueRows = values(l) + h * T * hs;
            for (std::size_t j = 0; j < seen; ++j)
                scores[j] = k.dot(q, keyRows + j * hs, hs) * scale;
            k.softmax(scores, seen);
            float *out = s.m_attended.data() + t * C + h * hs;
            std::fill_n(out, hs, 0.0f);
            for (std::size_t j = 0; j < seen; ++j)
                k.axpy(scores[j], valueRows + j * hs, out, hs);
            if (int8 && headsAreWholeBlocks())
                k.quantizeRow(out, hs, attendedQ(t) + h * hs / kQ8BlockSize);
        }
    }

    bool headsAreWholeBlocks() const { return hs % kQ8BlockSize == 0; }

    // The fallback when heads split Q8_0 blocks: whole rows, after every head is done.
    void quantizeAttendedRows()
    {
        for (std::size_t t = tid; t < n; t += threads)
            k.quantizeRow(s.m_attended.data() + t * C, C, attendedQ(t));
    }

    // x += input W^T + b for this thread's rows of the residual stream.
    void addProjection(const LinearWeights &w, const float *input, const BlockQ8 *inputQ)
    {
        const RowRange r = rowsOf(C, int(tid), int(threads));
        multiply(w, input, inputQ, n, s.m_product.data(), r);
        for (std::size_t t = 0; t < n; ++t)
            for (std::size_t i = r.begin; i < r.end; ++i)
                s.m_x[t * C + i] += s.m_product[t * C + i] + w.bias[i];
    }

    // GELU(x W^T + b) for this thread's rows of the hidden layer, quantized by whole blocks.
    void feedForwardUp(const LayerWeights &layer)
    {
        const RowRange r = rowsOf(F, int(tid), int(threads));
        multiply(layer.fc, normed, normedQ, n, s.m_hidden.data(), r);
        for (std::size_t t = 0; t < n; ++t) {
            float *row = s.m_hidden.data() + t * F + r.begin;
            k.axpy(1.0f, layer.fc.bias + r.begin, row, r.end - r.begin);
            k.gelu(row, r.end - r.begin);
            if (int8 && r.end > r.begin)
                k.quantizeRow(row, r.end - r.begin,
                              s.m_hiddenQ.data() + t * q8BlocksPerRow(F) + r.begin / kQ8BlockSize);
        }
    }

    void outputHead(std::size_t rows, float *logits)
    {
        const std::size_t V = std::size_t(m.config().vocabSize);
        multiply(m.m_tokenTable, normed, normedQ, rows, logits, rowsOf(V, int(tid), int(threads)));
    }

    const BlockQ8 *attendedQ() const { return s.m_attendedQ.data(); }
    const BlockQ8 *hiddenQ() const { return s.m_hiddenQ.data(); }

private:
    float *keys(std::size_t l) { return s.m_keys.get() + l * H * T * hs; }
    float *values(std::size_t l) { return s.m_values.get() + l * H * T * hs; }
    BlockQ8 *attendedQ(std::size_t t) { return s.m_attendedQ.data() + t * q8BlocksPerRow(C); }

    void multiply(const LinearWeights &w, const float *x, const BlockQ8 *xq, std::size_t tokens,
                  float *y, RowRange r)
    {
        if (w.f32)
            k.matmulF32(w.f32, w.cols, r.begin, r.end, x, tokens, y, w.rows);
        else
            k.matmulQ8(w.q8.blocks.data(), w.q8.blocksPerRow(), r.begin, r.end, xq, tokens, y,
                       w.rows);
    }

    DecodeState &s;
    const DecodeModel &m;
    const KernelSet &k;
    const int *tokens;
    const std::size_t n, start, tid, threads, C, H, hs, F, T;
    const bool int8;
    float *normed;
    BlockQ8 *normedQ;
};

void DecodeState::forward(const int *tokens, std::size_t n, bool allLogits)
{
    const DecodeModel &m = *m_model;
    // The output head: every row when scoring, only the newest while generating.
    const std::size_t from = allLogits ? 0 : n - 1;
    float *logits = allLogits ? m_logits.data() : m_lastLogits.data();
    // A prompt chunk has work enough for every thread; a single token is where barriers can cost
    // more than they save on a busy machine (thread_choice.h).
    const bool single = n == 1;
    const int threads = single ? m_threadChoice.next() : m_threads;
    const auto started = std::chrono::steady_clock::now();
#pragma omp parallel num_threads(threads)
    {
        ForwardPass pass(*this, tokens, n, omp_get_thread_num(), omp_get_num_threads());
        pass.embed();
#pragma omp barrier
        for (std::size_t l = 0; l < m.m_layers.size(); ++l) {
            const LayerWeights &layer = m.m_layers[l];
            pass.normalize(layer.ln1Weight, layer.ln1Bias, 0, n);
            pass.projectQkv(layer, l);
#pragma omp barrier
            pass.attend(l);
#pragma omp barrier
            if (m.precision() == Precision::Int8 && !pass.headsAreWholeBlocks()) {
                pass.quantizeAttendedRows();
#pragma omp barrier
            }
            pass.addProjection(layer.attnProj, m_attended.data(), pass.attendedQ());
#pragma omp barrier
            pass.normalize(layer.ln2Weight, layer.ln2Bias, 0, n);
            pass.feedForwardUp(layer);
#pragma omp barrier
            pass.addProjection(layer.fcProj, m_hidden.data(), pass.hiddenQ());
#pragma omp barrier
        }
        pass.normalize(m.m_lnfWeight, m.m_lnfBias, from, n - from);
        pass.outputHead(n - from, logits);
    }
    if (single)
        m_threadChoice.record(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    m_length += n;
}

} // namespace azllm::quant
