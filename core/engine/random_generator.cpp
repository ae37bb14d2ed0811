#include "random_generator.h"

#include <mutex>

namespace azllm {

at::Generator makeRandomGenerator(const torch::Device &device, std::uint64_t seed)
{
    if (device.is_cpu())
        return at::detail::createCPUGenerator(seed);
    // No public constructor for a device generator that works in both LibTorch 1.13 and 2.x:
    // clone the device's default one (a new, independent object) and reseed the clone.
    at::Generator global = at::globalContext().defaultGenerator(device);
    at::Generator own;
    {
        std::lock_guard<std::mutex> lock(global.mutex());
        own = global.clone();
    }
    own.set_current_seed(seed);
    return own;
}

torch::Tensor randomState(at::Generator &generator)
{
    std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get_state();
}

bool restoreRandomState(at::Generator &generator, const torch::Tensor &state)
{
    std::lock_guard<std::mutex> lock(generator.mutex());
    const torch::Tensor current = generator.get_state();
    if (state.scalar_type() != current.scalar_type() || state.numel() != current.numel())
        return false;
    generator.set_state(state);
    return true;
}

} // namespace azllm
