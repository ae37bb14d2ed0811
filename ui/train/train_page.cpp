#include "train_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>

#include "checkpoint.h"
#include "config_io.h"
#include "data_parallel_panel.h"
#include "metric_chart.h"
#include "model_sizing.h"
#include "run_history_view.h"
#include "token_file.h"
#include "training_worker.h"
#include "workspace.h"

using namespace azllm;

namespace {

enum LossSeries
{
    RawLoss,
    SmoothedLoss,
    ValidationLoss
};

const QColor kTrainColor(120, 160, 220);
const QColor kSmoothColor(25, 80, 170);
const QColor kValidationColor(220, 110, 30);

QSpinBox *spinBox(int min, int max, int value, int step = 1)
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setValue(value);
    box->setSingleStep(step);
    box->setAccelerated(true);
    return box;
}

QString formatDuration(double seconds)
{
    const qint64 s = qint64(seconds);
    if (s >= 3600)
        return QStringLiteral("%1h %2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10,
                                                           QLatin1Char('0'));
    return QStringLiteral("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

MetricPoint toPoint(const StepMetrics &m)
{
    MetricPoint p;
    p.step = m.step;
    p.loss = m.loss;
    if (m.validationLoss >= 0)
        p.validationLoss = m.validationLoss;
    p.learningRate = m.learningRate;
    p.gradNorm = m.gradNorm;
    p.tokensPerSecond = m.tokensPerSecond;
    p.elapsedSeconds = m.elapsedSeconds;
    return p;
}

StepMetrics toMetrics(const MetricPoint &p)
{
    StepMetrics m;
    m.step = p.step;
    m.loss = p.loss;
    m.validationLoss = p.validationLoss.value_or(-1);
    m.learningRate = p.learningRate;
    m.gradNorm = p.gradNorm;
    m.tokensPerSecond = p.tokensPerSecond;
    m.elapsedSeconds = p.elapsedSeconds;
    return m;
}

} // namespace

TrainPage::TrainPage(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace)
{
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(buildCharts());
    splitter->addWidget(buildTabs());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_progress = new QProgressBar;
    m_progress->setFormat(tr("step %v of %m"));
    m_status = new QLabel(tr("Choose a dataset and a model, then press Start."));
    m_status->setWordWrap(true);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 2);
    progressRow->addWidget(m_status, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildSetup());
    layout->addLayout(progressRow);
    layout->addWidget(splitter, 1);

    m_worker = new TrainingWorker; // no parent: it moves to the training thread
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("training"));
    m_thread.start();
    connectWorker();

    refreshDatasets();
    updateButtons();
}

TrainPage::~TrainPage()
{
    m_worker->stop(); // the run saves a checkpoint and returns between steps
    m_thread.quit();
    m_thread.wait();
}

