// The Model screen's widgets and layout; model_page.cpp holds its behaviour.
#include "model_page.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "device_fit_table.h"
#include "parameter_chart.h"
#include "preset_table.h"
#include "quantization_panel.h"

using namespace azllm;
using namespace azllm::ui;

namespace {

// The batch a learner starts with; small enough for the course's T4.
constexpr int kDefaultBatch = 8;

QLabel *sectionHint(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

void setBold(QWidget *widget, double scale = 1.0)
{
    QFont font = widget->font();
    font.setBold(true);
    if (scale != 1.0)
        font.setPointSizeF(font.pointSizeF() * scale);
    widget->setFont(font);
}

} // namespace

// ---- construction -------------------------------------------------------------------------

ModelPage::ModelPage(QWidget *parent) : QWidget(parent)
{
    qRegisterMetaType<ModelConfig>();
    qRegisterMetaType<MachineSpeed>();

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(buildPresetSection());
    auto *columns = new QHBoxLayout;
    columns->addWidget(buildFormColumn(), 0);
    columns->addWidget(buildSizeColumn(), 1);
    columns->addWidget(buildMemoryColumn(), 1);
    layout->addLayout(columns, 1);
    m_quantization = new QuantizationPanel;
    layout->addWidget(m_quantization);

    // A small window scrolls instead of squeezing the figures.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    selectPreset(QStringLiteral("az-100m"));
}

ModelPage::~ModelPage()
{
    // The benchmark cannot be interrupted mid-step; waiting for it (about a second) keeps the
    // worker from reporting to a page that no longer exists.
    m_benchmarkThread.quit();
    m_benchmarkThread.wait();
}

QWidget *ModelPage::buildPresetSection()
{
    auto *box = new QGroupBox(tr("Course presets"));
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(sectionHint(tr(
        "Click a preset to load it, or shape your own model below; every figure updates as you "
        "type. Parameter counts are exact, so a preset's name may round: see the Note column.")));
    m_presets = new PresetTable;
    m_presets->setObjectName(QStringLiteral("presetTable"));
    layout->addWidget(m_presets);
    connect(m_presets, &PresetTable::presetChosen, this, &ModelPage::selectPreset);
    return box;
}

QWidget *ModelPage::buildFormColumn()
{
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildModelForm());
    layout->addWidget(buildTrainingRunForm());
    layout->addWidget(buildMachineBox());
    layout->addStretch(1);

    m_trainButton = new QPushButton(tr("Train this model \u2192"));
    m_trainButton->setObjectName(QStringLiteral("trainButton"));
    m_trainButton->setToolTip(tr("Open the Train screen with this model's shape."));
    m_trainButton->setMinimumHeight(36);
    setBold(m_trainButton);
    connect(m_trainButton, &QPushButton::clicked, this,
            [this] { Q_EMIT trainRequested(currentConfig()); });
    layout->addWidget(m_trainButton);
    column->setFixedWidth(300);
    return column;
}

