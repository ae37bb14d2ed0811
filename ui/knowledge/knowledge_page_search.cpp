// The Knowledge screen's search over the selected base, its dense vectors and its evaluation on a
// question set (knowledge_page.cpp has the bases, documents and imports).
#include "knowledge_page.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextBrowser>

#include "checkpoint.h"
#include "citations.h"
#include "dense_index.h"
#include "table_cells.h"
#include "workspace.h"

namespace azllm::ui {

RetrievalMode KnowledgePage::searchMode() const
{
    return RetrievalMode(m_mode->currentData().toInt());
}

void KnowledgePage::setSearchMode(RetrievalMode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

void KnowledgePage::search(const QString &query)
{
    const qint64 base = selectedBaseId();
    if (base == 0 || query.trimmed().isEmpty())
        return;
    m_query->setText(query);
    if (needsVectors(searchMode()))
        setBusy([base = selectedBase()] { return tr("Searching %1").arg(base); });
    const qint64 id = m_nextSearch++;
    const RetrievalMode mode = searchMode();
    const int k = m_k->value();
    const QString checkpoint = m_checkpoint->currentData().toString();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, id, base, query, mode, k, checkpoint] {
            worker->search(id, base, query, mode, k, checkpoint, kDefaultMinCoverage);
        },
        Qt::QueuedConnection);
}

void KnowledgePage::handleSearchFinished(const RetrievalResult &result)
{
    if (result.requestId != m_nextSearch - 1)
        return; // an older search answered after a newer one was asked
    if (m_busy)
        setIdle();
    m_lastSearch = result;
    const QSignalBlocker blocker(m_results);
    m_results->setRowCount(0);
    for (int i = 0; i < result.chunks.size(); ++i) {
        const RetrievedChunk &c = result.chunks[i];
        m_results->insertRow(i);
        m_results->setItem(i, 0, readOnlyCell(QString::number(i + 1), Qt::AlignRight));
        m_results->setItem(i, 1, readOnlyCell(citationText(c.chunk)));
        m_results->setItem(i, 2, readOnlyCell(QLocale().toString(c.score, 'f', 3), Qt::AlignRight));
        m_results->setItem(
            i, 3,
            readOnlyCell(QString::number(qRound(c.coverage * 100)) + QLatin1Char('%'),
                         Qt::AlignRight));
        m_results->item(i, 1)->setToolTip(c.chunk.heading);
    }
    m_searchNote->setText(
        result.chunks.isEmpty() ? tr("Nothing found (%1, %2 ms).")
                                      .arg(retrievalModeName(result.mode))
                                      .arg(qRound(result.seconds * 1000))
        : result.found
            ? tr("%1 chunks (%2, %3 ms). Click one to read it.")
                  .arg(result.chunks.size())
                  .arg(retrievalModeName(result.mode))
                  .arg(qRound(result.seconds * 1000))
            : tr("%1 chunks, but none covers %2% of the question: the chat would say it found "
                 "nothing (%3, %4 ms).")
                  .arg(result.chunks.size())
                  .arg(qRound(kDefaultMinCoverage * 100))
                  .arg(retrievalModeName(result.mode))
                  .arg(qRound(result.seconds * 1000)));
    if (!result.chunks.isEmpty()) {
        m_results->setCurrentCell(0, 0);
        showResult(0);
    }
    Q_EMIT searchFinished(int(result.chunks.size()));
}

void KnowledgePage::showResult(int row)
{
    if (!m_lastSearch || row < 0 || row >= m_lastSearch->chunks.size())
        return;
    const RetrievedChunk &c = m_lastSearch->chunks[row];
    showChunk(c.chunk, tr("Result %1 for “%2”: score %L3, covers %4% of the question.")
                           .arg(row + 1)
                           .arg(m_lastSearch->query)
                           .arg(c.score, 0, 'f', 3)
                           .arg(qRound(c.coverage * 100)));
}

int KnowledgePage::resultCount() const
{
    return m_lastSearch ? int(m_lastSearch->chunks.size()) : 0;
}

QString KnowledgePage::resultSource(int row) const
{
    return m_lastSearch && row >= 0 && row < m_lastSearch->chunks.size()
               ? citationText(m_lastSearch->chunks[row].chunk)
               : QString();
}

