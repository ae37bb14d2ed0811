// Turning next-token scores into a choice: repetition penalty, temperature, top-k, top-p.
// Plain C++ on a vector of logits, so the chat screen can show the same reshaped distribution
// that generation samples from.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace azllm {

struct SamplingParams
{
    // Divides the logits: below 1 sharpens the distribution, above 1 flattens it; 0 means greedy.
    double temperature = 0.8;
    // Keep only the k most likely tokens (0 keeps all).
    int topK = 40;
    // Keep the smallest set of most likely tokens whose probabilities add up to p (1 keeps all).
    double topP = 0.95;
    // Above 1 makes tokens already in the text less likely (CTRL's penalty; 1 is off).
    double repetitionPenalty = 1.0;
};

// softmax(logits / temperature); temperature must be positive.
std::vector<float> softmax(const std::vector<float> &logits, double temperature = 1.0);

// The distribution generation samples from: zero outside the kept tokens, summing to 1.
// history holds the token ids the repetition penalty applies to.
std::vector<float> samplingDistribution(std::vector<float> logits, const SamplingParams &params,
                                        const std::vector<int> &history = {});

class Sampler
{
public:
    explicit Sampler(std::uint64_t seed) : m_rng(seed) {}
    int pick(const std::vector<float> &logits, const SamplingParams &params,
             const std::vector<int> &history);

private:
    std::mt19937_64 m_rng;
};

} // namespace azllm
