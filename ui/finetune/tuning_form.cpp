#include "tuning_form.h"

#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "tuning_run_panel.h"

namespace azllm::ui {

CaptionedGrid::CaptionedGrid() : m_grid(new QGridLayout) {}

void CaptionedGrid::add(int row, int column, QWidget *field, int span)
{
    auto *caption = new QLabel;
    caption->setBuddy(field);
    m_captions << caption;
    m_grid->addWidget(caption, row, column * 2, Qt::AlignRight);
    m_grid->addWidget(field, row, column * 2 + 1, 1, span);
}

void CaptionedGrid::setCaptions(const QStringList &captions)
{
    for (int i = 0; i < m_captions.size() && i < captions.size(); ++i)
        m_captions[i]->setText(captions[i]);
}

QSpinBox *spinBox(int min, int max, int value)
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setValue(value);
    return box;
}

QDoubleSpinBox *doubleSpinBox(double min, double max, double value, int decimals, double step)
{
    auto *box = new QDoubleSpinBox;
    box->setDecimals(decimals);
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setValue(value);
    return box;
}

QWidget *fileField(QLineEdit *field, QPushButton *browse, const QString &caption,
                   const QString &filter)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, row, [row, field, caption, filter] {
        const QString file = QFileDialog::getOpenFileName(row, caption, field->text(), filter);
        if (!file.isEmpty())
            field->setText(file);
    });
    return row;
}

QTableWidget *readOnlyTable(int columns)
{
    auto *table = new QTableWidget(0, columns);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return table;
}

QTableWidgetItem *readOnlyItem(const QString &text, Qt::Alignment align)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(align);
    item->setToolTip(text);
    return item;
}

void layOutTab(QWidget *tab, QWidget *form, TuningRunPanel *panel, QWidget *results,
               int panelStretch, int resultsStretch)
{
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(panel);
    splitter->addWidget(results);
    splitter->setStretchFactor(0, panelStretch);
    splitter->setStretchFactor(1, resultsStretch);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(form);
    layout->addWidget(splitter, 1);
}

} // namespace azllm::ui
