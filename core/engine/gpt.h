// The GPT-2 architecture in LibTorch: the model file, nothing about training.
//
// Dimension legend: B = batch, T = sequence length, C = n_embd, nh = heads, hs = C / nh,
// V = vocabulary, S = positions held in the KV cache.
// Parameter names follow GPT-2's checkpoint (wte, wpe, h.N.ln_1, h.N.attn.c_attn, ...), so
// Hugging Face's "transformer.h.N.attn.c_attn" and GGUF's "blk.N.attn_qkv" map 1:1
// (docs/formats.md). Private to the engine: include only from engine sources and engine tests.
//
// Every random draw (initialisation, dropout masks) comes from the generator the owner passes
// in (the trainer's), never from LibTorch's global one (docs/architecture.md, determinism).
#pragma once

#include <torch/torch.h>

#include "model_config.h"

namespace azllm {

// Dropout whose masks come from the owner's generator. The draws are ATen's own CPU dropout's
// (a Bernoulli(1 - p) mask over a contiguous tensor like x, divided by 1 - p, times x), so a
// generator state saved when dropout drew from the global generator continues exactly.
class GeneratorDropoutImpl : public torch::nn::Module
{
public:
    GeneratorDropoutImpl(double p, at::Generator generator);
    torch::Tensor forward(const torch::Tensor &x);
    // The mask forward multiplies a contiguous tensor of these sizes by (its draws, divided by
    // 1 - p), or undefined when dropout does nothing (p = 0, evaluation, no elements).
    torch::Tensor scaledMask(at::IntArrayRef sizes, const torch::TensorOptions &options);

private:
    double m_p;
    at::Generator m_generator;
};
TORCH_MODULE(GeneratorDropout);

// Keys and values of every layer, preallocated for the whole context and written in place.
struct KvCache
{
    torch::Tensor keys;      // (L, B, nh, T_max, hs)
    torch::Tensor values;    // (L, B, nh, T_max, hs)
    std::int64_t length = 0; // positions already filled

    KvCache(const ModelConfig &config, std::int64_t batch, torch::Device device);
    std::int64_t capacity() const { return keys.size(3); }
};

class CausalSelfAttentionImpl : public torch::nn::Module
{
public:
    CausalSelfAttentionImpl(const ModelConfig &config, const at::Generator &generator);
    torch::Tensor forward(const torch::Tensor &x);
    // blocked (B, T, T) bool: true where a query may not see a key (packed rows: the future and
    // the other examples of the row).
    torch::Tensor forwardMasked(const torch::Tensor &x, const torch::Tensor &blocked);
    // x holds the new positions only; their keys and values go into the cache at cache.length.
    torch::Tensor forwardCached(const torch::Tensor &x, KvCache &cache, std::int64_t layer);

    torch::nn::Linear c_attn{nullptr}, c_proj{nullptr};
    GeneratorDropout attn_dropout{nullptr}, resid_dropout{nullptr};

private:
    torch::Tensor attend(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v,
                         std::int64_t queryOffset, const torch::Tensor &blocked = {});

    std::int64_t m_nHead;
    std::int64_t m_nEmbd;
    torch::Tensor m_futureMask; // (T_max, T_max), true above the diagonal: positions not to see
};
TORCH_MODULE(CausalSelfAttention);

class MlpImpl : public torch::nn::Module
{
public:
    MlpImpl(const ModelConfig &config, const at::Generator &generator);
    torch::Tensor forward(const torch::Tensor &x);

    torch::nn::Linear c_fc{nullptr}, c_proj{nullptr};
    GeneratorDropout dropout{nullptr};
};
TORCH_MODULE(Mlp);

class BlockImpl : public torch::nn::Module
{
public:
    BlockImpl(const ModelConfig &config, const at::Generator &generator);
    torch::Tensor forward(torch::Tensor x);
    torch::Tensor forwardMasked(torch::Tensor x, const torch::Tensor &blocked);
    torch::Tensor forwardCached(torch::Tensor x, KvCache &cache, std::int64_t layer);

    torch::nn::LayerNorm ln_1{nullptr}, ln_2{nullptr};
    CausalSelfAttention attn{nullptr};
    Mlp mlp{nullptr};
};
TORCH_MODULE(Block);

class GptImpl : public torch::nn::Module
{
public:
    // Built on the generator's device and initialised from it; dropout draws from it too.
    GptImpl(const ModelConfig &config, at::Generator generator);

    // idx (B, T) int64 -> logits (B, T, V): the tied head over hiddenStates.
    torch::Tensor forward(const torch::Tensor &idx);
    // idx (B, T) int64 -> the last block's output after ln_f (B, T, C): what the output head and
    // a classification head read, and what sentence vectors are pooled from (text_embedder.h).
    torch::Tensor hiddenStates(const torch::Tensor &idx);
    // Several examples packed into each row: positions (B, T) restart at 0 for each example and
    // blocked (B, T, T) keeps attention inside it (forwardMasked). Returns (B, T, C) after ln_f.
    torch::Tensor packedHiddenStates(const torch::Tensor &idx, const torch::Tensor &positions,
                                     const torch::Tensor &blocked);
    // Mean cross-entropy of predicting targets (B, T) from idx (B, T).
    torch::Tensor loss(const torch::Tensor &idx, const torch::Tensor &targets);
    // idx (B, Tnew) continues the cached sequence; returns the last position's logits (B, V).
    torch::Tensor forwardCached(const torch::Tensor &idx, KvCache &cache);

    const ModelConfig &config() const { return m_config; }
    // Training passes recompute each block in backward instead of keeping its activations
    // (activation_checkpoint.h); evaluation and generation are unaffected.
    void setActivationCheckpointing(bool on) { m_checkpointing = on; }
    bool activationCheckpointing() const { return m_checkpointing; }

    torch::nn::Embedding wte{nullptr}, wpe{nullptr};
    GeneratorDropout drop{nullptr};
    torch::nn::ModuleList h{nullptr};
    torch::nn::LayerNorm ln_f{nullptr};

private:
    void initializeWeights(at::Generator &generator);
    // tokenGradient, when defined, is the head's gradient buffer of the tied token table, which
    // the lookup's gradient goes into (tied_embedding.h). hiddenStatesFrom: blocks and ln_f.
    torch::Tensor embed(const torch::Tensor &idx, std::int64_t firstPosition,
                        const torch::Tensor &tokenGradient = {});
    torch::Tensor hiddenStatesFrom(const torch::Tensor &embedded);
    // One block of a full-sequence pass; blocked as in packedHiddenStates, or undefined.
    torch::Tensor runBlock(std::size_t index, const torch::Tensor &x, const torch::Tensor &blocked);

    ModelConfig m_config;
    at::Generator m_generator; // the one every dropout draws from
    bool m_checkpointing = false;
};
TORCH_MODULE(Gpt);

} // namespace azllm
