#include "sft_encoder.h"

#include <algorithm>

#include "special_tokens.h"
#include "tokenizer.h"

namespace azllm {
namespace {

struct EncodedTurn
{
    std::vector<int> ids;
    bool counted; // an assistant turn: its text and <|end|> are targets
};

std::size_t length(const std::vector<EncodedTurn> &turns, std::size_t first)
{
    std::size_t n = 0;
    for (std::size_t i = first; i < turns.size(); ++i)
        n += turns[i].ids.size();
    return n;
}

} // namespace

EncodedConversation encodeConversation(const Tokenizer &tokenizer, const Conversation &c,
                                       int maxTokens)
{
    std::vector<int> head = {SpecialTokens::EndOfText};
    std::vector<EncodedTurn> turns;
    for (const ChatTurn &turn : c.turns) {
        const std::vector<int> ids = encodeTurn(tokenizer, turn);
        if (turn.role == ChatRole::System)
            head.insert(head.end(), ids.begin(), ids.end());
        else
            turns.push_back({ids, turn.role == ChatRole::Assistant});
    }
    // A question nobody answers teaches nothing.
    while (!turns.empty() && !turns.back().counted)
        turns.pop_back();

    EncodedConversation out;
    std::size_t first = 0;
    // Oldest exchanges go whole (a user turn and its answer), the newest one always stays.
    while (head.size() + length(turns, first) > std::size_t(maxTokens) && first + 2 < turns.size())
        first += 2;
    out.droppedTurns = int(first);
    out.tokens = head;
    out.weights.assign(head.size(), 0);
    for (std::size_t i = first; i < turns.size(); ++i) {
        const EncodedTurn &turn = turns[i];
        out.tokens.insert(out.tokens.end(), turn.ids.begin(), turn.ids.end());
        // The role marker is what the prompt gives; the text and <|end|> are what to write.
        out.weights.push_back(0);
        out.weights.insert(out.weights.end(), turn.ids.size() - 1, turn.counted ? 1 : 0);
    }
    if (out.tokens.size() > std::size_t(maxTokens)) {
        out.tokens.resize(std::size_t(maxTokens));
        out.weights.resize(std::size_t(maxTokens));
        out.cut = true;
    }
    return out;
}

ExampleSet encodeSftExamples(const Tokenizer &tokenizer,
                             const std::vector<Conversation> &conversations, int maxTokens,
                             const std::string &sourceFile, SftEncodingStats &stats,
                             std::vector<DatasetIssue> &issues)
{
    ExampleSet set;
    set.kind = ExampleKind::Sft;
    set.vocabSize = std::uint32_t(tokenizer.vocabSize());
    for (const Conversation &c : conversations) {
        EncodedConversation e = encodeConversation(tokenizer, c, maxTokens);
        if (std::find(e.weights.begin() + 1, e.weights.end(), 1) == e.weights.end()) {
            ++stats.skipped;
            issues.push_back({sourceFile, c.line,
                              "the answer does not fit in the model's context of " +
                                  std::to_string(maxTokens) + " tokens; conversation skipped"});
            continue;
        }
        stats.shortened += e.droppedTurns > 0;
        stats.droppedTurns += e.droppedTurns;
        stats.cut += e.cut;
        stats.tokens += std::int64_t(e.tokens.size());
        stats.lossTokens += std::count(e.weights.begin(), e.weights.end(), 1);
        set.examples.push_back({std::vector<std::uint32_t>(e.tokens.begin(), e.tokens.end()),
                                std::move(e.weights), 0, std::uint32_t(c.line)});
    }
    stats.examples = int(set.examples.size());
    return set;
}

} // namespace azllm
