// The Train screen: set up a run, start, pause, resume and stop it, and watch it learn:
// loss with validation loss, learning rate, throughput and gradient norm, live; checkpoints with
// "resume from here"; past runs from studio.db overlaid and compared.
#pragma once

#include <QThread>
#include <QWidget>

#include <optional>

#include "model_config.h"
#include "trainer.h"

class MetricChart;
class RunHistoryView;
class TrainingWorker;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace azllm {
class Workspace;
namespace ui {
class DataParallelPanel;
}
} // namespace azllm

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
    void setMaxSteps(int steps);

    void startTraining();
    void pauseTraining();
    void resumeTraining();
    void stopTraining();
    void resumeFromCheckpoint(const QString &checkpointDir);

    bool isTraining() const { return m_runId.has_value(); }
    bool isPaused() const { return m_paused; }
    qint64 lastStep() const { return m_lastStep; }
    int lossPointCount() const;
    MetricChart *lossChart() const { return m_lossChart; }
    RunHistoryView *history() const { return m_history; }
    azllm::ui::DataParallelPanel *dataParallel() const { return m_dataParallel; }
    // Everything the form would train with, for tests and the history view.
    azllm::RunConfig configFromForm() const;

Q_SIGNALS:
    void stepsShown(qint64 lastStep);
    void runEnded(const QString &outcome, const QString &message);
    void jobChanged(const QString &description);

private:
    QWidget *buildSetup();
    QWidget *buildCharts();
    QWidget *buildTabs();
    void connectWorker();
    void launch(const azllm::RunConfig &config, const QString &resumeFrom, qint64 runId);
    void clearCharts(std::int64_t vocabSize);
    void plotSteps(const QVector<azllm::StepMetrics> &steps);
    void handleMetrics(const QVector<azllm::StepMetrics> &steps);
    void handleCheckpoint(const QString &path, qint64 step, double loss, double validationLoss);
    void handleFinished(const QString &outcome, const QString &message);
    void handlePausedChanged(bool paused);
    void updateButtons();
    void updateProgress(const azllm::StepMetrics &last);
    void showRunCheckpoints(const QString &runDir);
    void appendLog(const QString &text);
    QString datasetTokenizer() const;

    azllm::Workspace &m_workspace;
    QThread m_thread;
    TrainingWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    std::optional<qint64> m_runId;
    std::optional<azllm::ModelConfig> m_configuratorModel;
    bool m_paused = false;
    qint64 m_lastStep = 0;
    qint64 m_maxSteps = 0;
    double m_smoothedLoss = 0;
    int m_smoothedCount = 0;
    QString m_runDir;

    QComboBox *m_dataset = nullptr;
    QComboBox *m_model = nullptr;
    QSpinBox *m_context = nullptr;
    QSpinBox *m_batch = nullptr;
    QSpinBox *m_steps = nullptr;
    QDoubleSpinBox *m_learningRate = nullptr;
    QSpinBox *m_warmup = nullptr;
    QSpinBox *m_evalInterval = nullptr;
    QSpinBox *m_checkpointInterval = nullptr;
    QDoubleSpinBox *m_dropout = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_stop = nullptr;
    QCheckBox *m_logScale = nullptr;
    MetricChart *m_lossChart = nullptr;
    MetricChart *m_lrChart = nullptr;
    MetricChart *m_speedChart = nullptr;
    MetricChart *m_gradChart = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QPlainTextEdit *m_samples = nullptr;
    QListWidget *m_checkpoints = nullptr;
    QPushButton *m_resumeHere = nullptr;
    RunHistoryView *m_history = nullptr;
    azllm::ui::DataParallelPanel *m_dataParallel = nullptr; // processes, per-process speed
};
