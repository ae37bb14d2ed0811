// Pieces both Fine-tune tabs build their forms and tables from: a grid of fields with captions
// that a language switch renames, a file field with its Browse button, spin boxes, read-only
// table cells, and the tab's layout (form above, the run panel and the results split below).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <Qt>

class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTableWidgetItem;
class QWidget;

namespace azllm::ui {

class TuningRunPanel;

// Fields at (row, column) of a grid, each with a caption on its left that is its buddy.
class CaptionedGrid
{
public:
    CaptionedGrid();
    void add(int row, int column, QWidget *field, int span = 1);
    // One caption per added field, in the order they were added.
    void setCaptions(const QStringList &captions);
    QGridLayout *layout() const { return m_grid; }

private:
    QGridLayout *m_grid; // owned by the widget it is set on
    QList<QLabel *> m_captions;
};

QSpinBox *spinBox(int min, int max, int value);
QDoubleSpinBox *doubleSpinBox(double min, double max, double value, int decimals, double step);
// A line edit and its button side by side; the button picks a file of filter into the field.
QWidget *fileField(QLineEdit *field, QPushButton *browse, const QString &caption,
                   const QString &filter);
QTableWidget *readOnlyTable(int columns);
QTableWidgetItem *readOnlyItem(const QString &text,
                               Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter);
// tab: the form on top, then panel and results in a vertical splitter.
void layOutTab(QWidget *tab, QWidget *form, TuningRunPanel *panel, QWidget *results,
               int panelStretch, int resultsStretch);

} // namespace azllm::ui
