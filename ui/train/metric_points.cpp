#include "metric_points.h"

namespace azllm::ui {

azllm::MetricPoint toMetricPoint(const azllm::StepMetrics &m)
{
    azllm::MetricPoint p;
    p.step = m.step;
    p.loss = m.loss;
    if (m.validationLoss >= 0)
        p.validationLoss = m.validationLoss;
    p.learningRate = m.learningRate;
    p.gradNorm = m.gradNorm;
    p.tokensPerSecond = m.tokensPerSecond;
    p.elapsedSeconds = m.elapsedSeconds;
    return p;
}

QString finishRunRecord(azllm::RunStore &runs, std::optional<qint64> &runId, const QString &outcome,
                        const QString &message)
{
    QString error;
    if (runId) {
        try {
            runs.setStatus(*runId, outcome, message);
        } catch (const std::exception &e) {
            error = QString::fromStdString(e.what());
        }
    }
    runId.reset();
    return error;
}

azllm::StepMetrics toStepMetrics(const azllm::MetricPoint &p)
{
    azllm::StepMetrics m;
    m.step = p.step;
    m.loss = p.loss;
    m.validationLoss = p.validationLoss.value_or(-1);
    m.learningRate = p.learningRate;
    m.gradNorm = p.gradNorm;
    m.tokensPerSecond = p.tokensPerSecond;
    m.elapsedSeconds = p.elapsedSeconds;
    return m;
}

} // namespace azllm::ui
