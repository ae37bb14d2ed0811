// A QCustomPlot set up for training curves: step on x, named series, optional log scale and
// reference lines, redraws coalesced into one queued replot however many points arrive.
#pragma once

#include <qcustomplot.h>

namespace azllm::ui {
class MetricChart final : public QCustomPlot
{
    Q_OBJECT

public:
    MetricChart(const QString &title, const QString &valueLabel, QWidget *parent = nullptr);

    int addSeries(const QString &name, const QColor &color, bool markers = false,
                  Qt::PenStyle style = Qt::SolidLine);
    void append(int series, double step, double value);
    int pointCount(int series) const;
    void clearSeries();
    void removeAllSeries();
    void setReferenceLine(double value, const QString &label);
    void setLogScale(bool on);
    // For a language switch: the heading, the value axis and a series' legend name.
    void setTitles(const QString &title, const QString &valueLabel);
    void setSeriesName(int series, const QString &name);
    // Rescales to the data and schedules one replot for the next event-loop turn.
    void refresh();

private:
    QCPTextElement *m_heading = nullptr;
    QCPItemStraightLine *m_reference = nullptr;
    QCPItemText *m_referenceLabel = nullptr;
};

} // namespace azllm::ui
