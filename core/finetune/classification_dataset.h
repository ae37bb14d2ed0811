// Classification datasets: CSV with "text" and "label" columns, or JSONL lines {"text", "label"}.
// The label set is read from the training data (sorted, so the same data gives the same class
// ids everywhere); a stratified split keeps each label's share in the validation part. Each text
// is encoded as  </s> text <|label|>  and the head reads the model's state at <|label|>.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dataset_file.h"
#include "example_file.h"

namespace azllm {

class Tokenizer;

struct LabelledText
{
    std::string text;
    std::string label;
    int line = 0;
};

struct ClassificationDataset
{
    std::vector<LabelledText> items;
    std::vector<DatasetIssue> issues;
};

// Throws std::runtime_error naming the file when it cannot be read, has an unknown extension or
// lacks the columns, or has no usable item.
ClassificationDataset readClassificationDataset(const std::string &path);

// The distinct labels, sorted by their UTF-8 bytes.
std::vector<std::string> labelSet(const std::vector<LabelledText> &items);

// Per label, a seeded shuffle and round(count x ratio) items for validation (at least one when a
// label has two or more). Both parts keep the file's order.
void stratifiedSplit(const std::vector<LabelledText> &items, double validationRatio,
                     std::uint64_t seed, std::vector<LabelledText> &train,
                     std::vector<LabelledText> &validation);

struct ClassEncodingStats
{
    int examples = 0;
    int truncated = 0; // texts cut to fit the context
};

// </s> text <|label|>, the text cut to maxTokens - 2 tokens. Throws std::runtime_error naming the
// file and line of an item whose label is not in labels.
ExampleSet encodeClassExamples(const Tokenizer &tokenizer, const std::vector<LabelledText> &items,
                               const std::vector<std::string> &labels, int maxTokens,
                               const std::string &sourceFile, ClassEncodingStats &stats);

// The ids the classifier reads for one text (as encodeClassExamples makes them).
std::vector<int> classificationInput(const Tokenizer &tokenizer, const std::string &text,
                                     int maxTokens, bool *truncated = nullptr);

} // namespace azllm