void KnowledgePage::refreshCheckpoints()
{
    const QString current = m_checkpoint->currentData().toString();
    m_checkpoint->clear();
    for (const QFileInfo &run :
         QDir(m_workspace.runsDir()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time))
        if (const auto latest = latestCheckpoint(run.absoluteFilePath().toStdString()))
            m_checkpoint->addItem(tr("%1 · step %2").arg(run.fileName()).arg(latest->state.step),
                                  QString::fromStdString(latest->path));
    if (m_checkpoint->count() == 0)
        m_checkpoint->addItem(tr("(no checkpoints yet: train a model first)"), QString());
    const int again = m_checkpoint->findData(current);
    m_checkpoint->setCurrentIndex(std::max(0, again));
    updateControls();
}

void KnowledgePage::computeVectors(const QString &checkpoint)
{
    const qint64 base = selectedBaseId();
    if (base == 0 || m_busy || checkpoint.isEmpty())
        return;
    setBusy([base = selectedBase()] { return tr("Computing vectors for %1").arg(base); });
    m_progress->setRange(0, 0);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, base, checkpoint] { worker->computeVectors(base, checkpoint); },
        Qt::QueuedConnection);
}

void KnowledgePage::handleVectorsProgress(int done, int total)
{
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
    m_progress->setFormat(tr("%v of %m chunks"));
}

void KnowledgePage::handleVectorsFinished(int vectors, const QString &checkpoint)
{
    setIdle();
    showStatus([vectors, checkpoint = QDir::toNativeSeparators(checkpoint)] {
        return tr("%1 chunks have vectors from %2.").arg(vectors).arg(checkpoint);
    });
    refresh();
    Q_EMIT vectorsFinished(true);
}

void KnowledgePage::updateVectorStatus()
{
    const std::optional<KnowledgeBaseRecord> base =
        selectedBaseId() ? m_store.base(selectedBaseId()) : std::nullopt;
    if (!base) {
        m_vectorStatus->clear();
        return;
    }
    if (base->embeddingCheckpoint.isEmpty()) {
        m_vectorStatus->setText(tr("No vectors yet: dense and hybrid search need them. Pick a "
                                   "checkpoint and compute them (a minute or so for a small "
                                   "model)."));
        return;
    }
    const bool stale = checkpointSignature(base->embeddingCheckpoint) != base->embeddingSignature;
    m_vectorStatus->setText(
        stale ? tr("The vectors came from %1, whose weights have changed since: they are "
                   "computed again on the next dense search.")
                    .arg(QDir::toNativeSeparators(base->embeddingCheckpoint))
              : tr("%1 of %2 chunks have vectors from %3.")
                    .arg(base->vectors)
                    .arg(base->chunks)
                    .arg(QDir::toNativeSeparators(base->embeddingCheckpoint)));
}

void KnowledgePage::chooseQuestions()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Question file"), QString(),
                                                      tr("JSON lines (*.jsonl);;All files (*)"));
    if (!file.isEmpty())
        evaluate(file);
}

void KnowledgePage::evaluate(const QString &questionsFile)
{
    const qint64 base = selectedBaseId();
    if (base == 0 || m_busy)
        return;
    setBusy([base = selectedBase()] { return tr("Evaluating %1").arg(base); });
    const RetrievalMode mode = searchMode();
    const int k = m_k->value();
    const QString checkpoint = m_checkpoint->currentData().toString();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, base, questionsFile, mode, k, checkpoint] {
            worker->evaluate(base, questionsFile, mode, k, checkpoint);
        },
        Qt::QueuedConnection);
}

void KnowledgePage::handleEvaluationFinished(const EvalReport &report)
{
    setIdle();
    m_evalResult->setText(tr("%1 questions, %2: Recall@1 %L3, Recall@5 %L4, MRR %L5.")
                              .arg(report.n)
                              .arg(retrievalModeName(report.mode))
                              .arg(report.recallAt1, 0, 'f', 3)
                              .arg(report.recallAt5, 0, 'f', 3)
                              .arg(report.mrr, 0, 'f', 3));
    Q_EMIT evaluationFinished(report);
}

void KnowledgePage::handleFailed(const QString &, qint64, const QString &message)
{
    if (m_busy)
        setIdle();
    showFailure(message);
    Q_EMIT workFailed(message);
}

} // namespace azllm::ui
