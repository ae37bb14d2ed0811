#include "training_plan_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>

#include <algorithm>

#include "device_fit.h"
#include "model_sizing.h"
#include "runtime.h"
#include "size_format.h"
#include "training_plan.h"

namespace azllm::ui {

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
const QString kThisMachine = QStringLiteral("this-machine");
constexpr int kDefaultTargetTokens = 524288; // nanoGPT's GPT-2 batch, about half a million
constexpr int kDefaultKept = 5;              // what the Train screen keeps
constexpr int kDefaultUtilisation = 40;      // a typical share of the peak for models this size

// The catalog's entry for a configurator device: the 24 GB row names two cards, and the A10's
// lower peak and power are taken for it (the rate's tooltip says so).
const AcceleratorSpec *cardFor(const QString &deviceId)
{
    if (deviceId == QLatin1String("t4-16"))
        return findAccelerator("t4");
    if (deviceId == QLatin1String("gpu-24"))
        return findAccelerator("a10");
    return findAccelerator(deviceId.toStdString());
}

QString tokensText(std::int64_t tokens)
{
    return QLocale().toString(qlonglong(tokens));
}

} // namespace

TrainingPlanPanel::TrainingPlanPanel(QWidget *parent) : QGroupBox(parent)
{
    qRegisterMetaType<DryRunRequest>();
    qRegisterMetaType<DryRunReport>();
    // The choices on the left, what they give on the right.
    auto *inputs = new QGridLayout;
    auto *results = new QGridLayout;
    buildForm(inputs, results);
    buildCosts(inputs, results);
    buildDryRun(inputs);
    inputs->setRowStretch(inputs->rowCount(), 1);
    results->setColumnStretch(1, 1);
    results->setRowStretch(results->rowCount(), 1);
    auto *columns = new QHBoxLayout(this);
    columns->addLayout(inputs, 0);
    columns->addSpacing(16);
    columns->addLayout(results, 1);
    fillDevices();
    retranslate();
    selectDevice(QStringLiteral("t4-16"));
}

TrainingPlanPanel::~TrainingPlanPanel()
{
    if (m_worker)
        m_worker->cancel();
    m_thread.quit();
    m_thread.wait();
}

// ---- construction -------------------------------------------------------------------------

QLabel *TrainingPlanPanel::addRow(QGridLayout *grid, const char *caption, const QString &key)
{
    const int row = grid->rowCount();
    auto *label = new QLabel;
    m_texts.set(label, "text", caption);
    auto *value = new QLabel(QStringLiteral("\u2014"));
    value->setObjectName(key);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_values.insert(key, value);
    grid->addWidget(label, row, 0, Qt::AlignTop);
    grid->addWidget(value, row, 1);
    return value;
}

void TrainingPlanPanel::addField(QGridLayout *grid, const char *caption, QWidget *field)
{
    auto *label = new QLabel;
    m_texts.set(label, "text", caption);
    label->setBuddy(field);
    const int row = grid->rowCount();
    grid->addWidget(label, row, 0);
    grid->addWidget(field, row, 1);
}