QWidget *TrainPage::buildSetup()
{
    m_dataset = new QComboBox;
    m_dataset->setToolTip(tr("Token shards prepared on the Data screen"));
    m_model = new QComboBox;
    for (const ModelPreset &p : modelPresets())
        m_model->addItem(QString::fromStdString(p.name), QString::fromStdString(p.name));
    m_model->setToolTip(tr("The model's shape; the Model screen shows what each costs"));
    m_context = spinBox(8, 4096, 128, 32);
    m_context->setToolTip(tr("Tokens per training window; at most the model's context"));
    m_batch = spinBox(1, 512, 16);
    m_steps = spinBox(1, 10'000'000, 300, 100);
    m_learningRate = new QDoubleSpinBox;
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(1e-5, 1.0);
    m_learningRate->setSingleStep(1e-4);
    m_learningRate->setValue(1e-3);
    m_learningRate->setToolTip(
        tr("Peak learning rate, reached after warmup and then decayed along a cosine"));
    m_warmup = spinBox(0, 100000, 20, 10);
    m_evalInterval = spinBox(1, 100000, 25, 5);
    m_evalInterval->setToolTip(tr("Validation loss every N steps"));
    m_checkpointInterval = spinBox(1, 1000000, 100, 50);
    m_dropout = new QDoubleSpinBox;
    m_dropout->setRange(0.0, 0.9);
    m_dropout->setSingleStep(0.05);
    m_dropout->setValue(0.1);
    connect(m_model, &QComboBox::currentIndexChanged, this, [this] {
        const QString name = m_model->currentData().toString();
        if (!name.isEmpty())
            m_context->setMaximum(int(presetConfig(name.toStdString()).contextLength));
    });
    m_context->setMaximum(int(presetConfig("az-tiny").contextLength));

    auto *form = new QGridLayout;
    const auto add = [&](int row, int column, const QString &label, QWidget *field) {
        auto *caption = new QLabel(label);
        caption->setBuddy(field);
        form->addWidget(caption, row, column * 2, Qt::AlignRight);
        form->addWidget(field, row, column * 2 + 1);
    };
    add(0, 0, tr("&Dataset"), m_dataset);
    add(0, 1, tr("&Model"), m_model);
    add(0, 2, tr("Conte&xt"), m_context);
    add(0, 3, tr("&Batch"), m_batch);
    add(0, 4, tr("Ste&ps"), m_steps);
    add(1, 0, tr("&Learning rate"), m_learningRate);
    add(1, 1, tr("&Warmup"), m_warmup);
    add(1, 2, tr("&Eval every"), m_evalInterval);
    add(1, 3, tr("Check&point every"), m_checkpointInterval);
    add(1, 4, tr("Dr&opout"), m_dropout);
    m_dataParallel = new azllm::ui::DataParallelPanel;
    form->addWidget(m_dataParallel, 2, 0, 1, 10);

    m_start = new QPushButton(tr("Start"));
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_start->setToolTip(tr("Start a new run (Ctrl+Enter)"));
    m_pause = new QPushButton(tr("Pause"));
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_resume = new QPushButton(tr("Resume"));
    m_resume->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_stop = new QPushButton(tr("Stop"));
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stop->setToolTip(tr("Stop after this step and keep a checkpoint to resume from (Ctrl+.)"));
    connect(m_start, &QPushButton::clicked, this, &TrainPage::startTraining);
    connect(m_pause, &QPushButton::clicked, this, &TrainPage::pauseTraining);
    connect(m_resume, &QPushButton::clicked, this, &TrainPage::resumeTraining);
    connect(m_stop, &QPushButton::clicked, this, &TrainPage::stopTraining);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_start);
    auto *holdRow = new QHBoxLayout;
    holdRow->addWidget(m_pause);
    holdRow->addWidget(m_resume);
    holdRow->addWidget(m_stop);
    buttons->addLayout(holdRow);

    auto *box = new QGroupBox(tr("Run setup"));
    auto *row = new QHBoxLayout(box);
    row->addLayout(form, 1);
    row->addLayout(buttons);
    return box;
}

QWidget *TrainPage::buildCharts()
{
    m_lossChart = new MetricChart(tr("Loss"), tr("cross-entropy (nats)"));
    m_lossChart->addSeries(tr("training"), kTrainColor);
    m_lossChart->addSeries(tr("training, smoothed"), kSmoothColor);
    m_lossChart->addSeries(tr("validation"), kValidationColor, true);
    m_lrChart = new MetricChart(tr("Learning rate"), tr("rate"));
    m_lrChart->addSeries(tr("learning rate"), QColor(90, 140, 60));
    m_speedChart = new MetricChart(tr("Throughput"), tr("tokens/s"));
    m_speedChart->addSeries(tr("tokens/s"), QColor(130, 80, 170));
    m_gradChart = new MetricChart(tr("Gradient norm"), tr("norm before clipping"));
    m_gradChart->addSeries(tr("gradient norm"), QColor(180, 60, 80));

    m_logScale = new QCheckBox(tr("Log scale"));
    m_logScale->setToolTip(tr("A logarithmic loss axis shows late, small improvements"));
    connect(m_logScale, &QCheckBox::toggled, m_lossChart, &MetricChart::setLogScale);

    auto *grid = new QGridLayout;
    grid->addWidget(m_lossChart, 0, 0, 2, 1);
    grid->addWidget(m_logScale, 2, 0, Qt::AlignLeft);
    grid->addWidget(m_lrChart, 0, 1);
    grid->addWidget(m_speedChart, 0, 2);
    grid->addWidget(m_gradChart, 1, 1, 2, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(2, 2);
    auto *charts = new QWidget;
    charts->setLayout(grid);
    return charts;
}

QWidget *TrainPage::buildTabs()
{
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_samples = new QPlainTextEdit;
    m_samples->setReadOnly(true);
    m_samples->setPlaceholderText(tr(
        "After each checkpoint the model continues \"Azərbaycan\"; watch its language improve."));

    m_checkpoints = new QListWidget;
    m_resumeHere = new QPushButton(tr("Resume from here"));
    m_resumeHere->setToolTip(
        tr("Continue the run exactly from the selected checkpoint, up to the Steps above"));
    connect(m_checkpoints, &QListWidget::currentRowChanged, this, [this] { updateButtons(); });
    connect(m_resumeHere, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_checkpoints->currentItem())
            resumeFromCheckpoint(item->data(Qt::UserRole).toString());
    });
    auto *checkpointTab = new QWidget;
    auto *checkpointLayout = new QVBoxLayout(checkpointTab);
    checkpointLayout->addWidget(m_checkpoints);
    checkpointLayout->addWidget(m_resumeHere, 0, Qt::AlignRight);

    m_history = new RunHistoryView(m_workspace);
    connect(m_history, &RunHistoryView::runSelected, this, &TrainPage::showRunCheckpoints);

    m_tabs = new QTabWidget;
    m_tabs->addTab(m_log, tr("Log"));
    m_tabs->addTab(m_samples, tr("Samples"));
    m_tabs->addTab(checkpointTab, tr("Checkpoints"));
    m_tabs->addTab(m_history, tr("Runs history"));
    return m_tabs;
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
                handleCheckpoint(path, step, loss, validationLoss);
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
    m_configuratorModel = config;
    const QString label =
        tr("from the Model screen (%1 layers, %2 wide)").arg(config.nLayer).arg(config.nEmbd);
    const int existing = m_model->findData(QString());
    if (existing >= 0)
        m_model->setItemText(existing, label);
    else
        m_model->addItem(label, QString());
    m_model->setCurrentIndex(m_model->findData(QString()));
    m_context->setMaximum(int(config.contextLength));
}

