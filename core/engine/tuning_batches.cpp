#include "tuning_batches.h"

#include <algorithm>
#include <stdexcept>

namespace azllm {
namespace {

constexpr std::int64_t kPadId = 3; // <pad> (docs/text_pipeline.md)

std::string where(const std::string &path, const Example &e, std::size_t index)
{
    return "examples file " + path + ": example " + std::to_string(index + 1) +
           (e.sourceLine ? " (dataset line " + std::to_string(e.sourceLine) + ")" : "");
}

} // namespace

LmBatch buildLmBatch(const ExampleSet &set, const std::vector<const ExampleRow *> &rows,
                     bool allTokens, const torch::Device &device)
{
    const std::int64_t B = std::int64_t(rows.size());
    std::int64_t T = 1;
    bool packed = false;
    for (const ExampleRow *row : rows) {
        std::int64_t length = 0;
        for (std::size_t i : *row)
            length += std::int64_t(set.examples[i].tokens.size()) - 1;
        T = std::max(T, length);
        packed = packed || row->size() > 1;
    }
    std::vector<std::int64_t> inputs(std::size_t(B * T), kPadId), positions(std::size_t(B * T), 0),
        segments(std::size_t(B * T), -1), counted, targets;
    LmBatch batch;
    for (std::int64_t b = 0; b < B; ++b) {
        std::int64_t t = 0;
        for (std::size_t segment = 0; segment < rows[std::size_t(b)]->size(); ++segment) {
            const Example &e = set.examples[(*rows[std::size_t(b)])[segment]];
            for (std::size_t j = 0; j + 1 < e.tokens.size(); ++j, ++t) {
                const std::size_t flat = std::size_t(b * T + t);
                inputs[flat] = e.tokens[j];
                positions[flat] = std::int64_t(j);
                segments[flat] = std::int64_t(segment);
                if (allTokens || e.weights[j + 1]) {
                    counted.push_back(std::int64_t(flat));
                    targets.push_back(e.tokens[j + 1]);
                }
            }
        }
        batch.realTokens += t;
    }
    const auto tensor = [&](std::vector<std::int64_t> &values, std::vector<std::int64_t> shape) {
        return torch::from_blob(values.data(), shape, torch::kLong).clone().to(device);
    };
    batch.inputs = tensor(inputs, {B, T});
    batch.countedPositions = tensor(counted, {std::int64_t(counted.size())});
    batch.targets = tensor(targets, {std::int64_t(targets.size())});
    if (packed) {
        batch.positions = tensor(positions, {B, T});
        // A query sees a key at or before it in the same example; padding (segment -1) sees
        // the padding before it, so no row of scores is all -inf.
        const torch::Tensor segment = tensor(segments, {B, T});
        const torch::Tensor future =
            torch::ones({T, T}, torch::TensorOptions().dtype(torch::kBool).device(device)).triu(1);
        batch.blocked = future.unsqueeze(0) | (segment.unsqueeze(2) != segment.unsqueeze(1));
    }
    return batch;
}

ClassBatch buildClassBatch(const ExampleSet &set, const std::vector<std::size_t> &indices,
                           const torch::Device &device)
{
    const std::int64_t B = std::int64_t(indices.size());
    std::int64_t T = 1;
    for (std::size_t i : indices)
        T = std::max(T, std::int64_t(set.examples[i].tokens.size()));
    std::vector<std::int64_t> inputs(std::size_t(B * T), kPadId), lengths, labels;
    ClassBatch batch;
    for (std::int64_t b = 0; b < B; ++b) {
        const Example &e = set.examples[indices[std::size_t(b)]];
        std::copy(e.tokens.begin(), e.tokens.end(), inputs.begin() + b * T);
        lengths.push_back(std::int64_t(e.tokens.size()));
        labels.push_back(e.label);
        batch.realTokens += std::int64_t(e.tokens.size());
    }
    batch.inputs = torch::from_blob(inputs.data(), {B, T}, torch::kLong).clone().to(device);
    batch.lengths = torch::tensor(lengths, torch::kLong).to(device);
    batch.labels = torch::tensor(labels, torch::kLong).to(device);
    return batch;
}

void checkExamples(const ExampleSet &set, ExampleKind kind, const RunConfig &config,
                   const std::string &path)
{
    const bool sft = kind == ExampleKind::Sft;
    if (set.kind != kind)
        throw std::runtime_error("examples file " + path + " holds " +
                                 (set.kind == ExampleKind::Sft ? "chat" : "classification") +
                                 " examples, not what a " + config.tuning.kind + " run trains on");
    if (std::int64_t(set.vocabSize) > config.model.vocabSize)
        throw std::runtime_error("examples file " + path + " has a vocabulary of " +
                                 std::to_string(set.vocabSize) + ", larger than the model's " +
                                 std::to_string(config.model.vocabSize) +
                                 " (encode it with the base run's tokenizer.model)");
    if (set.examples.empty())
        throw std::runtime_error("examples file " + path + " holds no examples");
    const std::int64_t context = config.model.contextLength;
    for (std::size_t i = 0; i < set.examples.size(); ++i) {
        const Example &e = set.examples[i];
        const std::int64_t longest = sft ? context + 1 : context;
        if (std::int64_t(e.tokens.size()) > longest || e.tokens.size() < (sft ? 2u : 1u))
            throw std::runtime_error(where(path, e, i) + " has " + std::to_string(e.tokens.size()) +
                                     " tokens; the model's context holds " +
                                     std::to_string(context));
        if (sft && std::find(e.weights.begin() + 1, e.weights.end(), 1) == e.weights.end())
            throw std::runtime_error(where(path, e, i) + " has no token the loss counts");
    }
}

ExampleSet readTaskExamples(const std::string &path, ExampleKind kind, const RunConfig &config,
                            const char *what)
{
    if (path.empty())
        throw std::runtime_error("a " + config.tuning.kind + " run needs a " + what +
                                 " examples file (train_data / validation_data)");
    ExampleSet set = readExampleFile(path);
    checkExamples(set, kind, config, path);
    return set;
}

} // namespace azllm
