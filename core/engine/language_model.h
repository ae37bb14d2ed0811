// A GPT on a device, ready to generate or train: the engine's handle for code that must not see
// LibTorch (the CLI, the UI). Copies share the same weights.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "model_config.h"

namespace azllm {

class LanguageModel
{
public:
    // Fresh weights (GPT-2 initialisation) from seed. Throws std::invalid_argument for a bad
    // config.
    static LanguageModel create(const ModelConfig &config, std::uint64_t seed,
                                const std::string &device = "auto");
    // Weights of a checkpoint folder (checkpoint.h); throws std::runtime_error naming what is
    // wrong.
    static LanguageModel fromCheckpoint(const std::string &checkpointDir,
                                        const std::string &device = "auto");

    const ModelConfig &config() const;
    // Counted on the instantiated module, not computed from the config.
    std::int64_t parameterCount() const;
    std::string device() const;

    struct Impl;
    Impl &impl() const { return *m_impl; }
    // Keeps these weights alive for whoever reads them in place (the fp32 decode path).
    std::shared_ptr<const void> keepAlive() const { return m_impl; }

private:
    explicit LanguageModel(std::shared_ptr<Impl> impl) : m_impl(std::move(impl)) {}
    std::shared_ptr<Impl> m_impl;
};

} // namespace azllm
