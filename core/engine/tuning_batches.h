// Tensors for the tuning tasks, built from examples files: right-padded rows (pads are <pad>,
// id 3, and never counted), or packed rows whose attention stays inside each example.
// Engine sources only (LibTorch).
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

#include "example_file.h"
#include "example_schedule.h"
#include "train_config.h"

namespace azllm {

struct LmBatch
{
    torch::Tensor inputs;           // (B, T) int64
    torch::Tensor positions;        // (B, T) int64, packed rows only
    torch::Tensor blocked;          // (B, T, T) bool, packed rows only (see packedHiddenStates)
    torch::Tensor countedPositions; // (N) int64: flat indices b * T + t whose next token counts
    torch::Tensor targets;          // (N) int64: the tokens predicted there
    std::int64_t realTokens = 0;    // input tokens that are not padding
};

// Each example of a row contributes inputs tokens[0..L-2] and targets tokens[1..L-1]; a target
// counts when its loss weight is 1, or always with allTokens.
LmBatch buildLmBatch(const ExampleSet &set, const std::vector<const ExampleRow *> &rows,
                     bool allTokens, const torch::Device &device);

struct ClassBatch
{
    torch::Tensor inputs;  // (B, T) int64, each text ending with <|label|>
    torch::Tensor lengths; // (B) int64
    torch::Tensor labels;  // (B) int64
    std::int64_t realTokens = 0;
};

ClassBatch buildClassBatch(const ExampleSet &set, const std::vector<std::size_t> &indices,
                           const torch::Device &device);

// Throws std::runtime_error naming the file (and the example's dataset line) when the set is of
// another kind, has ids the model does not know, or an example that does not fit the context.
void checkExamples(const ExampleSet &set, ExampleKind kind, const RunConfig &config,
                   const std::string &path);
// Reads and checks a task's examples file; what ("training", "validation") names it when the
// config gives none.
ExampleSet readTaskExamples(const std::string &path, ExampleKind kind, const RunConfig &config,
                            const char *what);

} // namespace azllm
