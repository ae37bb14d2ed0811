#include "sampler.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace azllm {
namespace {

void applyRepetitionPenalty(std::vector<float> &logits, double penalty,
                            const std::vector<int> &history)
{
    if (penalty == 1.0)
        return;
    std::vector<bool> seen(logits.size(), false);
    for (int id : history)
        if (id >= 0 && std::size_t(id) < logits.size())
            seen[std::size_t(id)] = true;
    for (std::size_t i = 0; i < logits.size(); ++i)
        if (seen[i])
            logits[i] = logits[i] > 0 ? float(logits[i] / penalty) : float(logits[i] * penalty);
}

std::size_t argmax(const std::vector<float> &v)
{
    return std::size_t(std::max_element(v.begin(), v.end()) - v.begin());
}

// Ids in order of decreasing probability (lower id first on ties), only the first `count` sorted.
std::vector<int> rankedIds(const std::vector<float> &probs, std::size_t count)
{
    std::vector<int> ids(probs.size());
    std::iota(ids.begin(), ids.end(), 0);
    const auto higher = [&](int a, int b) {
        return probs[a] > probs[b] || (probs[a] == probs[b] && a < b);
    };
    count = std::min(count, ids.size());
    std::partial_sort(ids.begin(), ids.begin() + std::ptrdiff_t(count), ids.end(), higher);
    ids.resize(count);
    return ids;
}

} // namespace

std::vector<float> softmax(const std::vector<float> &logits, double temperature)
{
    std::vector<float> probs(logits.size());
    if (logits.empty())
        return probs;
    const float top = *std::max_element(logits.begin(), logits.end());
    double sum = 0;
    for (std::size_t i = 0; i < logits.size(); ++i) {
        probs[i] = float(std::exp((double(logits[i]) - top) / temperature));
        sum += probs[i];
    }
    for (float &p : probs)
        p = float(p / sum);
    return probs;
}

std::vector<float> samplingDistribution(std::vector<float> logits, const SamplingParams &params,
                                        const std::vector<int> &history)
{
    applyRepetitionPenalty(logits, params.repetitionPenalty, history);
    if (params.temperature <= 0 || params.topK == 1) {
        std::vector<float> oneHot(logits.size(), 0.0f);
        if (!logits.empty())
            oneHot[argmax(logits)] = 1.0f;
        return oneHot;
    }
    std::vector<float> probs = softmax(logits, params.temperature);
    const bool cutK = params.topK > 0 && std::size_t(params.topK) < probs.size();
    const bool cutP = params.topP < 1.0;
    if (!cutK && !cutP)
        return probs;
    const std::vector<int> ranked =
        rankedIds(probs, cutK ? std::size_t(params.topK) : probs.size());
    std::size_t keep = ranked.size();
    if (cutP) {
        double mass = 0;
        for (std::size_t i = 0; i < ranked.size(); ++i) {
            mass += probs[std::size_t(ranked[i])];
            if (mass >= params.topP) {
                keep = i + 1;
                break;
            }
        }
    }
    std::vector<float> kept(probs.size(), 0.0f);
    double sum = 0;
    for (std::size_t i = 0; i < keep; ++i)
        sum += probs[std::size_t(ranked[i])];
    for (std::size_t i = 0; i < keep; ++i)
        kept[std::size_t(ranked[i])] = float(probs[std::size_t(ranked[i])] / sum);
    return kept;
}

int Sampler::pick(const std::vector<float> &logits, const SamplingParams &params,
                  const std::vector<int> &history)
{
    // Greedy needs no distribution: the first highest logit is what the one-hot below picks,
    // without two vocabulary-sized allocations per token.
    if ((params.temperature <= 0 || params.topK == 1) && params.repetitionPenalty == 1.0 &&
        !logits.empty())
        return int(argmax(logits));
    const std::vector<float> probs = samplingDistribution(logits, params, history);
    double r = std::uniform_real_distribution<double>(0.0, 1.0)(m_rng);
    for (std::size_t i = 0; i < probs.size(); ++i) {
        r -= probs[i];
        if (r < 0 && probs[i] > 0)
            return int(i);
    }
    return int(argmax(probs)); // rounding left r a hair above 0: take the likeliest
}

} // namespace azllm
