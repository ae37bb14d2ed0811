#include "device_fit_table.h"

#include <QEvent>
#include <QHeaderView>

#include "model_sizing.h"
#include "size_format.h"

namespace azllm::ui {

namespace {

enum Column
{
    DeviceColumn,
    MemoryColumn,
    TrainingColumn,
    InferenceColumn,
    ColumnCount
};

// Light backgrounds with dark text stay readable in both light and dark themes' tables.
QColor background(Fit fit)
{
    switch (fit) {
    case Fit::Fits:
        return QColor(0xd7, 0xf0, 0xd9);
    case Fit::FitsWithCheckpointing:
        return QColor(0xfb, 0xea, 0xc4);
    case Fit::DoesNotFit:
        return QColor(0xf8, 0xd4, 0xd4);
    }
    return {};
}

QColor foreground(Fit fit)
{
    switch (fit) {
    case Fit::Fits:
        return QColor(0x1b, 0x5e, 0x20);
    case Fit::FitsWithCheckpointing:
        return QColor(0x7a, 0x4a, 0x00);
    case Fit::DoesNotFit:
        return QColor(0x9a, 0x1c, 0x1c);
    }
    return {};
}

QTableWidgetItem *readOnlyItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled);
    return item;
}

} // namespace

DeviceFitTable::DeviceFitTable(QWidget *parent)
    : QTableWidget(parent), m_devices(devicesToCompare())
{
    setColumnCount(ColumnCount);
    setRowCount(int(m_devices.size()));
    retranslate();
    verticalHeader()->setVisible(false);
    horizontalHeader()->setSectionResizeMode(DeviceColumn, QHeaderView::Stretch);
    for (int c = MemoryColumn; c < ColumnCount; ++c)
        horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    setSelectionMode(QAbstractItemView::NoSelection);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::NoFocus);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < rowCount(); ++row) {
        const Device &device = m_devices[std::size_t(row)];
        setItem(row, DeviceColumn, readOnlyItem(device.name));
        item(row, DeviceColumn)->setToolTip(device.note);
        setItem(row, MemoryColumn, readOnlyItem(formatBytes(device.memory)));
        item(row, MemoryColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, TrainingColumn, readOnlyItem(QString()));
        setItem(row, InferenceColumn, readOnlyItem(QString()));
    }
    // Exactly as tall as its rows, so the verdicts never hide behind a scroll bar.
    setFixedHeight(horizontalHeader()->sizeHint().height() +
                   verticalHeader()->defaultSectionSize() * rowCount() + 2 * frameWidth() + 2);
}

// The verdicts are shown again by the Model screen's own retranslate (it calls showFits).
void DeviceFitTable::retranslate()
{
    setHorizontalHeaderLabels({tr("Device"), tr("Memory"), tr("Training"), tr("Inference")});
    horizontalHeaderItem(TrainingColumn)
        ->setToolTip(
            tr("An fp32 AdamW training step at the batch and sequence length on the left."));
    horizontalHeaderItem(InferenceColumn)
        ->setToolTip(tr(
            "Generating one sequence (batch 1) with the KV cache filled to the sequence length."));
    setToolTip(tr("Nominal memory; the GPU driver and framework keep roughly 0.5-1 GiB for "
                  "themselves, so a close fit may still fail."));
}

void DeviceFitTable::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTableWidget::changeEvent(event);
}

void DeviceFitTable::showFits(const ModelConfig &config, std::int64_t batch, std::int64_t context)
{
    const std::int64_t plain = trainingMemory(config, batch, context, false).total();
    const std::int64_t checkpointed = trainingMemory(config, batch, context, true).total();
    const std::int64_t inference = inferenceMemory(config, 1, context).total();
    for (int row = 0; row < rowCount(); ++row) {
        const Device &device = m_devices[std::size_t(row)];
        setVerdict(row, TrainingColumn, trainingFit(config, batch, context, device.memory),
                   tr("Needs %1, or %2 with activation checkpointing; %3 has %4.")
                       .arg(formatBytes(plain), formatBytes(checkpointed), device.name,
                            formatBytes(device.memory)));
        setVerdict(row, InferenceColumn, inferenceFit(config, context, device.memory),
                   tr("Needs %1; %2 has %3.")
                       .arg(formatBytes(inference), device.name, formatBytes(device.memory)));
    }
}

void DeviceFitTable::clearFits()
{
    for (int row = 0; row < rowCount(); ++row) {
        for (int column : {TrainingColumn, InferenceColumn}) {
            QTableWidgetItem *cell = item(row, column);
            cell->setText(QStringLiteral("\u2014"));
            cell->setBackground(QBrush());
            cell->setForeground(QBrush());
            cell->setToolTip(QString());
        }
    }
}

QString DeviceFitTable::displayedFit(const QString &deviceId, bool training) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (m_devices[std::size_t(row)].id == deviceId)
            return item(row, training ? TrainingColumn : InferenceColumn)->text();
    }
    return {};
}

void DeviceFitTable::setVerdict(int row, int column, Fit fit, const QString &tooltip)
{
    QTableWidgetItem *cell = item(row, column);
    cell->setText(fitText(fit));
    cell->setBackground(background(fit));
    cell->setForeground(foreground(fit));
    cell->setToolTip(tooltip);
}

} // namespace azllm::ui
