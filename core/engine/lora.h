// Low-rank adapters (LoRA, Hu et al. 2021) and trainable embedding rows, as reparametrisations of
// a Gpt's weights: each adapted Linear computes with W + (alpha / r) B A instead of W, and the
// token table with its marker rows replaced by trainable copies. The module's own parameters
// (the base weights) are never written while training, so a run can prove them bit-identical,
// and nothing in gpt.cpp changes: apply() points the layers' weight members at the adapted
// tensors before a forward pass, restore() points them back, mergeIntoBase() bakes them in.
// Engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

#include "gpt.h"

namespace azllm {

struct LoraSettings
{
    std::int64_t rank = 8;
    double alpha = 16;     // the update is scaled by alpha / rank
    bool attention = true; // c_attn and attn.c_proj of every block
    bool mlp = false;      // c_fc and mlp.c_proj of every block
};

class LoraAdapters
{
public:
    // A starts small and random, B at zero, so the adapted model starts as the base exactly.
    // A is drawn from generator (the trainer's; none: LibTorch's global one, for adapters that
    // are loaded over it).
    LoraAdapters(Gpt &model, const LoraSettings &settings,
                 c10::optional<at::Generator> generator = c10::nullopt);

    void apply();
    void restore();
    // W += (alpha / r) B A in every adapted layer, in place; the adapters no longer apply.
    void mergeIntoBase();

    // A then B for each adapted layer, in module order.
    std::vector<torch::Tensor> parameters() const;
    std::int64_t parameterCount() const;

    // Entries "<layer>.lora_A" (r, in) and "<layer>.lora_B" (out, r), e.g.
    // "h.0.attn.c_attn.lora_A".
    void save(torch::serialize::OutputArchive &archive) const;
    // Throws std::runtime_error naming the first entry that is missing or misshapen.
    void load(torch::serialize::InputArchive &archive);

private:
    struct Adapter
    {
        std::string name;
        torch::nn::Linear layer{nullptr};
        torch::Tensor base; // the layer's own weight parameter (out, in)
        torch::Tensor a;    // (r, in)
        torch::Tensor b;    // (out, r)
    };
    torch::Tensor adapted(const Adapter &adapter) const;

    std::vector<Adapter> m_adapters;
    double m_scale;
};

// Rows of the token table that train while the rest of it stays frozen: the chat markers for SFT
// (pretraining never saw them as inputs), <|label|> for classification. With the tied output
// head they also change how likely the model is to write those markers.
class MarkerRows
{
public:
    MarkerRows(Gpt &model, std::vector<std::int64_t> ids);

    void apply();
    void restore();
    void mergeIntoBase();

    torch::Tensor parameter() const { return m_rows; } // (k, C)
    const std::vector<std::int64_t> &ids() const { return m_ids; }

    // Entries "wte.marker_ids" (k) and "wte.marker_rows" (k, C).
    void save(torch::serialize::OutputArchive &archive) const;
    void load(torch::serialize::InputArchive &archive);

private:
    torch::nn::Embedding m_table{nullptr};
    torch::Tensor m_base;  // the table's own weight parameter (V, C)
    torch::Tensor m_index; // (k) int64
    torch::Tensor m_rows;  // (k, C), trainable
    std::vector<std::int64_t> m_ids;
};

} // namespace azllm
