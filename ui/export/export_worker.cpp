#include "export_worker.h"

#include <QElapsedTimer>

namespace azllm::ui {

void ExportWorker::run(const ExportRequest &request)
{
    QElapsedTimer sinceUpdate;
    sinceUpdate.start();
    QString lastStage;
    const auto onProgress = [&](const std::string &stage, double fraction) {
        const QString text = QString::fromStdString(stage);
        if (text != lastStage || sinceUpdate.elapsed() >= 100) {
            Q_EMIT progressChanged(text, fraction);
            lastStage = text;
            sinceUpdate.restart();
        }
        return !m_cancel.load();
    };
    try {
        const ExportResult result = exportModel(request, onProgress);
        ExportSummary summary;
        for (const std::string &file : result.files)
            summary.files << QString::fromStdString(file);
        for (const std::string &note : result.notes)
            summary.notes << QString::fromStdString(note);
        summary.bytes = qint64(result.bytes);
        summary.cancelled = result.cancelled;
        Q_EMIT exportFinished(summary);
    } catch (const std::exception &e) {
        Q_EMIT exportFailed(QString::fromStdString(e.what()));
    }
}

} // namespace azllm::ui
