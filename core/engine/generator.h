// Text continuation with a trained GPT: sampling, streaming, cancellation, and a look at the
// next-token distribution. Works on token ids; the tokenizer lives in core/text.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "decode_model.h"
#include "language_model.h"
#include "sampler.h"

namespace azllm {

struct GenerationParams
{
    SamplingParams sampling;
    int maxNewTokens = 128;
    // Generation ends after this id (SentencePiece's </s> = 2); -1 never ends early.
    int endOfText = 2;
    std::uint64_t seed = 0;
    // The KV cache makes each new token cost one position instead of the whole window.
    bool useKvCache = true;
};

struct GenerationStats
{
    int promptTokens = 0;
    int generatedTokens = 0;
    double timeToFirstTokenMs = 0; // prompt processing plus the first token
    double totalMs = 0;
    double tokensPerSecond = 0; // generated tokens after the first, per second
    bool reachedEndOfText = false;
    bool stoppedByCaller = false;
};

// Called with each new token as soon as it is chosen; return false to stop generating.
using TokenCallback = std::function<bool(int token)>;

using quant::Precision;

// Who computes the forward passes: the decode kernels (core/quant) on the CPU, or LibTorch
// (the only choice on a GPU; kept on the CPU for comparisons).
enum class DecodePath
{
    Kernels,
    LibTorch
};

class Generator
{
public:
    // A model on the CPU decodes through the kernels (fp32 or int8); on a GPU through LibTorch.
    // Throws std::invalid_argument for int8 on a GPU or int8 through LibTorch.
    explicit Generator(LanguageModel model, Precision precision = Precision::Fp32,
                       DecodePath path = DecodePath::Kernels);
    Generator(Generator &&) noexcept;
    Generator &operator=(Generator &&) noexcept;
    ~Generator();

    // The new tokens (the prompt is not repeated). When the text outgrows the context, the
    // model keeps seeing the newest half-context plus what follows; with or without the KV
    // cache it sees exactly the same tokens, so greedy output is identical.
    // Throws std::invalid_argument for an empty prompt or an id outside the vocabulary.
    std::vector<int> generate(const std::vector<int> &prompt, const GenerationParams &params,
                              const TokenCallback &onToken = {}, GenerationStats *stats = nullptr);

    // Logits for the token after tokens[position], seeing tokens[0..position] (at most the
    // model's context, the newest ones).
    std::vector<float> nextTokenLogits(const std::vector<int> &tokens, std::size_t position);

    const LanguageModel &model() const { return m_model; }
    Precision precision() const { return m_precision; }
    // "kernels (avx2)", "kernels (scalar)" or "LibTorch": what computes the forward passes.
    std::string pathDescription() const;
    // The decode path's model, null when LibTorch decodes.
    const std::shared_ptr<const quant::DecodeModel> &decodeModel() const { return m_decoder; }

private:
    LanguageModel m_model;
    Precision m_precision;
    std::shared_ptr<const quant::DecodeModel> m_decoder;
    // The KV cache and scratch of the decode path, kept between calls: a chat reuses them.
    std::unique_ptr<quant::DecodeState> m_state;
};

} // namespace azllm
