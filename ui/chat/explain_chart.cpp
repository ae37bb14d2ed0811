#include "explain_chart.h"

#include <QEvent>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace azllm::ui {

namespace {

const QColor kRawColor(0xa8, 0xb3, 0xc2);
const QColor kSampledColor(0x3b, 0x7d, 0xd8);

} // namespace

ExplainChart::ExplainChart(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setBackground(palette().base());
    m_plot->setMinimumHeight(180); // the sources table above needs the room

    // Candidates run down the left axis, most likely on top.
    m_plot->yAxis->setRangeReversed(true);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setSubTicks(false);
    m_plot->yAxis->setTickLength(0, 0);
    m_plot->xAxis->setRange(0, 100);
    m_plot->xAxis->grid()->setSubGridVisible(false);

    auto *group = new QCPBarsGroup(m_plot);
    group->setSpacing(1);
    m_raw = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_raw->setBrush(kRawColor);
    m_raw->setPen(Qt::NoPen);
    m_raw->setWidth(0.38);
    m_raw->setBarsGroup(group);
    m_sampled = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_sampled->setBrush(kSampledColor);
    m_sampled->setPen(Qt::NoPen);
    m_sampled->setWidth(0.38);
    m_sampled->setBarsGroup(group);

    // The legend sits under the chart, where it can never cover a bar.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);

    m_placeholder = new QCPItemText(m_plot);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setCoords(0.5, 0.45);
    m_placeholder->setColor(palette().color(QPalette::PlaceholderText));
    retranslate();
    clear();
}

void ExplainChart::retranslate()
{
    m_plot->xAxis->setLabel(tr("probability (%)"));
    m_raw->setName(tr("model (temperature 1)"));
    m_sampled->setName(tr("sampled with your settings"));
    m_placeholder->setText(tr("Turn on Explain and click\na token of an answer."));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ExplainChart::setCandidates(const QStringList &labels, const QVector<double> &raw,
                                 const QVector<double> &sampled, int chosen)
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys, rawPercent, sampledPercent;
    double highest = 0;
    for (int i = 0; i < labels.size(); ++i) {
        const double key = i + 1;
        keys << key;
        rawPercent << 100.0 * raw.value(i);
        sampledPercent << 100.0 * sampled.value(i);
        highest = std::max({highest, rawPercent.last(), sampledPercent.last()});
        ticker->addTick(key,
                        i == chosen ? QString(QStringLiteral("\u25B6 ") + labels[i]) : labels[i]);
    }
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(0.4, std::max<int>(1, int(labels.size())) + 0.6);
    // Room for the legend under the bars; percentages read best on a round scale.
    m_plot->xAxis->setRange(0, std::min(100.0, std::max(10.0, highest * 1.15)));
    m_placeholder->setVisible(labels.isEmpty());
    m_plot->yAxis->setTickLabels(!labels.isEmpty());
    m_raw->setData(keys, rawPercent, true);
    m_sampled->setData(keys, sampledPercent, true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ExplainChart::clear()
{
    setCandidates({}, {}, {}, -1);
}

void ExplainChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace azllm::ui
