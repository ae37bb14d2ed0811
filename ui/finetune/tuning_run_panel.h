// What both Fine-tune tabs show of a run: Start, Pause, Resume and Stop, the progress in steps
// and epochs, the loss with its validation curve (MetricChart, as on the Train screen) and a log.
#pragma once

#include <QVector>
#include <QWidget>

#include "status_line.h"
#include "trainer.h"

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace azllm::ui {

class MetricChart;

class TuningRunPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TuningRunPanel)

public:
    explicit TuningRunPanel(QWidget *parent = nullptr);

    // running: a run of this tab is on; busy: the screen is doing something else; resumable: a
    // stopped run of this tab can continue (Resume then continues it).
    void setState(bool running, bool paused, bool busy, bool resumable = false);
    void beginRun(qint64 maxSteps, qint64 stepsPerEpoch);
    void showSteps(const QVector<azllm::StepMetrics> &steps);
    // The status line; a function that words it, so a language switch says it again.
    void showStatus(const StatusLine::Describe &describe);
    void appendLog(const QString &text);
    void clearCharts();

    MetricChart *lossChart() const { return m_loss; }
    QPlainTextEdit *log() const { return m_log; }
    QPushButton *startButton() const { return m_start; }
    qint64 lastStep() const { return m_lastStep; }

Q_SIGNALS:
    void startRequested();
    void pauseRequested();
    void resumeRequested();
    void stopRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QPushButton *m_start = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_stop = nullptr;
    QProgressBar *m_progress = nullptr;
    StatusLine *m_status = nullptr;
    MetricChart *m_loss = nullptr;
    QPlainTextEdit *m_log = nullptr;
    qint64 m_stepsPerEpoch = 0;
    qint64 m_lastStep = 0;
    double m_smoothed = 0;
    int m_smoothedCount = 0;
};

} // namespace azllm::ui
