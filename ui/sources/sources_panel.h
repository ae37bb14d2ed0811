// "Sources" on the Data screen: the news feeds, sitemaps and URL lists the learner collects
// from, each with the site's licence or terms as the learner recorded them (studio.db), and the
// collection itself (on a worker thread, with progress and Stop) into <workspace>/collected.
// The collected pages become a dataset through "New dataset" like any other file.
#pragma once

#include <QThread>
#include <QWidget>

#include "collector.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace azllm {
class Workspace;
}

namespace azllm::ui {

class CollectWorker;

class SourcesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesPanel)

public:
    explicit SourcesPanel(azllm::Workspace &workspace, QWidget *parent = nullptr);
    // Stops a running collection and waits for it (it stops after the request in flight).
    ~SourcesPanel() override;

    bool isBusy() const { return m_busy; }
    // Where collected pages go: <workspace>/collected/documents.jsonl.
    QString collectedDocuments() const;
    int sourceCount() const;

    // Adds a source from the form's fields; false (with the reason shown) when it cannot.
    bool addSource(const QString &kind, const QString &location, const QString &licence);

public Q_SLOTS:
    void startCollecting();
    void stop();

Q_SIGNALS:
    // The learner wants a dataset of the collected pages (the Data screen adds them as input).
    void useCollectedRequested(const QString &documentsFile);
    // For the status bar; empty when idle.
    void jobChanged(const QString &description);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reload();
    void removeSelected();
    void setBusy(bool busy);
    void showProgress(int done, int total, const QString &url);
    void showResult(int documents, const QString &summary, const QStringList &problems);
    void updateState();

    azllm::Workspace &m_workspace;
    QThread m_thread;
    CollectWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    bool m_busy = false;

    QLabel *m_intro = nullptr;
    QTableWidget *m_table = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_location = nullptr;
    QLineEdit *m_licence = nullptr;
    QLabel *m_licenceLabel = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QLabel *m_formProblem = nullptr;
    QPushButton *m_collectButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_useButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QListWidget *m_problems = nullptr;
};

} // namespace azllm::ui
