// What a GPT costs: exact parameters, bytes, memory and FLOPs, computed from its config alone.
// Pure functions (no LibTorch), so the configurator screen shows the same numbers as the engine.
// The formulas are written out in docs/sizing.md.
#pragma once

#include <cstdint>

#include "model_config.h"

namespace azllm {

struct ParameterCount
{
    std::int64_t embeddings = 0; // token table (shared with the output head) + position table
    std::int64_t attention = 0;  // c_attn (q, k, v) and c_proj, weights and biases
    std::int64_t mlp = 0;        // c_fc and c_proj, weights and biases
    std::int64_t norms = 0;      // two LayerNorms per block and the final one
    std::int64_t total() const { return embeddings + attention + mlp + norms; }
    // Parameters that take part in matrix products: all but the position table and LayerNorms.
    std::int64_t matmul = 0;
};

ParameterCount countParameters(const ModelConfig &config);

struct WeightBytes
{
    std::int64_t fp32 = 0;
    std::int64_t bf16 = 0;
    // int8 as GGUF's Q8_0 (core/quant): the token table and every Linear weight in blocks of
    // 32 values with one fp16 scale, 34 bytes per block (rows padded to whole blocks); the
    // position table, biases and norms stay fp32.
    std::int64_t int8 = 0;
};

WeightBytes weightBytes(const ModelConfig &config);

struct TrainingMemory
{
    std::int64_t weights = 0;     // fp32
    std::int64_t gradients = 0;   // fp32, one per weight
    std::int64_t optimizer = 0;   // AdamW: two fp32 moments per weight
    std::int64_t activations = 0; // saved for backward, fp32
    std::int64_t total() const { return weights + gradients + optimizer + activations; }
};

// Memory of one fp32 training step for batch x context tokens, as the operating system counts
// it (docs/sizing.md has the terms and the measurements they were checked against). With
// activation checkpointing only each block's input is kept, plus one block's activations while
// it is recomputed.
TrainingMemory trainingMemory(const ModelConfig &config, std::int64_t batch, std::int64_t context,
                              bool activationCheckpointing);

struct InferenceMemory
{
    std::int64_t weights = 0; // fp32
    std::int64_t kvCache = 0; // keys and values of every layer for batch x context, fp32
    std::int64_t logits = 0;  // one row of vocabulary scores per sequence
    std::int64_t total() const { return weights + kvCache + logits; }
};

// Rows of one block of the chunked head loss (chunked_head_loss.h): about 8M logits (32 MB in
// fp32), whole multiples of 64 rows for the products, never more than the step's rows.
std::int64_t headLossChunkRows(std::int64_t vocabSize, std::int64_t rows);

InferenceMemory inferenceMemory(const ModelConfig &config, std::int64_t batch, std::int64_t context,
                                int bytesPerValue = 4);

// FLOPs for one token at the given context (counting a multiply-add as 2):
// forward = 2 * matmul params + 4 * n_layer * context * n_embd (scores and weighted values);
// training = 3 * forward (backward costs twice the forward) = 6N + 12 * L * T * C.
double forwardFlopsPerToken(const ModelConfig &config, std::int64_t context);
double trainingFlopsPerToken(const ModelConfig &config, std::int64_t context);

} // namespace azllm
