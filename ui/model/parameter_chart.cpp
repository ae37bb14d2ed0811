#include "parameter_chart.h"

#include <QEvent>
#include <QLocale>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include "size_format.h"

namespace azllm::ui {

namespace {

constexpr int kCategories = 4;

} // namespace

ParameterChart::ParameterChart(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setupAxes();
}

void ParameterChart::setupAxes()
{
    m_plot->setBackground(palette().base());
    m_plot->xAxis->setRange(0.4, kCategories + 0.6);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->setTickLength(0, 0);
    m_plot->yAxis->grid()->setSubGridVisible(false);

    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setWidth(0.6);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(QColor(0x3b, 0x7d, 0xd8));
    for (int i = 0; i < kCategories; ++i) {
        auto *label = new QCPItemText(m_plot);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setPadding(QMargins(0, 0, 0, 3));
        m_labels.append(label);
    }
    m_placeholder = new QCPItemText(m_plot);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setCoords(0.5, 0.45);
    m_placeholder->setColor(palette().color(QPalette::PlaceholderText));
    m_placeholder->setVisible(false);
    retranslate();
}

void ParameterChart::retranslate()
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->addTick(1, tr("Embeddings"));
    ticker->addTick(2, tr("Attention"));
    ticker->addTick(3, tr("MLP"));
    ticker->addTick(4, tr("Norms"));
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setLabel(tr("parameters (millions)"));
    m_placeholder->setText(tr("Fix the model's shape on the left to see its parameters."));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ParameterChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ParameterChart::setCounts(const ParameterCount &counts)
{
    const QVector<double> keys = {1, 2, 3, 4};
    const QVector<std::int64_t> raw = {counts.embeddings, counts.attention, counts.mlp,
                                       counts.norms};
    QVector<double> millions;
    double highest = 0;
    for (std::int64_t n : raw) {
        millions.append(double(n) / 1e6);
        highest = std::max(highest, double(n) / 1e6);
    }
    m_bars->setData(keys, millions, true);
    for (int i = 0; i < kCategories; ++i) {
        const double share =
            100.0 * double(raw[i]) / double(std::max<std::int64_t>(1, counts.total()));
        m_labels[i]->position->setCoords(keys[i], millions[i]);
        m_labels[i]->setText(formatParameterCount(raw[i]) + QStringLiteral(" (") +
                             QLocale().toString(share, 'f', share < 1 ? 2 : 0) +
                             QStringLiteral("%)"));
        m_labels[i]->setVisible(true);
    }
    m_placeholder->setVisible(false);
    m_plot->yAxis->setTickLabels(true);
    // Head room above the tallest bar for its label.
    m_plot->yAxis->setRange(0, highest > 0 ? highest * 1.18 : 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ParameterChart::clearCounts()
{
    m_bars->data()->clear();
    for (QCPItemText *label : std::as_const(m_labels))
        label->setVisible(false);
    m_placeholder->setVisible(true);
    m_plot->yAxis->setTickLabels(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString ParameterChart::displayedBar(const QString &part) const
{
    static const QStringList parts = {QStringLiteral("embeddings"), QStringLiteral("attention"),
                                      QStringLiteral("mlp"), QStringLiteral("norms")};
    const int i = int(parts.indexOf(part));
    if (i < 0 || !m_labels[i]->visible())
        return {};
    return m_labels[i]->text();
}

} // namespace azllm::ui
