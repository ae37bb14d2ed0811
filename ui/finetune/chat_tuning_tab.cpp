#include "chat_tuning_tab.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "batch_preview_view.h"
#include "size_format.h"
#include "tuning_form.h"
#include "tuning_run_panel.h"
#include "tuning_sizing.h"

namespace azllm::ui {

ChatTuningTab::ChatTuningTab(QWidget *parent) : QWidget(parent)
{
    m_panel = new TuningRunPanel;
    QWidget *results = buildResults();
    layOutTab(this, buildForm(), m_panel, results, 3, 2);
    retranslate();
    updateMethodFields();
}

QWidget *ChatTuningTab::buildForm()
{
    m_dataset = new QLineEdit;
    m_dataset->setObjectName(QStringLiteral("sftDataset"));
    m_browse = new QPushButton;
    m_validationShare = doubleSpinBox(0.02, 0.5, 0.1, 2, 0.05);
    m_method = new QComboBox;
    m_method->setObjectName(QStringLiteral("sftMethod"));
    m_method->addItem(QString(), QStringLiteral("all"));
    m_method->addItem(QString(), QStringLiteral("last"));
    m_method->addItem(QString(), QStringLiteral("lora"));
    m_blocks = spinBox(1, 64, 2);
    m_rank = spinBox(1, 256, 8);
    m_alpha = doubleSpinBox(1, 1024, 16, 1, 1);
    m_targets = new QComboBox;
    m_targets->addItem(QString(), QStringLiteral("attn"));
    m_targets->addItem(QString(), QStringLiteral("attn,mlp"));
    m_allTokens = new QCheckBox;
    m_packing = new QCheckBox;
    m_epochs = spinBox(1, 100, 3);
    m_learningRate = doubleSpinBox(1e-5, 1e-1, 5e-4, 5, 1e-4);
    m_batch = spinBox(1, 256, 8);
    m_cost = new QLabel;
    m_cost->setObjectName(QStringLiteral("sftCost"));
    m_cost->setWordWrap(true);
    m_previewButton = new QPushButton;
    connect(m_previewButton, &QPushButton::clicked, this, &ChatTuningTab::previewRequested);

    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        // LoRA's small adapters take a larger step than whole matrices.
        const bool lora = m_method->currentData().toString() == QLatin1String("lora");
        m_learningRate->setValue(lora ? 2e-3 : 5e-4);
        updateMethodFields();
    });
    connect(m_targets, &QComboBox::currentIndexChanged, this, [this] { updateCost(); });
    for (QSpinBox *box : {m_blocks, m_rank, m_batch})
        connect(box, &QSpinBox::valueChanged, this, [this] { updateCost(); });

    QWidget *datasetRow = fileField(m_dataset, m_browse, tr("Chat dataset"),
                                    tr("Chat datasets (*.jsonl *.json *.csv)"));
    m_grid.add(0, 0, datasetRow, 3);
    m_grid.add(0, 2, m_validationShare);
    m_grid.add(0, 3, m_epochs);
    m_grid.add(1, 0, m_method);
    m_grid.add(1, 1, m_blocks);
    m_grid.add(1, 2, m_learningRate);
    m_grid.add(1, 3, m_batch);
    m_grid.add(2, 0, m_rank);
    m_grid.add(2, 1, m_alpha);
    m_grid.add(2, 2, m_targets);
    QGridLayout *grid = m_grid.layout();
    grid->addWidget(m_allTokens, 3, 0, 1, 4);
    grid->addWidget(m_packing, 3, 4, 1, 4);
    grid->addWidget(m_cost, 4, 0, 1, 6);
    grid->addWidget(m_previewButton, 4, 6, 1, 2);
    auto *box = new QGroupBox;
    box->setObjectName(QStringLiteral("sftSetup"));
    box->setLayout(grid);
    return box;
}

