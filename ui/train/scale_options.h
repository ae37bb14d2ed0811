// The Train screen's options for bigger runs: a target batch in tokens (reached by gradient
// accumulation over micro-batches of the Batch x Context set above), the precision (16-bit
// autocast on a CUDA GPU) and activation checkpointing. Remembered across restarts.
#pragma once

#include <QWidget>

#include <cstdint>

#include "train_config.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace azllm::ui {

class ScaleOptions final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScaleOptions)

public:
    explicit ScaleOptions(QWidget *parent = nullptr);
    ~ScaleOptions() override;

    // The micro-batch the form trains with, for the accumulation it implies.
    void setMicroBatch(std::int64_t batch, std::int64_t context);
    void setTargetBatchTokens(int tokens);
    void setPrecision(const QString &name);
    void setCheckpointing(bool on);

    // Micro-batches per optimizer step: the target batch over the micro-batch's tokens, rounded
    // up; 1 without a target.
    std::int64_t accumulationSteps() const;
    // Writes grad_accum_steps, precision (and activation checkpointing) into a run's config.
    void applyTo(TrainConfig &config) const;
    QString accumulationText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateAccumulation();
    void saveSettings() const;

    QLabel *m_targetCaption = nullptr;
    QSpinBox *m_targetTokens = nullptr;
    QLabel *m_accumulation = nullptr;
    QLabel *m_precisionCaption = nullptr;
    QComboBox *m_precision = nullptr;
    QCheckBox *m_checkpointing = nullptr;
    std::int64_t m_batch = 1;
    std::int64_t m_context = 1;
};

} // namespace azllm::ui
