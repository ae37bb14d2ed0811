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

#include "device_fit.h"
#include "runtime.h"
#include "size_format.h"
#include "training_plan.h"

namespace azllm::ui {

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
const QString kThisMachine = QStringLiteral("this-machine");
// A desktop's draw while both cores train; the learner can correct it.
constexpr int kMachineWatts = 65;
// nanoGPT's GPT-2 batch: about half a million tokens per optimizer step.
constexpr int kDefaultTargetTokens = 524288;
constexpr int kDefaultUtilisation = 40;

const AcceleratorSpec *findGpu(const QString &id)
{
    for (const AcceleratorSpec &gpu : acceleratorCatalog())
        if (QString::fromStdString(gpu.id) == id)
            return &gpu;
    return nullptr;
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
    auto *grid = new QGridLayout(this);
    buildForm(grid);
    buildResults(grid);
    grid->setColumnStretch(1, 1);
    retranslate();
    fillDevices();
    selectDevice(QStringLiteral("t4"));
}

TrainingPlanPanel::~TrainingPlanPanel()
{
    if (m_worker)
        m_worker->cancel();
    m_thread.quit();
    m_thread.wait();
}

// ---- construction -------------------------------------------------------------------------

void TrainingPlanPanel::buildForm(QGridLayout *grid)
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
    for (const Precision p : {Precision::Fp32, Precision::Bf16, Precision::Fp16})
        m_precision->addItem(QString::fromStdString(precisionName(p)), int(p));
    m_targetTokens = new QSpinBox;
    m_targetTokens->setObjectName(QStringLiteral("planTargetTokens"));
    m_targetTokens->setRange(0, 64 * 1024 * 1024);
    m_targetTokens->setSingleStep(65536);
    m_targetTokens->setGroupSeparatorShown(true);
    m_targetTokens->setValue(kDefaultTargetTokens);
    const QList<QWidget *> fields = {m_device, m_memory, m_precision, m_targetTokens};
    const QStringList keys = {QStringLiteral("device"), QStringLiteral("memory"),
                              QStringLiteral("precision"), QStringLiteral("target")};
    for (int i = 0; i < fields.size(); ++i) {
        auto *caption = new QLabel;
        caption->setBuddy(fields[i]);
        m_captions.insert(keys[i], caption);
        grid->addWidget(caption, i, 0);
        grid->addWidget(fields[i], i, 1, 1, 2);
    }
    connect(m_device, &QComboBox::currentIndexChanged, this,
            &TrainingPlanPanel::handleDeviceChanged);
    connect(m_memory, &QDoubleSpinBox::valueChanged, this, &TrainingPlanPanel::refresh);
    connect(m_precision, &QComboBox::currentIndexChanged, this, &TrainingPlanPanel::refresh);
    connect(m_targetTokens, &QSpinBox::valueChanged, this, &TrainingPlanPanel::refresh);
}

QLabel *TrainingPlanPanel::addValue(QGridLayout *grid, int row, const QString &key)
{
    auto *caption = new QLabel;
    m_captions.insert(key, caption);
    auto *value = new QLabel(QStringLiteral("\u2014"));
    value->setObjectName(key);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_values.insert(key, value);
    grid->addWidget(caption, row, 0);
    grid->addWidget(value, row, 1, 1, 2);
    return value;
}

