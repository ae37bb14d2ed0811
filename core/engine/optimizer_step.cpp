#include "optimizer_step.h"

#include <cmath>

namespace azllm {

UpdateOutcome applyUpdate(FusedAdamW &optimizer, LossScaler *scaler, double learningRate,
                          double gradClip)
{
    const double scale = scaler ? scaler->scale() : 1.0;
    const double scaledNorm = optimizer.gradientNorm();
    UpdateOutcome outcome;
    outcome.gradNorm = scaledNorm / scale;
    // Without a scaler a non-finite norm skips the update too: `NaN > clip` is false, so the
    // clipping below would let a NaN gradient reach every weight.
    const bool finite = std::isfinite(scaledNorm);
    if (scaler ? !scaler->update(finite) : !finite) {
        outcome.skipped = true;
        return outcome;
    }
    // Clipping as clip_grad_norm_ does it; unscaling rides on the same multiplier.
    const bool clip = gradClip > 0 && outcome.gradNorm > gradClip;
    const double clipFactor = clip ? gradClip / (outcome.gradNorm + 1e-6) : 1.0;
    optimizer.step(learningRate, clipFactor / scale);
    return outcome;
}

} // namespace azllm
