#include "adaptation.h"

#include <filesystem>
#include <stdexcept>

#include "archive_check.h"

namespace azllm {

std::int64_t parseTrainBlocks(const std::string &value, std::int64_t layers)
{
    if (value == "all")
        return layers;
    std::size_t used = 0;
    long long n = -1;
    try {
        n = std::stoll(value, &used);
    } catch (const std::exception &) {
        used = 0;
    }
    if (used != value.size() || value.empty() || n < 0 || n > layers)
        throw std::invalid_argument("train_blocks: '" + value + "' is not 'all' or a number of " +
                                    "blocks from 0 to " + std::to_string(layers));
    return n;
}

Adaptation::Adaptation(Gpt &model, const TuningConfig &tuning,
                       const std::vector<std::int64_t> &markerIds,
                       c10::optional<at::Generator> generator)
    : m_model(model)
{
    const std::int64_t layers = model->config().nLayer;
    m_blocks = tuning.loraRank > 0 ? 0 : parseTrainBlocks(tuning.trainBlocks, layers);
    for (torch::Tensor &p : model->parameters())
        p.requires_grad_(false);
    if (m_blocks == layers) {
        for (torch::Tensor &p : model->parameters())
            p.requires_grad_(true);
        m_trainsBody = true;
        return; // the whole table trains, marker rows included
    }
    for (std::int64_t i = layers - m_blocks; i < layers; ++i)
        for (torch::Tensor &p : model->h[std::size_t(i)]->parameters())
            p.requires_grad_(true);
    if (m_blocks > 0)
        for (torch::Tensor &p : model->ln_f->parameters())
            p.requires_grad_(true);
    if (tuning.loraRank > 0) {
        LoraSettings settings;
        settings.rank = tuning.loraRank;
        settings.alpha = tuning.loraAlpha;
        settings.attention = tuning.loraTargets.find("attn") != std::string::npos;
        settings.mlp = tuning.loraTargets.find("mlp") != std::string::npos;
        m_lora.emplace(model, settings, generator);
    }
    if (!markerIds.empty())
        m_markers.emplace(model, markerIds);
    m_trainsBody = m_blocks > 0 || m_lora.has_value() || m_markers.has_value();
}

void Adaptation::apply()
{
    if (m_lora)
        m_lora->apply();
    if (m_markers)
        m_markers->apply();
}

void Adaptation::restore()
{
    if (m_lora)
        m_lora->restore();
    if (m_markers)
        m_markers->restore();
}

void Adaptation::mergeIntoBase()
{
    if (m_lora)
        m_lora->mergeIntoBase();
    if (m_markers)
        m_markers->mergeIntoBase();
}

void Adaptation::trainable(std::vector<torch::Tensor> &decay,
                           std::vector<torch::Tensor> &noDecay) const
{
    for (const torch::Tensor &p : m_model->parameters())
        if (p.requires_grad())
            (p.dim() >= 2 ? decay : noDecay).push_back(p);
    if (m_lora)
        for (const torch::Tensor &p : m_lora->parameters())
            decay.push_back(p);
    if (m_markers)
        decay.push_back(m_markers->parameter());
}

std::int64_t Adaptation::trainableCount() const
{
    std::vector<torch::Tensor> decay, noDecay;
    trainable(decay, noDecay);
    std::int64_t n = 0;
    for (const auto *group : {&decay, &noDecay})
        for (const torch::Tensor &p : *group)
            n += p.numel();
    return n;
}

void Adaptation::save(const std::string &checkpointDir) const
{
    if (!hasAdapters())
        return;
    torch::serialize::OutputArchive archive;
    if (m_lora)
        m_lora->save(archive);
    if (m_markers)
        m_markers->save(archive);
    archive.save_to((std::filesystem::path(checkpointDir) / "adapters.pt").string());
}

void Adaptation::load(const std::string &checkpointDir)
{
    if (!hasAdapters())
        return;
    const std::string path = (std::filesystem::path(checkpointDir) / "adapters.pt").string();
    if (!std::filesystem::is_regular_file(path))
        throw std::runtime_error("checkpoint " + checkpointDir + ": missing adapters.pt");
    verifyCheckpointArchive(checkpointDir, "adapters.pt");
    torch::serialize::InputArchive archive;
    archive.load_from(path, m_model->wte->weight.device());
    try {
        if (m_lora)
            m_lora->load(archive);
        if (m_markers)
            m_markers->load(archive);
    } catch (const std::runtime_error &e) {
        throw std::runtime_error("checkpoint " + checkpointDir + ": " + e.what());
    }
}

} // namespace azllm
