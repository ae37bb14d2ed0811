// The Train screen: set up a run, start, pause, resume and stop it, and watch it learn:
// loss with validation loss, learning rate, throughput and gradient norm, live; checkpoints with
// "resume from here"; past runs from studio.db overlaid and compared. The page owns the run (the
// worker thread, the run's record in studio.db); its parts show it: RunForm, TrainingCharts,
// DataParallelPanel, RunProgress, CheckpointList and RunHistoryView.
#pragma once

#include <QThread>
#include <QWidget>

#include <optional>

#include "model_config.h"
#include "trainer.h"

class QPlainTextEdit;
class QTabWidget;

namespace azllm {
class Workspace;
}

namespace azllm::ui {
class CheckpointList;
class DataParallelPanel;
class RunForm;
class RunHistoryView;
class RunProgress;
class TrainingCharts;
class TrainingWorker;

class TrainPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainPage)

public:
    explicit TrainPage(azllm::Workspace &workspace, QWidget *parent = nullptr);
    ~TrainPage() override;

    // From the Model screen's "Train this model".
    void setModelConfig(const azllm::ModelConfig &config);
    void refreshDatasets();

    void startTraining();
    void pauseTraining();
    void resumeTraining();
    void stopTraining();
    void resumeFromCheckpoint(const QString &checkpointDir);

    bool isTraining() const { return m_runId.has_value(); }
    bool isPaused() const { return m_paused; }

    // The screen's parts, each with its own interface.
    RunForm *form() const { return m_form; }
    TrainingCharts *charts() const { return m_charts; }
    RunProgress *progress() const { return m_progress; }
    CheckpointList *checkpoints() const { return m_checkpoints; }
    RunHistoryView *history() const { return m_history; }
    DataParallelPanel *dataParallel() const { return m_dataParallel; }

Q_SIGNALS:
    void stepsShown(qint64 lastStep);
    void runEnded(const QString &outcome, const QString &message);
    void jobChanged(const QString &description);
    // The learner asked to export a checkpoint of the list (the Export dialog opens).
    void exportRequested(const QString &checkpoint);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildTabs();
    void retranslate();
    void connectForm();
    void connectWorker();
    void launch(const azllm::RunConfig &config, const QString &resumeFrom, qint64 runId);
    void handleMetrics(const QVector<azllm::StepMetrics> &steps);
    void handleFinished(const QString &outcome, const azllm::TrainingResult &result);
    void handlePausedChanged(bool paused);
    void updateButtons();
    void showRunCheckpoints(const QString &runDir);
    void appendLog(const QString &text);
    QString datasetTokenizer() const;

    azllm::Workspace &m_workspace;
    QThread m_thread;
    TrainingWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    std::optional<qint64> m_runId;
    bool m_paused = false;
    QString m_runDir;

    RunForm *m_form = nullptr;
    DataParallelPanel *m_dataParallel = nullptr; // processes, per-process speed
    TrainingCharts *m_charts = nullptr;
    RunProgress *m_progress = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QPlainTextEdit *m_samples = nullptr;
    CheckpointList *m_checkpoints = nullptr;
    RunHistoryView *m_history = nullptr;
};

} // namespace azllm::ui
