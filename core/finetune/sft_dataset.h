// Chat fine-tuning datasets as learners find them, read into conversations for the chat template
// (docs/finetune.md):
//   JSONL, one conversation per line, the format recognised per line:
//     Alpaca    {"instruction", "input" (optional), "output", "system" (optional)}
//     ShareGPT  {"conversations": [{"from": "system|human|user|gpt|assistant", "value"}, ...]}
//     messages  {"messages": [{"role": "system|user|assistant", "content"}, ...]}
//   CSV with a header row naming "question" and "answer" columns (RFC 4180 quoting).
// A malformed line is reported as file:line: reason and the rest is used.
#pragma once

#include <string>
#include <vector>

#include "chat_template.h"
#include "dataset_file.h"

namespace azllm {

struct Conversation
{
    // An optional system turn first, then user and assistant turns.
    std::vector<ChatTurn> turns;
    int line = 0; // where it came from in the file
};

struct SftDataset
{
    std::vector<Conversation> conversations;
    std::vector<DatasetIssue> issues;
    // alpaca, sharegpt, messages, csv; "mixed" when a JSONL file mixes them.
    std::string format;
};

// Throws std::runtime_error naming the file when it cannot be read, has an unknown extension,
// or yields no usable conversation.
SftDataset readSftDataset(const std::string &path);

// One JSONL line's conversation; throws std::invalid_argument with the reason (no file:line).
// format is set to the format recognised.
Conversation parseConversationJson(const std::string &line, std::string &format);

// Held-out questions for `azllm sft eval`: JSONL lines {"question": ..., "reference": ...}.
struct EvalItem
{
    std::string question;
    std::string reference;
    int line = 0;
};

struct EvalSet
{
    std::vector<EvalItem> items;
    std::vector<DatasetIssue> issues;
};

EvalSet readEvalSet(const std::string &path);

} // namespace azllm
