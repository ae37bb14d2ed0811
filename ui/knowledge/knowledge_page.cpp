#include "knowledge_page.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>

#include "checkpoint.h"
#include "citations.h"
#include "default_knowledge_base.h"
#include "dense_index.h"
#include "table_cells.h"
#include "workspace.h"

namespace azllm::ui {
namespace {

QString lineRange(const ChunkRecord &c)
{
    return c.firstLine == c.lastLine ? QString::number(c.firstLine)
                                     : QStringLiteral("%1–%2").arg(c.firstLine).arg(c.lastLine);
}

} // namespace

KnowledgePage::KnowledgePage(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_store(workspace.database())
{
    buildWidgets();
    startWorker();
    const QSettings settings;
    const int mode = m_mode->findData(
        settings.value(QStringLiteral("knowledge/mode"), int(kDefaultRetrievalMode)));
    m_mode->setCurrentIndex(std::max(0, mode));
    connect(m_mode, &QComboBox::currentIndexChanged, this,
            [this] { QSettings().setValue(QStringLiteral("knowledge/mode"), int(searchMode())); });
    retranslate();
    refresh();
    // The default base is built once per workspace, on the worker: the page shows it when ready.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->seedDefaultBase(); }, Qt::QueuedConnection);
}

KnowledgePage::~KnowledgePage()
{
    m_worker->setCancelled(true);
    m_thread.quit();
    m_thread.wait();
}

void KnowledgePage::startWorker()
{
    m_worker = new KnowledgeWorker(m_workspace.databasePath());
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &KnowledgeWorker::defaultBaseReady, this, [this](qint64 id) {
        if (id != 0) {
            refresh();
            Q_EMIT basesChanged();
        }
        updateOriginNote();
    });
    connect(m_worker, &KnowledgeWorker::importProgressed, this,
            &KnowledgePage::handleImportProgress, Qt::QueuedConnection);
    connect(m_worker, &KnowledgeWorker::importFinished, this, &KnowledgePage::handleImportFinished,
            Qt::QueuedConnection);
    connect(m_worker, &KnowledgeWorker::searchFinished, this, &KnowledgePage::handleSearchFinished,
            Qt::QueuedConnection);
    connect(m_worker, &KnowledgeWorker::vectorsProgressed, this,
            &KnowledgePage::handleVectorsProgress, Qt::QueuedConnection);
    connect(m_worker, &KnowledgeWorker::vectorsFinished, this,
            &KnowledgePage::handleVectorsFinished, Qt::QueuedConnection);
    connect(m_worker, &KnowledgeWorker::evaluationProgressed, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_worker, &KnowledgeWorker::evaluationFinished, this,
            &KnowledgePage::handleEvaluationFinished, Qt::QueuedConnection);
    connect(m_worker, &KnowledgeWorker::failed, this, &KnowledgePage::handleFailed,
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("knowledge"));
    m_thread.start();
}

void KnowledgePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshCheckpoints(); // runs may have saved checkpoints since
    if (!m_busy)
        refresh();
}

// ---- bases --------------------------------------------------------------------------------

void KnowledgePage::refresh()
{
    const QString current = selectedBase().isEmpty()
                                ? QSettings().value(QStringLiteral("knowledge/base")).toString()
                                : selectedBase();
    const QSignalBlocker blocker(m_bases);
    m_bases->clear();
    try {
        for (const KnowledgeBaseRecord &base : m_store.bases()) {
            auto *item = new QListWidgetItem(tr("%1\n%2 documents · %3 chunks")
                                                 .arg(base.name)
                                                 .arg(base.documents)
                                                 .arg(base.chunks),
                                             m_bases);
            item->setData(Qt::UserRole, base.id);
            item->setData(Qt::UserRole + 1, base.name);
            item->setToolTip(base.description);
            if (base.name == current)
                m_bases->setCurrentItem(item);
        }
    } catch (const std::exception &e) {
        showFailure(QString::fromUtf8(e.what()));
    }
    if (!m_bases->currentItem() && m_bases->count() > 0)
        m_bases->setCurrentRow(0);
    handleBaseChanged();
}

QString KnowledgePage::selectedBase() const
{
    const QListWidgetItem *item = m_bases->currentItem();
    return item ? item->data(Qt::UserRole + 1).toString() : QString();
}

