#include "text_embedder.h"

#include <algorithm>
#include <stdexcept>

#include "language_model_impl.h"

namespace azllm {
namespace {

// A text's token ids cut into pieces no longer than the context.
struct Window
{
    std::size_t text;
    const int *ids;
    std::int64_t length;
};

std::vector<Window> windowsOf(const std::vector<std::vector<int>> &texts, std::int64_t context)
{
    std::vector<Window> windows;
    for (std::size_t t = 0; t < texts.size(); ++t)
        for (std::size_t start = 0; start < texts[t].size(); start += std::size_t(context))
            windows.push_back({t, texts[t].data() + start,
                               std::min<std::int64_t>(context,
                                                      std::int64_t(texts[t].size() - start))});
    return windows;
}

void checkIds(const std::vector<std::vector<int>> &texts, std::int64_t vocabSize)
{
    for (const std::vector<int> &text : texts)
        for (int id : text)
            if (id < 0 || id >= vocabSize)
                throw std::invalid_argument("token id " + std::to_string(id) +
                                            " is outside the model's vocabulary of " +
                                            std::to_string(vocabSize));
}

} // namespace

TextEmbedder::TextEmbedder(LanguageModel model) : m_model(std::move(model)) {}

int TextEmbedder::dimension() const
{
    return int(m_model.config().nEmbd);
}

std::vector<std::vector<float>> TextEmbedder::embed(const std::vector<std::vector<int>> &texts,
                                                    int batchSize) const
{
    const ModelConfig &config = m_model.config();
    checkIds(texts, config.vocabSize);
    const std::int64_t C = config.nEmbd;
    std::vector<std::vector<float>> sums(texts.size(), std::vector<float>(std::size_t(C), 0.0f));
    const std::vector<Window> windows = windowsOf(texts, config.contextLength);

    LanguageModel::Impl &impl = m_model.impl();
    torch::NoGradGuard noGrad; // grad mode is per thread: set here, on the caller's thread
    impl.gpt->eval();
    const std::size_t step = std::size_t(std::max(1, batchSize));
    for (std::size_t first = 0; first < windows.size(); first += step) {
        const std::size_t count = std::min(step, windows.size() - first);
        std::int64_t longest = 0;
        for (std::size_t i = 0; i < count; ++i)
            longest = std::max(longest, windows[first + i].length);
        std::vector<std::int64_t> ids(count * std::size_t(longest), 0);
        std::vector<float> real(ids.size(), 0.0f);
        for (std::size_t i = 0; i < count; ++i) {
            const Window &w = windows[first + i];
            for (std::int64_t t = 0; t < w.length; ++t) {
                ids[i * std::size_t(longest) + std::size_t(t)] = w.ids[t];
                real[i * std::size_t(longest) + std::size_t(t)] = 1.0f;
            }
        }
        const std::int64_t B = std::int64_t(count);
        const torch::Tensor idx = torch::from_blob(ids.data(), {B, longest}, torch::kLong); // (B, T)
        const torch::Tensor mask = torch::from_blob(real.data(), {B, longest, 1});        // (B, T, 1)
        // Summed over real positions only (B, C); the division by the token count comes last.
        const torch::Tensor hidden = impl.gpt->hiddenStates(idx.to(impl.device)).to(torch::kCPU);
        const torch::Tensor summed = (hidden * mask).sum(1).contiguous();
        const auto rows = summed.accessor<float, 2>();
        for (std::size_t i = 0; i < count; ++i) {
            std::vector<float> &sum = sums[windows[first + i].text];
            for (std::int64_t c = 0; c < C; ++c)
                sum[std::size_t(c)] += rows[std::int64_t(i)][c];
        }
    }
    for (std::size_t t = 0; t < texts.size(); ++t)
        if (!texts[t].empty())
            for (float &v : sums[t])
                v /= float(texts[t].size());
    return sums;
}

} // namespace azllm
