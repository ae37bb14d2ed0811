#include "data_parallel_panel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSpinBox>

#include <algorithm>
#include <thread>

#include "runtime.h"
#include "trainer.h"

namespace azllm::ui {
namespace {

constexpr int kMaxProcesses = 16;

int cores()
{
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

} // namespace

DataParallelPanel::DataParallelPanel(QWidget *parent) : QWidget(parent)
{
    m_processes = new QSpinBox;
    m_processes->setRange(1, kMaxProcesses);
    m_threads = new QSpinBox;
    m_threads->setRange(1, std::max(64, cores()));
    m_processesLabel = new QLabel;
    m_processesLabel->setBuddy(m_processes);
    m_threadsLabel = new QLabel;
    m_threadsLabel->setBuddy(m_threads);
    m_summary = new QLabel;

    m_figures = new QWidget;
    auto *figures = new QHBoxLayout(m_figures);
    figures->setContentsMargins(0, 0, 0, 0);
    m_total = new QLabel;
    figures->addWidget(m_total);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_processesLabel);
    row->addWidget(m_processes);
    row->addWidget(m_threadsLabel);
    row->addWidget(m_threads);
    row->addWidget(m_summary);
    row->addSpacing(12);
    row->addWidget(m_figures, 1);

    m_processes->setValue(1);
    m_threads->setValue(azllm::threadCount()); // what one process trains with today
    // More processes share the same cores: each gets its part unless the user says otherwise.
    connect(m_processes, &QSpinBox::valueChanged, this,
            [this](int processes) { m_threads->setValue(std::max(1, cores() / processes)); });
    for (QSpinBox *box : {m_processes, m_threads})
        connect(box, &QSpinBox::valueChanged, this, &DataParallelPanel::updateSummary);
    m_figures->setVisible(false);
    retranslate();
}

int DataParallelPanel::processes() const
{
    return m_processes->value();
}

int DataParallelPanel::threadsPerProcess() const
{
    return m_threads->value();
}

void DataParallelPanel::setProcesses(int processes)
{
    m_processes->setValue(processes);
}

void DataParallelPanel::setThreadsPerProcess(int threads)
{
    m_threads->setValue(threads);
}

void DataParallelPanel::setEditable(bool editable)
{
    m_processes->setEnabled(editable);
    m_threads->setEnabled(editable);
}

void DataParallelPanel::ensureRankBars(int ranks)
{
    auto *figures = static_cast<QHBoxLayout *>(m_figures->layout());
    while (m_rankBars.size() < ranks) {
        auto *bar = new QProgressBar;
        bar->setTextVisible(true);
        bar->setMinimumWidth(110);
        figures->insertWidget(m_rankBars.size(), bar);
        m_rankBars.push_back(bar);
    }
    for (int r = 0; r < m_rankBars.size(); ++r)
        m_rankBars[r]->setVisible(r < ranks);
}

void DataParallelPanel::showStep(const azllm::StepMetrics &step)
{
    if (step.rankTokensPerSecond.empty())
        return;
    m_lastSpeeds =
        QVector<double>(step.rankTokensPerSecond.begin(), step.rankTokensPerSecond.end());
    m_lastTotal = step.tokensPerSecond;
    m_lastWaitMs = 1000 * step.communicationSeconds;
    ensureRankBars(m_lastSpeeds.size());
    // Bars against the fastest rank: a straggler, which all the others wait for, stands out.
    const double fastest = *std::max_element(m_lastSpeeds.begin(), m_lastSpeeds.end());
    for (int r = 0; r < m_lastSpeeds.size(); ++r) {
        QProgressBar *bar = m_rankBars[r];
        bar->setRange(0, 1000);
        bar->setValue(fastest > 0 ? int(1000 * m_lastSpeeds[r] / fastest) : 0);
        bar->setFormat(tr("process %1: %2 tok/s").arg(r).arg(m_lastSpeeds[r], 0, 'f', 0));
    }
    m_total->setText(tr("total %1 tokens/s · waiting for the others %2 ms a step")
                         .arg(m_lastTotal, 0, 'f', 0)
                         .arg(m_lastWaitMs, 0, 'f', 1));
    m_figures->setVisible(true);
}

void DataParallelPanel::clearFigures()
{
    m_lastSpeeds.clear();
    m_figures->setVisible(false);
}

void DataParallelPanel::updateSummary()
{
    const int total = processes() * threadsPerProcess();
    const QString text = tr("%1 × %2 = %3 threads on %4 cores")
                             .arg(processes())
                             .arg(threadsPerProcess())
                             .arg(total)
                             .arg(cores());
    // More threads than cores make the processes wait for each other's time slices.
    m_summary->setText(
        total > cores()
            ? QStringLiteral("<span style='color:#b00020'>%1</span>").arg(text.toHtmlEscaped())
            : text);
}

void DataParallelPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DataParallelPanel::retranslate()
{
    m_processesLabel->setText(tr("Pro&cesses"));
    m_threadsLabel->setText(tr("&Threads each"));
    m_processes->setToolTip(
        tr("Data-parallel training: each process takes its share of every batch and the "
           "gradients are averaged after each step. More than one starts the others as azllm "
           "processes on this computer."));
    m_threads->setToolTip(tr("LibTorch threads of each process; together they should not "
                             "exceed this computer's cores"));
    updateSummary();
    if (!m_lastSpeeds.isEmpty()) {
        azllm::StepMetrics step;
        step.rankTokensPerSecond.assign(m_lastSpeeds.begin(), m_lastSpeeds.end());
        step.tokensPerSecond = m_lastTotal;
        step.communicationSeconds = m_lastWaitMs / 1000;
        showStep(step);
    }
}

} // namespace azllm::ui
