// Runs knowledge-base work off the GUI thread for the Knowledge screen and the Chat screen's
// retrieval: imports, vectors, searches, evaluations. It opens its own connection to studio.db
// on its thread (Qt's SQL connections belong to one thread). Commands arrive as queued calls;
// Cancel is an atomic read between files, batches and questions; results leave as queued signals
// carrying plain values.
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <memory>

#include "grounded_prompt.h"
#include "knowledge_importer.h"
#include "retrieval_evaluation.h"
#include "retriever.h"

namespace azllm {
class DenseIndex;
class KnowledgeStore;
class StudioDatabase;
} // namespace azllm

namespace azllm::ui {

// What a search found, and what the chat puts in its prompt.
struct RetrievalResult
{
    qint64 requestId = 0;
    QString base;
    RetrievalMode mode = kDefaultRetrievalMode;
    QString query;
    QVector<RetrievedChunk> chunks;
    bool found = false; // the best chunk covers enough of the question (citations.h)
    double seconds = 0;
};

class KnowledgeWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnowledgeWorker)

public:
    explicit KnowledgeWorker(QString databasePath, QObject *parent = nullptr);
    ~KnowledgeWorker() override;

    // Safe from any thread: the running import, vector computation or evaluation stops at its
    // next file, batch or question (what is done stays). The caller clears it before queuing
    // the next command, so a Cancel pressed before the command starts still counts.
    void setCancelled(bool cancelled) { m_cancel = cancelled; }

    // ---- on the worker's thread, through queued calls
    // Builds the default base the first time (default_knowledge_base.h).
    void seedDefaultBase();
    void importPaths(qint64 baseId, const QStringList &paths);
    void computeVectors(qint64 baseId, const QString &checkpoint);
    // checkpoint: for dense and hybrid, the model's folder; empty means the base's own.
    void search(qint64 requestId, qint64 baseId, const QString &query, azllm::RetrievalMode mode,
                int k, const QString &checkpoint, double minCoverage);
    void evaluate(qint64 baseId, const QString &questionsFile, azllm::RetrievalMode mode, int k,
                  const QString &checkpoint);

Q_SIGNALS:
    void defaultBaseReady(qint64 baseId); // 0 when none was built now
    void importProgressed(int filesDone, int filesTotal, const QString &currentFile);
    void importFinished(const azllm::KnowledgeImportReport &report);
    void vectorsProgressed(int done, int total);
    void vectorsFinished(int computed, const QString &checkpoint);
    void searchFinished(const azllm::ui::RetrievalResult &result);
    void evaluationProgressed(int done, int total);
    void evaluationFinished(const azllm::EvalReport &report);
    // A command failed: which one ("import", "vectors", "search", "evaluate", "seed") and why.
    void failed(const QString &command, qint64 requestId, const QString &message);

private:
    KnowledgeStore &store();
    DenseIndex *denseIndex(qint64 baseId, const QString &checkpoint, bool forSearch);

    QString m_databasePath;
    std::unique_ptr<StudioDatabase> m_database; // opened on the worker's thread
    std::unique_ptr<KnowledgeStore> m_store;
    std::unique_ptr<DenseIndex> m_dense; // the last model used, kept for the next search
    std::atomic<bool> m_cancel{false};
};

} // namespace azllm::ui

Q_DECLARE_METATYPE(azllm::KnowledgeImportReport)
Q_DECLARE_METATYPE(azllm::EvalReport)
Q_DECLARE_METATYPE(azllm::ui::RetrievalResult)
