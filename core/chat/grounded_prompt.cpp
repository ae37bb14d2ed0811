#include "grounded_prompt.h"

#include <algorithm>

#include "special_tokens.h"
#include "tokenizer.h"

namespace azllm {
namespace {

// The words around the sources are Azerbaijani: the model reads them.
const char *kSourcesHeader = "Mənbələr:\n";
const char *kQuestion = "Sual: ";
const char *kAnswerCue = "\nCavab:";

// Each source as the model sees it ("[1] label\ntext\n"), fitted into `room` tokens in rank
// order; returns the ids and reports each source's fate.
std::vector<int> fitSources(const Tokenizer &tokenizer, const std::vector<PromptSource> &sources,
                            int room, std::vector<SourceFit> &fits)
{
    std::vector<int> ids;
    fits.assign(sources.size(), SourceFit{});
    for (std::size_t i = 0; i < sources.size(); ++i) {
        std::vector<int> block = tokenizer.encode(sources[i].label);
        block.push_back(tokenizer.newlineId());
        tokenizer.encodeAppend(sources[i].text, block);
        block.push_back(tokenizer.newlineId());
        const int left = room - int(ids.size());
        if (int(block.size()) <= left) {
            fits[i] = {SourceUse::Included, int(block.size())};
        } else if (left >= kMinSourceTokens) {
            block.resize(std::size_t(left - 1));
            block.push_back(tokenizer.newlineId());
            fits[i] = {SourceUse::Trimmed, left};
        } else {
            continue;
        }
        ids.insert(ids.end(), block.begin(), block.end());
    }
    return ids;
}

} // namespace

const char *sourceUseName(SourceUse use)
{
    switch (use) {
    case SourceUse::Included:
        return "included";
    case SourceUse::Trimmed:
        return "trimmed";
    case SourceUse::Dropped:
        return "dropped";
    }
    return "dropped";
}

GroundedPrompt fitGroundedCompletion(const Tokenizer &tokenizer,
                                     const std::vector<PromptSource> &sources,
                                     const std::string &question, int budget)
{
    const std::vector<int> header = tokenizer.encode(kSourcesHeader);
    std::vector<int> tail = tokenizer.encode(kQuestion + question + kAnswerCue);
    const int fixed = 1 + int(header.size() + tail.size()); // 1: the leading </s>
    if (fixed > budget)
        throw ContextOverflow("the question needs " + std::to_string(fixed) +
                              " tokens with its frame, but this model sees at most " +
                              std::to_string(budget) + " before its answer; shorten it");
    GroundedPrompt grounded;
    const std::vector<int> quoted = fitSources(tokenizer, sources, budget - fixed, grounded.sources);
    std::vector<int> &ids = grounded.prompt.tokens;
    ids.push_back(SpecialTokens::EndOfText);
    if (!quoted.empty()) {
        ids.insert(ids.end(), header.begin(), header.end());
        ids.insert(ids.end(), quoted.begin(), quoted.end());
    }
    ids.insert(ids.end(), tail.begin(), tail.end());
    return grounded;
}

GroundedPrompt fitGroundedChat(const Tokenizer &tokenizer, const std::string &systemPrompt,
                               const std::vector<PromptSource> &sources,
                               const std::vector<ChatTurn> &turns, int budget)
{
    const std::string system = systemPrompt.empty() ? std::string(kSourcesHeader)
                                                    : systemPrompt + "\n" + kSourcesHeader;
    // The least the prompt needs: the system turn without sources and the newest message.
    const std::vector<ChatTurn> newest(turns.end() - (turns.empty() ? 0 : 1), turns.end());
    const int fixed = int(fitChatPrompt(tokenizer, system, newest, budget).tokens.size());
    GroundedPrompt grounded;
    const std::vector<int> quoted = fitSources(tokenizer, sources, budget - fixed, grounded.sources);
    // Sources are spliced in as ids (already fitted), right after the system text.
    grounded.prompt = fitChatPrompt(tokenizer, system, turns, budget - int(quoted.size()));
    if (!quoted.empty()) {
        std::vector<int> &ids = grounded.prompt.tokens;
        const auto systemEnd = std::find(ids.begin(), ids.end(), int(SpecialTokens::End));
        ids.insert(systemEnd, quoted.begin(), quoted.end());
    }
    return grounded;
}

std::string promptText(const Tokenizer &tokenizer, const std::vector<int> &ids)
{
    std::string text;
    std::vector<int> run;
    const auto flush = [&] {
        text += tokenizer.decode(run);
        run.clear();
    };
    for (int id : ids) {
        const std::string piece = tokenizer.idToPiece(id);
        const bool marker = piece.size() > 4 && piece.compare(0, 2, "<|") == 0 &&
                            piece.compare(piece.size() - 2, 2, "|>") == 0;
        if (tokenizer.isControl(id) || marker) {
            flush();
            const bool closes = id == SpecialTokens::EndOfText || id == SpecialTokens::End;
            text += piece + (closes ? "\n" : " ");
        } else {
            run.push_back(id);
        }
    }
    flush();
    return text;
}

} // namespace azllm
