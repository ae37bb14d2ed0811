// A trainer's step as studio.db stores it, and back: the dashboards of the Train and Fine-tune
// screens save what they plot and replay it when a run is reopened or resumed.
#pragma once

#include "run_store.h"
#include "trainer.h"

azllm::MetricPoint toMetricPoint(const azllm::StepMetrics &m);
azllm::StepMetrics toStepMetrics(const azllm::MetricPoint &p);
