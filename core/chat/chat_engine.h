// A checkpoint ready to talk: its model, the tokenizer of its run, and the chat template. The
// Chat screen's worker and `azllm chat` both go through this class; it speaks plain C++ so it
// can run on any thread (one at a time).
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "chat_template.h"
#include "generator.h"
#include "grounded_prompt.h"

namespace azllm {

// A checkpoint that cannot be used for chat, with a sentence for the learner naming the file.
class ChatError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct ChatRequest
{
    ChatMode mode = ChatMode::Chat;
    std::string systemPrompt; // chat mode only
    // Chat: the conversation, oldest first, ending with the user's message.
    // Completion: the last turn's text is what the model continues.
    std::vector<ChatTurn> turns;
    GenerationParams params;
    // Benchmarks only: keep generating through </s> and <|end|> to exactly maxNewTokens.
    bool ignoreEndTokens = false;
    // Retrieved passages to quote before the question (grounded_prompt.h); none: a plain prompt.
    std::vector<PromptSource> sources;
};

struct ChatReply
{
    std::string text;
    std::vector<int> promptTokens; // exactly what the model saw before its answer
    std::vector<int> tokens;       // the answer's ids, without the token that ended it
    GenerationStats stats;         // the engine's figures (its count includes an ending token)
    int droppedTurns = 0;
    int droppedTokens = 0;
    bool stoppedByCaller = false;
    int endToken = -1; // the id that ended the answer (</s>, <|end|>, a marker), -1 when none
    std::vector<SourceFit> sourceFits; // what became of each of the request's sources
};

// Called with each answer token and the text it completed; return false to stop at once.
using ChatTokenCallback = std::function<bool(int token, const std::string &newText)>;

class ChatEngine
{
public:
    // A checkpoint folder, or a run folder (its newest checkpoint). The tokenizer is the run's
    // tokenizer.model. Throws ChatError naming the folder or file for a missing checkpoint, a
    // missing or damaged tokenizer, or a tokenizer with more pieces than the model has ids.
    // Int8 decodes the same checkpoint with Q8_0 weights (core/quant), on the CPU.
    static ChatEngine load(const std::string &checkpointOrRunDir,
                           const std::string &device = "auto",
                           Precision precision = Precision::Fp32);

    ChatEngine(ChatEngine &&) noexcept;
    ChatEngine &operator=(ChatEngine &&) noexcept;
    ~ChatEngine();

    // Throws ContextOverflow when the newest message alone is too long, ChatError when chat mode
    // is asked of a tokenizer without the chat markers.
    ChatReply reply(const ChatRequest &request, const ChatTokenCallback &onToken = {});

    // Logits for the token after tokens[position] (Generator::nextTokenLogits): Explain mode.
    std::vector<float> nextTokenLogits(const std::vector<int> &tokens, std::size_t position);

    const Tokenizer &tokenizer() const;
    const ModelConfig &modelConfig() const;
    Precision precision() const;
    std::int64_t parameterCount() const;
    const std::string &checkpointDir() const;
    const std::string &tokenizerPath() const;
    bool supportsChat() const;

private:
    struct State;
    explicit ChatEngine(std::unique_ptr<State> state);
    FittedPrompt fitPrompt(const ChatRequest &request, int budget,
                           std::vector<SourceFit> &sourceFits) const;
    std::unique_ptr<State> m_state;
};

// A run folder means its best checkpoint when a tuning run kept one, else its newest; a
// checkpoint folder means itself. Throws ChatError.
std::string resolveCheckpointDir(const std::string &checkpointOrRunDir);
// The tokenizer.model of a checkpoint's run (checkpoints live in <run>/checkpoints/step-N).
std::string tokenizerPathFor(const std::string &checkpointDir);

} // namespace azllm
