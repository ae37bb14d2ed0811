#include "model_config.h"

#include <stdexcept>

namespace azllm {

bool ModelConfig::operator==(const ModelConfig &o) const
{
    return vocabSize == o.vocabSize && contextLength == o.contextLength && nEmbd == o.nEmbd &&
           nLayer == o.nLayer && nHead == o.nHead && dropout == o.dropout;
}

namespace {

ModelConfig makeConfig(std::int64_t vocab, std::int64_t context, std::int64_t embd,
                       std::int64_t layers, std::int64_t heads)
{
    ModelConfig c;
    c.vocabSize = vocab;
    c.contextLength = context;
    c.nEmbd = embd;
    c.nLayer = layers;
    c.nHead = heads;
    return c;
}

} // namespace

const std::vector<ModelPreset> &modelPresets()
{
    // The course's models use a 32k SentencePiece vocabulary and a 1024-token context; the
    // CPU-sized ones an 8k vocabulary and 256 tokens, which the sample corpus can fill.
    static const std::vector<ModelPreset> presets = {
        {"az-tiny", "4 layers, 4 heads, 256 wide: trains on a laptop CPU in minutes",
         makeConfig(8000, 256, 256, 4, 4)},
        {"az-mini", "6 layers, 6 heads, 384 wide: a CPU model for an afternoon",
         makeConfig(8000, 256, 384, 6, 6)},
        {"az-100m", "the course's Az-LLM-100M: 768 wide, 12 layers, 12 heads",
         makeConfig(32000, 1024, 768, 12, 12)},
        {"az-300m", "the course's next step: 1024 wide, 24 layers, 16 heads",
         makeConfig(32000, 1024, 1024, 24, 16)},
        {"az-700m", "the course's largest: 1536 wide, 32 layers, 24 heads",
         makeConfig(32000, 1024, 1536, 32, 24)},
    };
    return presets;
}

ModelConfig presetConfig(const std::string &name)
{
    std::string known;
    for (const ModelPreset &p : modelPresets()) {
        if (p.name == name)
            return p.config;
        known += (known.empty() ? "" : ", ") + p.name;
    }
    throw std::invalid_argument("unknown preset '" + name + "' (known: " + known + ")");
}

std::vector<std::string> validate(const ModelConfig &c)
{
    std::vector<std::string> problems;
    const auto positive = [&](std::int64_t v, const char *field) {
        if (v <= 0)
            problems.push_back(std::string(field) + " must be positive (is " + std::to_string(v) +
                               ")");
    };
    positive(c.vocabSize, "vocab_size");
    positive(c.contextLength, "context_length");
    positive(c.nEmbd, "n_embd");
    positive(c.nLayer, "n_layer");
    positive(c.nHead, "n_head");
    if (c.nEmbd > 0 && c.nHead > 0 && c.nEmbd % c.nHead != 0)
        problems.push_back("n_embd (" + std::to_string(c.nEmbd) +
                           ") must be divisible by n_head (" + std::to_string(c.nHead) + ")");
    if (c.vocabSize > (std::int64_t(1) << 31))
        problems.push_back("vocab_size must be below 2^31");
    if (!(c.dropout >= 0.0 && c.dropout < 1.0))
        problems.push_back("dropout must be in [0, 1) (is " + std::to_string(c.dropout) + ")");
    return problems;
}

void requireValid(const ModelConfig &config)
{
    const std::vector<std::string> problems = validate(config);
    if (problems.empty())
        return;
    std::string all = "invalid model config: ";
    for (std::size_t i = 0; i < problems.size(); ++i)
        all += (i ? "; " : "") + problems[i];
    throw std::invalid_argument(all);
}

} // namespace azllm
