#include "sampling_panel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QRandomGenerator>
#include <QSlider>
#include <QSpinBox>

#include <cmath>

namespace azllm::ui {

namespace {

// A slider beside a spin box, kept in step: the slider to drag and watch Explain reshape, the
// box for an exact value.
QWidget *withSlider(QDoubleSpinBox *spin)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *slider = new QSlider(Qt::Horizontal);
    const int steps = int(std::lround((spin->maximum() - spin->minimum()) / spin->singleStep()));
    slider->setRange(0, steps);
    const auto toSlider = [spin](double v) {
        return int(std::lround((v - spin->minimum()) / spin->singleStep()));
    };
    slider->setValue(toSlider(spin->value()));
    QObject::connect(slider, &QSlider::valueChanged, spin,
                     [spin](int v) { spin->setValue(spin->minimum() + v * spin->singleStep()); });
    QObject::connect(spin, &QDoubleSpinBox::valueChanged, slider, [slider, toSlider](double v) {
        const QSignalBlocker block(slider);
        slider->setValue(toSlider(v));
    });
    layout->addWidget(slider, 1);
    layout->addWidget(spin);
    return row;
}

QWidget *withSlider(QSpinBox *spin)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *slider = new QSlider(Qt::Horizontal);
    slider->setRange(spin->minimum(), spin->maximum());
    slider->setValue(spin->value());
    QObject::connect(slider, &QSlider::valueChanged, spin, &QSpinBox::setValue);
    QObject::connect(spin, &QSpinBox::valueChanged, slider, [slider](int v) {
        const QSignalBlocker block(slider);
        slider->setValue(v);
    });
    layout->addWidget(slider, 1);
    layout->addWidget(spin);
    return row;
}

} // namespace

SamplingPanel::SamplingPanel(QWidget *parent) : QWidget(parent)
{
    const SamplingParams defaults;
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_temperature =
        addDoubleRow(form, QT_TR_NOOP("Temperature"), 0.0, 2.0, 0.05, 2,
                     QT_TR_NOOP("Sharpens (below 1) or flattens (above 1) the "
                                "probabilities; 0 always picks the most likely token."));
    m_temperature->setValue(defaults.temperature);
    m_topK =
        addIntRow(form, QT_TR_NOOP("Top-k"), 0, 100,
                  QT_TR_NOOP("Samples only among the k most likely tokens; 0 keeps them all."));
    m_topK->setValue(defaults.topK);
    m_topP = addDoubleRow(
        form, QT_TR_NOOP("Top-p"), 0.05, 1.0, 0.05, 2,
        QT_TR_NOOP(
            "Samples from the smallest set of likely tokens whose probabilities add up to p; 1 "
            "keeps them all."));
    m_topP->setValue(defaults.topP);
    m_repetitionPenalty = addDoubleRow(form, QT_TR_NOOP("Repetition penalty"), 1.0, 2.0, 0.05, 2,
                                       QT_TR_NOOP("Makes tokens already in the text less likely; 1 "
                                                  "turns it off."));
    m_repetitionPenalty->setValue(defaults.repetitionPenalty);

    m_maxNewTokens = new QSpinBox;
    m_maxNewTokens->setRange(1, 4096);
    m_maxNewTokens->setValue(128);
    m_texts.set(m_maxNewTokens, "toolTip",
                QT_TR_NOOP("The answer is at most this many tokens long."));
    addLabelledRow(form, QT_TR_NOOP("Max new tokens"), m_maxNewTokens);

    m_seed = new QSpinBox;
    m_seed->setRange(0, 1000000);
    m_seed->setValue(7);
    m_texts.set(m_seed, "toolTip",
                QT_TR_NOOP("The same seed, model and settings give the same answer."));
    m_randomSeed = new QCheckBox;
    m_texts.set(m_randomSeed, "text", QT_TR_NOOP("New seed each answer"));
    m_texts.set(
        m_randomSeed, "toolTip",
        QT_TR_NOOP("Picks a fresh random seed for every answer (the seed used is shown under the "
                   "answer)."));
    addLabelledRow(form, QT_TR_NOOP("Seed"), m_seed);
    form->addRow(QString(), m_randomSeed);
    connect(m_randomSeed, &QCheckBox::toggled, m_seed, &QWidget::setDisabled);
    // A new seed for every answer is what a learner expects of Regenerate; fixing it shows that
    // sampling is reproducible.
    m_randomSeed->setChecked(true);
}

QDoubleSpinBox *SamplingPanel::addDoubleRow(QFormLayout *form, const char *label, double min,
                                            double max, double step, int decimals, const char *tip)
{
    auto *spin = new QDoubleSpinBox;
    spin->setRange(min, max);
    spin->setSingleStep(step);
    spin->setDecimals(decimals);
    addExplainedRow(form, label, spin, withSlider(spin), tip);
    connect(spin, &QDoubleSpinBox::valueChanged, this, &SamplingPanel::samplingChanged);
    return spin;
}

QSpinBox *SamplingPanel::addIntRow(QFormLayout *form, const char *label, int min, int max,
                                   const char *tip)
{
    auto *spin = new QSpinBox;
    spin->setRange(min, max);
    addExplainedRow(form, label, spin, withSlider(spin), tip);
    connect(spin, &QSpinBox::valueChanged, this, &SamplingPanel::samplingChanged);
    return spin;
}

QLabel *SamplingPanel::addLabelledRow(QFormLayout *form, const char *label, QWidget *field)
{
    auto *caption = new QLabel;
    m_texts.set(caption, "text", label);
    form->addRow(caption, field);
    return caption;
}

// The label, the box and its slider all explain the control.
void SamplingPanel::addExplainedRow(QFormLayout *form, const char *label, QWidget *spin,
                                    QWidget *row, const char *tip)
{
    m_texts.set(addLabelledRow(form, label, row), "toolTip", tip);
    m_texts.set(spin, "toolTip", tip);
    m_texts.set(row->findChild<QSlider *>(), "toolTip", tip);
}

void SamplingPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate();
    QWidget::changeEvent(event);
}

SamplingParams SamplingPanel::sampling() const
{
    SamplingParams p;
    p.temperature = m_temperature->value();
    p.topK = m_topK->value();
    p.topP = m_topP->value();
    p.repetitionPenalty = m_repetitionPenalty->value();
    return p;
}

GenerationParams SamplingPanel::generationParams() const
{
    GenerationParams p;
    p.sampling = sampling();
    p.maxNewTokens = m_maxNewTokens->value();
    p.seed =
        randomSeed() ? QRandomGenerator::global()->bounded(1000000u) : quint64(m_seed->value());
    return p;
}

bool SamplingPanel::randomSeed() const
{
    return m_randomSeed->isChecked();
}

void SamplingPanel::setTemperature(double value)
{
    m_temperature->setValue(value);
}

void SamplingPanel::setTopK(int value)
{
    m_topK->setValue(value);
}

void SamplingPanel::setTopP(double value)
{
    m_topP->setValue(value);
}

void SamplingPanel::setRepetitionPenalty(double value)
{
    m_repetitionPenalty->setValue(value);
}

void SamplingPanel::setMaxNewTokens(int value)
{
    m_maxNewTokens->setValue(value);
}

void SamplingPanel::setSeed(quint64 seed, bool fixed)
{
    m_seed->setValue(int(seed));
    m_randomSeed->setChecked(!fixed);
}

} // namespace azllm::ui