QWidget *ChatTuningTab::buildResults()
{
    m_preview = new BatchPreviewView;
    m_comparison = readOnlyTable(4);
    m_comparison->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_comparison->setWordWrap(true);
    m_compare = new QPushButton;
    m_compare->setEnabled(false);
    connect(m_compare, &QPushButton::clicked, this, [this] { Q_EMIT compareRequested(m_tuned); });
    m_openInChat = new QPushButton;
    m_openInChat->setEnabled(false);
    connect(m_openInChat, &QPushButton::clicked, this,
            [this] { Q_EMIT openInChatRequested(m_tuned); });
    m_comparisonSummary = new QLabel;
    m_comparisonSummary->setWordWrap(true);
    auto *compareTab = new QWidget;
    auto *compareLayout = new QVBoxLayout(compareTab);
    auto *compareButtons = new QHBoxLayout;
    compareButtons->addWidget(m_compare);
    compareButtons->addWidget(m_openInChat);
    compareButtons->addWidget(m_comparisonSummary, 1);
    compareLayout->addLayout(compareButtons);
    compareLayout->addWidget(m_comparison, 1);

    m_tabs = new QTabWidget;
    m_tabs->addTab(m_panel->log(), QString());
    m_tabs->addTab(m_preview, QString());
    m_tabs->addTab(compareTab, QString());
    return m_tabs;
}

void ChatTuningTab::setBaseModel(const ModelConfig &model, bool present)
{
    m_base = model;
    m_hasBase = present;
    m_blocks->setMaximum(int(std::max<std::int64_t>(1, model.nLayer)));
    updateCost();
}

void ChatTuningTab::setDatasetPath(const QString &path)
{
    m_dataset->setText(path);
}

TuningRequest ChatTuningTab::request() const
{
    if (m_dataset->text().trimmed().isEmpty())
        throw std::runtime_error(
            tr("Choose a chat dataset file first (JSONL or CSV with question and answer).")
                .toStdString());
    TuningRequest r;
    r.kind = "sft";
    r.data = m_dataset->text().trimmed().toStdString();
    r.validationRatio = m_validationShare->value();
    const QString method = m_method->currentData().toString();
    r.settings = {{"epochs", std::to_string(m_epochs->value())},
                  {"learning_rate", QString::number(m_learningRate->value(), 'g', 6).toStdString()},
                  {"batch_size", std::to_string(m_batch->value())},
                  {"loss_on", m_allTokens->isChecked() ? "all" : "assistant"},
                  {"packing", m_packing->isChecked() ? "1" : "0"},
                  {"train_blocks", method == QLatin1String("all") ? std::string("all")
                                   : method == QLatin1String("last")
                                       ? std::to_string(m_blocks->value())
                                       : std::string("0")},
                  {"lora_rank", method == QLatin1String("lora") ? std::to_string(m_rank->value())
                                                                : std::string("0")},
                  {"lora_alpha", QString::number(m_alpha->value()).toStdString()},
                  {"lora_targets", m_targets->currentData().toString().toStdString()}};
    return r;
}

void ChatTuningTab::updateMethodFields()
{
    const QString method = m_method->currentData().toString();
    m_blocks->setEnabled(method == QLatin1String("last"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_rank, m_alpha, m_targets})
        w->setEnabled(method == QLatin1String("lora"));
    updateCost();
}

// What the chosen method trains and what a step costs, beside full tuning of the same model.
void ChatTuningTab::updateCost()
{
    if (!m_hasBase) {
        m_cost->setText(tr("Choose a base checkpoint above to see what tuning it costs."));
        return;
    }
    RunConfig chosen;
    chosen.model = m_base;
    chosen.tuning.kind = "sft";
    const QString method = m_method->currentData().toString();
    chosen.tuning.trainBlocks = method == QLatin1String("last")
                                    ? std::to_string(m_blocks->value())
                                    : (method == QLatin1String("lora") ? "0" : "all");
    chosen.tuning.loraRank = method == QLatin1String("lora") ? m_rank->value() : 0;
    chosen.tuning.loraTargets = m_targets->currentData().toString().toStdString();
    RunConfig full = chosen;
    full.tuning.trainBlocks = "all";
    full.tuning.loraRank = 0;
    const std::int64_t batch = m_batch->value(), context = m_base.contextLength;
    const TuningCost cost = tuningCost(chosen, batch, context);
    const TuningCost fullCost = tuningCost(full, batch, context);
    m_cost->setText(tr("Trains %1 of %2 parameters (%L3%) · training memory %4 (full tuning: %5, "
                       "%6 trained)")
                        .arg(formatParameterCount(cost.trainable), formatParameterCount(cost.total))
                        .arg(100.0 * double(cost.trainable) / double(cost.total), 0, 'f', 2)
                        .arg(formatBytes(cost.memory.total()), formatBytes(fullCost.memory.total()),
                             formatParameterCount(fullCost.trainable)));
}

void ChatTuningTab::showPreview(const std::vector<PreviewRow> &rows, const QStringList &summary)
{
    m_preview->showRows(rows);
    for (const QString &line : summary)
        m_panel->appendLog(line);
    showPreviewTab();
}