void TrainPage::refreshDatasets()
{
    const QString current = m_dataset->currentText();
    m_dataset->clear();
    m_dataset->addItems(m_workspace.datasetNames());
    if (!current.isEmpty() && m_dataset->findText(current) >= 0)
        m_dataset->setCurrentText(current);
    m_history->reload();
}

void TrainPage::setMaxSteps(int steps)
{
    m_steps->setValue(steps);
}

QString TrainPage::datasetTokenizer() const
{
    return m_workspace.datasetDir(m_dataset->currentText()) + QLatin1String("/tokenizer.model");
}

RunConfig TrainPage::configFromForm() const
{
    if (m_dataset->currentText().isEmpty())
        throw std::runtime_error(
            tr("No dataset yet: prepare one on the Data screen.").toStdString());
    const QString dataDir = m_workspace.datasetDir(m_dataset->currentText());
    const std::string trainTokens = QString(dataDir + QLatin1String("/train.tokens")).toStdString();
    const QString validationTokens = dataDir + QLatin1String("/val.tokens");
    RunConfig config;
    const QString preset = m_model->currentData().toString();
    config.model = preset.isEmpty() && m_configuratorModel ? *m_configuratorModel
                                                           : presetConfig(preset.toStdString());
    // The model's vocabulary is the dataset's: its tokenizer made the ids.
    config.model.vocabSize = TokenFile(trainTokens).vocabSize();
    config.model.dropout = m_dropout->value();
    config.train.trainData = trainTokens;
    if (QFileInfo::exists(validationTokens))
        config.train.validationData = validationTokens.toStdString();
    config.train.contextLength = m_context->value();
    config.train.batchSize = m_batch->value();
    config.train.maxSteps = m_steps->value();
    config.train.learningRate = m_learningRate->value();
    config.train.warmupSteps = m_warmup->value();
    config.train.evalInterval = m_evalInterval->value();
    config.train.evalBatches = 4;
    config.train.checkpointInterval = m_checkpointInterval->value();
    config.train.keepCheckpoints = 5;
    requireValid(config.model);
    return config;
}

