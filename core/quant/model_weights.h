// A GPT's weights as plain fp32 arrays by GPT-2 name (docs/formats.md, "Tensor names"): what
// the exporters write, the importers read, and the decode path is built from. No LibTorch: the
// engine's bridge (core/engine/model_weights_bridge.h) fills it from a checkpoint.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model_config.h"

namespace azllm::quant {

using Shape = std::vector<std::int64_t>;

// A borrowed fp32 tensor, row-major.
struct TensorView
{
    const float *data = nullptr;
    Shape shape;
};

struct NamedTensor
{
    std::string name;
    Shape shape;
    std::vector<float> values; // row-major
};

struct ModelWeights
{
    ModelConfig config;
    std::vector<NamedTensor> tensors; // in the order expectedTensors() lists them

    // Null when there is no tensor of that name.
    const NamedTensor *find(const std::string &name) const;
    // Throws std::runtime_error naming the tensor when it is missing.
    TensorView view(const std::string &name) const;
};

// Every tensor a config implies, name and shape, in the engine's module order: wte, wpe, then
// per block ln_1, attn.c_attn, attn.c_proj, ln_2, mlp.c_fc, mlp.c_proj (weights then biases),
// then ln_f.
std::vector<std::pair<std::string, Shape>> expectedTensors(const ModelConfig &config);

std::int64_t elementCount(const Shape &shape);
// The number of values of a shape read from a file, or nullopt when it exceeds `limit` (no
// dimension may be negative): checked as it grows, so a lying header cannot overflow it.
std::optional<std::uint64_t> elementCountUpTo(const Shape &shape, std::uint64_t limit);
// A count read from a file as a double (JSON numbers, GGUF metadata), or nullopt when it is not
// within [0, 2^53]: converting a double outside an integer's range is undefined behaviour.
std::optional<std::int64_t> countFrom(double value);
// "[768, 2304]"
std::string shapeText(const Shape &shape);

// Throws std::runtime_error naming the first tensor that is missing, has the wrong shape, or
// holds a value that is not finite; `source` names the file in the message.
void requireComplete(const ModelWeights &weights, const std::string &source);

} // namespace azllm::quant
