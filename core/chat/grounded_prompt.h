// Prompts that quote retrieved sources before the question (retrieval-augmented generation),
// fitted to the model's window with the chat template's own fitting (docs/chat_template.md,
// "Sources in the prompt"):
//
//   completion  </s> Mənbələr:\n[1] label\ntext\n[2] ...\nSual: question\nCavab:
//   chat        </s> <|system|> system prompt\nMənbələr:\n[1] ... <|end|> <|user|> ... <|assistant|>
//
// Sources go in rank order while they fit; one that does not fit whole is cut to what is left
// (when that is at least kMinSourceTokens) or dropped, and every source reports which.
#pragma once

#include <string>
#include <vector>

#include "chat_template.h"

namespace azllm {

struct PromptSource
{
    std::string label; // "[1] udhr, Maddə 3"
    std::string text;
};

enum class SourceUse
{
    Included,
    Trimmed,
    Dropped
};

struct SourceFit
{
    SourceUse use = SourceUse::Dropped;
    int tokens = 0; // of the source in the prompt (label included), 0 when dropped
};

struct GroundedPrompt
{
    FittedPrompt prompt;
    std::vector<SourceFit> sources; // one per source given, in the same order
};

// A source cut shorter than this would say nothing: it is dropped instead.
inline constexpr int kMinSourceTokens = 24;

const char *sourceUseName(SourceUse use); // "included", "trimmed", "dropped"

// Completion style, for pretrained models. Throws ContextOverflow when the question alone does
// not fit in budget.
GroundedPrompt fitGroundedCompletion(const Tokenizer &tokenizer,
                                     const std::vector<PromptSource> &sources,
                                     const std::string &question, int budget);

// Chat style, for chat-tuned models: the sources join the system turn, which fitChatPrompt
// always keeps; older turns are dropped before any source is. Throws ContextOverflow as
// fitChatPrompt does.
GroundedPrompt fitGroundedChat(const Tokenizer &tokenizer, const std::string &systemPrompt,
                               const std::vector<PromptSource> &sources,
                               const std::vector<ChatTurn> &turns, int budget);

// The prompt as a learner reads it: text decoded, the studio's markers (</s>, <|system|>, ...)
// spelled out where their ids stand.
std::string promptText(const Tokenizer &tokenizer, const std::vector<int> &ids);

} // namespace azllm
