#include "loss_scaler.h"

namespace azllm {

LossScaler::LossScaler(LossScaleState state, LossScaleSettings settings)
    : m_state(state), m_settings(settings)
{
}

bool LossScaler::update(bool gradientsFinite)
{
    if (!gradientsFinite) {
        m_state.scale *= m_settings.backoffFactor;
        m_state.goodSteps = 0;
        ++m_state.skippedSteps;
        return false;
    }
    if (++m_state.goodSteps >= m_settings.growthInterval) {
        m_state.scale *= m_settings.growthFactor;
        m_state.goodSteps = 0;
    }
    return true;
}

} // namespace azllm