void TrainingPlanPanel::buildForm(QGridLayout *inputs, QGridLayout *results)
{
    m_device = new QComboBox;
    m_device->setObjectName(QStringLiteral("planDevice"));
    m_memory = new QDoubleSpinBox;
    m_memory->setObjectName(QStringLiteral("planMemory"));
    m_memory->setRange(0.5, 4096);
    m_memory->setDecimals(1);
    m_memory->setSuffix(QStringLiteral(" GiB"));
    m_precision = new QComboBox;
    m_precision->setObjectName(QStringLiteral("planPrecision"));
    for (const TrainingPrecision p :
         {TrainingPrecision::Fp32, TrainingPrecision::Bf16, TrainingPrecision::Fp16})
        m_precision->addItem(QString::fromStdString(trainingPrecisionName(p)), int(p));
    m_targetTokens = new QSpinBox;
    m_targetTokens->setObjectName(QStringLiteral("planTargetTokens"));
    m_targetTokens->setRange(0, 64 * 1024 * 1024);
    m_targetTokens->setSingleStep(65536);
    m_targetTokens->setGroupSeparatorShown(true);
    m_targetTokens->setValue(kDefaultTargetTokens);
    addField(inputs, QT_TR_NOOP("&Device"), m_device);
    addField(inputs, QT_TR_NOOP("&Memory"), m_memory);
    addField(inputs, QT_TR_NOOP("&Precision"), m_precision);
    addField(inputs, QT_TR_NOOP("&Target batch"), m_targetTokens);
    m_texts.set(m_memory, "toolTip",
                QT_TR_NOOP("The device's memory; type another size for a card not listed."));
    m_texts.set(m_precision, "toolTip",
                QT_TR_NOOP("fp32 everywhere, or 16-bit autocast on CUDA: bf16 on Ampere and newer "
                           "cards, fp16 with loss scaling on older ones such as the T4. Weights, "
                           "gradients and AdamW moments stay fp32."));
    m_texts.set(m_targetTokens, "suffix", QT_TR_NOOP(" tokens"));
    m_texts.set(m_targetTokens, "toolTip",
                QT_TR_NOOP("Tokens per optimizer step; micro-batches are accumulated until they "
                           "reach it, as the Train screen does."));
    addRow(results, QT_TR_NOOP("Plain"), QStringLiteral("plan.plain"));
    addRow(results, QT_TR_NOOP("With checkpointing"), QStringLiteral("plan.ckpt"));
    addRow(results, QT_TR_NOOP("Dry run"), QStringLiteral("plan.dryrun"));
    connect(m_device, &QComboBox::currentIndexChanged, this,
            &TrainingPlanPanel::handleDeviceChanged);
    connect(m_memory, &QDoubleSpinBox::valueChanged, this, &TrainingPlanPanel::refresh);
    connect(m_precision, &QComboBox::currentIndexChanged, this, &TrainingPlanPanel::refresh);
    connect(m_targetTokens, &QSpinBox::valueChanged, this, &TrainingPlanPanel::refresh);
}

void TrainingPlanPanel::buildDryRun(QGridLayout *inputs)
{
    m_dryRun = new QPushButton;
    m_dryRun->setObjectName(QStringLiteral("dryRunButton"));
    m_texts.set(m_dryRun, "text", QT_TR_NOOP("Dry run"));
    m_texts.set(m_dryRun, "toolTip",
                QT_TR_NOOP("Two real training steps of the plan on this machine, in a temporary "
                           "folder removed afterwards: the peak memory they take beside the "
                           "estimate."));
    m_cancel = new QPushButton;
    m_cancel->setObjectName(QStringLiteral("dryRunCancel"));
    m_texts.set(m_cancel, "text", QT_TR_NOOP("Cancel"));
    m_cancel->setEnabled(false);
    m_dryRunProgress = new QProgressBar;
    m_dryRunProgress->setRange(0, 0);
    m_dryRunProgress->setTextVisible(false);
    m_dryRunProgress->setMaximumHeight(10);
    m_dryRunProgress->setVisible(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_cancel);
    inputs->addLayout(buttons, inputs->rowCount(), 0, 1, 2);
    inputs->addWidget(m_dryRunProgress, inputs->rowCount(), 0, 1, 2);
    connect(m_dryRun, &QPushButton::clicked, this, &TrainingPlanPanel::handleDryRunRequested);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPlanPanel::handleDryRunCancelled);
}

void TrainingPlanPanel::buildCosts(QGridLayout *inputs, QGridLayout *results)
{
    m_kept = new QSpinBox;
    m_kept->setObjectName(QStringLiteral("planKept"));
    m_kept->setRange(1, 100);
    m_kept->setValue(kDefaultKept);
    m_texts.set(m_kept, "toolTip", QT_TR_NOOP("How many checkpoints the run keeps on disk."));
    m_utilisation = new QSpinBox;
    m_utilisation->setObjectName(QStringLiteral("planUtilisation"));
    m_utilisation->setRange(1, 100);
    m_utilisation->setValue(kDefaultUtilisation);
    m_utilisation->setSuffix(QStringLiteral(" %"));
    m_texts.set(m_utilisation, "toolTip",
                QT_TR_NOOP("Share of the card's peak the training reaches; 30-50 % is typical."));
    addField(inputs, QT_TR_NOOP("Checkpoints &kept"), m_kept);
    addField(inputs, QT_TR_NOOP("&Utilisation"), m_utilisation);
    addRow(results, QT_TR_NOOP("Checkpoints on disk"), QStringLiteral("plan.disk"));
    addRow(results, QT_TR_NOOP("Speed"), QStringLiteral("plan.rate"));
    addRow(results, QT_TR_NOOP("Time for the budget"), QStringLiteral("plan.time"));
    addRow(results, QT_TR_NOOP("Energy"), QStringLiteral("plan.energy"));
    connect(m_kept, &QSpinBox::valueChanged, this, &TrainingPlanPanel::showCosts);
    connect(m_utilisation, &QSpinBox::valueChanged, this, &TrainingPlanPanel::showCosts);
}

