#include "tuning_sizing.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace azllm {
namespace {

std::int64_t blocksTrained(const TuningConfig &t, std::int64_t layers)
{
    if (t.loraRank > 0)
        return 0;
    if (t.trainBlocks == "all")
        return layers;
    try {
        return std::clamp<std::int64_t>(std::stoll(t.trainBlocks), 0, layers);
    } catch (const std::exception &) {
        return layers;
    }
}

} // namespace

TuningCost tuningCost(const RunConfig &config, std::int64_t batch, std::int64_t context)
{
    const ModelConfig &m = config.model;
    const TuningConfig &t = config.tuning;
    const ParameterCount p = countParameters(m);
    const std::int64_t C = m.nEmbd, L = m.nLayer;
    const std::int64_t perBlock = (p.attention + p.mlp) / L + 4 * C; // + ln_1, ln_2
    const std::int64_t head = t.kind == "classify" ? (C + 1) * t.labelCount : 0;
    const std::int64_t blocks = blocksTrained(t, L);
    const bool classify = t.kind == "classify";
    const bool headOnly = classify && t.loraRank == 0 && blocks == 0;

    TuningCost cost;
    cost.total = p.total() + head;
    // LoRA on a (out x in) matrix adds r (in + out); attn: c_attn (3C x C), c_proj (C x C).
    std::int64_t lora = 0, adapted = 0;
    if (t.loraRank > 0) {
        const bool attn = t.loraTargets.find("attn") != std::string::npos;
        const bool mlp = t.loraTargets.find("mlp") != std::string::npos;
        lora = L * t.loraRank * ((attn ? 4 * C + 2 * C : 0) + (mlp ? 5 * C + 5 * C : 0));
        adapted = L * ((attn ? 4 * C * C : 0) + (mlp ? 8 * C * C : 0));
    }
    const std::int64_t markers = blocks == L || headOnly ? 0 : (classify ? 1 : 4) * C;
    cost.trainable = blocks == L
                         ? cost.total
                         : blocks * perBlock + (blocks > 0 ? 2 * C : 0) + lora + markers + head;
    const TrainingMemory full = trainingMemory(m, batch, context, false);
    cost.memory.weights = 4 * (cost.total + lora + markers);
    // LoRA here is a reparametrisation (lora.h): backward forms each adapted matrix's full
    // gradient on its way to B and A, one matrix at a time at most, counted as if all at once.
    cost.memory.gradients = 4 * (cost.trainable + adapted);
    cost.memory.optimizer = 8 * cost.trainable;
    // A frozen body runs without a graph: nothing of it is kept for backward. Otherwise the
    // activations are as in pretraining (backward still flows through every block to reach
    // the trained ones, the adapters, or the marker rows at the bottom).
    cost.memory.activations = headOnly ? 0 : full.activations;
    return cost;
}

} // namespace azllm
