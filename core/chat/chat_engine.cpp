#include "chat_engine.h"

#include <filesystem>
#include <optional>

#include "checkpoint.h"
#include "incremental_decoder.h"
#include "tokenizer.h"

namespace azllm {

namespace fs = std::filesystem;

struct ChatEngine::State
{
    std::string checkpointDir;
    std::string tokenizerPath;
    Tokenizer tokenizer;
    Generator generator;
    bool supportsChat = false;
};

namespace {

Tokenizer loadTokenizer(const std::string &path, const std::string &checkpointDir)
{
    if (!fs::is_regular_file(path))
        throw ChatError(
            "No tokenizer.model next to this checkpoint: expected " + path + " for " +
            checkpointDir +
            ". Without the tokenizer the model was trained with, its token ids cannot become text; "
            "copy the dataset's tokenizer.model into the run folder.");
    try {
        return Tokenizer::load(path);
    } catch (const std::exception &e) {
        throw ChatError("The tokenizer " + path + " cannot be read: " + e.what());
    }
}

} // namespace

// Checkpoints live in <run>/checkpoints/step-N; the run folder holds tokenizer.model.
std::string tokenizerPathFor(const std::string &checkpointDir)
{
    return (fs::path(checkpointDir).parent_path().parent_path() / "tokenizer.model").string();
}

std::string resolveCheckpointDir(const std::string &path)
{
    if (fs::is_regular_file(fs::path(path) / "state.txt"))
        return path;
    if (!fs::exists(path))
        throw ChatError("Checkpoint " + path + ": no such folder.");
    if (const auto preferred = preferredCheckpoint(path))
        return preferred->path;
    throw ChatError(
        path + " holds no checkpoint (expected state.txt, or checkpoints/step-* in a run folder).");
}

ChatEngine ChatEngine::load(const std::string &checkpointOrRunDir, const std::string &device,
                            Precision precision)
{
    const std::string checkpoint = resolveCheckpointDir(checkpointOrRunDir);
    const std::string tokenizerPath = tokenizerPathFor(checkpoint);
    Tokenizer tokenizer = loadTokenizer(tokenizerPath, checkpoint);
    std::optional<LanguageModel> model;
    try {
        // int8 runs on the CPU's decode kernels, whatever device fp32 would use.
        model.emplace(LanguageModel::fromCheckpoint(
            checkpoint, precision == Precision::Int8 ? std::string("cpu") : device));
    } catch (const std::exception &e) {
        throw ChatError("The checkpoint " + checkpoint + " cannot be loaded: " + e.what());
    }
    const std::int64_t modelVocab = model->config().vocabSize;
    if (tokenizer.vocabSize() > modelVocab)
        throw ChatError("Vocabulary mismatch: " + tokenizerPath + " has " +
                        std::to_string(tokenizer.vocabSize()) + " pieces but the model in " +
                        checkpoint + " knows only " + std::to_string(modelVocab) +
                        " token ids, so this tokenizer belongs to another model. Use the tokenizer "
                        "it was trained with.");
    const bool chat = hasChatMarkers(tokenizer);
    return ChatEngine(
        std::make_unique<State>(State{checkpoint, tokenizerPath, std::move(tokenizer),
                                      Generator(std::move(*model), precision), chat}));
}

ChatEngine::ChatEngine(std::unique_ptr<State> state) : m_state(std::move(state)) {}
ChatEngine::ChatEngine(ChatEngine &&) noexcept = default;
ChatEngine &ChatEngine::operator=(ChatEngine &&) noexcept = default;
ChatEngine::~ChatEngine() = default;

FittedPrompt ChatEngine::fitPrompt(const ChatRequest &request, int budget,
                                   std::vector<SourceFit> &sourceFits) const
{
    const Tokenizer &tokenizer = m_state->tokenizer;
    if (!request.sources.empty()) {
        GroundedPrompt grounded = request.mode == ChatMode::Chat
                                      ? fitGroundedChat(tokenizer, request.systemPrompt,
                                                        request.sources, request.turns, budget)
                                      : fitGroundedCompletion(tokenizer, request.sources,
                                                              request.turns.back().text, budget);
        sourceFits = std::move(grounded.sources);
        return std::move(grounded.prompt);
    }
    return request.mode == ChatMode::Chat
               ? fitChatPrompt(tokenizer, request.systemPrompt, request.turns, budget)
               : fitCompletionPrompt(tokenizer, request.turns.back().text, budget);
}

ChatReply ChatEngine::reply(const ChatRequest &request, const ChatTokenCallback &onToken)
{
    if (request.turns.empty())
        throw std::invalid_argument("a chat request needs at least one message");
    if (request.mode == ChatMode::Chat && !m_state->supportsChat)
        throw ChatError("The tokenizer " + m_state->tokenizerPath +
                        " has no chat markers (<|user|>, <|assistant|>, <|end|> at ids 4-7); use "
                        "completion mode.");
    const int context = int(modelConfig().contextLength);
    const int budget = promptBudget(context, request.params.maxNewTokens);
    ChatReply reply;
    const FittedPrompt fitted = fitPrompt(request, budget, reply.sourceFits);

    reply.promptTokens = fitted.tokens;
    reply.droppedTurns = fitted.droppedTurns;
    reply.droppedTokens = fitted.droppedTokens;
    GenerationParams params = request.params;
    params.endOfText = -1; // the template decides what ends an answer, below
    IncrementalDecoder decoder(m_state->tokenizer);
    const auto onEachToken = [&](int id) {
        if (!request.ignoreEndTokens && endsAnswer(id, request.mode)) {
            reply.endToken = id;
            return false;
        }
        reply.tokens.push_back(id);
        const std::string fresh = decoder.push(id);
        if (onToken && !onToken(id, fresh)) {
            reply.stoppedByCaller = true;
            return false;
        }
        return true;
    };
    m_state->generator.generate(fitted.tokens, params, onEachToken, &reply.stats);
    reply.text = decoder.text();
    return reply;
}

std::vector<float> ChatEngine::nextTokenLogits(const std::vector<int> &tokens, std::size_t position)
{
    return m_state->generator.nextTokenLogits(tokens, position);
}

Precision ChatEngine::precision() const
{
    return m_state->generator.precision();
}

const Tokenizer &ChatEngine::tokenizer() const
{
    return m_state->tokenizer;
}

const ModelConfig &ChatEngine::modelConfig() const
{
    return m_state->generator.model().config();
}

std::int64_t ChatEngine::parameterCount() const
{
    return m_state->generator.model().parameterCount();
}

const std::string &ChatEngine::checkpointDir() const
{
    return m_state->checkpointDir;
}

const std::string &ChatEngine::tokenizerPath() const
{
    return m_state->tokenizerPath;
}

bool ChatEngine::supportsChat() const
{
    return m_state->supportsChat;
}

} // namespace azllm
