#include "chat_template.h"

#include <algorithm>
#include <numeric>

#include "special_tokens.h"
#include "tokenizer.h"

namespace azllm {
namespace {

int markerOf(ChatRole role)
{
    switch (role) {
    case ChatRole::System:
        return SpecialTokens::System;
    case ChatRole::User:
        return SpecialTokens::User;
    case ChatRole::Assistant:
        return SpecialTokens::Assistant;
    }
    return SpecialTokens::User;
}

std::size_t totalSize(const std::vector<std::vector<int>> &blocks, std::size_t first)
{
    return std::accumulate(
        blocks.begin() + std::ptrdiff_t(first), blocks.end(), std::size_t(0),
        [](std::size_t sum, const std::vector<int> &b) { return sum + b.size(); });
}

} // namespace

const char *roleName(ChatRole role)
{
    switch (role) {
    case ChatRole::System:
        return "system";
    case ChatRole::User:
        return "user";
    case ChatRole::Assistant:
        return "assistant";
    }
    return "user";
}

ChatRole roleFromName(const std::string &name)
{
    for (ChatRole role : {ChatRole::System, ChatRole::User, ChatRole::Assistant})
        if (name == roleName(role))
            return role;
    throw std::invalid_argument("unknown chat role '" + name + "' (system, user or assistant)");
}

std::vector<int> encodeTurn(const Tokenizer &tokenizer, const ChatTurn &turn)
{
    std::vector<int> ids = {markerOf(turn.role)};
    tokenizer.encodeAppend(turn.text, ids);
    ids.push_back(SpecialTokens::End);
    return ids;
}

int promptBudget(int contextLength, int maxNewTokens)
{
    const int reserve = std::clamp(maxNewTokens, 0, contextLength / 2);
    return std::max(1, contextLength - reserve);
}

FittedPrompt fitChatPrompt(const Tokenizer &tokenizer, const std::string &systemPrompt,
                           const std::vector<ChatTurn> &turns, int budget)
{
    std::vector<int> head = {SpecialTokens::EndOfText};
    if (!systemPrompt.empty()) {
        const std::vector<int> system = encodeTurn(tokenizer, {ChatRole::System, systemPrompt});
        head.insert(head.end(), system.begin(), system.end());
    }
    std::vector<std::vector<int>> blocks;
    for (const ChatTurn &turn : turns)
        blocks.push_back(encodeTurn(tokenizer, turn));

    const std::size_t fixed = head.size() + 1; // + <|assistant|> that opens the answer
    std::size_t first = 0;
    const auto fits = [&] { return fixed + totalSize(blocks, first) <= std::size_t(budget); };
    while (!fits() && first + 1 < blocks.size())
        ++first;
    // An answer whose question is gone would read as the start of the conversation.
    while (first + 1 < blocks.size() && turns[first].role == ChatRole::Assistant)
        ++first;
    if (!fits())
        throw ContextOverflow(
            "the newest message needs " + std::to_string(fixed + totalSize(blocks, first)) +
            " tokens with the system prompt and the chat markers, but this model sees at most " +
            std::to_string(budget) +
            " before its answer; shorten the message or the system prompt");

    FittedPrompt fitted;
    fitted.droppedTurns = int(first);
    fitted.tokens = std::move(head);
    for (std::size_t i = first; i < blocks.size(); ++i)
        fitted.tokens.insert(fitted.tokens.end(), blocks[i].begin(), blocks[i].end());
    fitted.tokens.push_back(SpecialTokens::Assistant);
    return fitted;
}

FittedPrompt fitCompletionPrompt(const Tokenizer &tokenizer, const std::string &text, int budget)
{
    FittedPrompt fitted;
    fitted.tokens = {SpecialTokens::EndOfText};
    tokenizer.encodeAppend(text, fitted.tokens);
    const int excess = int(fitted.tokens.size()) - std::max(1, budget);
    if (excess > 0) {
        fitted.tokens.erase(fitted.tokens.begin(), fitted.tokens.begin() + excess);
        fitted.droppedTokens =
            excess; // counts the leading </s> too: the text no longer starts a document
    }
    return fitted;
}

bool endsAnswer(int id, ChatMode mode)
{
    if (id == SpecialTokens::EndOfText)
        return true;
    return mode == ChatMode::Chat && (id == SpecialTokens::End || id == SpecialTokens::System ||
                                      id == SpecialTokens::User || id == SpecialTokens::Assistant);
}

bool hasChatMarkers(const Tokenizer &tokenizer)
{
    if (tokenizer.vocabSize() <= SpecialTokens::End)
        return false;
    return tokenizer.idToPiece(SpecialTokens::System) == "<|system|>" &&
           tokenizer.idToPiece(SpecialTokens::User) == "<|user|>" &&
           tokenizer.idToPiece(SpecialTokens::Assistant) == "<|assistant|>" &&
           tokenizer.idToPiece(SpecialTokens::End) == "<|end|>";
}

} // namespace azllm
