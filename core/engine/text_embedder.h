// Sentence vectors from a GPT's own hidden states, for code that must not see LibTorch (the
// knowledge bases' dense retrieval): the mean over a text's tokens of the last layer's output
// after ln_f (GptImpl::hiddenStates). Plain types in, plain types out.
#pragma once

#include <cstdint>
#include <vector>

#include "language_model.h"

namespace azllm {

class TextEmbedder
{
public:
    explicit TextEmbedder(LanguageModel model);

    // C, the width of each vector.
    int dimension() const;

    // One vector per text of token ids. A text longer than the model's context is read in
    // windows of the context; the vector is the mean over all its tokens either way. An empty
    // text gives a vector of zeros. Texts are run `batchSize` at a time, padded on the right:
    // the attention is causal, so padding never changes a real token's hidden state.
    // Throws std::invalid_argument for an id outside the vocabulary.
    std::vector<std::vector<float>> embed(const std::vector<std::vector<int>> &texts,
                                          int batchSize = 16) const;

private:
    LanguageModel m_model;
};

} // namespace azllm
