// LanguageModel's insides, for engine sources only (it brings in LibTorch).
#pragma once

#include "gpt.h"
#include "language_model.h"

namespace azllm {

struct LanguageModel::Impl
{
    Impl(const ModelConfig &config, const torch::Device &device) : gpt(config), device(device)
    {
        gpt->to(device);
    }
    Gpt gpt;
    torch::Device device;
};

// c10::Error messages carry a C++ backtrace; callers get the first line only.
std::string describeTorchError(const c10::Error &error);

} // namespace azllm
