#include "classify_tab.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "confusion_matrix_view.h"
#include "metric_chart.h"
#include "size_format.h"
#include "tuning_form.h"
#include "tuning_run_panel.h"
#include "tuning_sizing.h"

namespace azllm::ui {
namespace {

enum ScoreSeries
{
    Accuracy,
    MacroF1
};

QTableWidgetItem *number(double value, int decimals = 3)
{
    return readOnlyItem(QLocale().toString(value, 'f', decimals),
                        Qt::AlignRight | Qt::AlignVCenter);
}

QLineEdit *lineEdit(const QString &objectName)
{
    auto *field = new QLineEdit;
    field->setObjectName(objectName);
    return field;
}

} // namespace

ClassifyTab::ClassifyTab(QWidget *parent) : QWidget(parent)
{
    m_panel = new TuningRunPanel;
    QWidget *results = buildResults();
    layOutTab(this, buildForm(), m_panel, results, 2, 3);
    retranslate();
}

QWidget *ClassifyTab::buildForm()
{
    m_dataset = lineEdit(QStringLiteral("classifyDataset"));
    m_validation = lineEdit(QStringLiteral("classifyValidation"));
    m_browse = new QPushButton;
    m_browseValidation = new QPushButton;
    m_validationShare = doubleSpinBox(0.05, 0.5, 0.15, 2, 0.05);
    m_seed = spinBox(0, 1'000'000, 1337);
    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("classifyMode"));
    for (const char *mode : {"head", "last2", "full", "lora"})
        m_mode->addItem(QString(), QLatin1String(mode));
    m_pooling = new QComboBox;
    m_pooling->addItem(QString(), QStringLiteral("last"));
    m_pooling->addItem(QString(), QStringLiteral("mean"));
    m_epochs = spinBox(1, 100, 4);
    m_learningRate = doubleSpinBox(1e-5, 1e-1, 3e-3, 5, 1e-4);
    m_batch = spinBox(1, 256, 8);
    m_cost = new QLabel;
    m_cost->setWordWrap(true);
    m_baselineButton = new QPushButton;
    connect(m_baselineButton, &QPushButton::clicked, this, &ClassifyTab::baselinesRequested);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        const QString mode = this->mode();
        m_learningRate->setValue(mode == QLatin1String("head") || mode == QLatin1String("lora")
                                     ? 3e-3
                                     : (mode == QLatin1String("full") ? 5e-4 : 1e-3));
        updateCost();
    });
    connect(m_batch, &QSpinBox::valueChanged, this, [this] { updateCost(); });

    const QString caption = tr("Labelled texts"), filter = tr("Labelled texts (*.csv *.jsonl)");
    m_grid.add(0, 0, fileField(m_dataset, m_browse, caption, filter), 3);
    m_grid.add(0, 2, m_validationShare);
    m_grid.add(0, 3, m_seed);
    m_grid.add(1, 0, fileField(m_validation, m_browseValidation, caption, filter), 3);
    m_grid.add(1, 2, m_epochs);
    m_grid.add(1, 3, m_batch);
    m_grid.add(2, 0, m_mode);
    m_grid.add(2, 1, m_pooling);
    m_grid.add(2, 2, m_learningRate);
    QGridLayout *grid = m_grid.layout();
    grid->addWidget(m_baselineButton, 2, 6, 1, 2);
    grid->addWidget(m_cost, 3, 0, 1, 8);
    auto *box = new QGroupBox;
    box->setLayout(grid);
    return box;
}

