#include "finetune_page.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

#include "base_bar.h"
#include "base_recipe.h"
#include "chat_tuning_tab.h"
#include "checkpoint.h"
#include "classify_tab.h"
#include "config_io.h"
#include "finetune_worker.h"
#include "metric_points.h"
#include "model_sizing.h"
#include "training_worker.h"
#include "tuning_run_panel.h"
#include "workspace.h"

namespace azllm::ui {
namespace {

// The sample data written for the course, when the studio runs from its source tree.
QString sampleFile(const char *name)
{
    const QString path =
        QStringLiteral(AZLLM_SOURCE_DIR "/resources/finetune/") + QLatin1String(name);
    return QFileInfo::exists(path) ? path : QString();
}

// The texts a classify run validates on (data/validation.jsonl, written when it was prepared),
// so the misclassified list of a resumed run shows them again.
std::vector<LabelledText> readValidationItems(const QString &runDir)
{
    try {
        return readClassificationDataset(
                   QString(runDir + QLatin1String("/data/validation.jsonl")).toStdString())
            .items;
    } catch (const std::exception &) {
        return {};
    }
}

} // namespace

FinetunePage::FinetunePage(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace)
{
    m_chat = new ChatTuningTab;
    m_classify = new ClassifyTab;
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_chat, QString());
    m_tabs->addTab(m_classify, QString());
    m_baseBar = new BaseBar;
    connect(m_baseBar, &BaseBar::makeRequested, this, &FinetunePage::makeBase);
    connect(m_baseBar, &BaseBar::baseChanged, this, [this](const ModelConfig &model, bool present) {
        m_chat->setBaseModel(model, present);
        m_classify->setBaseModel(model, present);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_baseBar);
    layout->addWidget(m_tabs, 1);

    QSettings settings;
    m_chat->setDatasetPath(
        settings.value(QStringLiteral("finetune/chatData"), sampleFile("sual_cavab.jsonl"))
            .toString());
    m_classify->setDatasetPath(
        settings.value(QStringLiteral("finetune/classifyData"), sampleFile("xeberler.csv"))
            .toString());

    m_training = new TrainingWorker; // no parent: both move to the screen's thread
    m_worker = new FinetuneWorker;
    m_training->moveToThread(&m_thread);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_training, &QObject::deleteLater);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("finetune"));
    m_thread.start();
    connectWorkers();
    retranslate();
    refreshBases();
    setActivity(Activity::Idle);
}

FinetunePage::~FinetunePage()
{
    m_training->stop(); // a run saves a checkpoint and returns between steps
    m_worker->stop();
    m_thread.quit();
    m_thread.wait();
}

