#include "training_worker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <optional>

#include "checkpoint.h"
#include "distributed.h"
#include "generator.h"
#include "runtime.h"
#include "special_tokens.h"
#include "tokenizer.h"

namespace azllm::ui {

// Turns the trainer's callbacks into batched signals.
class TrainingWorker::Observer final : public TrainingObserver
{
public:
    Observer(TrainingWorker &worker, const QString &tokenizerPath)
        : m_worker(worker), m_tokenizerPath(tokenizerPath)
    {
        m_sinceEmit.start();
    }

    void stepFinished(const StepMetrics &m) override
    {
        m_pending.push_back(m);
        // Flush at once when the run is about to hold or end, so the screen shows that step.
        const bool holding = m_worker.m_control.paused() || m_worker.m_control.stopRequested();
        if (holding || m.step == m.maxSteps || m_sinceEmit.elapsed() >= 100)
            flush();
        if (holding && m_worker.m_control.paused())
            Q_EMIT m_worker.pausedChanged(true);
    }

    void checkpointSaved(const CheckpointInfo &info) override
    {
        flush();
        const QString path = QString::fromStdString(info.path);
        Q_EMIT m_worker.checkpointSaved(path, info.state.step, info.state.trainLoss,
                                        info.state.validationLoss);
        const QString sample = m_worker.generateSample(path, m_tokenizerPath);
        if (!sample.isEmpty())
            Q_EMIT m_worker.sampleGenerated(info.state.step, sample);
    }

    void classifierEvaluated(std::int64_t step, const ClassificationReport &report) override
    {
        flush();
        Q_EMIT m_worker.classifierEvaluated(step, report);
    }

    void message(const std::string &text) override
    {
        Q_EMIT m_worker.logMessage(QString::fromStdString(text));
    }