QWidget *ClassifyTab::buildPredictBox()
{
    m_text = new QLineEdit;
    m_text->setObjectName(QStringLiteral("predictText"));
    m_predict = new QPushButton;
    m_predict->setEnabled(false);
    const auto ask = [this] {
        if (!m_checkpoint.isEmpty() && !m_text->text().trimmed().isEmpty())
            Q_EMIT predictRequested(m_checkpoint, m_text->text().trimmed());
    };
    connect(m_predict, &QPushButton::clicked, this, ask);
    connect(m_text, &QLineEdit::returnPressed, this, ask);
    m_prediction = readOnlyTable(2);
    m_predictHint = new QLabel;
    m_predictHint->setWordWrap(true);
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    auto *row = new QHBoxLayout;
    row->addWidget(m_text, 1);
    row->addWidget(m_predict);
    layout->addWidget(m_predictHint);
    layout->addLayout(row);
    layout->addWidget(m_prediction, 1);
    return box;
}

QWidget *ClassifyTab::buildResults()
{
    m_scores = new MetricChart(QString(), QString());
    m_scores->addSeries(QString(), QColor(25, 80, 170), true);
    m_scores->addSeries(QString(), QColor(220, 110, 30), true);
    m_confusion = new ConfusionMatrixView;
    m_perClass = readOnlyTable(5);
    auto *metrics = new QSplitter(Qt::Horizontal);
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_scores);
    left->addWidget(m_perClass);
    metrics->addWidget(left);
    metrics->addWidget(m_confusion);
    m_misclassified = readOnlyTable(3);
    m_misclassified->setWordWrap(true);
    m_baselines = readOnlyTable(3);
    m_tabs = new QTabWidget;
    m_tabs->addTab(metrics, QString());
    m_tabs->addTab(m_misclassified, QString());
    m_tabs->addTab(m_baselines, QString());
    m_tabs->addTab(buildPredictBox(), QString());
    m_tabs->addTab(m_panel->log(), QString());
    return m_tabs;
}

void ClassifyTab::setBaseModel(const ModelConfig &model, bool present)
{
    m_base = model;
    m_hasBase = present;
    updateCost();
}

void ClassifyTab::setDatasetPath(const QString &path)
{
    m_dataset->setText(path);
}

void ClassifyTab::setValidationPath(const QString &path)
{
    m_validation->setText(path);
}

void ClassifyTab::setMode(const QString &mode)
{
    const int index = m_mode->findData(mode);
    if (index >= 0)
        m_mode->setCurrentIndex(index);
}

QString ClassifyTab::mode() const
{
    return m_mode->currentData().toString();
}

TuningRequest ClassifyTab::request() const
{
    if (m_dataset->text().trimmed().isEmpty())
        throw std::runtime_error(
            tr("Choose a file of labelled texts first (CSV or JSONL with text and label).")
                .toStdString());
    TuningRequest r;
    r.kind = "classify";
    r.data = m_dataset->text().trimmed().toStdString();
    r.validationData = m_validation->text().trimmed().toStdString();
    r.validationRatio = m_validationShare->value();
    r.seed = std::uint64_t(m_seed->value());
    r.settings = classifyModeSettings(mode().toStdString());
    r.settings.push_back({"pooling", m_pooling->currentData().toString().toStdString()});
    r.settings.push_back({"epochs", std::to_string(m_epochs->value())});
    r.settings.push_back(
        {"learning_rate", QString::number(m_learningRate->value(), 'g', 6).toStdString()});
    r.settings.push_back({"batch_size", std::to_string(m_batch->value())});
    return r;
}

void ClassifyTab::updateCost()
{
    if (!m_hasBase) {
        m_cost->setText(tr("Choose a base checkpoint above to see what tuning it costs."));
        return;
    }
    RunConfig config;
    config.model = m_base;
    config.tuning.kind = "classify";
    config.tuning.labelCount = 6;
    for (const auto &[key, value] : classifyModeSettings(mode().toStdString())) {
        if (key == "train_blocks")
            config.tuning.trainBlocks = value;
        else if (key == "lora_rank")
            config.tuning.loraRank = std::stoll(value);
    }
    const TuningCost cost = tuningCost(config, m_batch->value(), m_base.contextLength);
    m_cost->setText(tr("Trains %1 of %2 parameters (%L3%, with a head for 6 labels) · training "
                       "memory %4")
                        .arg(formatParameterCount(cost.trainable), formatParameterCount(cost.total))
                        .arg(100.0 * double(cost.trainable) / double(cost.total), 0, 'f', 2)
                        .arg(formatBytes(cost.memory.total())));
}

