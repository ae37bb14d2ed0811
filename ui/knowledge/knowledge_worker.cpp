#include "knowledge_worker.h"

#include <QElapsedTimer>

#include "citations.h"
#include "default_knowledge_base.h"
#include "dense_index.h"
#include "knowledge_error.h"
#include "knowledge_store.h"
#include "studio_database.h"

namespace azllm::ui {

KnowledgeWorker::KnowledgeWorker(QString databasePath, QObject *parent)
    : QObject(parent), m_databasePath(std::move(databasePath))
{
    qRegisterMetaType<KnowledgeImportReport>();
    qRegisterMetaType<EvalReport>();
    qRegisterMetaType<RetrievalResult>();
}

KnowledgeWorker::~KnowledgeWorker() = default;

KnowledgeStore &KnowledgeWorker::store()
{
    if (!m_store) {
        m_database = std::make_unique<StudioDatabase>(m_databasePath);
        m_store = std::make_unique<KnowledgeStore>(*m_database);
    }
    return *m_store;
}

// The index for a base: the model already loaded when it is the one asked for (or the base's
// own when none is asked), else a fresh load. Vectors are brought up to date unless searching
// with a base whose vectors are complete.
DenseIndex *KnowledgeWorker::denseIndex(qint64 baseId, const QString &checkpoint, bool forSearch)
{
    const std::optional<KnowledgeBaseRecord> base = store().base(baseId);
    if (!base)
        throw KnowledgeError("the knowledge base no longer exists");
    const QString wanted = checkpoint.isEmpty() ? base->embeddingCheckpoint : checkpoint;
    if (!m_dense || (!wanted.isEmpty() && wanted != m_dense->checkpoint())) {
        m_dense.reset();
        m_dense = openDenseIndex(store(), baseId, wanted, {});
    }
    if (!m_dense->isCurrent(*store().base(baseId)) || !forSearch)
        m_dense->update(store(), baseId, [this](int done, int total) {
            Q_EMIT vectorsProgressed(done, total);
            return !m_cancel.load();
        });
    return m_dense.get();
}

void KnowledgeWorker::seedDefaultBase()
{
    try {
        Q_EMIT defaultBaseReady(seedDefaultKnowledgeBase(store()).value_or(0));
    } catch (const std::exception &e) {
        Q_EMIT failed(QStringLiteral("seed"), 0, QString::fromUtf8(e.what()));
    }
}

void KnowledgeWorker::importPaths(qint64 baseId, const QStringList &paths)
{
    try {
        KnowledgeImporter importer(store(), baseId);
        const KnowledgeImportReport report =
            importer.import(paths, [this](const KnowledgeImportProgress &p) {
                Q_EMIT importProgressed(p.filesDone, p.filesTotal, p.currentFile);
                return !m_cancel.load();
            });
        Q_EMIT importFinished(report);
    } catch (const std::exception &e) {
        Q_EMIT failed(QStringLiteral("import"), 0, QString::fromUtf8(e.what()));
    }
}

void KnowledgeWorker::computeVectors(qint64 baseId, const QString &checkpoint)
{
    try {
        m_dense.reset(); // a checkpoint chosen again may have new weights
        DenseIndex *index = denseIndex(baseId, checkpoint, false);
        Q_EMIT vectorsFinished(store().base(baseId)->vectors, index->checkpoint());
    } catch (const std::exception &e) {
        Q_EMIT failed(QStringLiteral("vectors"), 0, QString::fromUtf8(e.what()));
    }
}

void KnowledgeWorker::search(qint64 requestId, qint64 baseId, const QString &query,
                             RetrievalMode mode, int k, const QString &checkpoint,
                             double minCoverage)
{
    try {
        QElapsedTimer clock;
        clock.start();
        const std::optional<KnowledgeBaseRecord> base = store().base(baseId);
        if (!base)
            throw KnowledgeError("the knowledge base no longer exists");
        DenseIndex *dense = needsVectors(mode) ? denseIndex(baseId, checkpoint, true) : nullptr;
        RetrievalResult result;
        result.requestId = requestId;
        result.base = base->name;
        result.mode = mode;
        result.query = query;
        result.chunks = Retriever(store(), *store().base(baseId), dense).search(query, mode, k);
        result.found = foundAnswerable(result.chunks, minCoverage);
        result.seconds = double(clock.nsecsElapsed()) / 1e9;
        Q_EMIT searchFinished(result);
    } catch (const std::exception &e) {
        Q_EMIT failed(QStringLiteral("search"), requestId, QString::fromUtf8(e.what()));
    }
}

void KnowledgeWorker::evaluate(qint64 baseId, const QString &questionsFile, RetrievalMode mode,
                               int k, const QString &checkpoint)
{
    try {
        const QVector<EvalQuestion> questions = readEvalQuestions(questionsFile);
        DenseIndex *dense = needsVectors(mode) ? denseIndex(baseId, checkpoint, true) : nullptr;
        const Retriever retriever(store(), *store().base(baseId), dense);
        const EvalReport report =
            evaluateRetrieval(retriever, questions, mode, k, [this](int done, int total) {
                Q_EMIT evaluationProgressed(done, total);
                return !m_cancel.load();
            });
        Q_EMIT evaluationFinished(report);
    } catch (const std::exception &e) {
        Q_EMIT failed(QStringLiteral("evaluate"), 0, QString::fromUtf8(e.what()));
    }
}

} // namespace azllm::ui
