// Text continuation with a trained GPT: sampling, streaming, cancellation, and a look at the
// next-token distribution. Works on token ids; the tokenizer lives in core/text.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

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

class Generator
{
public:
    explicit Generator(LanguageModel model);

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

private:
    LanguageModel m_model;
};

} // namespace azllm
