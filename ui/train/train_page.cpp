#include "train_page.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "checkpoint.h"
#include "checkpoint_list.h"
#include "config_io.h"
#include "data_parallel_panel.h"
#include "metric_points.h"
#include "model_sizing.h"
#include "run_form.h"
#include "run_history_view.h"
#include "run_progress.h"
#include "training_charts.h"
#include "training_worker.h"
#include "workspace.h"

namespace azllm::ui {

namespace {

// The tabs under the charts, in order.
enum Tab
{
    LogTab,
    SamplesTab,
    CheckpointsTab,
    HistoryTab
};

} // namespace

TrainPage::TrainPage(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace)
{
    m_form = new RunForm(workspace);
    m_dataParallel = new DataParallelPanel;
    m_charts = new TrainingCharts;
    m_progress = new RunProgress;
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_charts);
    splitter->addWidget(buildTabs());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_dataParallel);
    layout->addWidget(m_progress);
    layout->addWidget(splitter, 1);

    m_worker = new TrainingWorker; // no parent: it moves to the training thread
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("training"));
    m_thread.start();
    connectForm();
    connectWorker();

    retranslate();
    m_history->reload();
    updateButtons();
}

TrainPage::~TrainPage()
{
    m_worker->stop(); // the run saves a checkpoint and returns between steps
    m_thread.quit();
    m_thread.wait();
}

QWidget *TrainPage::buildTabs()
{
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_samples = new QPlainTextEdit;
    m_samples->setReadOnly(true);
    m_checkpoints = new CheckpointList;
    connect(m_checkpoints, &CheckpointList::resumeRequested, this,
            &TrainPage::resumeFromCheckpoint);
    connect(m_checkpoints, &CheckpointList::exportRequested, this, &TrainPage::exportRequested);
    m_history = new RunHistoryView(m_workspace);
    connect(m_history, &RunHistoryView::runSelected, this, &TrainPage::showRunCheckpoints);

    m_tabs = new QTabWidget;
    m_tabs->insertTab(LogTab, m_log, QString());
    m_tabs->insertTab(SamplesTab, m_samples, QString());
    m_tabs->insertTab(CheckpointsTab, m_checkpoints, QString());
    m_tabs->insertTab(HistoryTab, m_history, QString());
    return m_tabs;
}

void TrainPage::retranslate()
{
    m_samples->setPlaceholderText(tr(
        "After each checkpoint the model continues \"Azərbaycan\"; watch its language improve."));
    m_tabs->setTabText(LogTab, tr("Log"));
    m_tabs->setTabText(SamplesTab, tr("Samples"));
    m_tabs->setTabText(CheckpointsTab, tr("Checkpoints"));
    m_tabs->setTabText(HistoryTab, tr("Runs history"));
}

void TrainPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TrainPage::connectForm()
{
    connect(m_form, &RunForm::startRequested, this, &TrainPage::startTraining);
    connect(m_form, &RunForm::pauseRequested, this, &TrainPage::pauseTraining);
    connect(m_form, &RunForm::resumeRequested, this, &TrainPage::resumeTraining);
    connect(m_form, &RunForm::stopRequested, this, &TrainPage::stopTraining);
}

void TrainPage::connectWorker()
{
    connect(m_worker, &TrainingWorker::runStarted, this,
            [this](qint64 params, const QString &device, qint64 step) {
                appendLog(tr("Training %1 parameters on %2, from step %3.")
                              .arg(params)
                              .arg(device)
                              .arg(step));
            });
    connect(m_worker, &TrainingWorker::metricsReported, this, &TrainPage::handleMetrics);
    connect(m_worker, &TrainingWorker::checkpointSaved, this,
            [this](const QString &path, qint64 step, double loss, double validationLoss) {
                m_checkpoints->add(path, step, loss, validationLoss);
                appendLog(tr("Checkpoint saved: %1").arg(path));
            });
    connect(m_worker, &TrainingWorker::sampleGenerated, this,
            [this](qint64 step, const QString &text) {
                m_samples->appendPlainText(tr("step %1: %2\n").arg(step).arg(text));
            });
    connect(m_worker, &TrainingWorker::logMessage, this, &TrainPage::appendLog);
    connect(m_worker, &TrainingWorker::pausedChanged, this, &TrainPage::handlePausedChanged);
    connect(m_worker, &TrainingWorker::runFinished, this, &TrainPage::handleFinished);
}