void TrainingPlanPanel::fillDevices()
{
    const QSignalBlocker blocker(m_device);
    for (const Device &device : devicesToCompare())
        m_device->addItem(device.name, device.id);
}

void TrainingPlanPanel::retranslate()
{
    setTitle(tr("Fit it on my GPU, and what the run costs"));
    m_texts.retranslate();
    for (const Device &device : devicesToCompare()) // the devices' names are translated
        m_device->setItemText(m_device->findData(device.id), device.name);
    refresh();
}

void TrainingPlanPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

// ---- inputs -------------------------------------------------------------------------------

void TrainingPlanPanel::showPlan(const ModelConfig &config, double tokenBudget,
                                 const std::optional<MachineSpeed> &machineSpeed)
{
    m_config = config;
    m_tokenBudget = tokenBudget;
    m_machineSpeed = machineSpeed;
    refresh();
}

void TrainingPlanPanel::clearPlan()
{
    m_config.reset();
    refresh();
}

void TrainingPlanPanel::selectDevice(const QString &id)
{
    const int index = m_device->findData(id);
    if (index >= 0)
        m_device->setCurrentIndex(index);
    handleDeviceChanged();
}

void TrainingPlanPanel::setPrecision(TrainingPrecision precision)
{
    m_precision->setCurrentIndex(m_precision->findData(int(precision)));
}

void TrainingPlanPanel::setMemoryGiB(double gib)
{
    m_memory->setValue(gib);
}

void TrainingPlanPanel::setTargetBatchTokens(int tokens)
{
    m_targetTokens->setValue(tokens);
}

void TrainingPlanPanel::setKeptCheckpoints(int kept)
{
    m_kept->setValue(kept);
}

void TrainingPlanPanel::setUtilisationPercent(int percent)
{
    m_utilisation->setValue(percent);
}

void TrainingPlanPanel::handleDeviceChanged()
{
    const QSignalBlocker b1(m_memory), b2(m_precision);
    for (const Device &device : devicesToCompare())
        if (device.id == m_device->currentData().toString())
            m_memory->setValue(double(device.memory) / kGiB);
    const AcceleratorSpec *card = chosenCard();
    // Autocast is for CUDA: this machine trains in fp32 unless it has a GPU.
    const bool halfPossible = card || cudaAvailable();
    if (card)
        setPrecision(card->bf16 ? TrainingPrecision::Bf16 : TrainingPrecision::Fp16);
    else
        setPrecision(TrainingPrecision::Fp32);
    m_precision->setEnabled(halfPossible);
    // This machine's rate is measured, not a share of a peak.
    m_utilisation->setEnabled(card != nullptr);
    refresh();
}

const AcceleratorSpec *TrainingPlanPanel::chosenCard() const
{
    return cardFor(m_device->currentData().toString());
}

bool TrainingPlanPanel::thisMachineChosen() const
{
    return m_device->currentData().toString() == kThisMachine;
}

TrainingPrecision TrainingPlanPanel::chosenPrecision() const
{
    return TrainingPrecision(m_precision->currentData().toInt());
}

FitPlan TrainingPlanPanel::currentPlan(bool checkpointing) const
{
    FitRequest request;
    request.model = *m_config;
    request.memoryBytes = std::int64_t(m_memory->value() * kGiB);
    request.precision = chosenPrecision();
    request.checkpointing = checkpointing;
    request.targetBatchTokens = m_targetTokens->value();
    return planFit(request);
}

// ---- figures ------------------------------------------------------------------------------

void TrainingPlanPanel::setValue(const QString &key, const QString &text)
{
    if (QLabel *label = m_values.value(key))
        label->setText(text);
}

QString TrainingPlanPanel::displayedValue(const QString &key) const
{
    const QLabel *label = m_values.value(key);
    return label ? label->text() : QString();
}

