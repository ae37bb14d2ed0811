// The sampling controls of the Chat screen: temperature, top-k, top-p, repetition penalty,
// max new tokens and seed, each a slider or box with a one-sentence tooltip in Azerbaijani and
// English. Any change is announced at once, so Explain can reshape its chart while a slider moves.
#pragma once

#include <QWidget>

#include "generator.h"

class QCheckBox;
class QDoubleSpinBox;
class QFormLayout;
class QSlider;
class QSpinBox;

class SamplingPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SamplingPanel)

public:
    explicit SamplingPanel(QWidget *parent = nullptr);

    azllm::SamplingParams sampling() const;
    // The sampling values, max new tokens, and the seed: the fixed one, or a fresh random one
    // when "new seed each answer" is on.
    azllm::GenerationParams generationParams() const;
    bool randomSeed() const;

    void setTemperature(double value);
    void setTopK(int value);
    void setTopP(double value);
    void setRepetitionPenalty(double value);
    void setMaxNewTokens(int value);
    void setSeed(quint64 seed, bool fixed = true);

Q_SIGNALS:
    void samplingChanged();

private:
    QDoubleSpinBox *addDoubleRow(QFormLayout *form, const QString &label, double min, double max,
                                 double step, int decimals, const QString &tip);
    QSpinBox *addIntRow(QFormLayout *form, const QString &label, int min, int max,
                        const QString &tip);

    QDoubleSpinBox *m_temperature = nullptr;
    QSpinBox *m_topK = nullptr;
    QDoubleSpinBox *m_topP = nullptr;
    QDoubleSpinBox *m_repetitionPenalty = nullptr;
    QSpinBox *m_maxNewTokens = nullptr;
    QSpinBox *m_seed = nullptr;
    QCheckBox *m_randomSeed = nullptr;
};
