#include "classifier_head.h"

#include <filesystem>
#include <stdexcept>

#include "archive_check.h"

namespace azllm {

ClassifierHeadImpl::ClassifierHeadImpl(std::int64_t width, std::int64_t labels, bool meanPooling,
                                       c10::optional<at::Generator> generator)
    : proj(torch::nn::Linear(width, labels)), m_meanPooling(meanPooling)
{
    register_module("proj", proj);
    torch::NoGradGuard noGrad;
    proj->weight.normal_(0.0, 0.02,
                         generator); // as the GPT's own matrices; scores start near uniform
    proj->bias.zero_();
}

torch::Tensor ClassifierHeadImpl::forward(const torch::Tensor &hidden, const torch::Tensor &lengths)
{
    const std::int64_t B = hidden.size(0), T = hidden.size(1);
    torch::Tensor pooled; // (B, C)
    if (m_meanPooling) {
        const torch::Tensor positions = torch::arange(T, lengths.options()).unsqueeze(0); // (1, T)
        const torch::Tensor real = (positions < lengths.unsqueeze(1)).to(hidden.dtype()); // (B, T)
        pooled = (hidden * real.unsqueeze(-1)).sum(1) / real.sum(1, true).clamp_min(1.0);
    } else {
        const torch::Tensor last = (lengths - 1).view({B, 1, 1}).expand({B, 1, hidden.size(2)});
        pooled = hidden.gather(1, last).squeeze(1);
    }
    return proj(pooled); // (B, K)
}

void saveClassifierHead(const std::string &dir, const ClassifierHead &head)
{
    torch::serialize::OutputArchive archive;
    for (const auto &item : head->named_parameters())
        archive.write(item.key(), item.value().detach(), /*is_buffer=*/true);
    archive.save_to((std::filesystem::path(dir) / "head.pt").string());
}

void loadClassifierHead(const std::string &dir, ClassifierHead &head)
{
    const std::filesystem::path path = std::filesystem::path(dir) / "head.pt";
    if (!std::filesystem::is_regular_file(path))
        throw std::runtime_error("checkpoint " + dir + ": missing head.pt");
    verifyCheckpointArchive(dir, "head.pt");
    torch::serialize::InputArchive archive;
    archive.load_from(path.string(), head->proj->weight.device());
    torch::NoGradGuard noGrad;
    for (auto &item : head->named_parameters()) {
        torch::Tensor stored;
        if (!archive.try_read(item.key(), stored, true) ||
            !stored.sizes().equals(item.value().sizes()))
            throw std::runtime_error("checkpoint " + dir +
                                     ": head.pt does not fit labels.txt and " +
                                     "config.txt (tensor " + item.key() + ")");
        item.value().copy_(stored);
    }
}

} // namespace azllm
