#include "gpt.h"

#include <cmath>

#include "activation_checkpoint.h"
#include "causal_attention.h"
#include "chunked_head_loss.h"
#include "tied_embedding.h"

namespace azllm {
namespace F = torch::nn::functional;

namespace {

// A one-row Linear as a matrix-vector product: OpenBLAS's GEMM path costs ~7 ms per token even
// for small models, its GEMV a fraction of it (docs/platform.md §9).
torch::Tensor applyLinear(torch::nn::Linear &layer, const torch::Tensor &x)
{
    if (x.numel() != x.size(-1) || x.device().is_cuda())
        return layer->forward(x);
    auto outShape = x.sizes().vec();
    outShape.back() = layer->weight.size(0);
    return torch::addmv(layer->bias, layer->weight, x.reshape({-1})).view(outShape);
}

} // namespace

GeneratorDropoutImpl::GeneratorDropoutImpl(double p, at::Generator generator)
    : m_p(p), m_generator(std::move(generator))
{
    TORCH_CHECK(p >= 0 && p <= 1, "dropout probability ", p, " is outside [0, 1]");
}

torch::Tensor GeneratorDropoutImpl::forward(const torch::Tensor &x)
{
    const torch::Tensor noise = scaledMask(x.sizes(), x.options());
    return noise.defined() ? x * noise : x;
}

// ATen's _dropout_impl, step for step, with our generator instead of the default one.
torch::Tensor GeneratorDropoutImpl::scaledMask(at::IntArrayRef sizes,
                                               const torch::TensorOptions &options)
{
    if (m_p == 0 || !is_training() || c10::multiply_integers(sizes) == 0)
        return {};
    if (m_p == 1)
        return torch::zeros(sizes, options);
    torch::Tensor noise = torch::empty(sizes, options);
    noise.bernoulli_(1 - m_p, m_generator);
    noise.div_(1 - m_p);
    return noise;
}

KvCache::KvCache(const ModelConfig &c, std::int64_t batch, torch::Device device)
{
    const auto options = torch::TensorOptions().dtype(torch::kFloat32).device(device);
    keys = torch::empty({c.nLayer, batch, c.nHead, c.contextLength, c.headDim()}, options);
    values = torch::empty_like(keys);
}

CausalSelfAttentionImpl::CausalSelfAttentionImpl(const ModelConfig &c,
                                                 const at::Generator &generator)
    : c_attn(torch::nn::Linear(c.nEmbd, 3 * c.nEmbd)), c_proj(torch::nn::Linear(c.nEmbd, c.nEmbd)),
      attn_dropout(GeneratorDropout(c.dropout, generator)),
      resid_dropout(GeneratorDropout(c.dropout, generator)), m_nHead(c.nHead), m_nEmbd(c.nEmbd),
      m_futureMask(torch::ones({c.contextLength, c.contextLength}, torch::kBool).triu(1))
{
    register_module("c_attn", c_attn);
    register_module("c_proj", c_proj);
    register_module("attn_dropout", attn_dropout);
    register_module("resid_dropout", resid_dropout);
}

// q (B, nh, Tq, hs) attends to k, v (B, nh, S, hs); query i sits at position queryOffset + i.
torch::Tensor CausalSelfAttentionImpl::attend(const torch::Tensor &q, const torch::Tensor &k,
                                              const torch::Tensor &v, std::int64_t queryOffset,
                                              const torch::Tensor &blocked)
{
    const std::int64_t Tq = q.size(2), S = k.size(2);
    const double scale = 1.0 / std::sqrt(double(q.size(-1)));
    // Scores are the largest tensors here (B, nh, Tq, S): scale and mask them in place.
    torch::Tensor att = torch::matmul(q, k.transpose(-2, -1)).mul_(scale); // (B, nh, Tq, S)
    if (blocked.defined()) {
        att.masked_fill_(blocked.unsqueeze(1), -std::numeric_limits<float>::infinity());
    } else if (Tq > 1) {
        if (m_futureMask.device() != att.device())
            m_futureMask = m_futureMask.to(att.device());
        att.masked_fill_(m_futureMask.slice(0, queryOffset, queryOffset + Tq).slice(1, 0, S),
                         -std::numeric_limits<float>::infinity());
    }
    att = attn_dropout(torch::softmax(att, -1));
    return torch::matmul(att, v); // (B, nh, Tq, hs)
}

// Without a packing mask attend() applies the causal one.
torch::Tensor CausalSelfAttentionImpl::forward(const torch::Tensor &x)
{
    return forwardMasked(x, torch::Tensor());
}

torch::Tensor CausalSelfAttentionImpl::forwardMasked(const torch::Tensor &x,
                                                     const torch::Tensor &blocked)
{
    const std::int64_t B = x.size(0), T = x.size(1), hs = m_nEmbd / m_nHead;
    const torch::Tensor projected = c_attn(x); // (B, T, 3C)
    if (!blocked.defined() && fusedCausalAttentionApplies(projected)) {
        const torch::Tensor mask =
            attn_dropout->scaledMask({B, m_nHead, T, T}, projected.options());
        return resid_dropout(c_proj(fusedCausalAttention(projected, m_nHead, mask)));
    }
    auto qkv = projected.split(m_nEmbd, -1); // 3 x (B, T, C)
    const auto heads = [&](const torch::Tensor &t) {
        return t.view({B, T, m_nHead, hs}).transpose(1, 2); // (B, nh, T, hs)
    };
    torch::Tensor y = attend(heads(qkv[0]), heads(qkv[1]), heads(qkv[2]), 0, blocked);
    y = y.transpose(1, 2).contiguous().view({B, T, m_nEmbd}); // (B, T, C)
    return resid_dropout(c_proj(y));
}

torch::Tensor CausalSelfAttentionImpl::forwardCached(const torch::Tensor &x, KvCache &cache,
                                                     std::int64_t layer)
{
    const std::int64_t B = x.size(0), T = x.size(1), hs = m_nEmbd / m_nHead;
    const std::int64_t start = cache.length, end = start + T;
    auto qkv = applyLinear(c_attn, x).split(m_nEmbd, -1);
    const auto heads = [&](const torch::Tensor &t) {
        return t.view({B, T, m_nHead, hs}).transpose(1, 2); // (B, nh, T, hs)
    };
    torch::Tensor keys = cache.keys[layer];     // (B, nh, T_max, hs)
    torch::Tensor values = cache.values[layer]; // (B, nh, T_max, hs)
    keys.slice(2, start, end).copy_(heads(qkv[1]));
    values.slice(2, start, end).copy_(heads(qkv[2]));
    torch::Tensor y = attend(heads(qkv[0]), keys.slice(2, 0, end), values.slice(2, 0, end), start);
    y = y.transpose(1, 2).contiguous().view({B, T, m_nEmbd});
    return applyLinear(c_proj, y);
}

MlpImpl::MlpImpl(const ModelConfig &c, const at::Generator &generator)
    : c_fc(torch::nn::Linear(c.nEmbd, 4 * c.nEmbd)),
      c_proj(torch::nn::Linear(4 * c.nEmbd, c.nEmbd)),
      dropout(GeneratorDropout(c.dropout, generator))
{
    register_module("c_fc", c_fc);
    register_module("c_proj", c_proj);
    register_module("dropout", dropout);
}

torch::Tensor MlpImpl::forward(const torch::Tensor &x)
{
    // GELU's tanh approximation, GPT-2's own: what llama.cpp and transformers compute for it.
    torch::Tensor hidden = torch::gelu(applyLinear(c_fc, x), "tanh"); // (B, T, 4C)
    return dropout(applyLinear(c_proj, hidden));
}

BlockImpl::BlockImpl(const ModelConfig &c, const at::Generator &generator)
    : ln_1(torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.nEmbd}))),
      ln_2(torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.nEmbd}))),
      attn(CausalSelfAttention(c, generator)), mlp(Mlp(c, generator))
{
    register_module("ln_1", ln_1);
    register_module("attn", attn);
    register_module("ln_2", ln_2);
    register_module("mlp", mlp);
}

