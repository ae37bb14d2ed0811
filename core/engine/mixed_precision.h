// Mixed precision for training on CUDA: autocast behind one RAII scope that compiles against
// LibTorch 1.13 and 2.x (whose C++ autocast API changed in 2.4). Weights, AdamW moments and
// checkpoints stay fp32 whatever the precision; only the forward pass's products run in 16 bits.
// Engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

#include "precision.h"

namespace azllm {

// Autocast on `deviceType` (CUDA, or CPU for bf16) in `dtype` for the scope's lifetime; the
// previous state comes back when it ends, and the cast-weight cache is cleared when the
// outermost scope ends. Disabled (does nothing) when dtype is fp32.
class AutocastScope
{
public:
    AutocastScope(torch::DeviceType deviceType, torch::ScalarType dtype);
    ~AutocastScope();
    AutocastScope(const AutocastScope &) = delete;
    AutocastScope &operator=(const AutocastScope &) = delete;

private:
    torch::DeviceType m_deviceType;
    bool m_active = false;
    bool m_wasEnabled = false;
    torch::ScalarType m_previousDtype = torch::kFloat32;
};

// The 16-bit type a precision computes in (kFloat32 for Fp32).
torch::ScalarType autocastDtype(TrainingPrecision precision);
// The type autocast on deviceType computes in right now (kFloat32 when it is off): what a
// recomputation in backward needs to do the forward pass's work again (activation_checkpoint.h).
torch::ScalarType activeAutocastDtype(torch::DeviceType deviceType);

} // namespace azllm
