#include "dry_run_worker.h"

#include <exception>

#include "dry_run.h"

namespace azllm::ui {

void DryRunWorker::handleDryRunRequested(const DryRunRequest &request)
{
    DryRunOptions options;
    options.model = request.model;
    options.batch = request.batch;
    options.context = request.context;
    options.precision = request.precision.toStdString();
    options.checkpointing = request.checkpointing;
    options.scratchParent = request.scratchParent.toStdString();
    options.keepGoing = [this] { return !m_cancelled.load(); };
    options.stepDone = [this](int done, int total) { Q_EMIT stepFinished(done, total); };
    DryRunReport report;
    report.estimateBytes = request.estimateBytes;
    report.batch = request.batch;
    report.context = request.context;
    try {
        const DryRunResult result = dryRunTraining(options);
        report.ran = result.ran();
        report.cancelled = result.cancelled;
        report.problem = QString::fromStdString(result.problem);
        report.peakBytes = result.peakBytes;
        report.secondsPerStep = result.secondsPerStep;
        report.device = QString::fromStdString(result.device);
    } catch (const std::exception &e) {
        report.problem = QString::fromUtf8(e.what());
    }
    Q_EMIT dryRunFinished(report);
}

} // namespace azllm::ui
