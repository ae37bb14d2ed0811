#include "prepare_worker.h"

#include <QDir>
#include <QFileInfo>

#include <exception>

namespace azllm::ui {
namespace {

// A person cannot read a progress bar faster than this.
constexpr qint64 kMinReportIntervalMs = 100;

} // namespace

PrepareWorker::PrepareWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<azllm::PrepareProgress>();
    qRegisterMetaType<azllm::ui::PrepareOutcome>();
}

void PrepareWorker::prepare(const azllm::PrepareOptions &options)
{
    m_sinceLastReport.invalidate();
    PrepareOutcome outcome;
    outcome.outputDir = QString::fromStdString(options.outputDir);
    const bool folderExisted = QFileInfo::exists(outcome.outputDir);
    try {
        outcome.report = CorpusPreparer(options).run(
            [this](const PrepareProgress &progress) { return onProgress(progress); });
        outcome.status = outcome.report.cancelled ? PrepareOutcome::Status::Cancelled
                                                  : PrepareOutcome::Status::Prepared;
    } catch (const std::exception &error) {
        outcome.status = PrepareOutcome::Status::Failed;
        outcome.error = QString::fromStdString(error.what());
    }
    // The preparer restores the output folder as it was; a folder it had to create stays,
    // empty, and would block the name. rmdir removes only an empty folder.
    if (outcome.status != PrepareOutcome::Status::Prepared && !folderExisted)
        QDir().rmdir(outcome.outputDir);
    Q_EMIT finished(outcome);
}

bool PrepareWorker::onProgress(const PrepareProgress &progress)
{
    const bool stageChanged = !m_sinceLastReport.isValid() || progress.stage != m_lastStage;
    if (stageChanged || m_sinceLastReport.elapsed() >= kMinReportIntervalMs) {
        m_lastStage = progress.stage;
        m_sinceLastReport.start();
        Q_EMIT progressed(progress);
    }
    // Read after emitting, so a receiver connected directly can cancel this very step.
    return !m_cancelRequested.load();
}

} // namespace azllm::ui
