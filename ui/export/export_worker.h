// Runs an export (core/quant/model_export.h) on its own thread for the Export dialog. Cancel is
// an atomic the export's progress callback reads; progress leaves as queued signals, at most
// about ten a second.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>

#include "model_export.h"

namespace azllm::ui {

// A finished (or cancelled) export, as the dialog shows it.
struct ExportSummary
{
    QStringList files; // the main file first
    qint64 bytes = 0;
    QStringList notes;
    bool cancelled = false;
};

class ExportWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportWorker)

public:
    ExportWorker() = default;

    // Safe from any thread: the running export stops at its next step and leaves nothing.
    void cancel() { m_cancel = true; }
    // Before each request, from the thread that makes it, so a Cancel pressed before the worker
    // starts still counts.
    void clearCancel() { m_cancel = false; }

    // On the worker's thread (a queued call).
    void run(const azllm::ExportRequest &request);

Q_SIGNALS:
    void progressChanged(const QString &stage, double fraction);
    void exportFinished(const azllm::ui::ExportSummary &summary);
    void exportFailed(const QString &message);

private:
    std::atomic<bool> m_cancel{false};
};

} // namespace azllm::ui

Q_DECLARE_METATYPE(azllm::ui::ExportSummary)
Q_DECLARE_METATYPE(azllm::ExportRequest)
