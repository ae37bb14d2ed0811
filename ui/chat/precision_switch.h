// The Chat screen's precision switch: fp32 (the checkpoint as trained) or int8 (its weights in
// Q8_0, decoded by the int8 kernels: about a quarter of the memory, faster on a CPU). Changing
// it asks the page to load the checkpoint again in that precision.
#pragma once

#include <QWidget>

#include "decode_model.h"

class QComboBox;
class QLabel;

namespace azllm::ui {

class PrecisionSwitch final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrecisionSwitch)

public:
    explicit PrecisionSwitch(QWidget *parent = nullptr);

    quant::Precision precision() const;
    // Sets the switch without emitting precisionChanged (restoring a saved choice).
    void setPrecision(quant::Precision precision);

    // "fp32" or "int8 (Q8_0)": how the model info line names a precision.
    static QString describe(quant::Precision precision);

Q_SIGNALS:
    void precisionChanged(azllm::quant::Precision precision);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_label = nullptr;
    QComboBox *m_choice = nullptr;
};

} // namespace azllm::ui
