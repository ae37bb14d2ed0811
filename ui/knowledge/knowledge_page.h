// The Knowledge screen: the workspace's knowledge bases for retrieval. Create, rename and
// delete bases; import files and folders (txt, md, html, jsonl, pdf) with progress and Cancel;
// each document's chunks with their articles, heading path and lines; a search box for the four
// modes with scores; dense vectors from a checkpoint; evaluation on a JSONL question set. Long
// work runs on a KnowledgeWorker thread.
#pragma once

#include <QThread>
#include <QWidget>

#include <optional>

#include "knowledge_store.h"
#include "knowledge_worker.h"
#include "status_line.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTextBrowser;
class QToolButton;

namespace azllm {
class Workspace;
}

namespace azllm::ui {

class KnowledgePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnowledgePage)

public:
    explicit KnowledgePage(azllm::Workspace &workspace, QWidget *parent = nullptr);
    ~KnowledgePage() override;

    // ---- what the learner does, callable from tests and the screenshot tool
    void refresh();
    // Selects a base by name (a lesson's or the roadmap's argument); false when there is none.
    bool openArgument(const QString &baseName);
    bool createBase(const QString &name);
    bool renameSelectedBase(const QString &name);
    void deleteSelectedBase();
    void importPaths(const QStringList &paths);
    void cancelWork();
    void removeSelectedDocument();
    void selectDocument(int row);
    void search(const QString &query);
    void setSearchMode(azllm::RetrievalMode mode);
    void computeVectors(const QString &checkpoint);
    void evaluate(const QString &questionsFile);

    // ---- what the screen shows, for tests
    QString selectedBase() const;
    qint64 selectedBaseId() const;
    int baseCount() const;
    int documentCount() const;
    int chunkCount() const;
    int resultCount() const;
    QString resultSource(int row) const;
    QString shownChunkText() const;
    QString originNote() const;
    QString statusText() const;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void importFinished(const azllm::KnowledgeImportReport &report);
    void searchFinished(int results);
    void vectorsFinished(bool ok);
    void evaluationFinished(const azllm::EvalReport &report);
    void workFailed(const QString &message);
    void jobChanged(const QString &description);
    void basesChanged();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // knowledge_page_layout.cpp
    void buildWidgets();
    QWidget *buildBaseColumn();
    QWidget *buildDocumentColumn();
    QWidget *buildToolColumn();
    void retranslate();

    void startWorker();
    void handleBaseChanged();
    void handleImportProgress(int filesDone, int filesTotal, const QString &file);
    void handleImportFinished(const azllm::KnowledgeImportReport &report);
    static QString importSummary(const azllm::KnowledgeImportReport &report);
    void handleSearchFinished(const azllm::ui::RetrievalResult &result);
    void handleVectorsProgress(int done, int total);
    void handleVectorsFinished(int vectors, const QString &checkpoint);
    void handleEvaluationFinished(const azllm::EvalReport &report);
    void handleFailed(const QString &command, qint64 requestId, const QString &message);
    void askCreateBase();
    void askRenameBase();
    void askDeleteBase();
    void chooseFiles();
    void chooseFolder();
    void chooseQuestions();
    void showDocuments();
    void showChunks();
    void showChunk(const azllm::ChunkRecord &chunk, const QString &scoreLine = {});
    void showResult(int row);
    void refreshCheckpoints();
    void updateVectorStatus();
    void updateOriginNote();
    void updateControls();
    // `job` words what runs ("Importing into udhr"), again after a language switch.
    void setBusy(const StatusLine::Describe &job);
    void setIdle();
    void showStatus(const StatusLine::Describe &describe, bool error = false);
    void showFailure(const QString &message); // an error from core/, shown as it is
    azllm::RetrievalMode searchMode() const;

    azllm::Workspace &m_workspace;
    azllm::KnowledgeStore m_store;
    QThread m_thread;
    KnowledgeWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    bool m_busy = false;
    qint64 m_nextSearch = 1;
    QVector<azllm::KnowledgeDocumentRecord> m_documentRows;
    QVector<azllm::ChunkRecord> m_chunkRows;
    std::optional<azllm::ui::RetrievalResult> m_lastSearch;

    QLabel *m_title = nullptr;
    QLabel *m_origin = nullptr;
    QLabel *m_basesLabel = nullptr;
    QListWidget *m_bases = nullptr;
    QToolButton *m_newBase = nullptr;
    QToolButton *m_renameBase = nullptr;
    QToolButton *m_deleteBase = nullptr;
    QPushButton *m_importFiles = nullptr;
    QPushButton *m_importFolder = nullptr;
    QPushButton *m_removeDocument = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_documentsLabel = nullptr;
    QTableWidget *m_documents = nullptr;
    QLabel *m_chunksLabel = nullptr;
    QTableWidget *m_chunks = nullptr;
    QTextBrowser *m_chunkText = nullptr;
    StatusLine *m_status = nullptr;
    QLabel *m_searchLabel = nullptr;
    QLineEdit *m_query = nullptr;
    QComboBox *m_mode = nullptr;
    QLabel *m_kLabel = nullptr;
    QSpinBox *m_k = nullptr;
    QPushButton *m_searchButton = nullptr;
    QTableWidget *m_results = nullptr;
    QLabel *m_searchNote = nullptr;
    QLabel *m_vectorsLabel = nullptr;
    QComboBox *m_checkpoint = nullptr;
    QPushButton *m_computeVectors = nullptr;
    QLabel *m_vectorStatus = nullptr;
    QLabel *m_evalLabel = nullptr;
    QPushButton *m_evaluate = nullptr;
    QLabel *m_evalResult = nullptr;
};

} // namespace azllm::ui
