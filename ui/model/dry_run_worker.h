// Runs the planner's dry run (engine's dryRunTraining: two real training steps of the planned
// shape in a scratch folder of their own) off the GUI thread, with progress and Cancel.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>

#include "model_config.h"

namespace azllm::ui {

struct DryRunRequest
{
    ModelConfig model;
    qint64 batch = 1;
    qint64 context = 0;
    QString precision = QStringLiteral("fp32");
    bool checkpointing = false;
    qint64 estimateBytes = 0; // the planner's figure for this shape, carried back beside the peak
    QString scratchParent;    // where the scratch folder goes (the system's temp folder if empty)
};

struct DryRunReport
{
    bool ran = false;
    bool cancelled = false;
    QString problem;
    qint64 peakBytes = -1; // -1: the device gave no figure
    qint64 estimateBytes = 0;
    qint64 batch = 0; // the shape that ran
    qint64 context = 0;
    double secondsPerStep = 0;
    QString device; // "cpu", "cuda:0"
};

// Lives on a worker QThread; requests arrive queued, progress and the report go back queued.
class DryRunWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DryRunWorker)

public:
    DryRunWorker() = default;
    // From any thread: the run stops before its next step.
    void cancel() { m_cancelled = true; }
    // Before each request is sent, so that a Cancel pressed right after it is never lost.
    void rearm() { m_cancelled = false; }

public Q_SLOTS:
    void handleDryRunRequested(const azllm::ui::DryRunRequest &request);

Q_SIGNALS:
    void stepFinished(int done, int total);
    void dryRunFinished(const azllm::ui::DryRunReport &report);

private:
    std::atomic<bool> m_cancelled{false};
};

} // namespace azllm::ui

Q_DECLARE_METATYPE(azllm::ui::DryRunRequest)
Q_DECLARE_METATYPE(azllm::ui::DryRunReport)
