// A complete model small enough to be a fuzzing seed (a few tens of kilobytes), for the GGUF and
// safetensors targets: their seeds are this model written by the studio's own exporters.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string>

#include "model_package.h"

namespace fuzz {

inline azllm::quant::ModelPackage tinyPackage()
{
    azllm::quant::ModelPackage package;
    azllm::ModelConfig &config = package.weights.config;
    config.vocabSize = 16;
    config.contextLength = 8;
    config.nEmbd = 32; // one Q8_0 block per row
    config.nLayer = 1;
    config.nHead = 2;
    std::uint32_t state = 1; // a linear congruential sequence: the same seeds on every machine
    for (const auto &[name, shape] : azllm::quant::expectedTensors(config)) {
        azllm::quant::NamedTensor tensor{name, shape, {}};
        tensor.values.resize(std::size_t(azllm::quant::elementCount(shape)));
        for (float &value : tensor.values) {
            state = state * 1103515245u + 12345u;
            value = float(int(state >> 16) % 2001 - 1000) / 8000.0f;
        }
        package.weights.tensors.push_back(std::move(tensor));
    }
    package.runName = "fuzz-seed";
    return package;
}

// Where the seeds go when AZLLM_FUZZ_WRITE_SEEDS names a folder (docs/fuzzing.md); empty if not.
inline std::string seedFolder()
{
    const char *folder = std::getenv("AZLLM_FUZZ_WRITE_SEEDS");
    return folder ? std::string(folder) : std::string();
}

} // namespace fuzz
