// LanguageModel's insides, for engine sources only (it brings in LibTorch).
#pragma once

#include "gpt.h"
#include "language_model.h"
#include "random_generator.h"

namespace azllm {

struct LanguageModel::Impl
{
    // Weights initialised on device from a generator of their own, seeded with seed.
    Impl(const ModelConfig &config, const torch::Device &device, std::uint64_t seed)
        : gpt(config, makeRandomGenerator(device, seed)), device(device)
    {
    }
    Gpt gpt;
    torch::Device device;
};

// c10::Error messages carry a C++ backtrace; callers get the first line only.
std::string describeTorchError(const c10::Error &error);

} // namespace azllm
