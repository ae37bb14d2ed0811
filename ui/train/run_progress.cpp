#include "run_progress.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QProgressBar>

#include "status_line.h"

namespace azllm::ui {

QString RunProgress::formatDuration(double seconds)
{
    const qint64 s = qint64(seconds);
    if (s >= 3600)
        return tr("%1h %2m", "hours and minutes left")
            .arg(s / 3600)
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1m %2s", "minutes and seconds left")
        .arg(s / 60)
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

RunProgress::RunProgress(QWidget *parent) : QWidget(parent)
{
    m_bar = new QProgressBar;
    m_status = new StatusLine;
    m_status->setObjectName(QStringLiteral("runStatus"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_bar, 2);
    row->addWidget(m_status, 3);
    setStatus([] { return tr("Choose a dataset and a model, then press Start."); });
    retranslate();
}

void RunProgress::retranslate()
{
    m_bar->setFormat(tr("step %v of %m")); // the status line says itself again
}

void RunProgress::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RunProgress::begin(qint64 maxSteps, qint64 tokensPerStep)
{
    m_maxSteps = maxSteps;
    m_tokensPerStep = tokensPerStep;
    m_bar->setRange(0, int(maxSteps));
    setStatus([] { return tr("Training…"); });
}

void RunProgress::report(const StepMetrics &last, bool paused)
{
    m_bar->setValue(int(last.step));
    const double secondsPerStep =
        last.tokensPerSecond > 0 ? double(m_tokensPerStep) / last.tokensPerSecond : 0;
    m_remainingSeconds = double(m_maxSteps - last.step) * secondsPerStep;
    if (paused)
        return;
    setStatus([loss = last.loss, speed = last.tokensPerSecond, left = m_remainingSeconds,
               skipped = last.skippedSteps] {
        QString status = tr("loss %1 · %2 tokens/s · %3 left")
                             .arg(loss, 0, 'f', 3)
                             .arg(speed, 0, 'f', 0)
                             .arg(formatDuration(left));
        // fp16 loss scaling skips a step whose gradients overflowed (and lowers the scale).
        if (skipped > 0)
            status += tr(" · skipped steps (fp16 overflow): %1").arg(skipped);
        return status;
    });
}

void RunProgress::setStatus(std::function<QString()> status)
{
    m_status->say(std::move(status));
}

QString RunProgress::statusText() const
{
    return m_status->text();
}

} // namespace azllm::ui