QGroupBox *ModelPage::buildModelForm()
{
    auto *box = new QGroupBox(tr("Your model"));
    auto *form = new QGridLayout(box);
    m_vocab = addSizeSpin(form, tr("Vocabulary"), QStringLiteral("vocabSpin"), 1000000,
                          tr("Number of tokens your tokenizer knows; each gets a row of n_embd "
                             "numbers, shared with the output layer."));
    m_context = addSizeSpin(form, tr("Context length"), QStringLiteral("contextSpin"), 131072,
                            tr("Longest sequence the model reads at once; each position has its "
                               "own learned embedding."));
    m_embd = addSizeSpin(form, tr("Width (n_embd)"), QStringLiteral("embdSpin"), 16384,
                         tr("Size of every token's vector; parameters grow with its square."));
    m_layers = addSizeSpin(form, tr("Layers (n_layer)"), QStringLiteral("layerSpin"), 512,
                           tr("Number of transformer blocks stacked on each other."));
    m_heads = addSizeSpin(form, tr("Heads (n_head)"), QStringLiteral("headSpin"), 512,
                          tr("Attention heads per block; n_embd must split evenly between them."));

    m_dropout = new QDoubleSpinBox;
    m_dropout->setObjectName(QStringLiteral("dropoutSpin"));
    m_dropout->setRange(0.0, 0.95);
    m_dropout->setSingleStep(0.05);
    m_dropout->setToolTip(tr("Fraction of activations zeroed while training; 0 is right for "
                             "pretraining, 0.1 helps when data is small. Adds memory for masks."));
    const int row = form->rowCount();
    form->addWidget(new QLabel(tr("Dropout")), row, 0);
    form->addWidget(m_dropout, row, 1);
    connect(m_dropout, &QDoubleSpinBox::valueChanged, this, &ModelPage::handleFormChanged);
    connect(m_context, &QSpinBox::valueChanged, this, &ModelPage::handleContextChanged);

    m_problems = new QLabel;
    m_problems->setObjectName(QStringLiteral("validationLabel"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_problems->setVisible(false);
    form->addWidget(m_problems, form->rowCount(), 0, 1, 2);
    return box;
}

QSpinBox *ModelPage::addSizeSpin(QGridLayout *form, const QString &label, const QString &objectName,
                                 int maximum, const QString &tooltip)
{
    auto *spin = new QSpinBox;
    spin->setObjectName(objectName);
    // 0 is allowed on purpose: validate() then explains why a size must be positive.
    spin->setRange(0, maximum);
    spin->setGroupSeparatorShown(true);
    spin->setToolTip(tooltip);
    spin->setAlignment(Qt::AlignRight);
    auto *caption = new QLabel(label);
    caption->setToolTip(tooltip);
    const int row = form->rowCount();
    form->addWidget(caption, row, 0);
    form->addWidget(spin, row, 1);
    connect(spin, &QSpinBox::valueChanged, this, &ModelPage::handleFormChanged);
    return spin;
}

QGroupBox *ModelPage::buildTrainingRunForm()
{
    auto *box = new QGroupBox(tr("Training run"));
    auto *form = new QGridLayout(box);
    m_batch = new QSpinBox;
    m_batch->setObjectName(QStringLiteral("batchSpin"));
    m_batch->setRange(1, 4096);
    m_batch->setValue(kDefaultBatch);
    m_batch->setAlignment(Qt::AlignRight);
    m_batch->setToolTip(tr("Sequences per optimizer step; activation memory grows with it."));
    m_sequence = new QSpinBox;
    m_sequence->setObjectName(QStringLiteral("sequenceSpin"));
    m_sequence->setAlignment(Qt::AlignRight);
    m_sequence->setGroupSeparatorShown(true);
    m_sequence->setToolTip(tr("Tokens per training sequence, at most the context length; "
                              "attention memory grows with its square."));
    m_budget = new QDoubleSpinBox;
    m_budget->setObjectName(QStringLiteral("budgetSpin"));
    m_budget->setRange(0.1, 1e9);
    m_budget->setDecimals(1);
    m_budget->setSingleStep(100);
    m_budget->setGroupSeparatorShown(true);
    m_budget->setAlignment(Qt::AlignRight);
    m_budget->setSuffix(tr(" M tokens"));
    m_budget->setToolTip(tr("How many tokens training will read in total (all epochs)."));
    m_optimalButton = new QPushButton(tr("Use the compute-optimal budget"));
    m_optimalButton->setToolTip(tr("Set the budget to about 20 tokens per parameter, the "
                                   "compute-optimal amount found by the Chinchilla study."));

    form->addWidget(new QLabel(tr("Batch size")), 0, 0);
    form->addWidget(m_batch, 0, 1);
    form->addWidget(new QLabel(tr("Sequence length")), 1, 0);
    form->addWidget(m_sequence, 1, 1);
    form->addWidget(new QLabel(tr("Token budget")), 2, 0);
    form->addWidget(m_budget, 2, 1);
    QLabel *optimal = valueLabel(QStringLiteral("tokens.optimal"),
                                 tr("About 20 tokens per parameter trains the best model for a "
                                    "fixed amount of compute (Chinchilla)."));
    optimal->setWordWrap(true);
    optimal->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    optimal->setForegroundRole(QPalette::PlaceholderText);
    form->addWidget(optimal, 3, 0, 1, 2);
    form->addWidget(m_optimalButton, 4, 0, 1, 2);

    connect(m_batch, &QSpinBox::valueChanged, this, &ModelPage::refresh);
    connect(m_sequence, &QSpinBox::valueChanged, this, &ModelPage::refresh);
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, &ModelPage::handleBudgetEdited);
    connect(m_optimalButton, &QPushButton::clicked, this, &ModelPage::handleComputeOptimalClicked);
    return box;
}

QGroupBox *ModelPage::buildMachineBox()
{
    auto *box = new QGroupBox(tr("This machine"));
    auto *layout = new QVBoxLayout(box);
    m_measureButton = new QPushButton(tr("Measure this machine"));
    m_measureButton->setObjectName(QStringLiteral("measureButton"));
    m_measureButton->setToolTip(tr("Times a few real training steps of az-tiny (batch 8, context "
                                   "64) to learn how many FLOP/s this machine achieves."));
    m_measureProgress = new QProgressBar;
    m_measureProgress->setRange(0, 0); // busy: the benchmark reports no steps
    m_measureProgress->setTextVisible(false);
    m_measureProgress->setMaximumHeight(8);
    m_measureProgress->setVisible(false);
    m_measureStatus =
        valueLabel(QStringLiteral("machine.speed"),
                   tr("Training speed measured on this machine, in FLOPs per second."));
    m_measureStatus->setWordWrap(true);
    m_measureStatus->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_measureStatus->setText(tr("Not measured yet."));
    layout->addWidget(m_measureButton);
    layout->addWidget(m_measureProgress);
    layout->addWidget(m_measureStatus);
    connect(m_measureButton, &QPushButton::clicked, this, &ModelPage::handleMeasureRequested);
    return box;
}

QWidget *ModelPage::buildSizeColumn()
{
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *params = new QGroupBox(tr("Parameters"));
    auto *paramsLayout = new QVBoxLayout(params);
    QLabel *total = valueLabel(QStringLiteral("params.total"),
                               tr("Every trainable number in the model, counted exactly."));
    setBold(total, 1.5);
    paramsLayout->addWidget(total);
    m_chart = new ParameterChart;
    m_chart->setObjectName(QStringLiteral("parameterChart"));
    m_chart->setMinimumHeight(190);
    m_chart->setToolTip(tr("Where the parameters live: the token and position tables, attention, "
                           "the MLPs and the LayerNorms."));
    paramsLayout->addWidget(m_chart, 1);
    layout->addWidget(params, 1);

    auto *checkpoint = new QGroupBox(tr("Checkpoint size"));
    auto *checkpointGrid = new QGridLayout(checkpoint);
    addValueRow(checkpointGrid, 0, tr("fp32"), QStringLiteral("bytes.fp32"),
                tr("Weights saved as 32-bit floats, as training keeps them."));
    addValueRow(checkpointGrid, 1, tr("bf16"), QStringLiteral("bytes.bf16"),
                tr("Weights as 16-bit bfloat: half the size, what most releases ship."));
    addValueRow(checkpointGrid, 2, tr("int8"), QStringLiteral("bytes.int8"),
                tr("Matrices as GGUF's Q8_0: blocks of 32 8-bit integers with one fp16 scale, "
                   "34 bytes per 32 weights; the position table, biases and norms stay fp32."));
    layout->addWidget(checkpoint);

    auto *compute = new QGroupBox(tr("Compute"));
    auto *computeGrid = new QGridLayout(compute);
    addValueRow(computeGrid, 0, tr("Training, per token"), QStringLiteral("flops.train"),
                tr("Forward and backward pass for one token at the sequence length: about 6 "
                   "FLOPs per parameter plus attention."));
    addValueRow(computeGrid, 1, tr("Inference, per token"), QStringLiteral("flops.infer"),
                tr("Forward pass only for one token at the full sequence length: about 2 FLOPs "
                   "per parameter plus attention."));
    addValueRow(computeGrid, 2, tr("Whole budget"), QStringLiteral("flops.budget"),
                tr("Training FLOPs per token times the token budget."));
    QLabel *time =
        addValueRow(computeGrid, 3, tr("Training time here"), QStringLiteral("time.estimate"),
                    tr("Token budget x training FLOPs per token / the FLOP/s measured for "
                       "az-tiny here: it assumes this model runs as efficiently as az-tiny, "
                       "so take it as a rough guide."));
    setBold(time);
    layout->addWidget(compute);
    return column;
}

QWidget *ModelPage::buildMemoryColumn()
{
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildTrainingMemoryBox());
    layout->addWidget(buildInferenceMemoryBox());

    auto *fits = new QGroupBox(tr("Where it fits"));
    auto *fitsLayout = new QVBoxLayout(fits);
    m_devices = new DeviceFitTable;
    m_devices->setObjectName(QStringLiteral("deviceTable"));
    fitsLayout->addWidget(m_devices);
    layout->addWidget(fits);
    layout->addStretch(1);
    return column;
}

