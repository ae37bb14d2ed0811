#include "chat_worker.h"

#include "checkpoint.h"

#include <algorithm>
#include <numeric>

#include "tokenizer.h"

namespace azllm::ui {

namespace {

QString pieceText(const Tokenizer &tokenizer, int id)
{
    return QString::fromStdString(tokenizer.idToPiece(id));
}

QVector<int> toQVector(const std::vector<int> &ids)
{
    return QVector<int>(ids.begin(), ids.end());
}

// The ids of the `count` highest logits, highest first (lower id first on ties, as the sampler
// ranks).
std::vector<int> likeliest(const std::vector<float> &logits, int count)
{
    std::vector<int> ids(logits.size());
    std::iota(ids.begin(), ids.end(), 0);
    const auto n = std::min<std::size_t>(std::size_t(count), ids.size());
    std::partial_sort(ids.begin(), ids.begin() + std::ptrdiff_t(n), ids.end(), [&](int a, int b) {
        return logits[std::size_t(a)] > logits[std::size_t(b)] ||
               (logits[std::size_t(a)] == logits[std::size_t(b)] && a < b);
    });
    ids.resize(n);
    return ids;
}

} // namespace

ChatWorker::ChatWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<CheckpointSummary>();
    qRegisterMetaType<ReplySummary>();
    qRegisterMetaType<QVector<float>>();
}

ChatWorker::~ChatWorker() = default;

void ChatWorker::stop(qint64 requestId)
{
    m_tokensAtStop = m_tokensSoFar.load();
    qint64 seen = m_stopUpTo.load();
    while (seen < requestId && !m_stopUpTo.compare_exchange_weak(seen, requestId)) {
    }
}

void ChatWorker::load(const QString &checkpoint, quant::Precision precision)
{
    try {
        // The engine is dropped first: two models in memory at once could exhaust a laptop.
        m_engine.reset();
        m_engine = std::make_unique<ChatEngine>(
            ChatEngine::load(checkpoint.toStdString(), "auto", precision));
        CheckpointSummary s;
        s.checkpoint = QString::fromStdString(m_engine->checkpointDir());
        s.parameters = m_engine->parameterCount();
        s.vocabSize = int(m_engine->modelConfig().vocabSize);
        s.contextLength = int(m_engine->modelConfig().contextLength);
        s.supportsChat = m_engine->supportsChat();
        s.precision = m_engine->precision();
        s.chatTuned = readCheckpointConfig(m_engine->checkpointDir()).tuning.kind == "sft";
        Q_EMIT checkpointLoaded(s);
    } catch (const std::exception &e) {
        m_engine.reset();
        Q_EMIT loadFailed(checkpoint, QString::fromStdString(e.what()));
    }
}

void ChatWorker::generate(qint64 requestId, const ChatRequest &request)
{
    if (!m_engine) {
        Q_EMIT replyFailed(requestId, tr("No checkpoint is loaded."));
        return;
    }
    m_tokensSoFar = 0;
    const Tokenizer &tokenizer = m_engine->tokenizer();
    const auto onToken = [&](int id, const std::string &newText) {
        ++m_tokensSoFar;
        Q_EMIT tokenGenerated(requestId, id, pieceText(tokenizer, id),
                              QString::fromStdString(newText));
        return m_stopUpTo.load() < requestId;
    };
    try {
        const ChatReply reply = m_engine->reply(request, onToken);
        ReplySummary s;
        s.text = QString::fromStdString(reply.text);
        s.promptTokens = toQVector(reply.promptTokens);
        s.tokens = toQVector(reply.tokens);
        for (int id : reply.tokens)
            s.pieces << pieceText(tokenizer, id);
        s.generatedTokens = int(reply.tokens.size());
        s.tokensPerSecond = reply.stats.tokensPerSecond;
        s.timeToFirstTokenMs = reply.stats.timeToFirstTokenMs;
        s.droppedTurns = reply.droppedTurns;
        s.droppedTokens = reply.droppedTokens;
        s.stoppedByCaller = reply.stoppedByCaller;
        s.endedBy = reply.endToken >= 0 ? pieceText(tokenizer, reply.endToken) : QString();
        s.seed = request.params.seed;
        for (const SourceFit &fit : reply.sourceFits)
            s.sourceUses << int(fit.use);
        s.promptText = QString::fromStdString(promptText(tokenizer, reply.promptTokens));
        Q_EMIT replyFinished(requestId, s);
    } catch (const std::exception &e) {
        Q_EMIT replyFailed(requestId, QString::fromStdString(e.what()));
    }
}

void ChatWorker::explain(qint64 requestId, const QVector<int> &context, int position)
{
    if (!m_engine)
        return;
    try {
        const std::vector<float> logits = m_engine->nextTokenLogits(
            std::vector<int>(context.begin(), context.end()), std::size_t(position));
        QVector<int> top;
        QStringList pieces;
        for (int id : likeliest(logits, kExplainCandidates)) {
            top << id;
            pieces << pieceText(m_engine->tokenizer(), id);
        }
        Q_EMIT explanationReady(requestId, QVector<float>(logits.begin(), logits.end()), top,
                                pieces);
    } catch (const std::exception &e) {
        Q_EMIT replyFailed(requestId, QString::fromStdString(e.what()));
    }
}

} // namespace azllm::ui