void ClassifyTab::setValidationItems(const std::vector<LabelledText> &items)
{
    m_validationItems = items;
}

void ClassifyTab::clearResults()
{
    m_scores->clearSeries();
    m_confusion->clearReport();
    m_perClass->setRowCount(0);
    m_misclassified->setRowCount(0);
    m_bestAccuracy = m_bestMacroF1 = -1;
}

void ClassifyTab::showReport(qint64 step, qint64 stepsPerEpoch, const ClassificationReport &r)
{
    const double epoch = stepsPerEpoch > 0 ? double(step) / double(stepsPerEpoch) : double(step);
    m_scores->append(Accuracy, epoch, r.accuracy);
    m_scores->append(MacroF1, epoch, r.macroF1);
    m_scores->refresh();
    m_confusion->showReport(r);
    m_perClass->setRowCount(int(r.labels.size()));
    for (int c = 0; c < int(r.labels.size()); ++c) {
        const ClassMetrics &m = r.perClass[std::size_t(c)];
        m_perClass->setItem(c, 0, readOnlyItem(QString::fromStdString(r.labels[std::size_t(c)])));
        m_perClass->setItem(c, 1, number(m.precision));
        m_perClass->setItem(c, 2, number(m.recall));
        m_perClass->setItem(c, 3, number(m.f1));
        m_perClass->setItem(c, 4, number(double(m.support), 0));
    }
    m_misclassified->setRowCount(0);
    for (std::size_t i = 0; i < r.truth.size() && i < m_validationItems.size(); ++i) {
        if (r.truth[i] == r.predicted[i])
            continue;
        const int row = m_misclassified->rowCount();
        m_misclassified->insertRow(row);
        m_misclassified->setItem(
            row, 0, readOnlyItem(QString::fromStdString(r.labels[std::size_t(r.truth[i])])));
        m_misclassified->setItem(
            row, 1, readOnlyItem(QString::fromStdString(r.labels[std::size_t(r.predicted[i])])));
        m_misclassified->setItem(row, 2,
                                 readOnlyItem(QString::fromStdString(m_validationItems[i].text)));
    }
    m_bestAccuracy = std::max(m_bestAccuracy, r.accuracy);
    m_bestMacroF1 = std::max(m_bestMacroF1, r.macroF1);
    setBaselineRow(2, tr("This classifier (best so far)"), m_bestAccuracy, m_bestMacroF1);
    m_panel->appendLog(tr("epoch %L1: accuracy %L2, macro-F1 %L3, validation loss %L4")
                           .arg(epoch, 0, 'f', 1)
                           .arg(r.accuracy, 0, 'f', 3)
                           .arg(r.macroF1, 0, 'f', 3)
                           .arg(r.loss, 0, 'f', 4));
}

void ClassifyTab::setBaselineRow(int row, const QString &name, double accuracy, double macroF1)
{
    if (m_baselines->rowCount() <= row)
        m_baselines->setRowCount(row + 1);
    m_baselines->setItem(row, 0, readOnlyItem(name));
    m_baselines->setItem(row, 1, number(accuracy));
    m_baselines->setItem(row, 2, number(macroF1));
}

void ClassifyTab::showBaselines(const BaselineReports &reports)
{
    setBaselineRow(0, tr("Majority class"), reports.majority.accuracy, reports.majority.macroF1);
    setBaselineRow(1, tr("Bag of words (logistic regression)"), reports.bagOfWords.accuracy,
                   reports.bagOfWords.macroF1);
    if (m_bestAccuracy >= 0)
        setBaselineRow(2, tr("This classifier (best so far)"), m_bestAccuracy, m_bestMacroF1);
    m_baselines->resizeColumnsToContents();
}