torch::Tensor BlockImpl::forward(torch::Tensor x)
{
    return forwardMasked(std::move(x), torch::Tensor());
}

torch::Tensor BlockImpl::forwardMasked(torch::Tensor x, const torch::Tensor &blocked)
{
    x = x + attn->forwardMasked(ln_1(x), blocked);
    return x + mlp(ln_2(x));
}

torch::Tensor BlockImpl::forwardCached(torch::Tensor x, KvCache &cache, std::int64_t layer)
{
    x = x + attn->forwardCached(ln_1(x), cache, layer);
    return x + mlp(ln_2(x));
}

GptImpl::GptImpl(const ModelConfig &c, at::Generator generator)
    : wte(torch::nn::Embedding(c.vocabSize, c.nEmbd)),
      wpe(torch::nn::Embedding(c.contextLength, c.nEmbd)),
      drop(GeneratorDropout(c.dropout, generator)), h(torch::nn::ModuleList()),
      ln_f(torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.nEmbd}))), m_config(c),
      m_generator(generator)
{
    requireValid(c);
    register_module("wte", wte);
    register_module("wpe", wpe);
    register_module("drop", drop);
    for (std::int64_t i = 0; i < c.nLayer; ++i)
        h->push_back(Block(c, generator));
    register_module("h", h);
    register_module("ln_f", ln_f);
    // The modules' own constructors drew their (discarded) defaults from the global generator;
    // the weights that count come from ours, on its device.
    to(generator.device());
    initializeWeights(generator);
}