void FinetunePage::connectWorkers()
{
    connect(m_worker, &FinetuneWorker::prepared, this, &FinetunePage::handlePrepared);
    connect(m_worker, &FinetuneWorker::failed, this, &FinetunePage::handleFailure);
    connect(m_worker, &FinetuneWorker::previewReady, this,
            [this](const std::vector<PreviewRow> &rows, const QStringList &summary) {
                m_chat->showPreview(rows, summary);
                if (m_activity == Activity::Working)
                    setActivity(Activity::Idle);
            });
    connect(m_worker, &FinetuneWorker::baselinesReady, this, [this](const BaselineReports &r) {
        m_classify->showBaselines(r);
        if (m_activity == Activity::Working)
            setActivity(Activity::Idle);
    });
    connect(m_worker, &FinetuneWorker::comparisonProgress, m_chat,
            &ChatTuningTab::setComparisonProgress);
    connect(m_worker, &FinetuneWorker::comparisonReady, this,
            [this](const SftEvaluation &base, const SftEvaluation &tuned) {
                m_chat->showComparison(base, tuned);
                setActivity(Activity::Idle);
            });
    connect(m_worker, &FinetuneWorker::predictionReady, this,
            [this](const QStringList &labels, const QVector<double> &p) {
                m_classify->showPrediction(labels, p);
                setActivity(Activity::Idle);
            });
    connect(m_training, &TrainingWorker::metricsReported, this, &FinetunePage::handleMetrics);
    connect(m_training, &TrainingWorker::classifierEvaluated, this,
            &FinetunePage::handleClassifier);
    connect(m_training, &TrainingWorker::logMessage, this, &FinetunePage::appendLog);
    connect(m_training, &TrainingWorker::sampleGenerated, this,
            [this](qint64 step, const QString &text) {
                appendLog(tr("step %1: %2").arg(step).arg(text));
            });
    connect(m_training, &TrainingWorker::checkpointSaved, this,
            [this](const QString &path) { appendLog(tr("Checkpoint saved: %1").arg(path)); });
    connect(m_training, &TrainingWorker::pausedChanged, this, [this](bool paused) {
        m_paused = paused;
        setActivity(m_activity);
    });
    connect(m_training, &TrainingWorker::runFinished, this, &FinetunePage::handleFinished);

    for (TuningRunPanel *panel : {m_chat->panel(), m_classify->panel()}) {
        connect(panel, &TuningRunPanel::pauseRequested, this, [this] { m_training->pause(); });
        connect(panel, &TuningRunPanel::resumeRequested, this, [this, panel] {
            if (m_activity == Activity::Training)
                m_training->resume();
            else
                resumeStopped(panel == m_chat->panel() ? QStringLiteral("sft")
                                                       : QStringLiteral("classify"));
        });
        connect(panel, &TuningRunPanel::stopRequested, this, &FinetunePage::stopRun);
    }
    connect(m_chat->panel(), &TuningRunPanel::startRequested, this, &FinetunePage::startChatTuning);
    connect(m_classify->panel(), &TuningRunPanel::startRequested, this,
            &FinetunePage::startClassification);
    connect(m_chat, &ChatTuningTab::previewRequested, this, &FinetunePage::previewChatBatch);
    connect(m_chat, &ChatTuningTab::openInChatRequested, this, &FinetunePage::openInChatRequested);
    connect(m_chat, &ChatTuningTab::compareRequested, this, [this](const QString &tuned) {
        if (isBusy())
            return;
        try {
            const TuningRequest request = m_chat->request();
            setActivity(Activity::Working);
            QMetaObject::invokeMethod(
                m_worker,
                [worker = m_worker, base = baseCheckpoint(), tuned, request] {
                    worker->compare(base, tuned, request, 8, 64);
                },
                Qt::QueuedConnection);
        } catch (const std::exception &e) {
            handleFailure(QStringLiteral("compare"), QString::fromStdString(e.what()));
        }
    });
    connect(m_classify, &ClassifyTab::baselinesRequested, this, [this] {
        if (isBusy())
            return;
        try {
            const TuningRequest request = m_classify->request();
            setActivity(Activity::Working);
            QMetaObject::invokeMethod(
                m_worker, [worker = m_worker, request] { worker->baselines(request); },
                Qt::QueuedConnection);
        } catch (const std::exception &e) {
            handleFailure(QStringLiteral("baselines"), QString::fromStdString(e.what()));
        }
    });
    connect(m_classify, &ClassifyTab::predictRequested, this,
            [this](const QString &checkpoint, const QString &text) {
                if (isBusy())
                    return;
                setActivity(Activity::Working);
                QMetaObject::invokeMethod(
                    m_worker,
                    [worker = m_worker, checkpoint, text] { worker->predict(checkpoint, text); },
                    Qt::QueuedConnection);
            });
}

// ---- bases ---------------------------------------------------------------------------------

void FinetunePage::refreshBases()
{
    m_baseBar->refresh(m_workspace.runsDir());
}

void FinetunePage::setBase(const QString &path)
{
    m_baseBar->setBase(path);
}

QString FinetunePage::baseCheckpoint() const
{
    return m_baseBar->checkpoint();
}

// The sample base in runs/base-256: made when absent, continued when a run was stopped.
void FinetunePage::makeBase()
{
    if (isBusy())
        return;
    try {
        const QString runDir =
            m_workspace.runsDir() + QLatin1Char('/') + QLatin1String(kBaseRunName);
        const auto latest = latestCheckpoint(runDir.toStdString());
        if (latest) {
            const RunConfig config = readCheckpointConfig(latest->path);
            if (latest->state.step >= config.train.maxSteps) {
                setBase(runDir);
                appendLog(tr("The base %1 is ready.").arg(runDir));
                return;
            }
        }
        if (!m_workspace.hasSampleDataset())
            m_workspace.seedSampleDataset();
        const QString dataset = m_workspace.datasetDir(QStringLiteral("sample"));
        const RunConfig config = baseRunConfig(dataset.toStdString(), runDir.toStdString());
        QDir().mkpath(runDir);
        QFile::copy(dataset + QLatin1String("/tokenizer.model"),
                    runDir + QLatin1String("/tokenizer.model"));
        RunStore &runs = m_workspace.runs();
        const auto record = runs.runByDir(runDir);
        m_runId =
            record ? record->id
                   : runs.createRun(QLatin1String(kBaseRunName), runDir, QStringLiteral("sample"),
                                    QString::fromStdString(formatConfig(config)),
                                    countParameters(config.model).total());
        runs.setStatus(*m_runId, QStringLiteral("running"));
        m_runDir = runDir;
        m_runKind = QStringLiteral("pretrain");
        setActivity(Activity::MakingBase);
        m_baseBar->beginMaking(config.train.maxSteps, latest ? latest->state.step : 0);
        const QString resumeFrom = latest ? QString::fromStdString(latest->path) : QString();
        m_training->prepareRun(); // the last run's Stop must not end this one
        QMetaObject::invokeMethod(
            m_training,
            [worker = m_training, config, resumeFrom,
             tokenizer = QString(runDir + QLatin1String("/tokenizer.model"))] {
                worker->train(config, resumeFrom, tokenizer);
            },
            Qt::QueuedConnection);
    } catch (const std::exception &e) {
        handleFailure(QStringLiteral("base"), QString::fromStdString(e.what()));
    }
}

