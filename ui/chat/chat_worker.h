// Runs a ChatEngine on its own thread for the Chat screen. Commands arrive as queued calls
// (load, generate, explain); Stop is an atomic the engine's token callback reads, because the
// worker's event loop is blocked while it generates. Results leave as queued signals carrying
// plain values; the GUI thread owns every widget and model.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <memory>

#include "chat_engine.h"

namespace azllm::ui {

// What the page needs to know about a loaded checkpoint.
struct CheckpointSummary
{
    QString checkpoint;
    qint64 parameters = 0;
    int vocabSize = 0;
    int contextLength = 0;
    bool supportsChat = false;
    azllm::quant::Precision precision = azllm::quant::Precision::Fp32;
    bool chatTuned = false; // a fine-tuned (sft) checkpoint: it opens in chat mode
};

// How many candidates Explain shows for a position.
inline constexpr int kExplainCandidates = 10;

// One finished answer: text, ids, and the figures shown under it.
struct ReplySummary
{
    QString text;
    QVector<int> promptTokens; // what the model saw
    QVector<int> tokens;       // the answer's ids
    QStringList pieces;        // each id as the tokenizer spells it
    int generatedTokens = 0;
    double tokensPerSecond = 0;
    double timeToFirstTokenMs = 0;
    int droppedTurns = 0;
    int droppedTokens = 0;
    bool stoppedByCaller = false;
    QString endedBy; // the piece that ended the answer ("<|end|>", "</s>"), empty when none
    quint64 seed = 0;
    QVector<int> sourceUses; // a grounded answer: SourceUse of each source, in rank order
    QString promptText;      // what the model saw, decoded, markers spelled out
};

} // namespace azllm::ui

Q_DECLARE_METATYPE(azllm::ui::CheckpointSummary)
Q_DECLARE_METATYPE(azllm::ui::ReplySummary)

namespace azllm::ui {

class ChatWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatWorker)

public:
    explicit ChatWorker(QObject *parent = nullptr);
    ~ChatWorker() override;

    // Safe from any thread: request `requestId` (and every earlier one) ends at its next token.
    void stop(qint64 requestId);
    // Answer tokens the running request had produced when stop() was called (for tests).
    int tokensAtStop() const { return m_tokensAtStop.load(); }

    // On the worker's thread, through queued calls.
    void load(const QString &checkpoint,
              azllm::quant::Precision precision = azllm::quant::Precision::Fp32);
    void generate(qint64 requestId, const azllm::ChatRequest &request);
    void explain(qint64 requestId, const QVector<int> &context, int position);

Q_SIGNALS:
    void checkpointLoaded(const CheckpointSummary &summary);
    void loadFailed(const QString &checkpoint, const QString &message);
    void tokenGenerated(qint64 requestId, int token, const QString &piece, const QString &newText);
    void replyFinished(qint64 requestId, const ReplySummary &reply);
    void replyFailed(qint64 requestId, const QString &message);
    // The next-token logits at a position, and the kExplainCandidates likeliest ids with their
    // pieces.
    void explanationReady(qint64 requestId, const QVector<float> &logits,
                          const QVector<int> &topIds, const QStringList &topPieces);

private:
    std::unique_ptr<azllm::ChatEngine> m_engine;
    std::atomic<qint64> m_stopUpTo{0};
    std::atomic<int> m_tokensSoFar{0};
    std::atomic<int> m_tokensAtStop{-1};
};

} // namespace azllm::ui
