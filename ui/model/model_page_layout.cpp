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
#include "training_plan_panel.h"

namespace azllm::ui {

namespace {

// The batch a learner starts with; small enough for the course's T4.
constexpr int kDefaultBatch = 8;

QLabel *sectionHint()
{
    auto *label = new QLabel;
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
    m_plan = new TrainingPlanPanel;
    m_plan->setObjectName(QStringLiteral("trainingPlan"));
    layout->addWidget(m_plan);
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

    showMeasureState();
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
    auto *box = new QGroupBox;
    m_texts.set(box, "title", QT_TR_NOOP("Course presets"));
    auto *layout = new QVBoxLayout(box);
    QLabel *hint = sectionHint();
    m_texts.set(
        hint, "text",
        QT_TR_NOOP(
            "Click a preset to load it, or shape your own model below; every figure updates as you "
            "type. Parameter counts are exact, so a preset's name may round: see the Note "
            "column."));
    layout->addWidget(hint);
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

    m_trainButton = new QPushButton;
    m_texts.set(m_trainButton, "text", QT_TR_NOOP("Train this model \u2192"));
    m_trainButton->setObjectName(QStringLiteral("trainButton"));
    m_texts.set(m_trainButton, "toolTip",
                QT_TR_NOOP("Open the Train screen with this model's shape."));
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
    auto *box = new QGroupBox;
    m_texts.set(box, "title", QT_TR_NOOP("Your model"));
    auto *form = new QGridLayout(box);
    m_vocab =
        addSizeSpin(form, QT_TR_NOOP("Vocabulary"), QStringLiteral("vocabSpin"), 1000000,
                    QT_TR_NOOP("Number of tokens your tokenizer knows; each gets a row of n_embd "
                               "numbers, shared with the output layer."));
    m_context =
        addSizeSpin(form, QT_TR_NOOP("Context length"), QStringLiteral("contextSpin"), 131072,
                    QT_TR_NOOP("Longest sequence the model reads at once; each position has its "
                               "own learned embedding."));
    m_embd =
        addSizeSpin(form, QT_TR_NOOP("Width (n_embd)"), QStringLiteral("embdSpin"), 16384,
                    QT_TR_NOOP("Size of every token's vector; parameters grow with its square."));
    m_layers = addSizeSpin(form, QT_TR_NOOP("Layers (n_layer)"), QStringLiteral("layerSpin"), 512,
                           QT_TR_NOOP("Number of transformer blocks stacked on each other."));
    m_heads = addSizeSpin(
        form, QT_TR_NOOP("Heads (n_head)"), QStringLiteral("headSpin"), 512,
        QT_TR_NOOP("Attention heads per block; n_embd must split evenly between them."));

    m_dropout = new QDoubleSpinBox;
    m_dropout->setObjectName(QStringLiteral("dropoutSpin"));
    m_dropout->setRange(0.0, 0.95);
    m_dropout->setSingleStep(0.05);
    m_texts.set(m_dropout, "toolTip",
                QT_TR_NOOP("Fraction of activations zeroed while training; 0 is right for "
                           "pretraining, 0.1 helps when data is small. Adds memory for masks."));
    const int row = form->rowCount();
    form->addWidget(caption(QT_TR_NOOP("Dropout")), row, 0);
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

QSpinBox *ModelPage::addSizeSpin(QGridLayout *form, const char *labelSource,
                                 const QString &objectName, int maximum, const char *tooltip)
{
    auto *spin = new QSpinBox;
    spin->setObjectName(objectName);
    // 0 is allowed on purpose: validate() then explains why a size must be positive.
    spin->setRange(0, maximum);
    spin->setGroupSeparatorShown(true);
    m_texts.set(spin, "toolTip", tooltip);
    spin->setAlignment(Qt::AlignRight);
    QLabel *label = caption(labelSource);
    m_texts.set(label, "toolTip", tooltip);
    const int row = form->rowCount();
    form->addWidget(label, row, 0);
    form->addWidget(spin, row, 1);
    connect(spin, &QSpinBox::valueChanged, this, &ModelPage::handleFormChanged);
    return spin;
}

QGroupBox *ModelPage::buildTrainingRunForm()
{
    auto *box = new QGroupBox;
    m_texts.set(box, "title", QT_TR_NOOP("Training run"));
    auto *form = new QGridLayout(box);
    m_batch = new QSpinBox;
    m_batch->setObjectName(QStringLiteral("batchSpin"));
    m_batch->setRange(1, 4096);
    m_batch->setValue(kDefaultBatch);
    m_batch->setAlignment(Qt::AlignRight);
    m_texts.set(m_batch, "toolTip",
                QT_TR_NOOP("Sequences per optimizer step; activation memory grows with it."));
    m_sequence = new QSpinBox;
    m_sequence->setObjectName(QStringLiteral("sequenceSpin"));
    m_sequence->setAlignment(Qt::AlignRight);
    m_sequence->setGroupSeparatorShown(true);
    m_texts.set(m_sequence, "toolTip",
                QT_TR_NOOP("Tokens per training sequence, at most the context length; "
                           "attention memory grows with its square."));
    m_budget = new QDoubleSpinBox;
    m_budget->setObjectName(QStringLiteral("budgetSpin"));
    m_budget->setRange(0.1, 1e9);
    m_budget->setDecimals(1);
    m_budget->setSingleStep(100);
    m_budget->setGroupSeparatorShown(true);
    m_budget->setAlignment(Qt::AlignRight);
    m_texts.set(m_budget, "suffix", QT_TR_NOOP(" M tokens"));
    m_texts.set(m_budget, "toolTip",
                QT_TR_NOOP("How many tokens training will read in total (all epochs)."));
    m_optimalButton = new QPushButton;
    m_texts.set(m_optimalButton, "text", QT_TR_NOOP("Use the compute-optimal budget"));
    m_texts.set(m_optimalButton, "toolTip",
                QT_TR_NOOP("Set the budget to about 20 tokens per parameter, the "
                           "compute-optimal amount found by the Chinchilla study."));

    form->addWidget(caption(QT_TR_NOOP("Batch size")), 0, 0);
    form->addWidget(m_batch, 0, 1);
    form->addWidget(caption(QT_TR_NOOP("Sequence length")), 1, 0);
    form->addWidget(m_sequence, 1, 1);
    form->addWidget(caption(QT_TR_NOOP("Token budget")), 2, 0);
    form->addWidget(m_budget, 2, 1);
    QLabel *optimal =
        valueLabel(QStringLiteral("tokens.optimal"),
                   QT_TR_NOOP("About 20 tokens per parameter trains the best model for a "
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
    auto *box = new QGroupBox;
    m_texts.set(box, "title", QT_TR_NOOP("This machine"));
    auto *layout = new QVBoxLayout(box);
    m_measureButton = new QPushButton;
    m_measureButton->setObjectName(QStringLiteral("measureButton"));
    m_texts.set(m_measureButton, "toolTip",
                QT_TR_NOOP("Times a few real training steps of az-tiny (batch 8, context "
                           "64) to learn how many FLOP/s this machine achieves."));
    m_measureProgress = new QProgressBar;
    m_measureProgress->setRange(0, 0); // busy: the benchmark reports no steps
    m_measureProgress->setTextVisible(false);
    m_measureProgress->setMaximumHeight(8);
    m_measureProgress->setVisible(false);
    m_measureStatus =
        valueLabel(QStringLiteral("machine.speed"),
                   QT_TR_NOOP("Training speed measured on this machine, in FLOPs per second."));
    m_measureStatus->setWordWrap(true);
    m_measureStatus->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
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

    auto *params = new QGroupBox;
    m_texts.set(params, "title", QT_TR_NOOP("Parameters"));
    auto *paramsLayout = new QVBoxLayout(params);
    QLabel *total = valueLabel(QStringLiteral("params.total"),
                               QT_TR_NOOP("Every trainable number in the model, counted exactly."));
    setBold(total, 1.5);
    paramsLayout->addWidget(total);
    m_chart = new ParameterChart;
    m_chart->setObjectName(QStringLiteral("parameterChart"));
    m_chart->setMinimumHeight(190);
    m_texts.set(m_chart, "toolTip",
                QT_TR_NOOP("Where the parameters live: the token and position tables, attention, "
                           "the MLPs and the LayerNorms."));
    paramsLayout->addWidget(m_chart, 1);
    layout->addWidget(params, 1);

    auto *checkpoint = new QGroupBox;
    m_texts.set(checkpoint, "title", QT_TR_NOOP("Checkpoint size"));
    auto *checkpointGrid = new QGridLayout(checkpoint);
    addValueRow(checkpointGrid, 0, QT_TR_NOOP("fp32"), QStringLiteral("bytes.fp32"),
                QT_TR_NOOP("Weights saved as 32-bit floats, as training keeps them."));
    addValueRow(checkpointGrid, 1, QT_TR_NOOP("bf16"), QStringLiteral("bytes.bf16"),
                QT_TR_NOOP("Weights as 16-bit bfloat: half the size, what most releases ship."));
    addValueRow(
        checkpointGrid, 2, QT_TR_NOOP("int8"), QStringLiteral("bytes.int8"),
        QT_TR_NOOP("Matrices as GGUF's Q8_0: blocks of 32 8-bit integers with one fp16 scale, "
                   "34 bytes per 32 weights; the position table, biases and norms stay fp32."));
    addValueRow(checkpointGrid, 3, QT_TR_NOOP("To resume training"), QStringLiteral("bytes.resume"),
                QT_TR_NOOP("A training checkpoint on disk: fp32 weights and AdamW's two moments, "
                           "all three needed to go on exactly. The Train screen keeps the newest "
                           "5, so a run takes five times this."));
    layout->addWidget(checkpoint);

    auto *compute = new QGroupBox;
    m_texts.set(compute, "title", QT_TR_NOOP("Compute"));
    auto *computeGrid = new QGridLayout(compute);
    addValueRow(
        computeGrid, 0, QT_TR_NOOP("Training, per token"), QStringLiteral("flops.train"),
        QT_TR_NOOP("Forward and backward pass for one token at the sequence length: about 6 "
                   "FLOPs per parameter plus attention."));
    addValueRow(
        computeGrid, 1, QT_TR_NOOP("Inference, per token"), QStringLiteral("flops.infer"),
        QT_TR_NOOP("Forward pass only for one token at the full sequence length: about 2 FLOPs "
                   "per parameter plus attention."));
    addValueRow(computeGrid, 2, QT_TR_NOOP("Whole budget"), QStringLiteral("flops.budget"),
                QT_TR_NOOP("Training FLOPs per token times the token budget."));
    QLabel *time = addValueRow(
        computeGrid, 3, QT_TR_NOOP("Training time here"), QStringLiteral("time.estimate"),
        QT_TR_NOOP("Token budget x training FLOPs per token / the FLOP/s measured for "
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

    auto *fits = new QGroupBox;
    m_texts.set(fits, "title", QT_TR_NOOP("Where it fits"));
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
    auto *box = new QGroupBox;
    m_texts.set(box, "title", QT_TR_NOOP("Training memory (fp32, AdamW)"));
    auto *grid = new QGridLayout(box);
    auto *plainHeader = caption(QT_TR_NOOP("plain"));
    auto *ckptHeader = caption(QT_TR_NOOP("checkpointing"));
    m_texts.set(ckptHeader, "toolTip",
                QT_TR_NOOP("Activation checkpointing keeps only each block's input and "
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
        const char *label;
        const char *tooltip;
    } rows[] = {
        {"weights", QT_TR_NOOP("Weights"), QT_TR_NOOP("The model itself, 4 bytes per parameter.")},
        {"gradients", QT_TR_NOOP("Gradients"), QT_TR_NOOP("One fp32 gradient per parameter.")},
        {"optimizer", QT_TR_NOOP("AdamW states"),
         QT_TR_NOOP("AdamW's two running moments, 8 bytes per parameter.")},
        {"activations", QT_TR_NOOP("Activations"),
         QT_TR_NOOP(
             "Values the forward pass keeps for backward; grows with batch and sequence length.")},
        {"total", QT_TR_NOOP("Total"),
         QT_TR_NOOP("Everything one training step holds at its peak.")},
    };
    int row = 1;
    for (const auto &r : rows) {
        const QString part = QLatin1String(r.part);
        QLabel *label = caption(r.label);
        m_texts.set(label, "toolTip", r.tooltip);
        grid->addWidget(label, row, 0);
        grid->addWidget(valueLabel(QStringLiteral("train.plain.") + part, r.tooltip), row, 1);
        grid->addWidget(valueLabel(QStringLiteral("train.ckpt.") + part, r.tooltip), row, 2);
        if (part == QLatin1String("total")) {
            setBold(label);
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
    auto *box = new QGroupBox;
    m_texts.set(box, "title", QT_TR_NOOP("Inference memory (fp32, batch 1)"));
    auto *grid = new QGridLayout(box);
    addValueRow(grid, 0, QT_TR_NOOP("Weights"), QStringLiteral("infer.weights"),
                QT_TR_NOOP("The model itself, 4 bytes per parameter."));
    addValueRow(
        grid, 1, QT_TR_NOOP("KV cache"), QStringLiteral("infer.kv"),
        QT_TR_NOOP("Keys and values of every layer for the whole sequence, so each new token "
                   "need not recompute them."));
    QLabel *total = addValueRow(grid, 2, QT_TR_NOOP("Total"), QStringLiteral("infer.total"),
                                QT_TR_NOOP("Weights, KV cache and one row of vocabulary scores."));
    setBold(total);
    return box;
}

QLabel *ModelPage::addValueRow(QGridLayout *grid, int row, const char *labelSource,
                               const QString &key, const char *tooltip)
{
    QLabel *label = caption(labelSource);
    m_texts.set(label, "toolTip", tooltip);
    QLabel *value = valueLabel(key, tooltip);
    grid->addWidget(label, row, 0);
    grid->addWidget(value, row, 1);
    grid->setColumnStretch(0, 1);
    return value;
}

QLabel *ModelPage::valueLabel(const QString &key, const char *tooltip)
{
    auto *label = new QLabel(notShownText());
    label->setObjectName(key);
    m_texts.set(label, "toolTip", tooltip);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_values.insert(key, label);
    return label;
}

QLabel *ModelPage::caption(const char *source)
{
    auto *label = new QLabel;
    m_texts.set(label, "text", source);
    return label;
}

} // namespace azllm::ui