QGroupBox *ModelPage::buildTrainingMemoryBox()
{
    auto *box = new QGroupBox(tr("Training memory (fp32, AdamW)"));
    auto *grid = new QGridLayout(box);
    auto *plainHeader = new QLabel(tr("plain"));
    auto *ckptHeader = new QLabel(tr("checkpointing"));
    ckptHeader->setToolTip(
        tr("Activation checkpointing keeps only each block's input and "
           "recomputes the rest during backward: less memory, ~1/3 more compute."));
    for (QLabel *header : {plainHeader, ckptHeader}) {
        header->setAlignment(Qt::AlignRight);
        header->setForegroundRole(QPalette::PlaceholderText);
    }
    grid->addWidget(plainHeader, 0, 1);
    grid->addWidget(ckptHeader, 0, 2);
    const struct
    {
        const char *part;
        QString label;
        QString tooltip;
    } rows[] = {
        {"weights", tr("Weights"), tr("The model itself, 4 bytes per parameter.")},
        {"gradients", tr("Gradients"), tr("One fp32 gradient per parameter.")},
        {"optimizer", tr("AdamW states"),
         tr("AdamW's two running moments, 8 bytes per parameter.")},
        {"activations", tr("Activations"),
         tr("Values the forward pass keeps for backward; grows with batch and sequence length.")},
        {"total", tr("Total"), tr("Everything one training step holds at its peak.")},
    };
    int row = 1;
    for (const auto &r : rows) {
        const QString part = QLatin1String(r.part);
        auto *caption = new QLabel(r.label);
        caption->setToolTip(r.tooltip);
        grid->addWidget(caption, row, 0);
        grid->addWidget(valueLabel(QStringLiteral("train.plain.") + part, r.tooltip), row, 1);
        grid->addWidget(valueLabel(QStringLiteral("train.ckpt.") + part, r.tooltip), row, 2);
        if (part == QLatin1String("total")) {
            setBold(caption);
            setBold(m_values.value(QStringLiteral("train.plain.total")));
            setBold(m_values.value(QStringLiteral("train.ckpt.total")));
        }
        ++row;
    }
    grid->setColumnStretch(0, 1);
    return box;
}

