#include "dry_run_worker.h"

#include <exception>

#include "benchmarks.h"

namespace azllm::ui {

void DryRunWorker::handleDryRunRequested(const DryRunRequest &request)
{
    m_cancelled = false;
    DryRunOptions options;
    options.model = request.model;
    options.batch = request.batch;
    options.context = request.context;
    options.precision = request.precision.toStdString();
    options.steps = 2;
    options.keepGoing = [this] { return !m_cancelled.load(); };
    DryRunReport report;
    report.estimateBytes = request.estimateBytes;
    try {
        const DryRunResult result = dryRunTraining(options);
        report.fits = result.fits;
        report.cancelled = m_cancelled.load();
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
