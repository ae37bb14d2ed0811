// AdamW with the update fused into one pass over memory (as llm.c does): on a CPU the optimizer
// is bound by memory traffic, and LibTorch's AdamW makes about a dozen passes over weights,
// gradients and moments per step, allocating two weight-sized temporaries. Same mathematics:
// decoupled weight decay, bias-corrected moments, eps outside the square root.
// Engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

namespace azllm {

struct AdamWSettings
{
    double beta1 = 0.9;
    double beta2 = 0.95;
    double eps = 1e-8;
    double weightDecay = 0.1; // applied to the decayed group only
};

class FusedAdamW
{
public:
    FusedAdamW(const std::vector<torch::Tensor> &decayed,
               const std::vector<torch::Tensor> &notDecayed, AdamWSettings settings);

    // Global L2 norm of all gradients (missing gradients count as zero).
    double gradientNorm() const;
    // One update at learning rate lr, with every gradient multiplied by gradScale first
    // (gradient clipping folded into the same pass).
    void step(double lr, double gradScale = 1.0);
    std::int64_t steps() const { return m_steps; }

    void save(torch::serialize::OutputArchive &archive) const;
    // Throws std::runtime_error when the archive's moments don't fit these parameters.
    void load(torch::serialize::InputArchive &archive);

private:
    struct Slot
    {
        torch::Tensor param;
        torch::Tensor expAvg;   // first moment, like param
        torch::Tensor expAvgSq; // second moment, like param
        bool decay;
    };
    void stepOnCpu(Slot &slot, float lr, float scale, float bias1, float bias2);
    void stepWithTensorOps(Slot &slot, double lr, double scale, double bias1, double bias2);

    std::vector<Slot> m_slots;
    AdamWSettings m_settings;
    std::int64_t m_steps = 0;
};

} // namespace azllm
