#include "tuning_run_panel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

#include "metric_chart.h"

namespace azllm::ui {
namespace {

enum LossSeries
{
    TrainLoss,
    SmoothedLoss,
    ValidationLoss
};

} // namespace

TuningRunPanel::TuningRunPanel(QWidget *parent) : QWidget(parent)
{
    m_start = new QPushButton;
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_pause = new QPushButton;
    m_resume = new QPushButton;
    m_stop = new QPushButton;
    connect(m_start, &QPushButton::clicked, this, &TuningRunPanel::startRequested);
    connect(m_pause, &QPushButton::clicked, this, &TuningRunPanel::pauseRequested);
    connect(m_resume, &QPushButton::clicked, this, &TuningRunPanel::resumeRequested);
    connect(m_stop, &QPushButton::clicked, this, &TuningRunPanel::stopRequested);
    m_progress = new QProgressBar;
    m_status = new StatusLine;
    m_loss = new MetricChart(QString(), QString());
    m_loss->addSeries(QString(), QColor(120, 160, 220));
    m_loss->addSeries(QString(), QColor(25, 80, 170));
    m_loss->addSeries(QString(), QColor(220, 110, 30), true);
    m_loss->setMinimumHeight(200);
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_start, m_pause, m_resume, m_stop})
        buttons->addWidget(b);
    buttons->addWidget(m_progress, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_loss, 1);
    retranslate();
    setState(false, false, false);
}

void TuningRunPanel::setState(bool running, bool paused, bool busy, bool resumable)
{
    m_start->setEnabled(!running && !busy);
    m_pause->setEnabled(running && !paused);
    m_resume->setEnabled((running && paused) || (!running && !busy && resumable));
    m_stop->setEnabled(running);
}

void TuningRunPanel::beginRun(qint64 maxSteps, qint64 stepsPerEpoch)
{
    m_stepsPerEpoch = stepsPerEpoch;
    m_progress->setRange(0, int(maxSteps));
    m_progress->setValue(0);
    clearCharts();
}

void TuningRunPanel::clearCharts()
{
    m_loss->clearSeries();
    m_loss->refresh();
    m_lastStep = 0;
    m_smoothed = 0;
    m_smoothedCount = 0;
}

void TuningRunPanel::showSteps(const QVector<azllm::StepMetrics> &steps)
{
    for (const azllm::StepMetrics &m : steps) {
        if (!std::isfinite(m.loss))
            continue;
        ++m_smoothedCount;
        m_smoothed = 0.9 * m_smoothed + 0.1 * m.loss;
        m_loss->append(TrainLoss, double(m.step), m.loss);
        m_loss->append(SmoothedLoss, double(m.step),
                       m_smoothed / (1.0 - std::pow(0.9, m_smoothedCount)));
        if (m.validationLoss >= 0)
            m_loss->append(ValidationLoss, double(m.step), m.validationLoss);
        m_lastStep = m.step;
    }
    m_loss->refresh();
    if (steps.isEmpty())
        return;
    const azllm::StepMetrics &last = steps.back();
    m_progress->setValue(int(last.step));
    const qint64 epoch = m_stepsPerEpoch > 0 ? (last.step - 1) / m_stepsPerEpoch + 1 : 0;
    const qint64 epochs =
        m_stepsPerEpoch > 0 ? (last.maxSteps + m_stepsPerEpoch - 1) / m_stepsPerEpoch : 0;
    showStatus([last, epoch, epochs] {
        return tr("step %1 of %2 · epoch %3 of %4 · loss %L5")
            .arg(last.step)
            .arg(last.maxSteps)
            .arg(epoch)
            .arg(epochs)
            .arg(last.loss, 0, 'f', 3);
    });
}

void TuningRunPanel::showStatus(const StatusLine::Describe &describe)
{
    m_status->say(describe);
}

void TuningRunPanel::appendLog(const QString &text)
{
    m_log->appendPlainText(text);
}

void TuningRunPanel::retranslate()
{
    m_start->setText(tr("Start"));
    m_start->setToolTip(tr("Prepare the data and start tuning (Ctrl+Enter)"));
    m_pause->setText(tr("Pause"));
    m_resume->setText(tr("Resume"));
    m_resume->setToolTip(tr("Continue a paused run, or the last stopped run of this tab, exactly "
                            "where it stopped"));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop after this step and keep a checkpoint to resume from"));
    m_progress->setFormat(tr("step %v of %m"));
    m_loss->setSeriesName(TrainLoss, tr("training"));
    m_loss->setSeriesName(SmoothedLoss, tr("training, smoothed"));
    m_loss->setSeriesName(ValidationLoss, tr("validation"));
    m_loss->setTitles(tr("Loss"), tr("cross-entropy (nats)"));
}

void TuningRunPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace azllm::ui
