// The Fine-tune screen: a pretrained base (or "Make a base" for the sample one), then two tabs,
// chat tuning and classification. Runs go through the Train screen's TrainingWorker on this
// screen's own thread, after FinetuneWorker has prepared the data on the same thread; they are
// recorded in studio.db with their kind, so the dashboard's history and the milestones see them.
#pragma once

#include <QThread>
#include <QWidget>

#include <optional>

#include "classification_metrics.h"
#include "run_store.h"
#include "trainer.h"
#include "tuning_job.h"

class QTabWidget;

namespace azllm {
class Workspace;
}

namespace azllm::ui {

class BaseBar;
class ChatTuningTab;
class ClassifyTab;
class FinetuneWorker;
class TrainingWorker;

class FinetunePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FinetunePage)

public:
    explicit FinetunePage(azllm::Workspace &workspace, QWidget *parent = nullptr);
    ~FinetunePage() override;

    // "chat" or "classify" (what lessons' try-it actions pass); anything else keeps the tab.
    void openTab(const QString &argument);
    void refreshBases();
    // Selects (adding when needed) a base checkpoint or run folder.
    void setBase(const QString &checkpointOrRunDir);
    QString baseCheckpoint() const;

    void makeBase();
    void startChatTuning();
    void startClassification();
    void previewChatBatch();
    void stopRun();

    bool isBusy() const { return m_activity != Activity::Idle; }
    bool isTraining() const { return m_activity == Activity::Training; }
    QString currentRunDir() const { return m_runDir; }
    ChatTuningTab *chatTab() const { return m_chat; }
    ClassifyTab *classifyTab() const { return m_classify; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void runEnded(const QString &outcome, const QString &runDir);
    void jobChanged(const QString &description);
    void openInChatRequested(const QString &checkpoint);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    enum class Activity
    {
        Idle,
        Preparing,
        Training,
        MakingBase,
        Working // preview, baselines, comparison, prediction
    };

    void connectWorkers();
    void retranslate();
    void start(azllm::TuningRequest request, const QString &stem);
    void handlePrepared(const azllm::PreparedTuning &prepared);
    void handleMetrics(const QVector<azllm::StepMetrics> &steps);
    void handleClassifier(qint64 step, const azllm::ClassificationReport &report);
    void handleFinished(const QString &outcome, const azllm::TrainingResult &result);
    void handleFailure(const QString &what, const QString &message);
    QString outcomeText(const QString &outcome) const;
    // The newest stopped run of a kind that has a checkpoint to continue from.
    std::optional<azllm::RunRecord> stoppedRun(const QString &kind) const;
    void resumeStopped(const QString &kind);
    void setActivity(Activity activity);
    void appendLog(const QString &text);
    bool isChatRun() const { return m_runKind == QLatin1String("sft"); }

    azllm::Workspace &m_workspace;
    QThread m_thread;
    TrainingWorker *m_training = nullptr; // lives on m_thread
    FinetuneWorker *m_worker = nullptr;   // lives on m_thread
    Activity m_activity = Activity::Idle;
    bool m_paused = false;
    std::optional<qint64> m_runId;
    QString m_runDir;
    QString m_runKind;
    qint64 m_stepsPerEpoch = 0;

    BaseBar *m_baseBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    ChatTuningTab *m_chat = nullptr;
    ClassifyTab *m_classify = nullptr;
};

} // namespace azllm::ui
