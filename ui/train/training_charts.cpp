#include "training_charts.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>

#include <cmath>

#include "metric_chart.h"

namespace azllm::ui {

namespace {

enum LossSeries
{
    RawLoss,
    SmoothedLoss,
    ValidationLoss
};

const QColor kTrainColor(120, 160, 220);
const QColor kSmoothColor(25, 80, 170);
const QColor kValidationColor(220, 110, 30);

} // namespace

TrainingCharts::TrainingCharts(QWidget *parent) : QWidget(parent)
{
    m_loss = new MetricChart(QString(), QString());
    m_loss->addSeries(QString(), kTrainColor);
    m_loss->addSeries(QString(), kSmoothColor);
    m_loss->addSeries(QString(), kValidationColor, true);
    m_learningRate = new MetricChart(QString(), QString());
    m_learningRate->addSeries(QString(), QColor(90, 140, 60));
    // 5·10⁻⁵ rather than "5E-05" beside the decimal commas of the other ticks.
    m_learningRate->yAxis->setNumberFormat(QStringLiteral("gbc"));
    m_speed = new MetricChart(QString(), QString());
    m_speed->addSeries(QString(), QColor(130, 80, 170));
    m_gradient = new MetricChart(QString(), QString());
    m_gradient->addSeries(QString(), QColor(180, 60, 80));

    m_logScale = new QCheckBox;
    connect(m_logScale, &QCheckBox::toggled, m_loss, &MetricChart::setLogScale);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_loss, 0, 0, 2, 1);
    grid->addWidget(m_logScale, 2, 0, Qt::AlignLeft);
    grid->addWidget(m_learningRate, 0, 1);
    grid->addWidget(m_speed, 0, 2);
    grid->addWidget(m_gradient, 1, 1, 2, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(2, 2);
    retranslate();
}

void TrainingCharts::retranslate()
{
    m_loss->setTitles(tr("Loss"), tr("cross-entropy (nats)"));
    m_loss->setSeriesName(RawLoss, tr("training"));
    m_loss->setSeriesName(SmoothedLoss, tr("training, smoothed"));
    m_loss->setSeriesName(ValidationLoss, tr("validation"));
    m_learningRate->setTitles(tr("Learning rate"), tr("rate"));
    m_learningRate->setSeriesName(0, tr("learning rate"));
    m_speed->setTitles(tr("Throughput"), tr("tokens/s"));
    m_speed->setSeriesName(0, tr("tokens/s"));
    m_gradient->setTitles(tr("Gradient norm"), tr("norm before clipping"));
    m_gradient->setSeriesName(0, tr("gradient norm"));
    m_logScale->setText(tr("Log scale"));
    m_logScale->setToolTip(tr("A logarithmic loss axis shows late, small improvements"));
    if (m_vocabSize > 0)
        showUniformGuess();
}

void TrainingCharts::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

// An untrained model guesses uniformly: its loss starts near ln(V).
void TrainingCharts::showUniformGuess()
{
    const double uniform = std::log(double(m_vocabSize));
    m_loss->setReferenceLine(uniform,
                             tr("ln(vocab) = %1: a uniform guess").arg(uniform, 0, 'f', 2));
}

void TrainingCharts::clear(std::int64_t vocabSize)
{
    for (MetricChart *chart : {m_loss, m_learningRate, m_speed, m_gradient})
        chart->clearSeries();
    m_vocabSize = vocabSize;
    showUniformGuess();
    m_smoothedLoss = 0;
    m_smoothedCount = 0;
    m_lastStep = 0;
}

void TrainingCharts::plot(const QVector<StepMetrics> &steps)
{
    for (const StepMetrics &m : steps) {
        if (!std::isfinite(m.loss))
            continue;
        // Bias-corrected exponential average, as TensorBoard's smoothing slider does.
        ++m_smoothedCount;
        m_smoothedLoss = 0.9 * m_smoothedLoss + 0.1 * m.loss;
        const double smoothed = m_smoothedLoss / (1.0 - std::pow(0.9, m_smoothedCount));
        m_loss->append(RawLoss, double(m.step), m.loss);
        m_loss->append(SmoothedLoss, double(m.step), smoothed);
        if (m.validationLoss >= 0)
            m_loss->append(ValidationLoss, double(m.step), m.validationLoss);
        m_learningRate->append(0, double(m.step), m.learningRate);
        if (m.tokensPerSecond > 0)
            m_speed->append(0, double(m.step), m.tokensPerSecond);
        m_gradient->append(0, double(m.step), m.gradNorm);
        m_lastStep = m.step;
    }
    for (MetricChart *chart : {m_loss, m_learningRate, m_speed, m_gradient})
        chart->refresh();
}

int TrainingCharts::lossPointCount() const
{
    return m_loss->pointCount(RawLoss);
}

} // namespace azllm::ui