void ClassifyTab::showPrediction(const QStringList &labels, const QVector<double> &probabilities)
{
    QVector<int> order(labels.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return probabilities[a] > probabilities[b]; });
    m_prediction->setRowCount(int(labels.size()));
    for (int row = 0; row < order.size(); ++row) {
        m_prediction->setItem(row, 0, readOnlyItem(labels[order[row]]));
        auto *bar = new QProgressBar;
        bar->setRange(0, 1000);
        bar->setValue(int(probabilities[order[row]] * 1000));
        bar->setFormat(QLocale().toString(100 * probabilities[order[row]], 'f', 1) +
                       QLatin1Char('%'));
        m_prediction->setCellWidget(row, 1, bar);
    }
}

void ClassifyTab::setClassifierCheckpoint(const QString &checkpoint)
{
    m_checkpoint = checkpoint;
    m_predict->setEnabled(!checkpoint.isEmpty());
    m_predictHint->setText(checkpoint.isEmpty()
                               ? tr("Train a classifier first; then type any text to see its "
                                    "class probabilities.")
                               : tr("Classifier: %1").arg(checkpoint));
}

void ClassifyTab::retranslate()
{
    m_grid.setCaptions({tr("&Dataset"), tr("&Validation share"), tr("&Seed"),
                        tr("Validation &file"), tr("&Epochs"), tr("&Batch"), tr("&Mode"),
                        tr("&Pooling"), tr("&Learning rate")});
    m_dataset->setPlaceholderText(tr("CSV or JSONL with text and label"));
    m_validation->setPlaceholderText(tr("optional: held-out texts (otherwise a stratified split)"));
    m_browse->setText(tr("Browse…"));
    m_browseValidation->setText(tr("Browse…"));
    m_mode->setItemText(0, tr("Head only"));
    m_mode->setItemText(1, tr("Last 2 blocks"));
    m_mode->setItemText(2, tr("Everything"));
    m_mode->setItemText(3, tr("LoRA"));
    m_mode->setToolTip(tr("What trains besides the head: nothing (the GPT is a frozen feature "
                          "extractor), its last 2 blocks, all of it, or LoRA adapters"));
    m_pooling->setItemText(0, tr("State at <|label|>"));
    m_pooling->setItemText(1, tr("Mean over the text"));
    m_pooling->setToolTip(tr("Which hidden state the head reads"));
    m_seed->setToolTip(tr("Seed of the stratified split and the training order"));
    m_baselineButton->setText(tr("Baselines"));
    m_baselineButton->setToolTip(tr("Majority class and bag-of-words logistic regression on the "
                                    "same split: what the GPT has to beat"));
    m_scores->setTitles(tr("Validation accuracy and macro-F1"), tr("score"));
    m_scores->setSeriesName(Accuracy, tr("accuracy"));
    m_scores->setSeriesName(MacroF1, tr("macro-F1"));
    m_scores->xAxis->setLabel(tr("epoch"));
    m_perClass->setHorizontalHeaderLabels(
        {tr("Label"), tr("Precision"), tr("Recall"), tr("F1"), tr("Texts")});
    m_misclassified->setHorizontalHeaderLabels({tr("True"), tr("Predicted"), tr("Text")});
    m_baselines->setHorizontalHeaderLabels({tr("Method"), tr("Accuracy"), tr("Macro-F1")});
    m_prediction->setHorizontalHeaderLabels({tr("Label"), tr("Probability")});
    m_text->setPlaceholderText(tr("Type a news item and press Enter"));
    m_predict->setText(tr("Predict"));
    m_tabs->setTabText(0, tr("Scores"));
    m_tabs->setTabText(1, tr("Misclassified"));
    m_tabs->setTabText(2, tr("Baselines"));
    m_tabs->setTabText(3, tr("Prediction"));
    m_tabs->setTabText(4, tr("Log"));
    setClassifierCheckpoint(m_checkpoint);
    updateCost();
}

void ClassifyTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace azllm::ui