qint64 KnowledgePage::selectedBaseId() const
{
    const QListWidgetItem *item = m_bases->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

int KnowledgePage::baseCount() const
{
    return m_bases->count();
}

bool KnowledgePage::openArgument(const QString &baseName)
{
    for (int row = 0; row < m_bases->count(); ++row)
        if (m_bases->item(row)->data(Qt::UserRole + 1).toString() == baseName) {
            m_bases->setCurrentRow(row);
            return true;
        }
    return false;
}

void KnowledgePage::handleBaseChanged()
{
    if (!selectedBase().isEmpty())
        QSettings().setValue(QStringLiteral("knowledge/base"), selectedBase());
    m_results->setRowCount(0);
    m_lastSearch.reset();
    showDocuments();
    updateVectorStatus();
    updateControls();
}

bool KnowledgePage::createBase(const QString &name)
{
    try {
        m_store.createBase(name);
        refresh();
        openArgument(name.trimmed());
        showStatus([name = name.trimmed()] {
            return tr("Created the knowledge base %1: import documents into it.").arg(name);
        });
        Q_EMIT basesChanged();
        return true;
    } catch (const std::exception &e) {
        showFailure(QString::fromUtf8(e.what()));
        return false;
    }
}

bool KnowledgePage::renameSelectedBase(const QString &name)
{
    if (selectedBaseId() == 0)
        return false;
    try {
        m_store.renameBase(selectedBaseId(), name);
        QSettings().setValue(QStringLiteral("knowledge/base"), name.trimmed());
        m_bases->currentItem()->setData(Qt::UserRole + 1, name.trimmed());
        refresh();
        Q_EMIT basesChanged();
        return true;
    } catch (const std::exception &e) {
        showFailure(QString::fromUtf8(e.what()));
        return false;
    }
}

void KnowledgePage::deleteSelectedBase()
{
    if (selectedBaseId() == 0 || m_busy)
        return;
    const QString name = selectedBase();
    try {
        m_store.removeBase(selectedBaseId());
        QSettings().remove(QStringLiteral("knowledge/base"));
        refresh();
        showStatus([name] { return tr("Deleted the knowledge base %1.").arg(name); });
        Q_EMIT basesChanged();
    } catch (const std::exception &e) {
        showFailure(QString::fromUtf8(e.what()));
    }
}

void KnowledgePage::askCreateBase()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New knowledge base"), tr("Name (for example qanunlar):"),
                              QLineEdit::Normal, QString(), &ok);
    if (ok)
        createBase(name);
}

void KnowledgePage::askRenameBase()
{
    if (selectedBaseId() == 0)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename knowledge base"), tr("New name:"),
                                               QLineEdit::Normal, selectedBase(), &ok);
    if (ok)
        renameSelectedBase(name);
}

void KnowledgePage::askDeleteBase()
{
    if (selectedBaseId() == 0)
        return;
    if (QMessageBox::question(this, tr("Delete knowledge base"),
                              tr("Delete %1 with all its documents, chunks and vectors? The "
                                 "files on disk stay.")
                                  .arg(selectedBase())) == QMessageBox::Yes)
        deleteSelectedBase();
}

// ---- documents and chunks -----------------------------------------------------------------

void KnowledgePage::showDocuments()
{
    const QSignalBlocker blocker(m_documents);
    m_documents->setRowCount(0);
    m_documentRows.clear();
    if (selectedBaseId() != 0) {
        try {
            m_documentRows = m_store.documents(selectedBaseId());
        } catch (const std::exception &e) {
            showFailure(QString::fromUtf8(e.what()));
        }
    }
    const QLocale locale;
    for (const KnowledgeDocumentRecord &d : m_documentRows) {
        const int row = m_documents->rowCount();
        m_documents->insertRow(row);
        m_documents->setItem(row, 0, readOnlyCell(d.name));
        m_documents->setItem(row, 1, readOnlyCell(d.title));
        m_documents->setItem(row, 2, readOnlyCell(d.format));
        m_documents->setItem(row, 3, readOnlyCell(locale.toString(d.chunks), Qt::AlignRight));
        m_documents->setItem(row, 4, readOnlyCell(locale.toString(d.lines), Qt::AlignRight));
        m_documents->setItem(row, 5,
                             readOnlyCell(locale.formattedDataSize(d.bytes), Qt::AlignRight));
        m_documents->item(row, 0)->setToolTip(d.path);
    }
    m_documents->resizeColumnsToContents();
    if (!m_documentRows.isEmpty())
        m_documents->setCurrentCell(0, 0);
    showChunks();
}

