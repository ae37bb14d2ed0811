#include "scale_options.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>

namespace azllm::ui {

namespace {

const QString kTargetKey = QStringLiteral("train/targetBatchTokens");
const QString kPrecisionKey = QStringLiteral("train/precision");
const QString kCheckpointingKey = QStringLiteral("train/activationCheckpointing");

} // namespace

ScaleOptions::ScaleOptions(QWidget *parent) : QWidget(parent)
{
    m_targetCaption = new QLabel;
    m_targetTokens = new QSpinBox;
    m_targetTokens->setObjectName(QStringLiteral("targetBatchTokens"));
    m_targetTokens->setRange(0, 64 * 1024 * 1024);
    m_targetTokens->setSingleStep(4096);
    m_targetTokens->setGroupSeparatorShown(true);
    m_targetCaption->setBuddy(m_targetTokens);
    m_accumulation = new QLabel;
    m_accumulation->setObjectName(QStringLiteral("accumulationLabel"));
    m_accumulation->setForegroundRole(QPalette::PlaceholderText);
    m_precisionCaption = new QLabel;
    m_precision = new QComboBox;
    m_precision->setObjectName(QStringLiteral("precisionCombo"));
    for (const char *name : {"fp32", "bf16", "fp16"})
        m_precision->addItem(QLatin1String(name), QLatin1String(name));
    m_precisionCaption->setBuddy(m_precision);
    m_checkpointing = new QCheckBox;
    m_checkpointing->setObjectName(QStringLiteral("checkpointingBox"));

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_targetCaption);
    row->addWidget(m_targetTokens);
    row->addWidget(m_accumulation, 1);
    row->addWidget(m_precisionCaption);
    row->addWidget(m_precision);
    row->addWidget(m_checkpointing);

    const QSettings settings;
    m_targetTokens->setValue(settings.value(kTargetKey, 0).toInt());
    setPrecision(settings.value(kPrecisionKey, QStringLiteral("fp32")).toString());
    m_checkpointing->setChecked(settings.value(kCheckpointingKey, false).toBool());
    connect(m_targetTokens, &QSpinBox::valueChanged, this, [this] {
        updateAccumulation();
        saveSettings();
    });
    connect(m_precision, &QComboBox::currentIndexChanged, this, [this] { saveSettings(); });
    connect(m_checkpointing, &QCheckBox::toggled, this, [this] { saveSettings(); });
    retranslate();
}

ScaleOptions::~ScaleOptions() = default;

void ScaleOptions::retranslate()
{
    m_targetCaption->setText(tr("&Target batch"));
    m_targetTokens->setSuffix(tr(" tokens"));
    m_targetTokens->setSpecialValueText(tr("off"));
    m_targetTokens->setToolTip(
        tr("Tokens per optimizer step. When it is larger than Batch \u00d7 Context, that many "
           "micro-batches are summed before each step (gradient accumulation): a large batch "
           "without its memory."));
    m_precisionCaption->setText(tr("P&recision"));
    m_precision->setToolTip(
        tr("16-bit autocast on a CUDA GPU: bf16 on Ampere and newer cards, fp16 with loss "
           "scaling on older ones such as the T4. Weights and checkpoints stay fp32; on a CPU "
           "the run trains in fp32."));
    m_checkpointing->setText(tr("Activation chec&kpointing"));
    m_checkpointing->setToolTip(
        tr("Keep only each block's input and recompute the rest during backward: far less "
           "memory for about a third more compute, the same gradients."));
    updateAccumulation();
}

void ScaleOptions::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ScaleOptions::setMicroBatch(std::int64_t batch, std::int64_t context)
{
    m_batch = std::max<std::int64_t>(1, batch);
    m_context = std::max<std::int64_t>(1, context);
    updateAccumulation();
}

void ScaleOptions::setTargetBatchTokens(int tokens)
{
    m_targetTokens->setValue(tokens);
}

void ScaleOptions::setPrecision(const QString &name)
{
    const int index = m_precision->findData(name);
    m_precision->setCurrentIndex(index >= 0 ? index : 0);
}

void ScaleOptions::setCheckpointing(bool on)
{
    m_checkpointing->setChecked(on);
}

std::int64_t ScaleOptions::accumulationSteps() const
{
    const std::int64_t perMicroBatch = m_batch * m_context;
    const std::int64_t target = m_targetTokens->value();
    return std::max<std::int64_t>(1, (target + perMicroBatch - 1) / perMicroBatch);
}

void ScaleOptions::applyTo(TrainConfig &config) const
{
    config.gradAccumSteps = accumulationSteps();
    config.precision = m_precision->currentData().toString().toStdString();
    config.activationCheckpointing = m_checkpointing->isChecked() ? 1 : 0;
}

QString ScaleOptions::accumulationText() const
{
    return m_accumulation->text();
}

void ScaleOptions::updateAccumulation()
{
    const std::int64_t steps = accumulationSteps();
    const QString perStep = QLocale().toString(qlonglong(steps * m_batch * m_context));
    m_accumulation->setText(steps > 1 ? tr("= %1 micro-batches of %2 \u00d7 %3, %4 tokens per step")
                                            .arg(steps)
                                            .arg(m_batch)
                                            .arg(m_context)
                                            .arg(perStep)
                                      : tr("= one batch of %1 tokens per step").arg(perStep));
}

void ScaleOptions::saveSettings() const
{
    QSettings settings;
    settings.setValue(kTargetKey, m_targetTokens->value());
    settings.setValue(kPrecisionKey, m_precision->currentData().toString());
    settings.setValue(kCheckpointingKey, m_checkpointing->isChecked());
}

} // namespace azllm::ui
