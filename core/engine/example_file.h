// Examples files (*.examples): what chat and classification fine-tuning train on. core/finetune
// turns a dataset into token ids with the chat template or the <|label|> layout and writes them
// here; the trainer reads them, as it reads token files for pretraining. docs/formats.md has the
// layout (little-endian, version 1):
//
//   offset  size  field
//   0       8     magic "AZEXAMPL"
//   8       4     version (1)
//   12      4     kind: 1 = sft (ids + a loss weight per token), 2 = classify (ids + a label)
//   16      4     vocabulary size (every id is below it)
//   20      4     label count L (classify; 0 for sft)
//   24      8     example count N
//   32      ...   L label names, each a u32 byte length and UTF-8 bytes
//           ...   N examples: u32 token count T, u32 label, u32 source line, T x u32 ids,
//                 and for sft T x u8 weights (1: the token is a target of the loss)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace azllm {

inline constexpr char kExampleFileMagic[8] = {'A', 'Z', 'E', 'X', 'A', 'M', 'P', 'L'};
inline constexpr std::uint32_t kExampleFileVersion = 1;

enum class ExampleKind : std::uint32_t
{
    Sft = 1,
    Classify = 2
};

struct Example
{
    std::vector<std::uint32_t> tokens;
    // sft: weights[i] = 1 when tokens[i] is predicted in the loss (from tokens[0..i-1]).
    std::vector<std::uint8_t> weights;
    std::uint32_t label = 0;      // classify: index into the file's labels
    std::uint32_t sourceLine = 0; // line of the dataset file it came from (1-based), 0 unknown
};

struct ExampleSet
{
    ExampleKind kind = ExampleKind::Sft;
    std::uint32_t vocabSize = 0;
    std::vector<std::string> labels; // classify
    std::vector<Example> examples;
};

// Writes atomically (temp file, fsync, rename). Throws std::runtime_error naming the file, or
// std::invalid_argument for an id outside the vocabulary, a label out of range or weights that
// do not match the tokens.
void writeExampleFile(const std::string &path, const ExampleSet &set);

// Reads and checks the whole file. Throws std::runtime_error naming the file and what is wrong.
ExampleSet readExampleFile(const std::string &path);

} // namespace azllm