// ---- tuning runs ---------------------------------------------------------------------------

void FinetunePage::startChatTuning()
{
    try {
        TuningRequest request = m_chat->request();
        QSettings().setValue(QStringLiteral("finetune/chatData"),
                             QString::fromStdString(request.data));
        bool lora = false;
        for (const auto &[key, value] : request.settings)
            lora = lora || (key == "lora_rank" && value != "0");
        start(std::move(request), lora ? QStringLiteral("sft-lora") : QStringLiteral("sft"));
    } catch (const std::exception &e) {
        handleFailure(QStringLiteral("prepare"), QString::fromStdString(e.what()));
    }
}

void FinetunePage::startClassification()
{
    try {
        TuningRequest request = m_classify->request();
        QSettings().setValue(QStringLiteral("finetune/classifyData"),
                             QString::fromStdString(request.data));
        start(std::move(request), QStringLiteral("classify-") + m_classify->mode());
    } catch (const std::exception &e) {
        handleFailure(QStringLiteral("prepare"), QString::fromStdString(e.what()));
    }
}

void FinetunePage::start(TuningRequest request, const QString &stem)
{
    if (isBusy())
        return;
    if (baseCheckpoint().isEmpty()) {
        handleFailure(QStringLiteral("prepare"),
                      tr("There is no base to tune yet: press Make a base, or train one on the "
                         "Train screen."));
        return;
    }
    request.base = baseCheckpoint().toStdString();
    m_runDir = m_workspace.newRunDir(stem);
    request.outDir = m_runDir.toStdString();
    m_runKind = QString::fromStdString(request.kind);
    TuningRunPanel *panel = isChatRun() ? m_chat->panel() : m_classify->panel();
    panel->appendLog(
        tr("Preparing %1 from %2…")
            .arg(QFileInfo(m_runDir).fileName(), QString::fromStdString(request.data)));
    if (!isChatRun()) {
        m_classify->clearResults();
        // The baselines run first on the same split; training follows on the same thread.
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, request] { worker->baselines(request); },
            Qt::QueuedConnection);
    }
    setActivity(Activity::Preparing);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request] { worker->prepare(request); }, Qt::QueuedConnection);
}

void FinetunePage::previewChatBatch()
{
    if (isBusy() || baseCheckpoint().isEmpty())
        return;
    try {
        TuningRequest request = m_chat->request();
        request.base = baseCheckpoint().toStdString();
        setActivity(Activity::Working);
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, request] { worker->preview(request); },
            Qt::QueuedConnection);
    } catch (const std::exception &e) {
        handleFailure(QStringLiteral("preview"), QString::fromStdString(e.what()));
    }
}

void FinetunePage::handlePrepared(const PreparedTuning &prepared)
{
    TuningRunPanel *panel = isChatRun() ? m_chat->panel() : m_classify->panel();
    for (const std::string &line : prepared.summary())
        panel->appendLog(QString::fromStdString(line));
    const std::size_t shown = std::min<std::size_t>(prepared.issues.size(), 20);
    for (std::size_t i = 0; i < shown; ++i)
        panel->appendLog(tr("skipped: %1").arg(QString::fromStdString(prepared.issues[i].text())));
    if (prepared.issues.size() > shown)
        panel->appendLog(tr("… %1 more in data/report.txt").arg(prepared.issues.size() - shown));
    try {
        const RunConfig &config = prepared.config;
        m_runId = m_workspace.runs().createRun(
            QFileInfo(m_runDir).fileName(), m_runDir,
            QFileInfo(QString::fromStdString(config.train.trainData)).fileName(),
            QString::fromStdString(formatConfig(config)), countParameters(config.model).total(),
            m_runKind);
        m_workspace.runs().setStatus(*m_runId, QStringLiteral("running"));
    } catch (const std::exception &e) {
        panel->appendLog(tr("Could not record the run: %1").arg(QString::fromStdString(e.what())));
    }
    m_stepsPerEpoch = prepared.stepsPerEpoch;
    panel->beginRun(prepared.config.train.maxSteps, prepared.stepsPerEpoch);
    const QString tokenizer = m_runDir + QLatin1String("/tokenizer.model");
    if (isChatRun()) {
        m_chat->setTunedCheckpoint(QString());
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, config = prepared.config, tokenizer] {
                worker->previewRun(config, tokenizer);
            },
            Qt::QueuedConnection);
    } else {
        m_classify->setValidationItems(prepared.validationItems);
        m_classify->setClassifierCheckpoint(QString());
    }
    setActivity(Activity::Training);
    m_training->prepareRun(); // the last run's Stop must not end this one
    QMetaObject::invokeMethod(
        m_training,
        [worker = m_training, config = prepared.config, tokenizer] {
            worker->train(config, QString(), tokenizer);
        },
        Qt::QueuedConnection);
}

