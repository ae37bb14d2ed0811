// The Train screen's live charts: loss (raw, smoothed, validation, with the uniform-guess line),
// learning rate, throughput and gradient norm, plotted as the worker reports steps.
#pragma once

#include <QVector>
#include <QWidget>

#include <cstdint>

#include "trainer.h"

class QCheckBox;

namespace azllm::ui {

class MetricChart;

class TrainingCharts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingCharts)

public:
    explicit TrainingCharts(QWidget *parent = nullptr);

    // Empties every chart for a run whose vocabulary has `vocabSize` tokens.
    void clear(std::int64_t vocabSize);
    void plot(const QVector<azllm::StepMetrics> &steps);
    // The last step plotted, 0 when none.
    qint64 lastStep() const { return m_lastStep; }
    int lossPointCount() const;
    MetricChart *lossChart() const { return m_loss; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showUniformGuess();

    MetricChart *m_loss = nullptr;
    MetricChart *m_learningRate = nullptr;
    MetricChart *m_speed = nullptr;
    MetricChart *m_gradient = nullptr;
    QCheckBox *m_logScale = nullptr;
    std::int64_t m_vocabSize = 0; // of the run shown, 0 before any
    double m_smoothedLoss = 0;
    int m_smoothedCount = 0;
    qint64 m_lastStep = 0;
};

} // namespace azllm::ui
