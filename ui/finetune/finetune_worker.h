// The Fine-tune screen's background work besides training (which TrainingWorker does on the
// same thread): preparing a run folder from a dataset, the first-batch preview, the baselines,
// base-against-tuned answers, and predictions. Commands arrive as queued calls; results leave as
// queued signals carrying plain values; Stop is an atomic read between answers.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <vector>

#include "batch_preview.h"
#include "bow_baseline.h"
#include "sft_evaluation.h"
#include "tuning_job.h"

Q_DECLARE_METATYPE(azllm::PreparedTuning)
Q_DECLARE_METATYPE(azllm::TuningRequest)
Q_DECLARE_METATYPE(azllm::BaselineReports)
Q_DECLARE_METATYPE(azllm::SftEvaluation)
Q_DECLARE_METATYPE(std::vector<azllm::PreviewRow>)
Q_DECLARE_METATYPE(azllm::RunConfig)

namespace azllm::ui {

class FinetuneWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FinetuneWorker)

public:
    explicit FinetuneWorker(QObject *parent = nullptr);

    // Safe from any thread: the comparison stops after the answer it is writing.
    void stop() { m_stop = true; }

    // On the worker's thread, through queued calls.
    void prepare(const azllm::TuningRequest &request);
    void preview(const azllm::TuningRequest &request);
    void baselines(const azllm::TuningRequest &request);
    // The first batch of a prepared run (its config and tokenizer).
    void previewRun(const azllm::RunConfig &config, const QString &tokenizerPath);
    // Base and tuned answer `count` held-out questions of the request's data (heldOutQuestions).
    void compare(const QString &baseCheckpoint, const QString &tunedCheckpoint,
                 const azllm::TuningRequest &request, int count, int maxTokens);
    void predict(const QString &checkpoint, const QString &text);

Q_SIGNALS:
    void prepared(const azllm::PreparedTuning &prepared);
    void previewReady(const std::vector<azllm::PreviewRow> &rows, const QStringList &summary);
    void baselinesReady(const azllm::BaselineReports &reports);
    void comparisonProgress(int done, int total);
    void comparisonReady(const azllm::SftEvaluation &base, const azllm::SftEvaluation &tuned);
    void predictionReady(const QStringList &labels, const QVector<double> &probabilities);
    // what: "prepare", "preview", "baselines", "compare" or "predict".
    void failed(const QString &what, const QString &message);

private:
    std::atomic<bool> m_stop{false};
};

} // namespace azllm::ui
