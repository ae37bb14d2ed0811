// The cell every read-only table of the studio shows: selectable for copying, not editable,
// centred vertically; numbers right-aligned by the caller.
#pragma once

#include <QString>
#include <QTableWidgetItem>

namespace azllm::ui {

// Owned by the table it is given to (QTableWidget::setItem takes it).
QTableWidgetItem *readOnlyCell(const QString &text, Qt::Alignment alignment = Qt::AlignLeft);

} // namespace azllm::ui
