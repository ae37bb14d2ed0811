// A classify checkpoint ready to sort texts: the GPT body (base weights, tuned layers or merged
// adapters), its head and its labels. Speaks token ids and plain vectors, so the CLI and the UI
// use it without LibTorch; core/finetune adds the tokenizer and the <|label|> layout.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model_config.h"

namespace azllm {

class TextClassifier
{
public:
    // Throws std::runtime_error naming the checkpoint and what is missing or wrong (not a
    // classifier, no head.pt, a base that changed).
    static TextClassifier load(const std::string &checkpointDir,
                               const std::string &device = "auto");

    TextClassifier(TextClassifier &&) noexcept;
    TextClassifier &operator=(TextClassifier &&) noexcept;
    ~TextClassifier();

    const std::vector<std::string> &labels() const;
    const ModelConfig &modelConfig() const;
    const std::string &checkpointDir() const;

    // Class probabilities (one vector of labels().size() per text) for texts given as token
    // ids that already end with <|label|>, at most the model's context each; batched.
    std::vector<std::vector<float>> probabilities(const std::vector<std::vector<int>> &texts,
                                                  int batchSize = 16) const;

private:
    struct Impl;
    explicit TextClassifier(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace azllm
