// Bar chart of where a GPT's parameters live: embeddings, attention, MLP, norms.
#pragma once

#include <QWidget>

#include "model_sizing.h"

class QCustomPlot;
class QCPBars;
class QCPItemText;

namespace azllm::ui {

class ParameterChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParameterChart)

public:
    explicit ParameterChart(QWidget *parent = nullptr);

    void setCounts(const ParameterCount &counts);
    // Shown while the configuration is invalid: no bars, no labels.
    void clearCounts();
    // The label above a bar: "embeddings", "attention", "mlp" or "norms"; empty when hidden.
    QString displayedBar(const QString &part) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void setupAxes();

    QCustomPlot *m_plot = nullptr;
    QCPBars *m_bars = nullptr;
    QList<QCPItemText *> m_labels;        // one value label above each bar
    QCPItemText *m_placeholder = nullptr; // says why there are no bars
};

} // namespace azllm::ui
