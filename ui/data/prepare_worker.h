// Runs CorpusPreparer off the GUI thread. The worker object lives on its own QThread
// (PreparePanel owns both); results travel back as queued signals carrying plain values, and
// Cancel is an atomic flag the preparer's progress callback reads, because the worker's event
// loop is busy for the whole run and could not deliver a queued "stop".
#pragma once

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>

#include "corpus_preparer.h"

Q_DECLARE_METATYPE(azllm::PrepareProgress)

namespace azllm::ui {

struct PrepareOutcome
{
    enum class Status
    {
        Prepared,
        Cancelled,
        Failed
    };
    Status status = Status::Failed;
    QString outputDir;
    QString error; // when Failed: what went wrong, naming the file where the preparer did
    azllm::PrepareReport report;
};

} // namespace azllm::ui

Q_DECLARE_METATYPE(azllm::ui::PrepareOutcome)

namespace azllm::ui {

class PrepareWorker final : public QObject
{
    Q_OBJECT

public:
    explicit PrepareWorker(QObject *parent = nullptr);

    // Safe from any thread: the running preparation stops at its next progress check and
    // leaves nothing behind (no dataset folder either, when this run created it).
    void requestCancel() { m_cancelRequested.store(true); }
    // Called before queueing the next prepare(), so a Cancel pressed while that call waits in
    // the queue is not forgotten.
    void clearCancel() { m_cancelRequested.store(false); }

    // Blocks the calling thread (the worker's) until done; emits finished() exactly once.
    void prepare(const azllm::PrepareOptions &options);

Q_SIGNALS:
    // Throttled: every stage change, otherwise at most about ten a second.
    void progressed(const azllm::PrepareProgress &progress);
    void finished(const azllm::ui::PrepareOutcome &outcome);

private:
    // The preparer's callback: reports, then says whether to go on.
    bool onProgress(const azllm::PrepareProgress &progress);

    std::atomic<bool> m_cancelRequested{false};
    QElapsedTimer m_sinceLastReport;
    azllm::PrepareStage m_lastStage = azllm::PrepareStage::Import;
};

} // namespace azllm::ui
