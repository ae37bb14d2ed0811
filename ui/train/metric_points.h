// A run's record in studio.db as the Train and Fine-tune screens keep it: a trainer's step as
// studio.db stores it, and back (the dashboards save what they plot and replay it when a run is
// reopened or resumed), and how the run ended.
#pragma once

#include <QString>

#include <optional>

#include "run_store.h"
#include "trainer.h"

namespace azllm::ui {
azllm::MetricPoint toMetricPoint(const azllm::StepMetrics &m);
azllm::StepMetrics toStepMetrics(const azllm::MetricPoint &p);

// Writes how the run ended (status and message) to studio.db and forgets its id. Returns what to
// log when studio.db refused the write, else an empty string.
QString finishRunRecord(azllm::RunStore &runs, std::optional<qint64> &runId, const QString &outcome,
                        const QString &message);

} // namespace azllm::ui