void TrainPage::setModelConfig(const ModelConfig &config)
{
    m_form->setModelConfig(config);
}

void TrainPage::refreshDatasets()
{
    m_form->refreshDatasets();
    m_history->reload();
}

QString TrainPage::datasetTokenizer() const
{
    return m_workspace.datasetDir(m_form->datasetName()) + QLatin1String("/tokenizer.model");
}

void TrainPage::startTraining()
{
    if (isTraining())
        return;
    try {
        RunConfig config = m_form->config();
        const QString runDir = m_workspace.newRunDir(m_form->runStem());
        config.train.outDir = runDir.toStdString();
        QDir().mkpath(runDir);
        QFile::copy(datasetTokenizer(), runDir + QLatin1String("/tokenizer.model"));
        const qint64 runId = m_workspace.runs().createRun(
            QFileInfo(runDir).fileName(), runDir, m_form->datasetName(),
            QString::fromStdString(formatConfig(config)), countParameters(config.model).total());
        m_checkpoints->clear();
        m_samples->clear();
        m_charts->clear(config.model.vocabSize);
        appendLog(tr("New run %1 on dataset '%2'.")
                      .arg(QFileInfo(runDir).fileName(), m_form->datasetName()));
        launch(config, {}, runId);
    } catch (const std::exception &e) {
        const QString why = QString::fromStdString(e.what());
        m_progress->setStatus([why] { return tr("Cannot start: %1").arg(why); });
        QMessageBox::warning(this, tr("Cannot start training"), why);
    }
}

void TrainPage::launch(const RunConfig &config, const QString &resumeFrom, qint64 runId)
{
    m_runId = runId;
    m_runDir = QString::fromStdString(config.train.outDir);
    const std::int64_t context =
        config.train.contextLength > 0 ? config.train.contextLength : config.model.contextLength;
    m_progress->begin(config.train.maxSteps,
                      config.train.batchSize * context * config.train.gradAccumSteps);
    m_paused = false;
    m_workspace.runs().setStatus(runId, QStringLiteral("running"));
    const QString tokenizer = m_runDir + QLatin1String("/tokenizer.model");
    const TrainingProcesses processes{m_dataParallel->processes(),
                                      m_dataParallel->threadsPerProcess()};
    m_dataParallel->clearFigures();
    m_worker->prepareRun();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, config, resumeFrom, tokenizer, processes] {
            worker->train(config, resumeFrom, tokenizer, processes);
        },
        Qt::QueuedConnection);
    updateButtons();
    Q_EMIT jobChanged(tr("training %1").arg(QFileInfo(m_runDir).fileName()));
}

void TrainPage::handleMetrics(const QVector<StepMetrics> &steps)
{
    if (steps.isEmpty() || !m_runId)
        return;
    m_charts->plot(steps);
    QVector<MetricPoint> points;
    for (const StepMetrics &m : steps)
        points.push_back(toMetricPoint(m));
    try {
        m_workspace.runs().appendMetrics(*m_runId, points);
    } catch (const std::exception &e) {
        appendLog(tr("Could not save metrics: %1").arg(QString::fromStdString(e.what())));
    }
    const StepMetrics &last = steps.back();
    if (last.validationLoss >= 0)
        appendLog(
            tr("step %1: validation loss %2").arg(last.step).arg(last.validationLoss, 0, 'f', 4));
    m_progress->report(last, m_paused);
    m_dataParallel->showStep(last);
    Q_EMIT stepsShown(m_charts->lastStep());
}

