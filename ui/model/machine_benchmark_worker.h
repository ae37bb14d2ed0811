// Measures this machine's training speed off the GUI thread: a few real Trainer steps of
// az-tiny (engine's benchTrain), reported as achieved FLOP/s for the time estimate.
#pragma once

#include <QObject>
#include <QString>

namespace azllm::ui {

// What the measurement found, sent across threads by value.
struct MachineSpeed
{
    double flopsPerSecond = 0; // training FLOPs (model_sizing.h's count) per wall-clock second
    double tokensPerSecond = 0;
    QString device; // "cpu", "cuda:0"
};

// Lives on a worker QThread; handleMeasureRequested runs there, the result comes back queued.
class MachineBenchmarkWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MachineBenchmarkWorker)

public:
    MachineBenchmarkWorker() = default;

public Q_SLOTS:
    void handleMeasureRequested();

Q_SIGNALS:
    void measureFinished(const azllm::ui::MachineSpeed &speed);
    void measureFailed(const QString &message);
};

} // namespace azllm::ui

Q_DECLARE_METATYPE(azllm::ui::MachineSpeed)
