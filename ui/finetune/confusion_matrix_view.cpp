#include "confusion_matrix_view.h"

namespace azllm::ui {

ConfusionMatrixView::ConfusionMatrixView(QWidget *parent) : QCustomPlot(parent)
{
    m_map = new QCPColorMap(xAxis, yAxis);
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, QColor(247, 249, 252));
    gradient.setColorStopAt(1.0, QColor(25, 80, 170));
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(0, 1));
    m_map->setInterpolate(false);
    yAxis->setRangeReversed(true); // the first label on top, as tables read
    setMinimumSize(320, 260);
    retranslate();
}

void ConfusionMatrixView::showReport(const azllm::ClassificationReport &report)
{
    clearItems();
    const int k = int(report.labels.size());
    m_counts.clear();
    m_map->data()->setSize(k, k);
    m_map->data()->setRange(QCPRange(0, k - 1), QCPRange(0, k - 1));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < k; ++i)
        ticker->addTick(i, QString::fromStdString(report.labels[std::size_t(i)]));
    xAxis->setTicker(ticker);
    yAxis->setTicker(ticker);
    xAxis->setTickLabelRotation(30);
    for (int t = 0; t < k; ++t) {
        QVector<qint64> row;
        qint64 rowTotal = 0;
        for (std::int64_t c : report.confusion[std::size_t(t)])
            rowTotal += c;
        for (int p = 0; p < k; ++p) {
            const qint64 count = report.confusion[std::size_t(t)][std::size_t(p)];
            row << count;
            const double share = rowTotal > 0 ? double(count) / double(rowTotal) : 0.0;
            m_map->data()->setCell(p, t, share);
            auto *label = new QCPItemText(this);
            label->position->setCoords(p, t);
            label->setText(QString::number(count));
            label->setColor(share > 0.55 ? Qt::white : QColor(32, 33, 36));
        }
        m_counts << row;
    }
    xAxis->setRange(-0.5, k - 0.5);
    yAxis->setRange(-0.5, k - 0.5);
    replot(QCustomPlot::rpQueuedReplot);
}

void ConfusionMatrixView::clearReport()
{
    clearItems();
    m_counts.clear();
    m_map->data()->clear();
    replot(QCustomPlot::rpQueuedReplot);
}

qint64 ConfusionMatrixView::cellCount(int trueLabel, int predictedLabel) const
{
    if (trueLabel < 0 || trueLabel >= m_counts.size() || predictedLabel < 0 ||
        predictedLabel >= m_counts[trueLabel].size())
        return -1;
    return m_counts[trueLabel][predictedLabel];
}

void ConfusionMatrixView::retranslate()
{
    xAxis->setLabel(tr("predicted label"));
    yAxis->setLabel(tr("true label"));
    replot(QCustomPlot::rpQueuedReplot);
}

void ConfusionMatrixView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QCustomPlot::changeEvent(event);
}

} // namespace azllm::ui
