// The first batch of a chat tuning run as the model sees it: the rows the trainer draws at step
// 0 (same schedule, same packing), each token with whether the loss counts it as a target.
// Masking mistakes are the commonest failure in the tools learners use; this makes them visible.
#pragma once

#include <string>
#include <vector>

#include "train_config.h"

namespace azllm {

class Tokenizer;

struct PreviewToken
{
    int id = 0;
    std::string piece;    // the tokenizer's piece, markers spelled out
    bool counted = false; // a target of the loss
    bool padding = false;
    bool startsExample = false; // a packed row's next example begins here
};

struct PreviewRow
{
    std::vector<PreviewToken> tokens;
    std::vector<int> sourceLines; // dataset lines of the examples in the row
};

// Reads config.train.trainData (an sft examples file). Throws std::runtime_error naming it.
std::vector<PreviewRow> previewFirstBatch(const RunConfig &config, const Tokenizer &tokenizer);

} // namespace azllm