int KnowledgePage::documentCount() const
{
    return int(m_documentRows.size());
}

void KnowledgePage::selectDocument(int row)
{
    m_documents->setCurrentCell(row, 0);
}

void KnowledgePage::showChunks()
{
    const QSignalBlocker blocker(m_chunks);
    m_chunks->setRowCount(0);
    m_chunkRows.clear();
    const int row = m_documents->currentRow();
    if (row >= 0 && row < m_documentRows.size()) {
        try {
            m_chunkRows = m_store.chunks(m_documentRows[row].id);
        } catch (const std::exception &e) {
            showFailure(QString::fromUtf8(e.what()));
        }
    }
    for (const ChunkRecord &c : m_chunkRows) {
        const int r = m_chunks->rowCount();
        m_chunks->insertRow(r);
        m_chunks->setItem(r, 0, readOnlyCell(QString::number(c.position + 1), Qt::AlignRight));
        m_chunks->setItem(r, 1, readOnlyCell(c.articles.join(QStringLiteral(", "))));
        m_chunks->setItem(r, 2, readOnlyCell(lineRange(c)));
        m_chunks->setItem(r, 3, readOnlyCell(c.heading));
    }
    m_chunks->resizeColumnsToContents();
    if (!m_chunkRows.isEmpty())
        m_chunks->setCurrentCell(0, 0);
    showChunk(m_chunkRows.isEmpty() ? ChunkRecord{} : m_chunkRows.front());
    updateControls();
}

int KnowledgePage::chunkCount() const
{
    return int(m_chunkRows.size());
}

void KnowledgePage::showChunk(const ChunkRecord &chunk, const QString &scoreLine)
{
    if (chunk.id == 0) {
        m_chunkText->clear();
        return;
    }
    QString html = QStringLiteral("<p><b>%1</b><br/><span style='color:#666'>%2</span></p>")
                       .arg(chunk.heading.toHtmlEscaped(),
                            tr("%1 · lines %2 · chunk %3")
                                .arg(citationText(chunk)
                                         .section(QStringLiteral(", sətir"), 0, 0)
                                         .toHtmlEscaped(),
                                     lineRange(chunk))
                                .arg(chunk.position + 1));
    if (!scoreLine.isEmpty())
        html += QStringLiteral("<p style='color:#1f5fbf'>%1</p>").arg(scoreLine.toHtmlEscaped());
    html +=
        QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(chunk.text.toHtmlEscaped());
    m_chunkText->setHtml(html);
}

QString KnowledgePage::shownChunkText() const
{
    return m_chunkText->toPlainText();
}

void KnowledgePage::removeSelectedDocument()
{
    const int row = m_documents->currentRow();
    if (m_busy || row < 0 || row >= m_documentRows.size())
        return;
    const KnowledgeDocumentRecord document = m_documentRows[row];
    try {
        m_store.removeDocument(document.id);
        showStatus([name = document.name, chunks = document.chunks] {
            return tr("Removed %1 (%2 chunks).").arg(name).arg(chunks);
        });
        refresh();
        Q_EMIT basesChanged();
    } catch (const std::exception &e) {
        showFailure(QString::fromUtf8(e.what()));
    }
}

// ---- importing ----------------------------------------------------------------------------

void KnowledgePage::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import into %1").arg(selectedBase()), QString(),
        tr("Documents (*.txt *.md *.markdown *.html *.htm *.jsonl *.pdf);;All files (*)"));
    if (!files.isEmpty())
        importPaths(files);
}

void KnowledgePage::chooseFolder()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Import a folder into %1").arg(selectedBase()));
    if (!folder.isEmpty())
        importPaths({folder});
}

void KnowledgePage::importPaths(const QStringList &paths)
{
    const qint64 base = selectedBaseId();
    if (base == 0 || m_busy || paths.isEmpty())
        return;
    setBusy([base = selectedBase()] { return tr("Importing into %1").arg(base); });
    m_progress->setRange(0, 0);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, base, paths] { worker->importPaths(base, paths); },
        Qt::QueuedConnection);
}

