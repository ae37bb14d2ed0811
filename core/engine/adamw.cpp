#include "adamw.h"

#include <ATen/Parallel.h>

#include <cmath>

namespace azllm {

FusedAdamW::FusedAdamW(const std::vector<torch::Tensor> &decayed,
                       const std::vector<torch::Tensor> &notDecayed, AdamWSettings settings)
    : m_settings(settings)
{
    const auto add = [&](const torch::Tensor &p, bool decay) {
        m_slots.push_back({p, torch::zeros_like(p), torch::zeros_like(p), decay});
    };
    for (const torch::Tensor &p : decayed)
        add(p, true);
    for (const torch::Tensor &p : notDecayed)
        add(p, false);
}

double FusedAdamW::gradientNorm() const
{
    std::vector<torch::Tensor> norms;
    for (const Slot &s : m_slots)
        if (s.param.grad().defined())
            norms.push_back(s.param.grad().norm());
    if (norms.empty())
        return 0;
    return torch::stack(norms).norm().item<double>(); // one device sync for all parameters
}

void FusedAdamW::step(double lr, double gradScale)
{
    torch::NoGradGuard noGrad;
    ++m_steps;
    const double bias1 = 1.0 - std::pow(m_settings.beta1, double(m_steps));
    const double bias2 = 1.0 - std::pow(m_settings.beta2, double(m_steps));
    for (Slot &slot : m_slots) {
        if (!slot.param.grad().defined())
            continue;
        const bool fusable = slot.param.is_cpu() && slot.param.scalar_type() == torch::kFloat32 &&
                             slot.param.is_contiguous() && slot.param.grad().is_contiguous();
        if (fusable)
            stepOnCpu(slot, float(lr), float(gradScale), float(bias1), float(bias2));
        else
            stepWithTensorOps(slot, lr, gradScale, bias1, bias2);
    }
}

// One read of p, g, m, v and one write of p, m, v per element, split across LibTorch's threads.
void FusedAdamW::stepOnCpu(Slot &slot, float lr, float scale, float bias1, float bias2)
{
    float *p = slot.param.data_ptr<float>();
    const float *g = slot.param.grad().data_ptr<float>();
    float *m = slot.expAvg.data_ptr<float>();
    float *v = slot.expAvgSq.data_ptr<float>();
    const float beta1 = float(m_settings.beta1), beta2 = float(m_settings.beta2),
                eps = float(m_settings.eps);
    const float decay = slot.decay ? 1.0f - lr * float(m_settings.weightDecay) : 1.0f;
    const float stepSize = lr / bias1, rootBias2 = std::sqrt(bias2);
    at::parallel_for(0, slot.param.numel(), 32768, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = begin; i < end; ++i) {
            const float grad = g[i] * scale;
            m[i] = beta1 * m[i] + (1.0f - beta1) * grad;
            v[i] = beta2 * v[i] + (1.0f - beta2) * grad * grad;
            p[i] = p[i] * decay - stepSize * m[i] / (std::sqrt(v[i]) / rootBias2 + eps);
        }
    });
}

// The same update as LibTorch ops, for GPUs and unusual layouts.
void FusedAdamW::stepWithTensorOps(Slot &slot, double lr, double scale, double bias1, double bias2)
{
    const torch::Tensor grad = slot.param.grad() * scale;
    if (slot.decay)
        slot.param.mul_(1.0 - lr * m_settings.weightDecay);
    slot.expAvg.mul_(m_settings.beta1).add_(grad, 1.0 - m_settings.beta1);
    slot.expAvgSq.mul_(m_settings.beta2).addcmul_(grad, grad, 1.0 - m_settings.beta2);
    const torch::Tensor denom = (slot.expAvgSq.sqrt() / std::sqrt(bias2)).add_(m_settings.eps);
    slot.param.addcdiv_(slot.expAvg, denom, -lr / bias1);
}

void FusedAdamW::save(torch::serialize::OutputArchive &archive) const
{
    archive.write("steps", torch::tensor(m_steps, torch::kLong));
    archive.write("slots", torch::tensor(std::int64_t(m_slots.size()), torch::kLong));
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        archive.write("exp_avg." + std::to_string(i), m_slots[i].expAvg, /*is_buffer=*/true);
        archive.write("exp_avg_sq." + std::to_string(i), m_slots[i].expAvgSq, /*is_buffer=*/true);
    }
}

void FusedAdamW::load(torch::serialize::InputArchive &archive)
{
    torch::Tensor steps, slots;
    if (!archive.try_read("steps", steps) || !archive.try_read("slots", slots))
        throw std::runtime_error("not an AdamW state (no step count)");
    if (slots.item<std::int64_t>() != std::int64_t(m_slots.size()))
        throw std::runtime_error("holds moments for " + std::to_string(slots.item<std::int64_t>()) +
                                 " tensors, the model has " + std::to_string(m_slots.size()));
    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        for (auto [name, target] : {std::pair{"exp_avg.", &m_slots[i].expAvg},
                                    std::pair{"exp_avg_sq.", &m_slots[i].expAvgSq}}) {
            torch::Tensor stored;
            if (!archive.try_read(name + std::to_string(i), stored, true) ||
                !stored.sizes().equals(target->sizes()))
                throw std::runtime_error("moment " + std::string(name) + std::to_string(i) +
                                         " is missing or misshapen");
            target->copy_(stored);
        }
    }
    m_steps = steps.item<std::int64_t>();
}

} // namespace azllm
