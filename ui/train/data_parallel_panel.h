// The Train screen's data-parallel controls: how many processes train the run and how many
// threads each one gets, and while it trains, each process's speed beside the total. One process
// is an ordinary run; more start the others as `azllm` processes on this machine (docs/scaling.md).
#pragma once

#include <QVector>
#include <QWidget>

class QLabel;
class QProgressBar;
class QSpinBox;

namespace azllm {
struct StepMetrics;
}

namespace azllm::ui {

class DataParallelPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataParallelPanel)

public:
    explicit DataParallelPanel(QWidget *parent = nullptr);

    int processes() const;
    int threadsPerProcess() const;
    void setProcesses(int processes);
    void setThreadsPerProcess(int threads);
    // The choices are locked while a run trains; the figures stay live.
    void setEditable(bool editable);

    // One step's figures: each process's tokens/s (over its own computing time) and the total.
    void showStep(const azllm::StepMetrics &step);
    void clearFigures();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateSummary();
    void ensureRankBars(int ranks);

    QLabel *m_processesLabel = nullptr;
    QLabel *m_threadsLabel = nullptr;
    QSpinBox *m_processes = nullptr;
    QSpinBox *m_threads = nullptr;
    QLabel *m_summary = nullptr;
    QWidget *m_figures = nullptr;
    QVector<QProgressBar *> m_rankBars;
    QLabel *m_total = nullptr;
    QVector<double> m_lastSpeeds;
    double m_lastTotal = 0;
    double m_lastWaitMs = 0;
};

} // namespace azllm::ui
