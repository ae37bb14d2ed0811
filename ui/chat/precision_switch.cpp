#include "precision_switch.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace azllm::ui {

PrecisionSwitch::PrecisionSwitch(QWidget *parent) : QWidget(parent)
{
    m_label = new QLabel;
    m_choice = new QComboBox;
    m_choice->setObjectName(QStringLiteral("precisionPicker"));
    m_choice->addItem(QString(), int(quant::Precision::Fp32));
    m_choice->addItem(QString(), int(quant::Precision::Int8));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_choice, 1);
    connect(m_choice, &QComboBox::activated, this,
            [this] { Q_EMIT precisionChanged(precision()); });
    retranslate();
}

quant::Precision PrecisionSwitch::precision() const
{
    return quant::Precision(m_choice->currentData().toInt());
}

void PrecisionSwitch::setPrecision(quant::Precision precision)
{
    const QSignalBlocker quiet(m_choice);
    m_choice->setCurrentIndex(m_choice->findData(int(precision)));
}

QString PrecisionSwitch::describe(quant::Precision precision)
{
    return precision == quant::Precision::Int8 ? tr("int8 (Q8_0)") : tr("fp32");
}

void PrecisionSwitch::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PrecisionSwitch::retranslate()
{
    m_label->setText(tr("Precision"));
    m_choice->setItemText(0, tr("fp32: the weights as trained"));
    m_choice->setItemText(1, tr("int8 (Q8_0): a quarter of the memory, faster on a CPU"));
    m_choice->setToolTip(
        tr("int8 keeps every matrix as 8-bit integers in blocks of 32 with one scale each (GGUF's "
           "Q8_0). Decoding reads a quarter of the bytes, so it runs faster; answers stay close to "
           "fp32's. The Model screen measures the difference for a checkpoint."));
}

} // namespace azllm::ui