void ChatTuningTab::showPreviewTab()
{
    m_tabs->setCurrentWidget(m_preview);
}

void ChatTuningTab::setTunedCheckpoint(const QString &checkpoint)
{
    m_tuned = checkpoint;
    m_compare->setEnabled(!checkpoint.isEmpty());
    m_openInChat->setEnabled(!checkpoint.isEmpty());
}

void ChatTuningTab::setComparisonProgress(int done, int total)
{
    m_comparisonSummary->setText(tr("Answering held-out questions… %1 of %2").arg(done).arg(total));
    m_tabs->setCurrentIndex(2);
}

void ChatTuningTab::showComparison(const SftEvaluation &base, const SftEvaluation &tuned)
{
    m_comparison->setRowCount(int(tuned.answers.size()));
    for (int row = 0; row < int(tuned.answers.size()); ++row) {
        const SftAnswer &b = base.answers[std::size_t(row)], &t = tuned.answers[std::size_t(row)];
        m_comparison->setItem(row, 0, readOnlyItem(QString::fromStdString(t.question)));
        m_comparison->setItem(row, 1, readOnlyItem(QString::fromStdString(b.answer)));
        m_comparison->setItem(row, 2, readOnlyItem(QString::fromStdString(t.answer)));
        m_comparison->setItem(row, 3, readOnlyItem(QString::fromStdString(t.reference)));
    }
    m_comparison->resizeRowsToContents();
    m_comparisonSummary->setText(
        tr("Base: %1% of answers end with <|end|>, word F1 %L2 · Tuned: %3%, word F1 %L4")
            .arg(100 * base.endedRate, 0, 'f', 0)
            .arg(base.tokenF1, 0, 'f', 3)
            .arg(100 * tuned.endedRate, 0, 'f', 0)
            .arg(tuned.tokenF1, 0, 'f', 3));
    m_tabs->setCurrentIndex(2);
}

void ChatTuningTab::retranslate()
{
    m_grid.setCaptions({tr("&Dataset"), tr("&Validation share"), tr("&Epochs"), tr("&Method"),
                        tr("Bloc&ks"), tr("&Learning rate"), tr("&Batch"), tr("LoRA &rank"),
                        tr("LoRA &alpha"), tr("LoRA &targets")});
    m_dataset->setPlaceholderText(
        tr("JSONL (Alpaca, ShareGPT or messages) or CSV with question and answer columns"));
    m_browse->setText(tr("Browse…"));
    m_method->setItemText(0, tr("Full: every block"));
    m_method->setItemText(1, tr("The last N blocks"));
    m_method->setItemText(2, tr("LoRA adapters"));
    m_method->setToolTip(tr("Full tuning changes every weight; the last N blocks changes only the "
                            "top of the model; LoRA freezes the model and trains small low-rank "
                            "adapters beside its projections"));
    m_blocks->setToolTip(tr("How many of the top blocks train (with the last LayerNorm)"));
    m_rank->setToolTip(tr("The adapters' rank r: each adapted matrix W gets B·A with A r×in and "
                          "B out×r"));
    m_alpha->setToolTip(tr("The update B·A is scaled by alpha / rank"));
    m_targets->setItemText(0, tr("attention projections"));
    m_targets->setItemText(1, tr("attention and MLP projections"));
    m_allTokens->setText(tr("Loss on every token (not only the answers)"));
    m_allTokens->setToolTip(tr("Off: the loss counts only the assistant's answers and their "
                               "<|end|>. On: the model also learns to write the questions."));
    m_packing->setText(tr("Pack several examples per row"));
    m_packing->setToolTip(tr("Fills each row with several conversations; attention stays inside "
                             "each one. Faster for short examples."));
    m_previewButton->setText(tr("Preview first batch"));
    m_previewButton->setToolTip(
        tr("Encode the dataset and show the first batch with the tokens the loss counts"));
    m_compare->setText(tr("Compare base and tuned"));
    m_compare->setToolTip(tr("Both checkpoints answer held-out questions, greedily"));
    m_openInChat->setText(tr("Open in Chat"));
    m_comparison->setHorizontalHeaderLabels(
        {tr("Question"), tr("Base answer"), tr("Tuned answer"), tr("Reference")});
    if (m_tabs) {
        m_tabs->setTabText(0, tr("Log"));
        m_tabs->setTabText(1, tr("First batch"));
        m_tabs->setTabText(2, tr("Before and after"));
    }
    updateCost();
}

void ChatTuningTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace azllm::ui