void FinetunePage::handleMetrics(const QVector<StepMetrics> &steps)
{
    if (steps.isEmpty())
        return;
    if (m_runId) {
        QVector<MetricPoint> points;
        for (const StepMetrics &m : steps)
            points.push_back(toMetricPoint(m));
        try {
            m_workspace.runs().appendMetrics(*m_runId, points);
        } catch (const std::exception &e) {
            appendLog(tr("Could not save metrics: %1").arg(QString::fromStdString(e.what())));
        }
    }
    if (m_activity == Activity::MakingBase) {
        m_baseBar->showMakingProgress(steps.back().step, steps.back().maxSteps, steps.back().loss);
        return;
    }
    (isChatRun() ? m_chat->panel() : m_classify->panel())->showSteps(steps);
}

void FinetunePage::handleClassifier(qint64 step, const ClassificationReport &report)
{
    m_classify->showReport(step, m_stepsPerEpoch, report);
    if (m_runId) {
        try {
            m_workspace.runs().recordAccuracy(*m_runId, report.accuracy);
        } catch (const std::exception &e) {
            appendLog(QString::fromStdString(e.what()));
        }
    }
}

void FinetunePage::handleFinished(const QString &outcome, const TrainingResult &result)
{
    if (const QString error = finishRunRecord(m_workspace.runs(), m_runId, outcome,
                                              QString::fromStdString(result.message));
        !error.isEmpty())
        appendLog(error);
    m_paused = false;
    appendLog(TrainingWorker::describeEnd(outcome, result));
    const auto best = preferredCheckpoint(m_runDir.toStdString());
    const QString kept = QString::fromStdString(best ? best->path : result.lastCheckpoint);
    if (m_activity == Activity::MakingBase) {
        m_baseBar->endMaking();
        refreshBases();
        if (outcome == QLatin1String("finished"))
            setBase(m_runDir);
    } else if (isChatRun()) {
        m_chat->setTunedCheckpoint(kept);
        m_chat->panel()->showStatus([this, outcome, result, kept] {
            return tr("%1: %2 · kept %3")
                .arg(outcomeText(outcome), TrainingWorker::describeEnd(outcome, result), kept);
        });
    } else {
        m_classify->setClassifierCheckpoint(kept);
        m_classify->panel()->showStatus([this, outcome, result, kept] {
            return tr("%1: %2 · kept %3")
                .arg(outcomeText(outcome), TrainingWorker::describeEnd(outcome, result), kept);
        });
    }
    setActivity(Activity::Idle);
    Q_EMIT runEnded(outcome, m_runDir);
}

// TrainingWorker's outcome code in the learner's words.
QString FinetunePage::outcomeText(const QString &outcome) const
{
    if (outcome == QLatin1String("finished"))
        return tr("Finished");
    if (outcome == QLatin1String("stopped"))
        return tr("Stopped");
    if (outcome == QLatin1String("diverged"))
        return tr("Diverged");
    if (outcome == QLatin1String("failed"))
        return tr("Failed");
    return outcome;
}

void FinetunePage::handleFailure(const QString &what, const QString &message)
{
    appendLog(tr("Failed: %1").arg(message));
    // The baselines run just before a classifier's preparation; their failure stops nothing.
    if (what == QLatin1String("baselines") && m_activity != Activity::Working)
        return;
    (m_tabs->currentWidget() == m_chat ? m_chat->panel() : m_classify->panel())
        ->showStatus(StatusLine::verbatim(
            QStringLiteral("<span style='color:#b00020'>%1</span>").arg(message.toHtmlEscaped())));
    setActivity(Activity::Idle);
}