void TrainingPlanPanel::refresh()
{
    m_dryRun->setEnabled(m_config.has_value() && !m_dryRunning);
    if (!m_config) {
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
            if (it.key() != QLatin1String("plan.dryrun"))
                it.value()->setText(QStringLiteral("\u2014"));
        return;
    }
    showFit(QStringLiteral("plan.plain"), currentPlan(false));
    showFit(QStringLiteral("plan.ckpt"), currentPlan(true));
    showCosts();
}

void TrainingPlanPanel::showFit(const QString &key, const FitPlan &plan)
{
    if (!plan.fits) {
        setValue(key, tr("\u2718 does not fit, not even one sequence of %1 tokens")
                          .arg(std::min(kShortestPlannedContext, m_config->contextLength)));
        return;
    }
    QString text = tr("\u2714 micro-batch %1 \u00d7 %2 tokens, %3")
                       .arg(plan.microBatch)
                       .arg(plan.context)
                       .arg(formatBytes(plan.estimateBytes));
    text += QLatin1Char('\n') + tr("micro-batches per step: %1 = %2 tokens")
                                    .arg(plan.accumulation)
                                    .arg(tokensText(plan.batchTokens()));
    setValue(key, text);
}

void TrainingPlanPanel::showCosts()
{
    if (!m_config)
        return;
    const std::int64_t one = resumableCheckpointBytes(*m_config);
    setValue(QStringLiteral("plan.disk"),
             tr("%1 \u00d7 %2 = %3")
                 .arg(m_kept->value())
                 .arg(formatBytes(one), formatBytes(one * m_kept->value())));
    const FitPlan plain = currentPlan(false);
    const bool recompute = !plain.fits && currentPlan(true).fits;
    const AcceleratorSpec *card = chosenCard();
    double rate = 0;
    double watts = 0;
    if (card) {
        const double peak = peakFlopsPerSecond(*card, chosenPrecision());
        rate = peak * m_utilisation->value() / 100.0;
        watts = card->watts;
        setValue(
            QStringLiteral("plan.rate"),
            tr("%1 of the %2's %3 peak, %4 W")
                .arg(formatFlopRate(rate), QString::fromStdString(card->name), formatFlopRate(peak))
                .arg(card->watts));
    } else if (m_machineSpeed && m_machineSpeed->flopsPerSecond > 0) {
        rate = m_machineSpeed->flopsPerSecond;
        setValue(
            QStringLiteral("plan.rate"),
            tr("%1, measured training here (not a peak); power unknown").arg(formatFlopRate(rate)));
    } else {
        setValue(QStringLiteral("plan.rate"),
                 tr("not measured: press \u201cMeasure this machine\u201d above"));
    }
    const BudgetEstimate budget =
        trainingBudget(*m_config, m_config->contextLength, m_tokenBudget, rate, watts, recompute);
    if (rate <= 0) {
        setValue(QStringLiteral("plan.time"), QStringLiteral("\u2014"));
        setValue(QStringLiteral("plan.energy"), QStringLiteral("\u2014"));
        return;
    }
    QString time =
        tr("\u2248 %1 for %2").arg(formatDuration(budget.seconds), formatTokenCount(m_tokenBudget));
    if (recompute)
        time += tr(" (a third more: checkpointing recomputes the forward pass)");
    setValue(QStringLiteral("plan.time"), time);
    setValue(QStringLiteral("plan.energy"),
             watts > 0 ? tr("\u2248 %1 kWh")
                             .arg(QLocale().toString(budget.kilowattHours, 'f',
                                                     budget.kilowattHours < 10 ? 2 : 0))
                       : QStringLiteral("\u2014"));
}

// ---- the dry run --------------------------------------------------------------------------

void TrainingPlanPanel::startWorkerThread()
{
    if (m_worker)
        return;
    m_worker = new DryRunWorker; // no parent: deleted when the thread finishes
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &TrainingPlanPanel::dryRunRequested, m_worker,
            &DryRunWorker::handleDryRunRequested, Qt::QueuedConnection);
    connect(m_worker, &DryRunWorker::stepFinished, this, &TrainingPlanPanel::handleDryRunStep,
            Qt::QueuedConnection);
    connect(m_worker, &DryRunWorker::dryRunFinished, this, &TrainingPlanPanel::handleDryRunResult,
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("TrainingPlanPanel dry run"));
    m_thread.start();
}