    void flush()
    {
        if (!m_pending.isEmpty())
            Q_EMIT m_worker.metricsReported(m_pending);
        m_pending.clear();
        m_sinceEmit.restart();
    }

private:
    TrainingWorker &m_worker;
    QString m_tokenizerPath;
    QVector<StepMetrics> m_pending;
    QElapsedTimer m_sinceEmit;
};

TrainingWorker::TrainingWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<StepMetrics>();
    qRegisterMetaType<QVector<StepMetrics>>();
    qRegisterMetaType<ClassificationReport>();
    qRegisterMetaType<TrainingResult>();
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::pause()
{
    m_control.requestPause();
}

void TrainingWorker::resume()
{
    m_control.resume();
    Q_EMIT pausedChanged(false);
}

void TrainingWorker::stop()
{
    m_control.requestStop();
}

void TrainingWorker::prepareRun()
{
    m_control.reset();
}

namespace {

// LibTorch's threads on this thread for one run, as they were afterwards.
class ThreadCountScope
{
public:
    explicit ThreadCountScope(int threads) : m_before(threadCount())
    {
        if (threads > 0)
            setThreadCount(threads);
    }
    ~ThreadCountScope() { setThreadCount(m_before); }
    ThreadCountScope(const ThreadCountScope &) = delete;
    ThreadCountScope &operator=(const ThreadCountScope &) = delete;

private:
    int m_before;
};

} // namespace

void TrainingWorker::train(const RunConfig &config, const QString &resumeFrom,
                           const QString &tokenizerPath, TrainingProcesses processes)
{
    const ThreadCountScope threads(processes.threadsEach);
    std::optional<RankProcesses> others;
    try {
        std::shared_ptr<DistributedGroup> group;
        if (processes.count > 1) {
            others.emplace(config, resumeFrom, processes);
            group = others->group();
            Q_EMIT logMessage(tr("%1 processes train this run, %2 threads each; the others "
                                 "write to %3/logs.")
                                  .arg(processes.count)
                                  .arg(threadCount())
                                  .arg(QString::fromStdString(config.train.outDir)));
        }
        TrainingResult result;
        {
            std::optional<Trainer> trainer;
            // A tuning run's folder holds what FinetuneWorker prepared for it (config.txt, data/);
            // a data-parallel one the config.txt the other processes started from.
            const RunFolder folder =
                config.isTuning() || group ? RunFolder::Overwrite : RunFolder::MustBeNew;
            if (resumeFrom.isEmpty())
                trainer.emplace(config, folder, group);
            else
                trainer.emplace(
                    Trainer::resume(resumeFrom.toStdString(),
                                    {{"max_steps", std::to_string(config.train.maxSteps)}},
                                    RunFolder::MustBeNew, group));
            group.reset();
            Q_EMIT runStarted(trainer->parameterCount(), QString::fromStdString(trainer->device()),
                              trainer->currentStep());
            if (m_control.paused()) // Pause pressed while the run was queued: it holds at step 1
                Q_EMIT pausedChanged(true);
            Observer observer(*this, tokenizerPath);
            result = trainer->run(observer, &m_control);
            observer.flush();
        }
        if (others)
            others->waitForTheOthers();
        static const char *outcomes[] = {"finished", "stopped", "diverged"};
        Q_EMIT runFinished(QLatin1String(outcomes[int(result.outcome)]), result);
    } catch (const std::exception &e) {
        TrainingResult failure;
        failure.message = errorMessage(e);
        if (others) {
            const QString fate = others->whatHappened();
            if (!fate.isEmpty())
                failure.message += " (" + fate.toStdString() + ")";
        }
        Q_EMIT runFinished(QStringLiteral("failed"), failure);
    }
}

QString TrainingWorker::describeEnd(const QString &outcome, const TrainingResult &result)
{
    const QString checkpoint =
        QDir::toNativeSeparators(QString::fromStdString(result.lastCheckpoint));
    if (outcome == QLatin1String("finished"))
        return tr("Finished %1 steps.").arg(result.step);
    if (outcome == QLatin1String("stopped"))
        return tr("Stopped at step %1; resume from %2.").arg(result.step).arg(checkpoint);
    if (outcome != QLatin1String("diverged") || !result.divergence)
        return QString::fromStdString(result.message); // a failure: the file or value at fault
    const Divergence &d = *result.divergence;
    const QString value = d.value == Divergence::Value::Loss             ? tr("The loss")
                          : d.value == Divergence::Value::ValidationLoss ? tr("The validation loss")
                                                                         : tr("The gradient norm");
    QString text =
        (d.nan ? tr("%1 became NaN at step %2 (learning rate %L3); the run stopped.")
               : tr("%1 became infinite at step %2 (learning rate %L3); the run stopped."))
            .arg(value)
            .arg(d.step)
            .arg(d.learningRate, 0, 'g', 3);
    text += QLatin1Char(' ') + (checkpoint.isEmpty()
                                    ? tr("No checkpoint was kept yet.")
                                    : tr("The checkpoint kept is %1.").arg(checkpoint));
    if (!d.setAside.empty())
        text += QLatin1Char(' ') +
                tr("The checkpoint written after the divergent update is set aside as %1.")
                    .arg(QDir::toNativeSeparators(QString::fromStdString(d.setAside)));
    return text;
}

// A short continuation of "Azərbaycan" by the checkpoint just saved: the learner sees the
// model's language improve as the loss falls. A chat-tuned run answers a question instead, in
// the chat template, and a classifier writes nothing.
QString TrainingWorker::generateSample(const QString &checkpoint,
                                       const QString &tokenizerPath) const
{
    if (tokenizerPath.isEmpty() || !QFileInfo::exists(tokenizerPath))
        return {};
    try {
        const std::string kind = readCheckpointConfig(checkpoint.toStdString()).tuning.kind;
        if (kind == "classify")
            return {};
        const Tokenizer tokenizer = Tokenizer::load(tokenizerPath.toStdString());
        Generator generator(LanguageModel::fromCheckpoint(checkpoint.toStdString(), "cpu"));
        const bool chat = kind == "sft";
        const std::string prompt = chat ? "Azərbaycanın paytaxtı hansı şəhərdir?" : "Azərbaycan";
        std::vector<int> ids = {SpecialTokens::EndOfText};
        if (chat)
            ids.push_back(SpecialTokens::User);
        tokenizer.encodeAppend(prompt, ids);
        if (chat)
            ids.insert(ids.end(), {SpecialTokens::End, SpecialTokens::Assistant});
        GenerationParams params;
        params.maxNewTokens = 40;
        params.seed = 1;
        params.endOfText = chat ? SpecialTokens::End : SpecialTokens::EndOfText;
        std::vector<int> out = generator.generate(ids, params);
        if (!out.empty() && out.back() == params.endOfText)
            out.pop_back();
        return QString::fromStdString(chat ? prompt + " → " + tokenizer.decode(out)
                                           : prompt + tokenizer.decode(out));
    } catch (const std::exception &e) {
        return tr("(no sample: %1)").arg(QString::fromStdString(e.what()));
    }
}

} // namespace azllm::ui