QGroupBox *ModelPage::buildInferenceMemoryBox()
{
    auto *box = new QGroupBox(tr("Inference memory (fp32, batch 1)"));
    auto *grid = new QGridLayout(box);
    addValueRow(grid, 0, tr("Weights"), QStringLiteral("infer.weights"),
                tr("The model itself, 4 bytes per parameter."));
    addValueRow(grid, 1, tr("KV cache"), QStringLiteral("infer.kv"),
                tr("Keys and values of every layer for the whole sequence, so each new token "
                   "need not recompute them."));
    QLabel *total = addValueRow(grid, 2, tr("Total"), QStringLiteral("infer.total"),
                                tr("Weights, KV cache and one row of vocabulary scores."));
    setBold(total);
    return box;
}

QLabel *ModelPage::addValueRow(QGridLayout *grid, int row, const QString &label, const QString &key,
                               const QString &tooltip)
{
    auto *caption = new QLabel(label);
    caption->setToolTip(tooltip);
    QLabel *value = valueLabel(key, tooltip);
    grid->addWidget(caption, row, 0);
    grid->addWidget(value, row, 1);
    grid->setColumnStretch(0, 1);
    return value;
}

QLabel *ModelPage::valueLabel(const QString &key, const QString &tooltip)
{
    auto *label = new QLabel(notShownText());
    label->setObjectName(key);
    label->setToolTip(tooltip);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_values.insert(key, label);
    return label;
}
