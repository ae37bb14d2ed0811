// Runs the planner's dry run (a few real training steps, engine's dryRunTraining) off the GUI
// thread and reports the peak memory it took.
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
    qint64 estimateBytes = 0; // the planner's figure, carried back for the comparison
};

struct DryRunReport
{
    bool fits = false;
    bool cancelled = false;
    QString problem;
    qint64 peakBytes = -1; // -1: the device gives no figure
    qint64 estimateBytes = 0;
    double secondsPerStep = 0;
    QString device;
};

// Lives on a worker QThread; requests arrive queued, the report goes back queued.
class DryRunWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DryRunWorker)

public:
    DryRunWorker() = default;
    // From any thread: the run stops before its next step.
    void cancel() { m_cancelled = true; }

public Q_SLOTS:
    void handleDryRunRequested(const azllm::ui::DryRunRequest &request);

Q_SIGNALS:
    void dryRunFinished(const azllm::ui::DryRunReport &report);

private:
    std::atomic<bool> m_cancelled{false};
};

} // namespace azllm::ui

Q_DECLARE_METATYPE(azllm::ui::DryRunRequest)
Q_DECLARE_METATYPE(azllm::ui::DryRunReport)
