// "New dataset": the input list (files, folders, the sample corpus, drag and drop), the
// options, and the run itself with progress and Cancel. Owns the worker thread.
#pragma once

#include <QStringList>
#include <QThread>
#include <QWidget>

#include "prepare_worker.h"
#include "status_line.h"
#include "translated_texts.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace azllm {
class Workspace;
}

namespace azllm::ui {

class PreparePanel final : public QWidget
{
    Q_OBJECT

public:
    explicit PreparePanel(azllm::Workspace &workspace, QWidget *parent = nullptr);
    // Cancels a running preparation and waits for it to stop (it stops at its next check).
    ~PreparePanel() override;

    void addInputs(const QStringList &paths);
    QStringList inputs() const;
    void setDatasetName(const QString &name);
    QString datasetName() const;
    bool isBusy() const { return m_busy; }
    // Why a name cannot be used (empty when it can): it becomes a folder under datasets/.
    QString nameProblem(const QString &name) const;

public Q_SLOTS:
    void startPreparing();
    void cancel();

Q_SIGNALS:
    void prepared(const QString &name);
    void busyChanged(bool busy);
    // For the status bar; empty when idle.
    void jobChanged(const QString &description);
    // Relayed from the worker (already throttled), for anything that wants to follow along.
    void progressed(const azllm::PrepareProgress &progress);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // A hint or a form label whose text is `source`, translated now and after a switch.
    QLabel *hint(const char *source, QWidget *parent);
    QLabel *caption(const char *source, QWidget *parent);
    void translateModelTypes();
    QWidget *createInputsBox();
    QWidget *createOptionsBox();
    QWidget *createRunBox();
    void chooseFiles();
    void chooseFolder();
    void removeSelectedInputs();
    void suggestName();
    void updateState();
    azllm::PrepareOptions options() const;
    void setBusy(bool busy);
    void showProgress(const azllm::PrepareProgress &progress);
    void showOutcome(const azllm::ui::PrepareOutcome &outcome);
    // The result line, worded in the interface's language (again after a switch).
    static QString outcomeText(const azllm::ui::PrepareOutcome &outcome, const QString &name,
                               int skippedIssues);
    void showIssues(const QStringList &issues);

    azllm::Workspace &m_workspace;
    QThread m_thread;
    PrepareWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    bool m_busy = false;
    bool m_nameEdited = false;
    QString m_runningName;

    QListWidget *m_inputs = nullptr;
    QPushButton *m_removeButton = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameProblem = nullptr;
    QSpinBox *m_vocabSize = nullptr;
    QComboBox *m_modelType = nullptr;
    QDoubleSpinBox *m_valPercent = nullptr;
    QCheckBox *m_transliterate = nullptr;
    QCheckBox *m_paragraphs = nullptr;
    QCheckBox *m_languageFilter = nullptr;
    QCheckBox *m_qualityFilter = nullptr;
    QCheckBox *m_piiFilter = nullptr;
    QPushButton *m_prepareButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stage = nullptr;
    StatusLine *m_result = nullptr;
    QListWidget *m_issues = nullptr;
    TranslatedTexts m_texts{staticMetaObject.className()};
};

} // namespace azllm::ui
