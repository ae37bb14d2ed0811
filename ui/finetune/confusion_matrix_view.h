// A confusion matrix drawn as a colour map: true labels down, predicted labels across, each cell
// shaded by the share of its row and printed with its count. The diagonal is what went right.
#pragma once

#include <qcustomplot.h>

#include "classification_metrics.h"

namespace azllm::ui {

class ConfusionMatrixView final : public QCustomPlot
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfusionMatrixView)

public:
    explicit ConfusionMatrixView(QWidget *parent = nullptr);

    void showReport(const azllm::ClassificationReport &report);
    void clearReport();
    // The count drawn in a cell (for tests); -1 outside the matrix.
    qint64 cellCount(int trueLabel, int predictedLabel) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QCPColorMap *m_map = nullptr;
    QVector<QVector<qint64>> m_counts;
};

} // namespace azllm::ui