void TrainPage::handleFinished(const QString &outcome, const TrainingResult &result)
{
    if (const QString error = finishRunRecord(m_workspace.runs(), m_runId, outcome,
                                              QString::fromStdString(result.message));
        !error.isEmpty())
        appendLog(error);
    m_paused = false;
    const QString message = TrainingWorker::describeEnd(outcome, result);
    appendLog(message);
    const qint64 step = m_charts->lastStep();
    if (outcome == QLatin1String("diverged") || outcome == QLatin1String("failed")) {
        const bool diverged = outcome == QLatin1String("diverged");
        m_progress->setStatus([diverged, outcome, result] {
            return QStringLiteral("<span style='color:#b00020'><b>%1</b> %2</span>")
                .arg(diverged ? tr("Training diverged.") : tr("Training failed."),
                     TrainingWorker::describeEnd(outcome, result).toHtmlEscaped());
        });
        if (diverged)
            appendLog(tr("Try a lower learning rate or a longer warmup."));
    } else if (outcome == QLatin1String("finished")) {
        m_progress->setStatus([step] { return tr("Finished all %1 steps.").arg(step); });
    } else {
        m_progress->setStatus([step] {
            return tr("Stopped at step %1; its checkpoint is kept to resume from.").arg(step);
        });
    }
    showRunCheckpoints(m_runDir);
    m_history->reload();
    updateButtons();
    Q_EMIT jobChanged(QString());
    Q_EMIT runEnded(outcome, message);
}

void TrainPage::handlePausedChanged(bool paused)
{
    m_paused = paused;
    if (paused)
        m_progress->setStatus([step = m_charts->lastStep()] {
            return tr("Paused at step %1. Resume continues exactly here.").arg(step);
        });
    updateButtons();
}

void TrainPage::pauseTraining()
{
    if (isTraining() && !m_paused)
        m_worker->pause();
}

void TrainPage::resumeTraining()
{
    if (isTraining() && m_paused)
        m_worker->resume();
}

void TrainPage::stopTraining()
{
    if (!isTraining())
        return;
    m_progress->setStatus([] { return tr("Stopping after this step…"); });
    m_worker->stop();
}

void TrainPage::resumeFromCheckpoint(const QString &checkpointDir)
{
    if (isTraining())
        return;
    try {
        RunConfig config = readCheckpointConfig(checkpointDir.toStdString());
        const CheckpointState state = readCheckpointState(checkpointDir.toStdString());
        // An unfinished run continues to its own end, so its cosine schedule stays the one it
        // started with; a finished one goes on to the Steps field (or that many steps more).
        const std::int64_t asked = m_form->maxSteps();
        if (state.step >= config.train.maxSteps)
            config.train.maxSteps = asked > state.step ? asked : state.step + asked;
        // The engine continues the run in the folder the checkpoint lies in.
        if (const std::string run = runDirOf(checkpointDir.toStdString()); !run.empty())
            config.train.outDir = run;
        const QString runDir = QString::fromStdString(config.train.outDir);
        RunStore &runs = m_workspace.runs();
        std::optional<RunRecord> record = runs.runByDir(runDir);
        const qint64 runId = record
                                 ? record->id
                                 : runs.createRun(QFileInfo(runDir).fileName(), runDir, QString(),
                                                  QString::fromStdString(formatConfig(config)),
                                                  countParameters(config.model).total());
        // Steps after the checkpoint belong to the future this resume replaces.
        runs.truncateMetrics(runId, state.step);
        m_charts->clear(config.model.vocabSize);
        QVector<StepMetrics> past;
        for (const MetricPoint &p : runs.metrics(runId))
            past.push_back(toStepMetrics(p));
        m_charts->plot(past);
        // The later checkpoints belong to the abandoned future too: no longer offered.
        m_checkpoints->showRun(runDir, state.step);
        appendLog(tr("Resuming %1 from step %2 to step %3.")
                      .arg(checkpointDir)
                      .arg(state.step)
                      .arg(config.train.maxSteps));
        launch(config, checkpointDir, runId);
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Cannot resume"), QString::fromStdString(e.what()));
    }
}

void TrainPage::showRunCheckpoints(const QString &runDir)
{
    if (isTraining() && runDir != m_runDir)
        return;
    m_checkpoints->showRun(runDir);
    updateButtons();
}

void TrainPage::updateButtons()
{
    m_form->showRunState(isTraining(), m_paused);
    m_dataParallel->setEditable(!isTraining());
    m_checkpoints->setResumeAllowed(!isTraining());
}

void TrainPage::appendLog(const QString &text)
{
    m_log->appendPlainText(text);
}

} // namespace azllm::ui
