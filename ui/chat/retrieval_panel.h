// The Chat screen's knowledge-base side: a "use knowledge base" switch with the base, mode and
// threshold; before an answer it retrieves the chunks for the question on its own worker
// thread; after it, it lists what was retrieved with scores and what the prompt made of each
// (included, trimmed, dropped), shows a source's text, and shows the exact prompt sent, so the
// learner sees retrieval and generation apart. Sources of answers are kept in studio.db.
#pragma once

#include <QThread>
#include <QWidget>

#include <optional>

#include "answer_sources.h"
#include "knowledge_store.h"
#include "knowledge_worker.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTextBrowser;

namespace azllm {
class Workspace;
}

namespace azllm::ui {

class RetrievalPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetrievalPanel)

public:
    explicit RetrievalPanel(azllm::Workspace &workspace, QWidget *parent = nullptr);
    ~RetrievalPanel() override;

    // Whether answers are to be grounded: the switch is on and a base is chosen.
    bool isActive() const;
    void setActive(bool on);
    bool setBase(const QString &name);
    QString baseName() const;
    void setMode(azllm::RetrievalMode mode);
    void refreshBases();

    // Retrieves for a question; retrievalReady or retrievalFailed follows with the same id.
    void retrieve(qint64 requestId, const QString &question);

    // What an answer was built from, as kept: the retrieval, what the prompt made of each source
    // (sourceUses, SourceUse values in rank order) and the prompt as text.
    static azllm::SavedRetrieval toSaved(const RetrievalResult &retrieval,
                                         const QVector<int> &sourceUses, const QString &prompt);
    // The citations attached to an answer ("[1] udhr, Maddə 3, sətir 20–22"), the sources the
    // model saw; empty when nothing was found.
    static QStringList citations(const azllm::SavedRetrieval &saved);
    void save(qint64 messageId, const azllm::SavedRetrieval &saved);
    std::optional<azllm::SavedRetrieval> load(qint64 messageId) const;

    // Shows an answer's sources and prompt; `rank` (1-based) selects one of them.
    void showAnswer(const azllm::SavedRetrieval &saved, int rank = 0);

    // ---- what the panel shows, for tests
    int sourceCount() const;
    QString sourceRow(int row) const; // "[1] udhr, Maddə 3 · 0.512 · included"
    QString shownSourceText() const;
    QString promptText() const;

Q_SIGNALS:
    void retrievalReady(qint64 requestId, const azllm::ui::RetrievalResult &result);
    void retrievalFailed(qint64 requestId, const QString &message);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildWidgets();
    void retranslate();
    void handleFailed(const QString &command, qint64 requestId, const QString &message);
    void showSource(int row);
    void updateControls();

    azllm::Workspace &m_workspace;
    azllm::KnowledgeStore m_store;
    azllm::AnswerSourceStore m_saved;
    QThread m_thread;
    KnowledgeWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    std::optional<azllm::SavedRetrieval> m_shown;

    QCheckBox *m_use = nullptr;
    QComboBox *m_base = nullptr;
    QComboBox *m_mode = nullptr;
    QLabel *m_kLabel = nullptr;
    QSpinBox *m_k = nullptr;
    QLabel *m_thresholdLabel = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_sources = nullptr;
    QTextBrowser *m_sourceText = nullptr;
    QPlainTextEdit *m_prompt = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace azllm::ui
