// Runs the engine's Trainer on its own thread for the Train screen. Commands arrive as queued
// calls (train) or thread-safe flags (pause, resume, stop, read between steps); results leave as
// queued signals carrying plain values, batched to what a person can follow (about 10 a second).
#pragma once

#include <QObject>
#include <QString>
#include <QVector>

#include <memory>

#include "rank_processes.h"
#include "train_config.h"
#include "trainer.h"

Q_DECLARE_METATYPE(azllm::StepMetrics)

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

    // Runs on the worker's thread until the run ends. resumeFrom: a checkpoint folder to
    // continue exactly (the config's max_steps may be longer), or empty for a new run.
    // tokenizerPath: used for the sample generated after each checkpoint; may be empty.
    // processes: more than one trains data-parallel, this thread being rank 0.
    void train(const azllm::RunConfig &config, const QString &resumeFrom,
               const QString &tokenizerPath, azllm::ui::TrainingProcesses processes = {});

Q_SIGNALS:
    void runStarted(qint64 params, const QString &device, qint64 firstStep);
    void metricsReported(const QVector<azllm::StepMetrics> &steps);
    void checkpointSaved(const QString &path, qint64 step, double loss, double validationLoss);
    void sampleGenerated(qint64 step, const QString &text);
    void logMessage(const QString &text);
    void pausedChanged(bool paused);
    // outcome: "finished", "stopped", "diverged" or "failed"
    void runFinished(const QString &outcome, const QString &message, const QString &lastCheckpoint);

private:
    class Observer;
    QString generateSample(const QString &checkpoint, const QString &tokenizerPath) const;

    azllm::TrainingControl m_control; // thread-safe: read by the trainer between steps
};
