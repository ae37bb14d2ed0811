// The sampling controls of the Chat screen: temperature, top-k, top-p, repetition penalty,
// max new tokens and seed, each a slider or box with a one-sentence tooltip in Azerbaijani and
// English. Any change is announced at once, so Explain can reshape its chart while a slider moves.
#pragma once

#include <QWidget>

#include "generator.h"
#include "translated_texts.h"

class QCheckBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSlider;
class QSpinBox;

namespace azllm::ui {
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

protected:
    void changeEvent(QEvent *event) override;

private:
    // Labels and tips are English sources (QT_TR_NOOP), translated now and after a switch.
    QDoubleSpinBox *addDoubleRow(QFormLayout *form, const char *label, double min, double max,
                                 double step, int decimals, const char *tip);
    QSpinBox *addIntRow(QFormLayout *form, const char *label, int min, int max, const char *tip);
    QLabel *addLabelledRow(QFormLayout *form, const char *label, QWidget *field);
    void addExplainedRow(QFormLayout *form, const char *label, QWidget *spin, QWidget *row,
                         const char *tip);

    QDoubleSpinBox *m_temperature = nullptr;
    QSpinBox *m_topK = nullptr;
    QDoubleSpinBox *m_topP = nullptr;
    QDoubleSpinBox *m_repetitionPenalty = nullptr;
    QSpinBox *m_maxNewTokens = nullptr;
    QSpinBox *m_seed = nullptr;
    QCheckBox *m_randomSeed = nullptr;
    TranslatedTexts m_texts{staticMetaObject.className()};
};

} // namespace azllm::ui
