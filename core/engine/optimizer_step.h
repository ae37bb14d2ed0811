// One optimizer update as the trainer makes it: the global gradient norm, gradient clipping and,
// for fp16, the loss scale (loss_scaler.h) folded into AdamW's single pass. Engine sources only.
#pragma once

#include "adamw.h"
#include "loss_scaler.h"

namespace azllm {

struct UpdateOutcome
{
    double gradNorm = 0;  // of the true (unscaled) gradients, before clipping
    bool skipped = false; // the gradients were not finite: weights and moments untouched
};

// The gradients were computed on the loss times scaler->scale() (times 1 without a scaler).
// A non-finite gradient norm skips the update (with a scaler it also lowers the scale); the
// caller clears the gradients either way.
UpdateOutcome applyUpdate(FusedAdamW &optimizer, LossScaler *scaler, double learningRate,
                          double gradClip);

} // namespace azllm
