#include "training_worker.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <optional>

#include "distributed.h"
#include "generator.h"
#include "runtime.h"
#include "special_tokens.h"
#include "tokenizer.h"

using namespace azllm;

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
                           const QString &tokenizerPath, ui::TrainingProcesses processes)
{
    m_control.reset();
    const ThreadCountScope threads(processes.threadsEach);
    std::optional<ui::RankProcesses> others;
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
            if (resumeFrom.isEmpty())
                trainer.emplace(config, group);
            else
                trainer.emplace(
                    Trainer::resume(resumeFrom.toStdString(),
                                    {{"max_steps", std::to_string(config.train.maxSteps)}}, group));
            group.reset();
            Q_EMIT runStarted(trainer->parameterCount(), QString::fromStdString(trainer->device()),
                              trainer->currentStep());
            Observer observer(*this, tokenizerPath);
            result = trainer->run(observer, &m_control);
            observer.flush();
        }
        if (others)
            others->waitForTheOthers();
        static const char *outcomes[] = {"finished", "stopped", "diverged"};
        Q_EMIT runFinished(QLatin1String(outcomes[int(result.outcome)]),
                           QString::fromStdString(result.message),
                           QString::fromStdString(result.lastCheckpoint));
    } catch (const std::exception &e) {
        QString message = QString::fromStdString(e.what());
        if (others) {
            const QString fate = others->whatHappened();
            if (!fate.isEmpty())
                message += QLatin1String(" (") + fate + QLatin1Char(')');
        }
        Q_EMIT runFinished(QStringLiteral("failed"), message, {});
    }
}

// A short continuation of "Azərbaycan" by the checkpoint just saved: the learner sees the
// model's language improve as the loss falls.
QString TrainingWorker::generateSample(const QString &checkpoint,
                                       const QString &tokenizerPath) const
{
    if (tokenizerPath.isEmpty() || !QFileInfo::exists(tokenizerPath))
        return {};
    try {
        const Tokenizer tokenizer = Tokenizer::load(tokenizerPath.toStdString());
        Generator generator(LanguageModel::fromCheckpoint(checkpoint.toStdString(), "cpu"));
        const std::string prompt = "Azərbaycan";
        std::vector<int> ids = tokenizer.encode(prompt);
        ids.insert(ids.begin(), SpecialTokens::EndOfText);
        GenerationParams params;
        params.maxNewTokens = 40;
        params.seed = 1;
        std::vector<int> out = generator.generate(ids, params);
        if (!out.empty() && out.back() == SpecialTokens::EndOfText)
            out.pop_back();
        return QString::fromStdString(prompt + tokenizer.decode(out));
    } catch (const std::exception &e) {
        return tr("(no sample: %1)").arg(QString::fromStdString(e.what()));
    }
}
