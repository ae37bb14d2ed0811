// The Train screen's progress line: a bar of steps and a status that tells the loss, the speed
// and the time left (from the running run's own tokens per step), or what happened.
#pragma once

#include <QWidget>

#include <functional>

#include "trainer.h"

class QProgressBar;

namespace azllm::ui {
class StatusLine;

class RunProgress final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunProgress)

public:
    explicit RunProgress(QWidget *parent = nullptr);

    // A run of `maxSteps` steps of `tokensPerStep` tokens each starts (or resumes).
    void begin(qint64 maxSteps, qint64 tokensPerStep);
    // The newest step: the bar, the time left and, unless `paused`, the status.
    void report(const azllm::StepMetrics &last, bool paused);
    // The status; a function so that a language switch can say it again in the new language.
    void setStatus(std::function<QString()> status);
    QString statusText() const;
    double remainingSeconds() const { return m_remainingSeconds; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    // "4m 05s", "1h 20m": the time left, in the interface's language.
    static QString formatDuration(double seconds);

    QProgressBar *m_bar = nullptr;
    StatusLine *m_status = nullptr;
    qint64 m_maxSteps = 0;
    qint64 m_tokensPerStep = 0; // of the run training now, not of the form
    double m_remainingSeconds = 0;
};

} // namespace azllm::ui
