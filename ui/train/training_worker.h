// Runs the engine's Trainer on its own thread for the Train screen. Commands arrive as queued
// calls (train) or thread-safe flags (pause, resume, stop, read between steps); results leave as
// queued signals carrying plain values, batched to what a person can follow (about 10 a second).
#pragma once

#include <QObject>
#include <QString>
#include <QVector>

#include <memory>

#include "classification_metrics.h"
#include "rank_processes.h"
#include "train_config.h"
#include "trainer.h"

Q_DECLARE_METATYPE(azllm::StepMetrics)
Q_DECLARE_METATYPE(azllm::ClassificationReport)
Q_DECLARE_METATYPE(azllm::TrainingResult)

namespace azllm::ui {
class TrainingWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingWorker)

public:
    explicit TrainingWorker(QObject *parent = nullptr);
    ~TrainingWorker() override;

    // Safe from any thread.
    void pause();
    void resume();
    void stop();
    // Clears the last run's pause and stop requests. Call it before queueing train(), not from
    // train(): a Stop pressed while the run waits in the queue must still count.
    void prepareRun();

    // Runs on the worker's thread until the run ends. resumeFrom: a checkpoint folder to
    // continue exactly (the config's max_steps may be longer), or empty for a new run.
    // tokenizerPath: used for the sample generated after each checkpoint (a continuation of
    // "Azərbaycan", or for a chat-tuned run an answer to a question); may be empty.
    // processes: more than one trains data-parallel, this thread being rank 0.
    void train(const azllm::RunConfig &config, const QString &resumeFrom,
               const QString &tokenizerPath, TrainingProcesses processes = {});

    // How a run ended, in the learner's words ("Stopped at step 40; resume from …"), from the
    // engine's values: worded when shown, so a language switch words it again.
    static QString describeEnd(const QString &outcome, const azllm::TrainingResult &result);

Q_SIGNALS:
    void runStarted(qint64 params, const QString &device, qint64 firstStep);
    void metricsReported(const QVector<azllm::StepMetrics> &steps);
    void checkpointSaved(const QString &path, qint64 step, double loss, double validationLoss);
    void sampleGenerated(qint64 step, const QString &text);
    // Classify runs, after each validation.
    void classifierEvaluated(qint64 step, const azllm::ClassificationReport &report);
    void logMessage(const QString &text);
    void pausedChanged(bool paused);
    // outcome: "finished", "stopped", "diverged" or "failed" (then result.message says why)
    void runFinished(const QString &outcome, const azllm::TrainingResult &result);

private:
    class Observer;
    QString generateSample(const QString &checkpoint, const QString &tokenizerPath) const;

    azllm::TrainingControl m_control; // thread-safe: read by the trainer between steps
};

} // namespace azllm::ui
