// Explain mode's chart: the top candidates for one position as horizontal bars, two per token:
// the model's raw probability (softmax at temperature 1) and the probability generation samples
// with under the current temperature, top-k, top-p and repetition penalty.
#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPItemText;

namespace azllm::ui {
class ExplainChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExplainChart)

public:
    explicit ExplainChart(QWidget *parent = nullptr);

    // Probabilities in [0, 1], most likely first; chosen: the row of the token generated (or -1).
    void setCandidates(const QStringList &labels, const QVector<double> &raw,
                       const QVector<double> &sampled, int chosen);
    void clear();

    QCustomPlot *plot() const { return m_plot; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QCustomPlot *m_plot;
    QCPBars *m_raw = nullptr;
    QCPBars *m_sampled = nullptr;
    QCPItemText *m_placeholder = nullptr;
};

} // namespace azllm::ui