std::optional<RunRecord> FinetunePage::stoppedRun(const QString &kind) const
{
    try {
        for (const RunRecord &run : m_workspace.runs().runs()) // newest first
            if (run.kind == kind && run.status == QLatin1String("stopped") &&
                latestCheckpoint(run.dir.toStdString()))
                return run;
    } catch (const std::exception &) {
        // an unreadable studio.db offers nothing to resume; starting still works
    }
    return std::nullopt;
}

// Continues a stopped run exactly (Trainer::resume), its past metrics replayed from studio.db.
void FinetunePage::resumeStopped(const QString &kind)
{
    const std::optional<RunRecord> run = stoppedRun(kind);
    if (isBusy() || !run)
        return;
    try {
        const auto checkpoint = latestCheckpoint(run->dir.toStdString());
        const RunConfig config = readCheckpointConfig(checkpoint->path);
        m_runId = run->id;
        m_runDir = run->dir;
        m_runKind = kind;
        m_stepsPerEpoch =
            config.tuning.epochs > 0 ? config.train.maxSteps / config.tuning.epochs : 0;
        RunStore &runs = m_workspace.runs();
        runs.truncateMetrics(run->id, checkpoint->state.step);
        QVector<StepMetrics> past;
        for (const MetricPoint &p : runs.metrics(run->id)) {
            past.push_back(toStepMetrics(p));
            past.back().maxSteps = config.train.maxSteps;
        }
        TuningRunPanel *panel = isChatRun() ? m_chat->panel() : m_classify->panel();
        panel->beginRun(config.train.maxSteps, m_stepsPerEpoch);
        panel->showSteps(past);
        panel->appendLog(tr("Resuming %1 from step %2.")
                             .arg(QFileInfo(m_runDir).fileName())
                             .arg(checkpoint->state.step));
        if (!isChatRun())
            m_classify->setValidationItems(readValidationItems(m_runDir));
        runs.setStatus(run->id, QStringLiteral("running"));
        setActivity(Activity::Training);
        m_training->prepareRun(); // the last run's Stop must not end this one
        QMetaObject::invokeMethod(
            m_training,
            [worker = m_training, config, from = QString::fromStdString(checkpoint->path),
             tokenizer = QString(m_runDir + QLatin1String("/tokenizer.model"))] {
                worker->train(config, from, tokenizer);
            },
            Qt::QueuedConnection);
    } catch (const std::exception &e) {
        handleFailure(QStringLiteral("resume"), QString::fromStdString(e.what()));
    }
}

void FinetunePage::stopRun()
{
    if (m_activity == Activity::Training || m_activity == Activity::MakingBase)
        m_training->stop();
    else
        m_worker->stop();
}

void FinetunePage::setActivity(Activity activity)
{
    m_activity = activity;
    const bool busy = activity != Activity::Idle;
    const bool training = activity == Activity::Training;
    m_chat->panel()->setState(training && isChatRun(), m_paused, busy,
                              !busy && stoppedRun(QStringLiteral("sft")).has_value());
    m_classify->panel()->setState(training && !isChatRun(), m_paused, busy,
                                  !busy && stoppedRun(QStringLiteral("classify")).has_value());
    m_baseBar->setBusy(busy);
    if (activity != Activity::MakingBase)
        m_baseBar->endMaking();
    const QString name = QFileInfo(m_runDir).fileName();
    Q_EMIT jobChanged(activity == Activity::Training     ? tr("tuning %1").arg(name)
                      : activity == Activity::MakingBase ? tr("making the base %1").arg(name)
                      : activity == Activity::Preparing  ? tr("preparing %1").arg(name)
                                                         : QString());
}

void FinetunePage::appendLog(const QString &text)
{
    if (m_activity == Activity::MakingBase || m_runKind == QLatin1String("pretrain"))
        m_chat->panel()->appendLog(text);
    else
        (isChatRun() ? m_chat->panel() : m_classify->panel())->appendLog(text);
}

void FinetunePage::openTab(const QString &argument)
{
    if (argument == QLatin1String("chat"))
        m_tabs->setCurrentWidget(m_chat);
    else if (argument == QLatin1String("classify"))
        m_tabs->setCurrentWidget(m_classify);
}

void FinetunePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!isBusy())
        refreshBases(); // a run may have finished on the Train screen since
}

void FinetunePage::retranslate()
{
    m_tabs->setTabText(0, tr("Chat tuning"));
    m_tabs->setTabText(1, tr("Classification"));
}

void FinetunePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace azllm::ui
