// Conversations into training examples with the chat template (docs/chat_template.md):
//
//   </s> <|system|> text <|end|> <|user|> text <|end|> <|assistant|> text <|end|> ...
//
// The loss covers each assistant turn's text and its <|end|> (weight 1) and nothing else: not the
// system prompt, not the questions, not the <|assistant|> marker the prompt itself supplies. A
// conversation longer than the context loses its oldest exchanges (the system prompt stays), as
// the Chat screen fits a long conversation; if the newest exchange alone is too long, its end is
// cut. Both are counted.
#pragma once

#include <cstdint>
#include <vector>

#include "example_file.h"
#include "sft_dataset.h"

namespace azllm {

class Tokenizer;

struct EncodedConversation
{
    std::vector<int> tokens;
    std::vector<std::uint8_t> weights; // 1: the token is a target of the loss
    int droppedTurns = 0;              // oldest turns left out to fit
    bool cut = false;                  // the newest exchange was cut at the context's end
};

EncodedConversation encodeConversation(const Tokenizer &tokenizer, const Conversation &conversation,
                                       int maxTokens);

struct SftEncodingStats
{
    int examples = 0;
    int shortened = 0;    // examples that lost their oldest turns
    int droppedTurns = 0; // turns lost in all
    int cut = 0;          // examples whose newest exchange was cut
    int skipped = 0;      // nothing left to learn from after cutting
    std::int64_t tokens = 0;
    std::int64_t lossTokens = 0; // tokens with weight 1
};

// The examples file contents (kind sft) for the conversations; skipped ones are reported as
// issues naming the file and line.
ExampleSet encodeSftExamples(const Tokenizer &tokenizer,
                             const std::vector<Conversation> &conversations, int maxTokens,
                             const std::string &sourceFile, SftEncodingStats &stats,
                             std::vector<DatasetIssue> &issues);

} // namespace azllm