void TrainPage::startTraining()
{
    if (isTraining())
        return;
    try {
        RunConfig config = configFromForm();
        const QString stem = m_model->currentData().toString().isEmpty()
                                 ? QStringLiteral("custom")
                                 : m_model->currentData().toString();
        const QString runDir = m_workspace.newRunDir(stem);
        config.train.outDir = runDir.toStdString();
        QDir().mkpath(runDir);
        QFile::copy(datasetTokenizer(), runDir + QLatin1String("/tokenizer.model"));
        const qint64 runId = m_workspace.runs().createRun(
            QFileInfo(runDir).fileName(), runDir, m_dataset->currentText(),
            QString::fromStdString(formatConfig(config)), countParameters(config.model).total());
        m_checkpoints->clear();
        m_samples->clear();
        clearCharts(config.model.vocabSize);
        appendLog(tr("New run %1 on dataset '%2'.")
                      .arg(QFileInfo(runDir).fileName(), m_dataset->currentText()));
        launch(config, {}, runId);
    } catch (const std::exception &e) {
        m_status->setText(tr("Cannot start: %1").arg(QString::fromStdString(e.what())));
        QMessageBox::warning(this, tr("Cannot start training"), QString::fromStdString(e.what()));
    }
}

void TrainPage::launch(const RunConfig &config, const QString &resumeFrom, qint64 runId)
{
    m_runId = runId;
    m_runDir = QString::fromStdString(config.train.outDir);
    m_maxSteps = config.train.maxSteps;
    m_paused = false;
    m_progress->setRange(0, int(m_maxSteps));
    m_workspace.runs().setStatus(runId, QStringLiteral("running"));
    m_status->setText(tr("Training…"));
    const QString tokenizer = m_runDir + QLatin1String("/tokenizer.model");
    const azllm::ui::TrainingProcesses processes{m_dataParallel->processes(),
                                                 m_dataParallel->threadsPerProcess()};
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, config, resumeFrom, tokenizer, processes] {
            worker->train(config, resumeFrom, tokenizer, processes);
        },
        Qt::QueuedConnection);
    updateButtons();
    Q_EMIT jobChanged(tr("training %1").arg(QFileInfo(m_runDir).fileName()));
}

void TrainPage::clearCharts(std::int64_t vocabSize)
{
    for (MetricChart *chart : {m_lossChart, m_lrChart, m_speedChart, m_gradChart})
        chart->clearSeries();
    // An untrained model guesses uniformly: its loss starts near ln(V).
    m_lossChart->setReferenceLine(
        std::log(double(vocabSize)),
        tr("ln(vocab) = %1: a uniform guess").arg(std::log(double(vocabSize)), 0, 'f', 2));
    m_smoothedLoss = 0;
    m_smoothedCount = 0;
    m_lastStep = 0;
    m_dataParallel->clearFigures();
}

void TrainPage::plotSteps(const QVector<StepMetrics> &steps)
{
    for (const StepMetrics &m : steps) {
        if (!std::isfinite(m.loss))
            continue;
        // Bias-corrected exponential average, as TensorBoard's smoothing slider does.
        ++m_smoothedCount;
        m_smoothedLoss = 0.9 * m_smoothedLoss + 0.1 * m.loss;
        const double smoothed = m_smoothedLoss / (1.0 - std::pow(0.9, m_smoothedCount));
        m_lossChart->append(RawLoss, double(m.step), m.loss);
        m_lossChart->append(SmoothedLoss, double(m.step), smoothed);
        if (m.validationLoss >= 0)
            m_lossChart->append(ValidationLoss, double(m.step), m.validationLoss);
        m_lrChart->append(0, double(m.step), m.learningRate);
        if (m.tokensPerSecond > 0)
            m_speedChart->append(0, double(m.step), m.tokensPerSecond);
        m_gradChart->append(0, double(m.step), m.gradNorm);
        m_lastStep = m.step;
    }
    for (MetricChart *chart : {m_lossChart, m_lrChart, m_speedChart, m_gradChart})
        chart->refresh();
}

void TrainPage::handleMetrics(const QVector<StepMetrics> &steps)
{
    if (steps.isEmpty() || !m_runId)
        return;
    plotSteps(steps);
    QVector<MetricPoint> points;
    for (const StepMetrics &m : steps)
        points.push_back(toPoint(m));
    try {
        m_workspace.runs().appendMetrics(*m_runId, points);
    } catch (const std::exception &e) {
        appendLog(tr("Could not save metrics: %1").arg(QString::fromStdString(e.what())));
    }
    const StepMetrics &last = steps.back();
    if (last.validationLoss >= 0)
        appendLog(
            tr("step %1: validation loss %2").arg(last.step).arg(last.validationLoss, 0, 'f', 4));
    updateProgress(last);
    m_dataParallel->showStep(last);
    Q_EMIT stepsShown(m_lastStep);
}