void GptImpl::initializeWeights(at::Generator &generator)
{
    torch::NoGradGuard noGrad;
    // GPT-2: N(0, 0.02) everywhere, zero biases, and the projections that write into the
    // residual stream scaled by 1/sqrt(2 n_layer) so its variance does not grow with depth.
    const double residualStd = 0.02 / std::sqrt(2.0 * double(m_config.nLayer));
    for (auto &item : named_parameters()) {
        const std::string &name = item.key();
        torch::Tensor &p = item.value();
        if (p.dim() < 2)
            continue; // LayerNorm keeps its ones and zeros; biases are zeroed below
        const bool writesResidual = name.find("c_proj.weight") != std::string::npos;
        p.normal_(0.0, writesResidual ? residualStd : 0.02, generator);
    }
    for (auto &item : named_parameters())
        if (item.value().dim() == 1 && item.key().find("ln_") == std::string::npos)
            item.value().zero_();
}

torch::Tensor GptImpl::embed(const torch::Tensor &idx, std::int64_t firstPosition,
                             const torch::Tensor &tokenGradient)
{
    const std::int64_t T = idx.size(1);
    TORCH_CHECK(firstPosition + T <= m_config.contextLength, "sequence of ", firstPosition + T,
                " tokens is longer than the model's context of ", m_config.contextLength);
    const torch::Tensor positions =
        torch::arange(firstPosition, firstPosition + T,
                      torch::TensorOptions().dtype(torch::kLong).device(idx.device()));
    const torch::Tensor tokens =
        tokenGradient.defined() ? tiedTokenLookup(wte->weight, idx, tokenGradient) : wte(idx);
    return drop(tokens + wpe(positions)); // (B, T, C)
}

torch::Tensor GptImpl::runBlock(std::size_t index, const torch::Tensor &x,
                                const torch::Tensor &blocked)
{
    BlockImpl &block = *h[index]->as<Block>();
    // Recomputing pays only while a graph is built, and only when x carries one: a block whose
    // input needs no gradient (all blocks below it frozen) would never be called back.
    if (m_checkpointing && is_training() && torch::GradMode::is_enabled() && x.requires_grad())
        return checkpointedBlockForward(block, x, blocked, m_generator);
    return block.forwardMasked(x, blocked);
}

torch::Tensor GptImpl::hiddenStates(const torch::Tensor &idx)
{
    return hiddenStatesFrom(embed(idx, 0));
}

torch::Tensor GptImpl::hiddenStatesFrom(const torch::Tensor &embedded)
{
    torch::Tensor x = embedded;
    for (std::size_t i = 0; i < h->size(); ++i)
        x = runBlock(i, x, torch::Tensor());
    return ln_f(x); // (B, T, C)
}

torch::Tensor GptImpl::packedHiddenStates(const torch::Tensor &idx, const torch::Tensor &positions,
                                          const torch::Tensor &blocked)
{
    TORCH_CHECK(idx.size(1) <= m_config.contextLength, "packed row of ", idx.size(1),
                " tokens is longer than the model's context of ", m_config.contextLength);
    torch::Tensor x = drop(wte(idx) + wpe(positions)); // (B, T, C)
    for (std::size_t i = 0; i < h->size(); ++i)
        x = runBlock(i, x, blocked);
    return ln_f(x); // (B, T, C)
}

torch::Tensor GptImpl::forward(const torch::Tensor &idx)
{
    // The output head is the token table itself (weight tying, as in GPT-2).
    return F::linear(hiddenStates(idx), wte->weight); // (B, T, V)
}

torch::Tensor GptImpl::loss(const torch::Tensor &idx, const torch::Tensor &targets)
{
    // The tied head and its cross-entropy a block of rows at a time, gradients included
    // (chunked_head_loss.h): the (B*T x V) logits never exist.
    // On a CPU the token lookup's gradient is added into the head's (tied_embedding.h).
    const torch::Tensor &table = wte->weight;
    const bool tied = table.is_cpu() && table.requires_grad() && torch::GradMode::is_enabled();
    const torch::Tensor tableGradient = tied ? torch::empty_like(table) : torch::Tensor();
    const torch::Tensor hidden = hiddenStatesFrom(embed(idx, 0, tableGradient));
    return chunkedHeadLoss(hidden.reshape({-1, hidden.size(-1)}), table, targets.reshape({-1}), 0,
                           tableGradient);
}

torch::Tensor GptImpl::forwardCached(const torch::Tensor &idx, KvCache &cache)
{
    torch::Tensor x = embed(idx, cache.length);
    for (std::int64_t layer = 0; layer < m_config.nLayer; ++layer)
        x = h[layer]->as<Block>()->forwardCached(x, cache, layer);
    cache.length += idx.size(1);
    const torch::Tensor last = ln_f(x.select(1, x.size(1) - 1)); // (B, C)
    if (last.size(0) == 1 && !last.device().is_cuda())
        return torch::mv(wte->weight, last.reshape({-1})).unsqueeze(0); // (1, V)
    return F::linear(last, wte->weight);                                // (B, V)
}

} // namespace azllm
