// The classification head: one Linear from the GPT's hidden state to the class scores. It reads
// the state at the <|label|> token that ends each text (by then the model has read the whole
// text), or the mean over the text's positions. Engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

#include <string>

namespace azllm {

class ClassifierHeadImpl : public torch::nn::Module
{
public:
    // The weights are drawn from generator (the trainer's; none: the global one, for a head that
    // is loaded over it).
    ClassifierHeadImpl(std::int64_t width, std::int64_t labels, bool meanPooling,
                       c10::optional<at::Generator> generator = c10::nullopt);

    // hidden (B, T, C) after ln_f; lengths (B) int64, the tokens of each row (the rest is
    // padding; the last real token is <|label|>). Returns class scores (B, K).
    torch::Tensor forward(const torch::Tensor &hidden, const torch::Tensor &lengths);

    bool meanPooling() const { return m_meanPooling; }

    torch::nn::Linear proj{nullptr};

private:
    bool m_meanPooling;
};
TORCH_MODULE(ClassifierHead);

// head.pt: flat entries "proj.weight" (K, C) and "proj.bias" (K).
void saveClassifierHead(const std::string &checkpointDir, const ClassifierHead &head);
// head.pt of a checkpoint into a head of the right shape; throws naming the checkpoint.
void loadClassifierHead(const std::string &checkpointDir, ClassifierHead &head);

} // namespace azllm