void TrainPage::updateProgress(const StepMetrics &last)
{
    m_progress->setValue(int(last.step));
    const double tokensPerStep = double(m_batch->value() * m_context->value());
    const double secondsPerStep =
        last.tokensPerSecond > 0 ? tokensPerStep / last.tokensPerSecond : 0;
    const double eta = double(m_maxSteps - last.step) * secondsPerStep;
    if (!m_paused)
        m_status->setText(tr("loss %1 · %2 tokens/s · %3 left")
                              .arg(last.loss, 0, 'f', 3)
                              .arg(last.tokensPerSecond, 0, 'f', 0)
                              .arg(formatDuration(eta)));
}

void TrainPage::handleCheckpoint(const QString &path, qint64 step, double loss,
                                 double validationLoss)
{
    const QString text = validationLoss >= 0
                             ? tr("step %1 · loss %2 · validation %3")
                                   .arg(step)
                                   .arg(loss, 0, 'f', 4)
                                   .arg(validationLoss, 0, 'f', 4)
                             : tr("step %1 · loss %2").arg(step).arg(loss, 0, 'f', 4);
    auto *item = new QListWidgetItem(text, m_checkpoints);
    item->setData(Qt::UserRole, path);
    item->setToolTip(path);
}

void TrainPage::handleFinished(const QString &outcome, const QString &message)
{
    if (m_runId) {
        try {
            m_workspace.runs().setStatus(*m_runId, outcome, message);
        } catch (const std::exception &e) {
            appendLog(QString::fromStdString(e.what()));
        }
    }
    m_runId.reset();
    m_paused = false;
    appendLog(message);
    if (outcome == QLatin1String("diverged") || outcome == QLatin1String("failed")) {
        m_status->setText(QStringLiteral("<span style='color:#b00020'><b>%1</b> %2</span>")
                              .arg(outcome == QLatin1String("diverged") ? tr("Training diverged.")
                                                                        : tr("Training failed."),
                                   message.toHtmlEscaped()));
        if (outcome == QLatin1String("diverged"))
            appendLog(tr("Try a lower learning rate or a longer warmup."));
    } else if (outcome == QLatin1String("finished")) {
        m_status->setText(tr("Finished all %1 steps.").arg(m_lastStep));
    } else {
        m_status->setText(
            tr("Stopped at step %1; its checkpoint is kept to resume from.").arg(m_lastStep));
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
        m_status->setText(tr("Paused at step %1. Resume continues exactly here.").arg(m_lastStep));
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
    m_status->setText(tr("Stopping after this step…"));
    m_worker->stop();
}

void TrainPage::resumeFromCheckpoint(const QString &checkpointDir)
{
    if (isTraining())
        return;
    try {
        RunConfig config = readCheckpointConfig(checkpointDir.toStdString());
        const CheckpointState state = readCheckpointState(checkpointDir.toStdString());
        // Up to the Steps field when that lies ahead; else to the run's own end; else further.
        const std::int64_t asked = m_steps->value();
        config.train.maxSteps = asked > state.step                   ? asked
                                : config.train.maxSteps > state.step ? config.train.maxSteps
                                                                     : state.step + asked;
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
        clearCharts(config.model.vocabSize);
        QVector<StepMetrics> past;
        for (const MetricPoint &p : runs.metrics(runId))
            past.push_back(toMetrics(p));
        plotSteps(past);
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
    m_checkpoints->clear();
    for (const CheckpointInfo &c : listCheckpoints(runDir.toStdString()))
        handleCheckpoint(QString::fromStdString(c.path), c.state.step, c.state.trainLoss,
                         c.state.validationLoss);
    updateButtons();
}

void TrainPage::updateButtons()
{
    const bool training = isTraining();
    m_start->setEnabled(!training);
    m_pause->setEnabled(training && !m_paused);
    m_resume->setEnabled(training && m_paused);
    m_stop->setEnabled(training);
    m_resumeHere->setEnabled(!training && m_checkpoints->currentItem() != nullptr);
    for (QWidget *field : std::initializer_list<QWidget *>{m_dataset, m_model, m_context, m_batch,
                                                           m_learningRate, m_warmup, m_evalInterval,
                                                           m_checkpointInterval, m_dropout})
        field->setEnabled(!training);
    m_dataParallel->setEditable(!training);
}

void TrainPage::appendLog(const QString &text)
{
    m_log->appendPlainText(text);
}

int TrainPage::lossPointCount() const
{
    return m_lossChart->pointCount(RawLoss);
}
