// The shape of a GPT: plain data, validated, with the course's presets.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace azllm {

struct ModelConfig
{
    // Vocabulary size: the tokenizer's piece count (token ids are 0 .. vocabSize-1).
    std::int64_t vocabSize = 8000;
    // Longest sequence the model sees; learned position embeddings have this many rows.
    std::int64_t contextLength = 256;
    // Embedding width C; every block keeps it.
    std::int64_t nEmbd = 256;
    std::int64_t nLayer = 4;
    // Attention heads; each head is nEmbd / nHead wide.
    std::int64_t nHead = 4;
    // Dropout on embeddings, attention weights and residual branches; 0 for pretraining small data.
    double dropout = 0.0;

    std::int64_t headDim() const { return nEmbd / nHead; }
    bool operator==(const ModelConfig &o) const;
    bool operator!=(const ModelConfig &o) const { return !(*this == o); }
};

struct ModelPreset
{
    std::string name;        // "az-100m"
    std::string description; // one line for lists
    ModelConfig config;
};

// az-tiny and az-mini train on a CPU in minutes; az-100m/300m/700m are the course's table.
const std::vector<ModelPreset> &modelPresets();
// Throws std::invalid_argument listing the known names when name is not a preset.
ModelConfig presetConfig(const std::string &name);

// Every problem with a config, one sentence each naming the field; empty when it is valid.
std::vector<std::string> validate(const ModelConfig &config);
// Throws std::invalid_argument with all problems joined when validate() finds any.
void requireValid(const ModelConfig &config);

} // namespace azllm
