#include "preset_table.h"

#include <QEvent>
#include <QHeaderView>
#include <QRegularExpression>

#include <cmath>

#include "model_sizing.h"
#include "size_format.h"
#include "table_cells.h"

namespace azllm::ui {

namespace {

enum Column
{
    NameColumn,
    EmbdColumn,
    LayerColumn,
    HeadColumn,
    ContextColumn,
    VocabColumn,
    ParamsColumn,
    NoteColumn,
    ColumnCount
};

// The size a preset's name promises: "az-700m" -> 700e6; 0 when the name has no size.
double nominalSize(const QString &name)
{
    static const QRegularExpression size(QStringLiteral("(\\d+(?:\\.\\d+)?)([mb])$"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = size.match(name);
    if (!match.hasMatch())
        return 0;
    const double unit = match.captured(2).toLower() == QLatin1String("b") ? 1e9 : 1e6;
    return match.captured(1).toDouble() * unit;
}

QTableWidgetItem *numberCell(std::int64_t value)
{
    return readOnlyCell(QLocale().toString(qlonglong(value)), Qt::AlignRight);
}

// core/engine has no Qt, so its presets describe themselves in English. Their texts are listed
// here for lupdate and shown in the learner's language; a preset whose description is not listed
// (a new one, or a reworded one) shows its English until it is, and test_model_page says so.
const char *const kPresetDescriptions[] = {
    QT_TRANSLATE_NOOP("azllm::ui::PresetTable",
                      "4 layers, 4 heads, 256 wide: trains on a laptop CPU in minutes"),
    QT_TRANSLATE_NOOP("azllm::ui::PresetTable",
                      "6 layers, 6 heads, 384 wide: a CPU model for an afternoon"),
    QT_TRANSLATE_NOOP("azllm::ui::PresetTable",
                      "the course's Az-LLM-100M: 768 wide, 12 layers, 12 heads"),
    QT_TRANSLATE_NOOP("azllm::ui::PresetTable",
                      "the course's next step: 1024 wide, 24 layers, 16 heads"),
    QT_TRANSLATE_NOOP("azllm::ui::PresetTable",
                      "the course's largest: 1536 wide, 32 layers, 24 heads"),
};

QString translatedDescription(const ModelPreset &preset)
{
    for (const char *english : kPresetDescriptions)
        if (preset.description == english)
            return PresetTable::tr(english);
    return QString::fromStdString(preset.description);
}

} // namespace

QString presetNote(const ModelPreset &preset)
{
    const QString name = QString::fromStdString(preset.name);
    const double promised = nominalSize(name);
    const double actual = double(countParameters(preset.config).total());
    if (promised > 0 && std::abs(actual - promised) > 0.05 * promised) {
        const QString really = actual >= 0.9e9
                                   ? QLocale().toString(actual / 1e9, 'f', 2) + QLatin1Char('B')
                                   : formatParameterCount(std::int64_t(actual));
        return PresetTable::tr("named %1 but really %2 parameters")
            .arg(name.section(QLatin1Char('-'), -1).toUpper(), really);
    }
    return translatedDescription(preset);
}

PresetTable::PresetTable(QWidget *parent) : QTableWidget(parent)
{
    setColumnCount(ColumnCount);
    setRowCount(int(modelPresets().size()));
    retranslate();

    verticalHeader()->setVisible(false);
    for (int c = 0; c < NoteColumn; ++c)
        horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(NoteColumn, QHeaderView::Stretch);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Exactly as tall as its rows: five presets never need a scroll bar.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    setFixedHeight(horizontalHeader()->sizeHint().height() + verticalHeader()->length() +
                   2 * frameWidth() + 2);
    connect(this, &QTableWidget::cellClicked, this,
            [this](int row, int) { Q_EMIT presetChosen(item(row, NameColumn)->text()); });
}

// The headers, and the rows: their notes and descriptions are words too.
void PresetTable::retranslate()
{
    setHorizontalHeaderLabels({tr("Preset"), tr("n_embd"), tr("n_layer"), tr("n_head"),
                               tr("Context"), tr("Vocabulary"), tr("Parameters"), tr("Note")});
    horizontalHeaderItem(ParamsColumn)
        ->setToolTip(tr("The exact count for this vocabulary, from the engine's sizing formulas."));
    horizontalHeaderItem(EmbdColumn)->setToolTip(tr("Embedding width: every block keeps it."));
    horizontalHeaderItem(LayerColumn)->setToolTip(tr("Number of transformer blocks."));
    horizontalHeaderItem(HeadColumn)->setToolTip(tr("Attention heads per block."));
    const auto &presets = modelPresets();
    for (int row = 0; row < rowCount(); ++row)
        fillRow(row, presets[std::size_t(row)]);
    setToolTip(tr("Click a preset to load it into the form below."));
}

void PresetTable::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTableWidget::changeEvent(event);
}

void PresetTable::fillRow(int row, const ModelPreset &preset)
{
    const ModelConfig &c = preset.config;
    setItem(row, NameColumn, readOnlyCell(QString::fromStdString(preset.name)));
    setItem(row, EmbdColumn, numberCell(c.nEmbd));
    setItem(row, LayerColumn, numberCell(c.nLayer));
    setItem(row, HeadColumn, numberCell(c.nHead));
    setItem(row, ContextColumn, numberCell(c.contextLength));
    setItem(row, VocabColumn, numberCell(c.vocabSize));
    QTableWidgetItem *params =
        readOnlyCell(formatParameterCount(countParameters(c).total()), Qt::AlignRight);
    QFont bold = params->font();
    bold.setBold(true);
    params->setFont(bold);
    params->setToolTip(tr("%1 parameters exactly")
                           .arg(QLocale::c().toString(qlonglong(countParameters(c).total()))));
    setItem(row, ParamsColumn, params);
    setItem(row, NoteColumn, readOnlyCell(presetNote(preset)));
}

int PresetTable::rowOf(const QString &presetName) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (item(row, NameColumn)->text() == presetName)
            return row;
    }
    return -1;
}

void PresetTable::highlight(const ModelConfig &config)
{
    const QSignalBlocker blocker(this);
    const auto &presets = modelPresets();
    for (std::size_t i = 0; i < presets.size(); ++i) {
        if (presets[i].config == config) {
            selectRow(int(i));
            return;
        }
    }
    clearSelection();
}

QString PresetTable::displayedParameters(const QString &presetName) const
{
    const int row = rowOf(presetName);
    return row < 0 ? QString() : item(row, ParamsColumn)->text();
}

QString PresetTable::displayedNote(const QString &presetName) const
{
    const int row = rowOf(presetName);
    return row < 0 ? QString() : item(row, NoteColumn)->text();
}

} // namespace azllm::ui
