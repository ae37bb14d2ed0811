#include "mixed_precision.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

// LibTorch 2.4 replaced the per-device functions (set_enabled for CUDA, set_cpu_enabled, ...)
// with ones that take the device type, and deprecated the old ones.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define AZLLM_AUTOCAST_TAKES_DEVICE 1
#else
#define AZLLM_AUTOCAST_TAKES_DEVICE 0
#endif

namespace azllm {

namespace {

bool autocastEnabled(torch::DeviceType device)
{
#if AZLLM_AUTOCAST_TAKES_DEVICE
    return at::autocast::is_autocast_enabled(device);
#else
    return device == torch::kCUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
#endif
}

void setAutocastEnabled(torch::DeviceType device, bool enabled)
{
#if AZLLM_AUTOCAST_TAKES_DEVICE
    at::autocast::set_autocast_enabled(device, enabled);
#else
    if (device == torch::kCUDA)
        at::autocast::set_enabled(enabled);
    else
        at::autocast::set_cpu_enabled(enabled);
#endif
}

torch::ScalarType currentAutocastDtype(torch::DeviceType device)
{
#if AZLLM_AUTOCAST_TAKES_DEVICE
    return at::autocast::get_autocast_dtype(device);
#else
    return device == torch::kCUDA ? at::autocast::get_autocast_gpu_dtype()
                                  : at::autocast::get_autocast_cpu_dtype();
#endif
}

void setAutocastDtype(torch::DeviceType device, torch::ScalarType dtype)
{
#if AZLLM_AUTOCAST_TAKES_DEVICE
    at::autocast::set_autocast_dtype(device, dtype);
#else
    if (device == torch::kCUDA)
        at::autocast::set_autocast_gpu_dtype(dtype);
    else
        at::autocast::set_autocast_cpu_dtype(dtype);
#endif
}

} // namespace

torch::ScalarType autocastDtype(TrainingPrecision precision)
{
    switch (precision) {
    case TrainingPrecision::Bf16:
        return torch::kBFloat16;
    case TrainingPrecision::Fp16:
        return torch::kFloat16;
    case TrainingPrecision::Fp32:
        break;
    }
    return torch::kFloat32;
}

torch::ScalarType activeAutocastDtype(torch::DeviceType deviceType)
{
    return autocastEnabled(deviceType) ? currentAutocastDtype(deviceType) : torch::kFloat32;
}

AutocastScope::AutocastScope(torch::DeviceType deviceType, torch::ScalarType dtype)
    : m_deviceType(deviceType)
{
    if (dtype == torch::kFloat32)
        return;
    m_active = true;
    m_wasEnabled = autocastEnabled(deviceType);
    m_previousDtype = currentAutocastDtype(deviceType);
    setAutocastEnabled(deviceType, true);
    setAutocastDtype(deviceType, dtype);
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope()
{
    if (!m_active)
        return;
    // The cache holds 16-bit copies of the weights; they are stale after the optimizer step.
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
    setAutocastEnabled(m_deviceType, m_wasEnabled);
    setAutocastDtype(m_deviceType, m_previousDtype);
}

} // namespace azllm