void TrainingPlanPanel::buildResults(QGridLayout *grid)
{
    int row = grid->rowCount();
    addValue(grid, row++, QStringLiteral("fit.plain"));
    addValue(grid, row++, QStringLiteral("fit.ckpt"));

    m_dryRun = new QPushButton;
    m_dryRun->setObjectName(QStringLiteral("dryRunButton"));
    m_cancel = new QPushButton;
    m_cancel->setEnabled(false);
    m_dryRunProgress = new QProgressBar;
    m_dryRunProgress->setRange(0, 0);
    m_dryRunProgress->setTextVisible(false);
    m_dryRunProgress->setMaximumHeight(8);
    m_dryRunProgress->setVisible(false);
    m_apply = new QPushButton;
    m_apply->setObjectName(QStringLiteral("applyPlanButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_apply);
    grid->addLayout(buttons, row++, 0, 1, 3);
    grid->addWidget(m_dryRunProgress, row++, 0, 1, 3);
    addValue(grid, row++, QStringLiteral("dryrun"));
    connect(m_dryRun, &QPushButton::clicked, this, &TrainingPlanPanel::handleDryRunRequested);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPlanPanel::handleDryRunCancelled);
    connect(m_apply, &QPushButton::clicked, this, &TrainingPlanPanel::handleApplyClicked);

    m_kept = new QSpinBox;
    m_kept->setRange(1, 100);
    m_kept->setValue(3);
    addValue(grid, row, QStringLiteral("disk.one"));
    grid->addWidget(m_kept, row++, 2);
    addValue(grid, row++, QStringLiteral("disk.kept"));
    connect(m_kept, &QSpinBox::valueChanged, this, &TrainingPlanPanel::showCosts);

    m_utilisation = new QSpinBox;
    m_utilisation->setRange(1, 100);
    m_utilisation->setValue(kDefaultUtilisation);
    m_utilisation->setSuffix(QStringLiteral(" %"));
    m_watts = new QSpinBox;
    m_watts->setRange(1, 10000);
    m_watts->setSuffix(QStringLiteral(" W"));
    auto *rates = new QHBoxLayout;
    rates->addWidget(m_utilisation);
    rates->addWidget(m_watts);
    auto *ratesCaption = new QLabel;
    m_captions.insert(QStringLiteral("rates"), ratesCaption);
    grid->addWidget(ratesCaption, row, 0);
    grid->addLayout(rates, row++, 1, 1, 2);
    addValue(grid, row++, QStringLiteral("budget.time"));
    addValue(grid, row++, QStringLiteral("budget.energy"));
    connect(m_utilisation, &QSpinBox::valueChanged, this, &TrainingPlanPanel::showCosts);
    connect(m_watts, &QSpinBox::valueChanged, this, &TrainingPlanPanel::showCosts);
}

void TrainingPlanPanel::retranslate()
{
    setTitle(tr("Fit it on a GPU, and what the run costs"));
    const auto caption = [this](const char *key, const QString &text) {
        m_captions.value(QLatin1String(key))->setText(text);
    };
    caption("device", tr("&Device"));
    caption("memory", tr("&Memory"));
    caption("precision", tr("&Precision"));
    caption("target", tr("&Target batch"));
    caption("fit.plain", tr("Plain"));
    caption("fit.ckpt", tr("With checkpointing"));
    caption("dryrun", tr("Dry run"));
    caption("disk.one", tr("One checkpoint"));
    caption("disk.kept", tr("Checkpoints kept"));
    caption("rates", tr("Utilisation, power"));
    caption("budget.time", tr("Time for the budget"));
    caption("budget.energy", tr("Energy"));
    m_memory->setToolTip(tr("The device's memory; type another size for a card not listed."));
    m_precision->setToolTip(
        tr("fp32 everywhere, or 16-bit autocast on CUDA: bf16 on Ampere and newer cards, "
           "fp16 with loss scaling on older ones such as the T4. Weights, gradients and AdamW "
           "moments stay fp32."));
    m_targetTokens->setSuffix(tr(" tokens"));
    m_targetTokens->setToolTip(tr("Tokens per optimizer step you want; micro-batches are "
                                  "accumulated until they reach it (0: no accumulation)."));
    m_dryRun->setText(tr("Dry run on this machine"));
    m_dryRun->setToolTip(tr("Two real training steps at the planned batch and context on this "
                            "machine's device, to check the memory estimate."));
    m_cancel->setText(tr("Cancel"));
    m_apply->setText(tr("Train with this plan \u2192"));
    m_apply->setToolTip(tr("Open the Train screen with this model, micro-batch, context, target "
                           "batch, precision and checkpointing."));
    m_kept->setToolTip(tr("How many checkpoints the run keeps (keep_checkpoints)."));
    m_utilisation->setToolTip(tr("Share of the GPU's peak the training reaches; 30-50 % is "
                                 "typical for a model this size."));
    m_watts->setToolTip(tr("Power drawn while training, for the energy estimate."));
    if (m_device->count() > 0)
        m_device->setItemText(m_device->findData(kThisMachine), tr("This machine (CPU)"));
    refresh();
}

void TrainingPlanPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void TrainingPlanPanel::fillDevices()
{
    const QSignalBlocker blocker(m_device);
    for (const AcceleratorSpec &gpu : acceleratorCatalog())
        m_device->addItem(QString::fromStdString(gpu.name), QString::fromStdString(gpu.id));
    m_device->addItem(tr("This machine (CPU)"), kThisMachine);
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

void TrainingPlanPanel::setPrecision(Precision precision)
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

void TrainingPlanPanel::handleDeviceChanged()
{
    const QString id = m_device->currentData().toString();
    const QSignalBlocker b1(m_memory), b2(m_precision), b3(m_watts), b4(m_utilisation);
    if (const AcceleratorSpec *gpu = findGpu(id)) {
        m_memory->setValue(double(gpu->memoryBytes) / kGiB);
        setPrecision(gpu->bf16 ? Precision::Bf16 : Precision::Fp16);
        m_watts->setValue(int(gpu->watts));
    } else {
        m_memory->setValue(double(machineMemoryBytes().value_or(0)) / kGiB);
        setPrecision(Precision::Fp32); // autocast is for CUDA
        m_watts->setValue(kMachineWatts);
    }
    // This machine's rate is measured, not a share of a peak.
    m_utilisation->setEnabled(id != kThisMachine);
    m_precision->setEnabled(id != kThisMachine);
    refresh();
}

std::int64_t TrainingPlanPanel::chosenMemory() const
{
    return std::int64_t(m_memory->value() * kGiB);
}

double TrainingPlanPanel::chosenFlopsPerSecond() const
{
    if (const AcceleratorSpec *gpu = findGpu(m_device->currentData().toString()))
        return peakFlopsPerSecond(*gpu, Precision(m_precision->currentData().toInt())) *
               m_utilisation->value() / 100.0;
    return m_machineSpeed ? m_machineSpeed->flopsPerSecond : 0;
}

double TrainingPlanPanel::chosenWatts() const
{
    return m_watts->value();
}

// ---- figures ------------------------------------------------------------------------------

void TrainingPlanPanel::refresh()
{
    if (!m_config) {
        for (QLabel *label : std::as_const(m_values))
            if (label->objectName() != QLatin1String("dryrun"))
                label->setText(QStringLiteral("\u2014"));
        m_dryRun->setEnabled(false);
        m_apply->setEnabled(false);
        return;
    }
    showFit(QStringLiteral("fit.plain"), false);
    showFit(QStringLiteral("fit.ckpt"), true);
    showCosts();
    m_dryRun->setEnabled(!m_dryRunning);
    m_apply->setEnabled(true);
}

void TrainingPlanPanel::handleApplyClicked()
{
    if (!m_config)
        return;
    FitRequest request;
    request.model = *m_config;
    request.memoryBytes = chosenMemory();
    request.precision = Precision(m_precision->currentData().toInt());
    request.targetBatchTokens = m_targetTokens->value();
    FitPlan plan = planFit(request);
    if (!plan.fits) {
        request.checkpointing = true;
        plan = planFit(request);
    }
    if (!plan.fits) {
        m_values.value(QStringLiteral("dryrun"))
            ->setText(tr("No plan fits this memory, not even with checkpointing."));
        return;
    }
    Q_EMIT planApplied(*m_config, plan.microBatch, plan.context, m_targetTokens->value(),
                       QString::fromStdString(precisionName(request.precision)),
                       request.checkpointing);
}

void TrainingPlanPanel::showFit(const QString &key, bool checkpointing)
{
    FitRequest request;
    request.model = *m_config;
    request.memoryBytes = chosenMemory();
    request.precision = Precision(m_precision->currentData().toInt());
    request.checkpointing = checkpointing;
    request.targetBatchTokens = m_targetTokens->value();
    const FitPlan plan = planFit(request);
    QLabel *label = m_values.value(key);
    if (!plan.fits) {
        label->setText(tr("\u2718 does not fit, not even one sequence of %1 tokens")
                           .arg(std::min<std::int64_t>(64, m_config->contextLength)));
        return;
    }
    QString text = tr("micro-batch %1 \u00d7 %2 tokens, %3").arg(plan.microBatch).arg(plan.context)
                       .arg(formatBytes(plan.estimateBytes));
    if (plan.accumulation > 1)
        text += tr("; %1 micro-batches per step = %2 tokens")
                    .arg(plan.accumulation)
                    .arg(tokensText(plan.batchTokens()));
    label->setText(QStringLiteral("\u2714 ") + text);
}

void TrainingPlanPanel::showCosts()
{
    if (!m_config)
        return;
    const std::int64_t one = checkpointBytes(*m_config);
    m_values.value(QStringLiteral("disk.one"))
        ->setText(tr("%1 (fp32 weights and AdamW moments)").arg(formatBytes(one)));
    m_values.value(QStringLiteral("disk.kept"))
        ->setText(tr("%1 for %2").arg(formatBytes(one * m_kept->value())).arg(m_kept->value()));

    FitRequest request;
    request.model = *m_config;
    request.memoryBytes = chosenMemory();
    request.precision = Precision(m_precision->currentData().toInt());
    const bool plainFits = planFit(request).fits;
    request.checkpointing = true;
    const FitPlan plan = plainFits ? FitPlan{} : planFit(request);
    const std::int64_t context = plainFits || !plan.fits ? m_config->contextLength : plan.context;
    const double rate = chosenFlopsPerSecond();
    const BudgetEstimate budget =
        trainingBudget(*m_config, context, m_tokenBudget, rate, chosenWatts(), !plainFits);
    QLabel *time = m_values.value(QStringLiteral("budget.time"));
    QLabel *energy = m_values.value(QStringLiteral("budget.energy"));
    if (rate <= 0) {
        time->setText(tr("measure this machine first"));
        energy->setText(QStringLiteral("\u2014"));
        return;
    }
    time->setText(tr("\u2248 %1 for %2 at %3%4")
                      .arg(formatDuration(budget.seconds), formatTokenCount(m_tokenBudget),
                           formatFlopRate(rate),
                           plainFits ? QString() : tr(", recomputing with checkpointing")));
    energy->setText(tr("\u2248 %1 kWh").arg(budget.kilowattHours, 0, 'f',
                                            budget.kilowattHours < 10 ? 2 : 0));
}

QString TrainingPlanPanel::displayedValue(const QString &key) const
{
    const QLabel *label = m_values.value(key);
    return label ? label->text() : QString();
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
    connect(m_worker, &DryRunWorker::dryRunFinished, this,
            &TrainingPlanPanel::handleDryRunResult, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("dry run"));
    m_thread.start();
}

void TrainingPlanPanel::handleDryRunRequested()
{
    if (!m_config || m_dryRunning)
        return;
    FitRequest request;
    request.model = *m_config;
    request.memoryBytes = chosenMemory();
    request.precision = Precision(m_precision->currentData().toInt());
    const FitPlan plan = planFit(request);
    QLabel *status = m_values.value(QStringLiteral("dryrun"));
    if (!plan.fits) {
        status->setText(tr("The plain plan does not fit this memory; a dry run needs one that "
                           "does."));
        return;
    }
    const std::int64_t available = machineMemoryBytes().value_or(0);
    if (!cudaAvailable() && plan.estimateBytes > available - kDeviceReserveBytes) {
        status->setText(tr("This plan needs %1, more than this machine has (%2): choose a "
                           "smaller memory above to dry-run a plan that fits here.")
                            .arg(formatBytes(plan.estimateBytes), formatBytes(available)));
        return;
    }
    DryRunRequest run;
    run.model = *m_config;
    run.batch = plan.microBatch;
    run.context = plan.context;
    run.precision = QString::fromStdString(precisionName(request.precision));
    run.estimateBytes = plan.estimateBytes;
    m_dryRunning = true;
    m_dryRun->setEnabled(false);
    m_cancel->setEnabled(true);
    m_dryRunProgress->setVisible(true);
    status->setText(tr("Training two steps of micro-batch %1 \u00d7 %2\u2026")
                        .arg(plan.microBatch)
                        .arg(plan.context));
    startWorkerThread();
    Q_EMIT dryRunRequested(run);
}

void TrainingPlanPanel::handleDryRunCancelled()
{
    if (m_worker && m_dryRunning) {
        m_worker->cancel();
        m_cancel->setEnabled(false);
        m_values.value(QStringLiteral("dryrun"))->setText(tr("Stopping after this step\u2026"));
    }
}

void TrainingPlanPanel::handleDryRunResult(const DryRunReport &report)
{
    m_dryRunning = false;
    m_dryRun->setEnabled(m_config.has_value());
    m_cancel->setEnabled(false);
    m_dryRunProgress->setVisible(false);
    QLabel *status = m_values.value(QStringLiteral("dryrun"));
    if (report.cancelled && !report.fits)
        status->setText(tr("Cancelled."));
    else if (!report.fits)
        status->setText(tr("\u2718 It did not fit on %1: %2").arg(report.device, report.problem));
    else if (report.peakBytes < 0)
        status->setText(tr("\u2714 Ran on %1 (%2 s per step); this build cannot read its peak "
                           "memory.")
                            .arg(report.device)
                            .arg(report.secondsPerStep, 0, 'f', 1));
    else
        status->setText(tr("\u2714 Ran on %1: peak %2 against the estimate %3 (%4 s per step).")
                            .arg(report.device, formatBytes(report.peakBytes),
                                 formatBytes(report.estimateBytes))
                            .arg(report.secondsPerStep, 0, 'f', 1));
    Q_EMIT dryRunFinished();
}

} // namespace azllm::ui
