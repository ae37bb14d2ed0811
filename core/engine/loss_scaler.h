// Dynamic loss scaling for fp16 training: the loss is multiplied by a large scale before
// backward so that small gradients do not vanish in float16, and the optimizer sees them divided
// by it again. When a step's gradients overflow (inf or NaN) the step is skipped and the scale
// halves; after a run of good steps it doubles. Plain logic, no LibTorch.
#pragma once

#include <cstdint>

namespace azllm {

struct LossScaleState
{
    double scale = 65536.0;        // 2^16, where PyTorch's GradScaler starts
    std::int64_t goodSteps = 0;    // finite steps since the scale last changed
    std::int64_t skippedSteps = 0; // steps skipped for overflow over the whole run
};

struct LossScaleSettings
{
    double growthFactor = 2.0;
    double backoffFactor = 0.5;
    std::int64_t growthInterval = 2000; // finite steps before the scale grows
};

class LossScaler
{
public:
    explicit LossScaler(LossScaleState state = {}, LossScaleSettings settings = {});

    double scale() const { return m_state.scale; }
    const LossScaleState &state() const { return m_state; }
    // After backward, whether every scaled gradient was finite. Returns whether the optimizer
    // may step: false skips the step and lowers the scale.
    bool update(bool gradientsFinite);

private:
    LossScaleState m_state;
    LossScaleSettings m_settings;
};

} // namespace azllm
