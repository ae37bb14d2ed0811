// The batch-1 decode path: a GPT's forward pass for one sequence through our own kernels
// (kernels.h) over fp32 or Q8_0 weights, with a KV cache, all threads of one OpenMP team kept in
// step by barriers, and every buffer allocated once per sequence state, never per token.
//
// Dimension legend: C = n_embd, H = heads, hs = C / H, F = 4C, V = vocabulary, T = context,
// n = tokens fed in one chunk (1 while decoding, up to kMaxChunk for a prompt).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kernels.h"
#include "model_config.h"
#include "model_weights.h"
#include "q8_0.h"
#include "thread_choice.h"

namespace azllm::quant {

enum class Precision
{
    Fp32,
    Int8 // every matrix in Q8_0, activations quantized per block: int8 x int8 products
};

const char *precisionName(Precision precision); // "fp32", "int8"

// One matrix product's weights: fp32 rows (borrowed) or Q8_0 blocks (owned).
struct LinearWeights
{
    std::size_t rows = 0;        // output features
    std::size_t cols = 0;        // input features
    const float *f32 = nullptr;  // (rows, cols) when fp32
    MatrixQ8 q8;                 // when int8
    const float *bias = nullptr; // (rows), null for the output head
};

struct LayerWeights
{
    const float *ln1Weight = nullptr, *ln1Bias = nullptr;
    LinearWeights qkv;      // (3C, C)
    LinearWeights attnProj; // (C, C)
    const float *ln2Weight = nullptr, *ln2Bias = nullptr;
    LinearWeights fc;     // (F, C)
    LinearWeights fcProj; // (C, F)
};

// Looks up an fp32 tensor by GPT-2 name; the result's shape is checked against the config.
using TensorLookup = std::function<TensorView(const std::string &name)>;

class DecodeModel
{
public:
    // fp32 keeps pointers into the looked-up tensors, which `keepAlive` must own; int8 quantizes
    // every matrix (token table included) into blocks of its own. Throws std::runtime_error
    // naming a missing or misshapen tensor.
    DecodeModel(const ModelConfig &config, const TensorLookup &lookup, Precision precision,
                std::shared_ptr<const void> keepAlive, const KernelSet &kernels = bestKernels());

    const ModelConfig &config() const { return m_config; }
    Precision precision() const { return m_precision; }
    const KernelSet &kernels() const { return m_kernels; }
    // Bytes of weights one decoded token reads (matrices, token table as the output head, one
    // position row, norms and biases): what memory bandwidth divides.
    std::int64_t bytesPerToken() const;
    // Bytes of every weight this model holds in its precision.
    std::int64_t weightBytes() const;

private:
    friend class DecodeState;
    friend class ForwardPass;
    LinearWeights linear(const TensorLookup &lookup, const std::string &name, bool withBias);
    const float *vector(const TensorLookup &lookup, const std::string &name, std::int64_t size);

    ModelConfig m_config;
    Precision m_precision;
    const KernelSet &m_kernels;
    std::shared_ptr<const void> m_keepAlive;
    LinearWeights m_tokenTable;         // (V, C): embedding rows in, and the tied output head
    const float *m_positions = nullptr; // (T, C), fp32 in both precisions (a lookup table)
    std::vector<LayerWeights> m_layers;
    const float *m_lnfWeight = nullptr, *m_lnfBias = nullptr;
};

// One sequence: its KV cache and scratch buffers, allocated here once.
class DecodeState
{
public:
    // Longest chunk fed to one forward pass; longer prompts go in several.
    static constexpr std::size_t kMaxChunk = 32;

    explicit DecodeState(std::shared_ptr<const DecodeModel> model, int threads = 0);

    const DecodeModel &model() const { return *m_model; }
    // Positions held in the cache; the next token goes at this position.
    std::size_t length() const { return m_length; }
    // Forget the cache (the window moved): the next token goes at position 0.
    void reset() { m_length = 0; }

    // Feeds tokens at positions length().., returns the logits (V) after the last one. The
    // reference stays valid until the next call. Throws std::invalid_argument when the tokens
    // would pass the context or an id is outside the vocabulary.
    const std::vector<float> &append(const int *tokens, std::size_t count);

    // Feeds tokens like append() and calls onLogits(i, logits) with the V logits after each
    // tokens[i] (for perplexity).
    void score(const int *tokens, std::size_t count,
               const std::function<void(std::size_t, const float *)> &onLogits);

private:
    friend class ForwardPass;
    void checkTokens(const int *tokens, std::size_t count) const;
    // One chunk of n <= kMaxChunk tokens; logits for all n rows when allLogits, else the last.
    void forward(const int *tokens, std::size_t n, bool allLogits);

    std::shared_ptr<const DecodeModel> m_model;
    int m_threads;
    ThreadChoice m_threadChoice; // for single-token passes
    std::size_t m_length = 0;
    struct FreeDeleter
    {
        void operator()(float *p) const;
    };
    // The cache is allocated, not filled: its pages are touched only as positions fill.
    std::unique_ptr<float[], FreeDeleter> m_keys;   // (L, H, T, hs)
    std::unique_ptr<float[], FreeDeleter> m_values; // (L, H, T, hs)
    std::vector<float> m_x;                         // (n, C) the residual stream
    std::vector<float> m_qkv;                       // (n, 3C)
    std::vector<float> m_attended;                  // (n, C)
    std::vector<float> m_hidden;                    // (n, F)
    std::vector<float> m_product; // (n, C) a projection before it joins the residual
    // Each thread normalises the residual stream itself (the same numbers), so no barrier
    // separates a LayerNorm from the product that reads it.
    std::vector<float> m_normed;      // (threads, n, C)
    std::vector<BlockQ8> m_normedQ;   // (threads, n, blocks of C), int8 only
    std::vector<BlockQ8> m_attendedQ; // (n, blocks of C), int8 only
    std::vector<BlockQ8> m_hiddenQ;   // (n, blocks of F), int8 only
    std::vector<float> m_scores;      // (threads, T) attention scores, one row per thread
    std::vector<float> m_logits;      // (n, V)
    std::vector<float> m_lastLogits;  // (V)
};

} // namespace azllm::quant