void KnowledgePage::cancelWork()
{
    if (m_busy)
        m_worker->setCancelled(true);
}

void KnowledgePage::handleImportProgress(int filesDone, int filesTotal, const QString &file)
{
    m_progress->setRange(0, std::max(1, filesTotal));
    m_progress->setValue(filesDone);
    m_progress->setFormat(tr("%v of %m files"));
    if (!file.isEmpty())
        showStatus([name = QFileInfo(file).fileName()] { return tr("Reading %1…").arg(name); });
}

QString KnowledgePage::importSummary(const KnowledgeImportReport &r)
{
    QString text =
        tr("%1 added, %2 replaced, %3 unchanged, %4 skipped: %5 chunks from %6 in %L7 s.")
            .arg(r.added)
            .arg(r.replaced)
            .arg(r.unchanged)
            .arg(r.skipped)
            .arg(r.chunks)
            .arg(QLocale().formattedDataSize(r.bytes))
            .arg(r.seconds, 0, 'f', 2);
    if (r.cancelled)
        text += QLatin1Char(' ') + tr("Cancelled: the documents imported before it are kept.");
    for (const FileIssue &issue : r.issues)
        text += QLatin1Char('\n') + issue.toString();
    return text;
}

void KnowledgePage::handleImportFinished(const KnowledgeImportReport &r)
{
    setIdle();
    showStatus([r] { return importSummary(r); }, !r.issues.isEmpty());
    refresh();
    Q_EMIT basesChanged();
    Q_EMIT importFinished(r);
}

// ---- state --------------------------------------------------------------------------------

void KnowledgePage::updateOriginNote()
{
    const std::optional<DefaultBaseSource> source = defaultBaseSource();
    if (!source) {
        m_origin->setText(
            tr("No default base: neither the UDHR (azllm-fetch-data, or scripts/fetch_data.sh "
               "in the source tree) nor the sample law document was found. Create a "
               "base and import your own documents."));
        return;
    }
    m_origin->setText(
        source->origin == kOriginUdhr
            ? tr("The default base “%1” holds the Universal Declaration of Human Rights in "
                 "Azerbaijani (from the udhr package), one chunk per article.")
                  .arg(source->name)
            : tr("The default base “%1” holds a law-like sample document written for this "
                 "project: the UDHR was not fetched (run azllm-fetch-data, or "
                 "scripts/fetch_data.sh "
                 "in the source tree; both need npm).")
                  .arg(source->name));
}

QString KnowledgePage::originNote() const
{
    return m_origin->text();
}

void KnowledgePage::updateControls()
{
    const bool base = selectedBaseId() != 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_importFiles, m_importFolder, m_renameBase,
                                                       m_deleteBase, m_evaluate})
        w->setEnabled(base && !m_busy);
    m_newBase->setEnabled(!m_busy);
    m_removeDocument->setEnabled(!m_busy && m_documents->currentRow() >= 0);
    m_computeVectors->setEnabled(base && !m_busy &&
                                 !m_checkpoint->currentData().toString().isEmpty());
    m_searchButton->setEnabled(base);
}

void KnowledgePage::setBusy(const StatusLine::Describe &job)
{
    m_busy = true;
    m_worker->setCancelled(false);
    m_progress->setVisible(true);
    m_progress->setFormat(QString());
    m_cancel->setVisible(true);
    // The QString return type is needed: with QT_USE_QSTRINGBUILDER the sum is a builder that
    // refers to job()'s temporary result, which a deduced return type would outlive.
    showStatus([job]() -> QString { return job() + QStringLiteral("…"); });
    updateControls();
    Q_EMIT jobChanged(job());
}

void KnowledgePage::setIdle()
{
    m_busy = false;
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    updateControls();
    Q_EMIT jobChanged(QString());
}

void KnowledgePage::showStatus(const StatusLine::Describe &describe, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_status->say(describe);
}

void KnowledgePage::showFailure(const QString &message)
{
    showStatus(StatusLine::verbatim(message), true);
}

QString KnowledgePage::statusText() const
{
    return m_status->text();
}

} // namespace azllm::ui
