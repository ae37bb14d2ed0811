#include "machine_benchmark_worker.h"

#include <exception>

#include "benchmarks.h"

namespace azllm::ui {

void MachineBenchmarkWorker::handleMeasureRequested()
{
    // az-tiny at batch 8, context 64: big enough to run the same matrix-product kernels as real
    // training, small enough to finish in about a second on two CPU cores.
    TrainBenchOptions options;
    options.model = presetConfig("az-tiny");
    options.batch = 8;
    options.context = 64;
    options.warmupSteps = 1;
    options.steps = 3;
    try {
        const TrainBenchResult result = benchTrain(options);
        MachineSpeed speed;
        speed.flopsPerSecond = result.gflops * 1e9;
        speed.tokensPerSecond = result.tokensPerSecond;
        speed.device = QString::fromStdString(result.device);
        Q_EMIT measureFinished(speed);
    } catch (const std::exception &e) {
        Q_EMIT measureFailed(QString::fromUtf8(e.what()));
    }
}

} // namespace azllm::ui
