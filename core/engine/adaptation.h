// Which weights of a pretrained GPT a tuning run changes (TuningConfig): all of them, the last N
// blocks (with ln_f), or LoRA adapters; and, whenever the token table is frozen, the rows of the
// markers the run teaches (MarkerRows). Everything else is frozen (requires_grad off), so the
// optimizer never sees it and its values stay bit-identical. Engine sources only (LibTorch).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gpt.h"
#include "lora.h"
#include "train_config.h"

namespace azllm {

// "all" -> n_layer, "N" -> N (0 <= N <= n_layer); throws std::invalid_argument naming the key.
std::int64_t parseTrainBlocks(const std::string &value, std::int64_t layers);

class Adaptation
{
public:
    // generator draws LoRA's initial A (the trainer's; none when adapters are loaded over it).
    Adaptation(Gpt &model, const TuningConfig &tuning, const std::vector<std::int64_t> &markerIds,
               c10::optional<at::Generator> generator = c10::nullopt);

    // Before every forward pass while training (the adapted weights are a graph node that each
    // backward consumes), and once before evaluating.
    void apply();
    void restore();
    // Bakes adapters and marker rows into the module's parameters (for inference and merging).
    void mergeIntoBase();

    // Matrices (weight decay) and the rest, in a fixed order: the optimizer's slot order.
    void trainable(std::vector<torch::Tensor> &decay, std::vector<torch::Tensor> &noDecay) const;
    std::int64_t trainableCount() const;
    // Whether any body weight trains (false: a frozen feature extractor, no backward needed).
    bool trainsBody() const { return m_trainsBody; }
    // Whether the module's own parameters change (full or last-N tuning): model.pt is saved.
    bool changesModuleWeights() const { return m_blocks > 0; }
    // Whether there is an adapters.pt to save (LoRA matrices or marker rows).
    bool hasAdapters() const { return m_lora.has_value() || m_markers.has_value(); }

    void save(const std::string &checkpointDir) const; // adapters.pt, when hasAdapters()
    void load(const std::string &checkpointDir);

private:
    Gpt m_model;
    std::int64_t m_blocks = 0; // blocks trained in full (n_layer: everything, the table too)
    bool m_trainsBody = false;
    std::optional<LoraAdapters> m_lora;
    std::optional<MarkerRows> m_markers;
};

} // namespace azllm
