// The chat template: how a conversation becomes the token ids a model sees (docs/chat_template.md).
// Shared by the Chat screen, `azllm chat` and, later, chat fine-tuning, so a tuned model meets
// at inference exactly the layout it was trained on:
//
//   </s> <|system|> text <|end|> <|user|> text <|end|> <|assistant|> text <|end|> ... <|assistant|>
//
// Markers are the tokenizer's reserved ids (special_tokens.h), never spelled out as text.
// Completion mode is plain continuation: </s> followed by the text, as documents start in the
// pretraining shards.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace azllm {

class Tokenizer;

enum class ChatRole
{
    System,
    User,
    Assistant
};
enum class ChatMode
{
    Chat,
    Completion
};

struct ChatTurn
{
    ChatRole role = ChatRole::User;
    std::string text;
};

// A prompt cut to the model's window, and what was left out to make it fit.
struct FittedPrompt
{
    std::vector<int> tokens;
    int droppedTurns = 0;  // chat: oldest whole turns left out (the system prompt always stays)
    int droppedTokens = 0; // completion: tokens left out at the start of the text
};

// The newest message (with the system prompt) alone is longer than the window.
class ContextOverflow : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

const char *roleName(ChatRole role); // "system", "user", "assistant"
// Throws std::invalid_argument for an unknown name.
ChatRole roleFromName(const std::string &name);

// The role's marker, the text's ids, then <|end|>.
std::vector<int> encodeTurn(const Tokenizer &tokenizer, const ChatTurn &turn);

// Tokens a prompt may use so that maxNewTokens (at most half the window) still fit after it:
// the generator would otherwise slide its window and silently lose the prompt's start.
int promptBudget(int contextLength, int maxNewTokens);

// The whole conversation (turns oldest first, the last one the user's) ending with
// <|assistant|>, with the oldest turns dropped whole until it fits in budget tokens. An
// assistant turn whose question was dropped goes too. Throws ContextOverflow when even the
// system prompt plus the newest turn do not fit.
FittedPrompt fitChatPrompt(const Tokenizer &tokenizer, const std::string &systemPrompt,
                           const std::vector<ChatTurn> &turns, int budget);

// </s> then the text; a text longer than budget keeps its newest tokens (cut between tokens).
FittedPrompt fitCompletionPrompt(const Tokenizer &tokenizer, const std::string &text, int budget);

// Whether generating id ends the answer: </s> in both modes; in chat mode also <|end|> and any
// turn marker (a model that starts a new turn has finished its own).
bool endsAnswer(int id, ChatMode mode);

// Whether the tokenizer has the studio's reserved chat markers at their fixed ids.
bool hasChatMarkers(const Tokenizer &tokenizer);

} // namespace azllm
