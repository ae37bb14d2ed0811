// Measures fp32 against int8 for one checkpoint off the GUI thread (core/quant's
// quantization_report.h): weights, decoding tokens/s, perplexity on validation tokens.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>

namespace azllm::ui {

// One row per precision of the Model screen's table, sent across threads by value.
struct QuantizationFigures
{
    QString checkpoint;
    QString validationFile;
    qint64 evaluatedTokens = 0;
    qint64 fp32Bytes = 0;
    qint64 int8Bytes = 0;
    double fp32TokensPerSecond = 0;
    double int8TokensPerSecond = 0;
    double fp32Perplexity = 0;
    double int8Perplexity = 0;
    QString kernels;
};

class QuantizationWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuantizationWorker)

public:
    QuantizationWorker() = default;

    // Safe from any thread: the measurement stops at its next window.
    void cancel() { m_cancel = true; }
    // Before each request, from the thread that makes it, so a Cancel pressed before the worker
    // starts still counts.
    void clearCancel() { m_cancel = false; }

public Q_SLOTS:
    void handleMeasureRequested(const QString &checkpoint);

Q_SIGNALS:
    void progressChanged(const QString &stage, double fraction);
    void measureFinished(const azllm::ui::QuantizationFigures &figures);
    void measureCancelled();
    void measureFailed(const QString &message);

private:
    std::atomic<bool> m_cancel{false};
};

} // namespace azllm::ui

Q_DECLARE_METATYPE(azllm::ui::QuantizationFigures)
