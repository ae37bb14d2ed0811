#include "language_model_impl.h"

#include "checkpoint_io.h"
#include "runtime.h"
#include "tuned_checkpoint.h"

namespace azllm {

std::string describeTorchError(const c10::Error &error)
{
    return error.what_without_backtrace();
}

LanguageModel LanguageModel::create(const ModelConfig &config, std::uint64_t seed,
                                    const std::string &device)
{
    requireValid(config);
    return LanguageModel(
        std::make_shared<Impl>(config, torch::Device(resolveDevice(device)), seed));
}

LanguageModel LanguageModel::fromCheckpoint(const std::string &checkpointDir,
                                            const std::string &device)
{
    const RunConfig run = readCheckpointConfig(checkpointDir);
    if (run.tuning.kind == "classify")
        throw std::runtime_error("checkpoint " + checkpointDir +
                                 " is a text classifier: it sorts texts into labels rather than "
                                 "writing text. Use `azllm classify predict --checkpoint " +
                                 checkpointDir + " --text ...` or the Fine-tune screen.");
    try {
        requireValid(run.model);
    } catch (const std::invalid_argument &e) {
        throw std::runtime_error("checkpoint " + checkpointDir + ": config.txt: " + e.what());
    }
    // The weights come from the checkpoint; the seed only fills what they overwrite.
    auto impl = std::make_shared<Impl>(run.model, torch::Device(torch::kCPU), 0);
    try {
        loadModelWeights(checkpointDir, impl->gpt); // a tuned one: base, adapters merged
    } catch (const c10::Error &e) {
        throw std::runtime_error("checkpoint " + checkpointDir + ": " + describeTorchError(e));
    }
    impl->device = torch::Device(resolveDevice(device));
    impl->gpt->to(impl->device);
    impl->gpt->eval();
    return LanguageModel(std::move(impl));
}

const ModelConfig &LanguageModel::config() const
{
    return m_impl->gpt->config();
}

std::int64_t LanguageModel::parameterCount() const
{
    std::int64_t n = 0;
    for (const torch::Tensor &p : m_impl->gpt->parameters())
        n += p.numel();
    return n;
}

std::string LanguageModel::device() const
{
    return m_impl->device.str();
}

} // namespace azllm
