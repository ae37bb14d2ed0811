#include "model_weights.h"

#include <cmath>
#include <stdexcept>

namespace azllm::quant {

const NamedTensor *ModelWeights::find(const std::string &name) const
{
    for (const NamedTensor &t : tensors)
        if (t.name == name)
            return &t;
    return nullptr;
}

TensorView ModelWeights::view(const std::string &name) const
{
    const NamedTensor *t = find(name);
    if (!t)
        throw std::runtime_error("no tensor '" + name + "'");
    return {t->values.data(), t->shape};
}

std::vector<std::pair<std::string, Shape>> expectedTensors(const ModelConfig &c)
{
    const std::int64_t C = c.nEmbd;
    std::vector<std::pair<std::string, Shape>> all = {{"wte.weight", {c.vocabSize, C}},
                                                      {"wpe.weight", {c.contextLength, C}}};
    for (std::int64_t i = 0; i < c.nLayer; ++i) {
        const std::string p = "h." + std::to_string(i) + ".";
        all.push_back({p + "ln_1.weight", {C}});
        all.push_back({p + "ln_1.bias", {C}});
        all.push_back({p + "attn.c_attn.weight", {3 * C, C}});
        all.push_back({p + "attn.c_attn.bias", {3 * C}});
        all.push_back({p + "attn.c_proj.weight", {C, C}});
        all.push_back({p + "attn.c_proj.bias", {C}});
        all.push_back({p + "ln_2.weight", {C}});
        all.push_back({p + "ln_2.bias", {C}});
        all.push_back({p + "mlp.c_fc.weight", {4 * C, C}});
        all.push_back({p + "mlp.c_fc.bias", {4 * C}});
        all.push_back({p + "mlp.c_proj.weight", {C, 4 * C}});
        all.push_back({p + "mlp.c_proj.bias", {C}});
    }
    all.push_back({"ln_f.weight", {C}});
    all.push_back({"ln_f.bias", {C}});
    return all;
}

std::int64_t elementCount(const Shape &shape)
{
    std::int64_t n = 1;
    for (std::int64_t d : shape)
        n *= d;
    return n;
}

std::optional<std::uint64_t> elementCountUpTo(const Shape &shape, std::uint64_t limit)
{
    std::uint64_t count = 1;
    for (std::int64_t d : shape) {
        if (d < 0 || (d > 0 && count > limit / std::uint64_t(d)))
            return std::nullopt;
        count *= std::uint64_t(d);
    }
    return count <= limit ? std::optional<std::uint64_t>(count) : std::nullopt;
}

std::optional<std::int64_t> countFrom(double value)
{
    if (!(value >= 0 && value <= 9007199254740992.0))
        return std::nullopt;
    return std::int64_t(value);
}

std::string shapeText(const Shape &shape)
{
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

void requireComplete(const ModelWeights &weights, const std::string &source)
{
    for (const auto &[name, shape] : expectedTensors(weights.config)) {
        const NamedTensor *t = weights.find(name);
        if (!t)
            throw std::runtime_error(source + ": no tensor '" + name + "'");
        if (t->shape != shape)
            throw std::runtime_error(source + ": tensor '" + name + "' has shape " +
                                     shapeText(t->shape) + ", the model's config implies " +
                                     shapeText(shape));
        for (float v : t->values)
            if (!std::isfinite(v))
                throw std::runtime_error(source + ": tensor '" + name +
                                         "' holds a value that is not a finite number");
    }
}

} // namespace azllm::quant
