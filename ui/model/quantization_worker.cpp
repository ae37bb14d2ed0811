#include "quantization_worker.h"

#include <QElapsedTimer>

#include "quantization_report.h"

namespace azllm::ui {

void QuantizationWorker::handleMeasureRequested(const QString &checkpoint)
{
    QElapsedTimer sinceUpdate;
    sinceUpdate.start();
    const auto onProgress = [&](const std::string &stage, double fraction) {
        if (sinceUpdate.elapsed() >= 100) {
            Q_EMIT progressChanged(QString::fromStdString(stage), fraction);
            sinceUpdate.restart();
        }
        return !m_cancel.load();
    };
    try {
        QuantizationReportOptions options;
        options.checkpoint = checkpoint.toStdString();
        const QuantizationReport r = measureQuantization(options, onProgress);
        if (r.cancelled) {
            Q_EMIT measureCancelled();
            return;
        }
        QuantizationFigures f;
        f.checkpoint = QString::fromStdString(r.checkpoint);
        f.validationFile = QString::fromStdString(r.validationFile);
        f.evaluatedTokens = r.evaluatedTokens;
        f.fp32Bytes = r.fp32.weightBytes;
        f.int8Bytes = r.int8.weightBytes;
        f.fp32TokensPerSecond = r.fp32.tokensPerSecond;
        f.int8TokensPerSecond = r.int8.tokensPerSecond;
        f.fp32Perplexity = r.fp32.perplexity;
        f.int8Perplexity = r.int8.perplexity;
        f.kernels = QString::fromStdString(r.kernels);
        Q_EMIT measureFinished(f);
    } catch (const std::exception &e) {
        Q_EMIT measureFailed(QString::fromStdString(e.what()));
    }
}

} // namespace azllm::ui
