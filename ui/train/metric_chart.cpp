#include "metric_chart.h"

namespace azllm::ui {

MetricChart::MetricChart(const QString &title, const QString &valueLabel, QWidget *parent)
    : QCustomPlot(parent)
{
    plotLayout()->insertRow(0);
    m_heading = new QCPTextElement(this, title,
                                   QFont(font().family(), font().pointSize() + 1, QFont::DemiBold));
    plotLayout()->addElement(0, 0, m_heading);
    xAxis->setLabel(tr("step"));
    yAxis->setLabel(valueLabel);
    legend->setVisible(false);
    legend->setBrush(QColor(255, 255, 255, 210));
    legend->setBorderPen(QPen(QColor(200, 200, 200)));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    for (QCPAxis *axis : {xAxis, yAxis})
        axis->grid()->setPen(QPen(QColor(225, 225, 225), 1, Qt::DotLine));
    setMinimumHeight(170);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
}

int MetricChart::addSeries(const QString &name, const QColor &color, bool markers,
                           Qt::PenStyle style)
{
    QCPGraph *graph = addGraph();
    graph->setName(name);
    graph->setPen(QPen(color, markers ? 1.5 : 1.6, style));
    if (markers)
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 6));
    legend->setVisible(graphCount() > 1);
    return graphCount() - 1;
}

void MetricChart::setTitles(const QString &title, const QString &valueLabel)
{
    m_heading->setText(title);
    xAxis->setLabel(tr("step"));
    yAxis->setLabel(valueLabel);
    replot(QCustomPlot::rpQueuedReplot);
}

void MetricChart::setSeriesName(int series, const QString &name)
{
    graph(series)->setName(name);
    replot(QCustomPlot::rpQueuedReplot);
}

void MetricChart::append(int series, double step, double value)
{
    graph(series)->addData(step, value);
}

int MetricChart::pointCount(int series) const
{
    return graph(series)->dataCount();
}

void MetricChart::clearSeries()
{
    for (int i = 0; i < graphCount(); ++i)
        graph(i)->data()->clear();
    refresh();
}

void MetricChart::removeAllSeries()
{
    clearGraphs();
    legend->setVisible(false);
    refresh();
}

void MetricChart::setReferenceLine(double value, const QString &label)
{
    if (!m_reference) {
        m_reference = new QCPItemStraightLine(this);
        m_reference->setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
        m_referenceLabel = new QCPItemText(this);
        m_referenceLabel->setColor(QColor(110, 110, 110));
        m_referenceLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        m_referenceLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    }
    m_reference->point1->setCoords(0, value);
    m_reference->point2->setCoords(1, value);
    m_referenceLabel->position->setCoords(0.02, value);
    m_referenceLabel->setText(label);
    refresh();
}

void MetricChart::setLogScale(bool on)
{
    yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on)
        yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    refresh();
}

void MetricChart::refresh()
{
    rescaleAxes();
    // Steps and epochs start at 0; a lone point would otherwise centre an axis from -1.
    if (xAxis->range().lower < 0)
        xAxis->setRangeLower(0);
    if (m_reference) {
        const double line = m_reference->point1->coords().y();
        QCPRange range = yAxis->range();
        range.expand(line);
        yAxis->setRange(range);
    }
    yAxis->scaleRange(1.08, yAxis->range().center());
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace azllm::ui