void TrainingPlanPanel::handleDryRunRequested()
{
    if (!m_config || m_dryRunning)
        return;
    const bool gpuHere = cudaAvailable();
    if (!thisMachineChosen() && !gpuHere) {
        setValue(QStringLiteral("plan.dryrun"),
                 tr("The dry run runs on this machine's CPU, not on the %1 chosen above: choose "
                    "\u201c%2\u201d to check a plan here.")
                     .arg(m_device->currentText(),
                          m_device->itemText(m_device->findData(kThisMachine))));
        return;
    }
    const FitPlan plain = currentPlan(false);
    const bool checkpointing = !plain.fits;
    const FitPlan plan = checkpointing ? currentPlan(true) : plain;
    if (!plan.fits) {
        setValue(QStringLiteral("plan.dryrun"), tr("No plan fits this memory: nothing to run."));
        return;
    }
    DryRunRequest run;
    run.model = *m_config;
    run.context = plan.context;
    run.batch = dryRunMicroBatch(plan, gpuHere);
    run.precision = QString::fromStdString(trainingPrecisionName(chosenPrecision()));
    run.checkpointing = checkpointing;
    run.estimateBytes =
        plannedTrainingBytes(*m_config, run.batch, run.context, checkpointing, chosenPrecision());
    run.scratchParent = m_scratchParent;
    m_dryRunning = true;
    m_dryRun->setEnabled(false);
    m_cancel->setEnabled(true);
    m_dryRunProgress->setRange(0, 0);
    m_dryRunProgress->setVisible(true);
    QString status = tr("Building the model, then two steps of micro-batch %1 \u00d7 %2\u2026")
                         .arg(run.batch)
                         .arg(run.context);
    if (!gpuHere && m_machineSpeed && m_machineSpeed->flopsPerSecond > 0) {
        const double stepFlops =
            trainingFlopsPerToken(*m_config, run.context) * double(run.batch * run.context);
        status +=
            QLatin1Char(' ') + tr("About %1 per step at this machine's measured speed.")
                                   .arg(formatDuration(stepFlops / m_machineSpeed->flopsPerSecond));
    }
    if (run.batch < plan.microBatch)
        status += QLatin1Char(' ') + tr("(%1 of the planned %2 sequences, so that it ends in "
                                        "seconds on a CPU)")
                                         .arg(run.batch)
                                         .arg(plan.microBatch);
    if (!thisMachineChosen())
        status += QLatin1Char(' ') + tr("It runs on this machine's GPU, which may not be the "
                                        "card chosen above.");
    setValue(QStringLiteral("plan.dryrun"), status);
    startWorkerThread();
    m_worker->rearm();
    Q_EMIT dryRunRequested(run);
}

void TrainingPlanPanel::handleDryRunCancelled()
{
    if (m_worker && m_dryRunning) {
        m_worker->cancel();
        m_cancel->setEnabled(false);
        setValue(QStringLiteral("plan.dryrun"), tr("Stopping after this step\u2026"));
    }
}

void TrainingPlanPanel::handleDryRunStep(int done, int total)
{
    m_dryRunProgress->setRange(0, total);
    m_dryRunProgress->setValue(done);
}

void TrainingPlanPanel::handleDryRunResult(const DryRunReport &report)
{
    m_dryRunning = false;
    m_dryRun->setEnabled(m_config.has_value());
    m_cancel->setEnabled(false);
    m_dryRunProgress->setVisible(false);
    QString text;
    if (report.cancelled)
        text = tr("Cancelled; its temporary folder is removed.");
    else if (!report.ran)
        text = tr("\u2718 It did not run on %1: %2").arg(report.device, report.problem);
    else if (report.peakBytes < 0)
        text = tr("\u2714 Ran on %1 (%2 s per step); the peak memory could not be read. "
                  "Estimate: %3.")
                   .arg(report.device, QLocale().toString(report.secondsPerStep, 'f', 1),
                        formatBytes(report.estimateBytes));
    else
        text = tr("\u2714 Ran on %1, micro-batch %2 \u00d7 %3: measured peak %4, estimate %5 "
                  "(%6 s per step).")
                   .arg(report.device)
                   .arg(report.batch)
                   .arg(report.context)
                   .arg(formatBytes(report.peakBytes), formatBytes(report.estimateBytes),
                        QLocale().toString(report.secondsPerStep, 'f', 1));
    setValue(QStringLiteral("plan.dryrun"), text);
    Q_EMIT dryRunFinished();
}

} // namespace azllm::ui
