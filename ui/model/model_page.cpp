#include "model_page.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>

#include "device_fit_table.h"
#include "model_sizing.h"
#include "parameter_chart.h"
#include "preset_table.h"
#include "size_format.h"
#include "training_plan_panel.h"

namespace azllm::ui {

namespace {

// Chinchilla's compute-optimal budget: about 20 training tokens per parameter.
constexpr double kTokensPerParameter = 20;
// The budget spin box counts millions of tokens, so that it reaches trillions.
constexpr double kBudgetUnit = 1e6;

// "Heads that divide 256 evenly near 5: 4 or 8." when n_head does not divide n_embd.
QString headCountHint(int width, int heads)
{
    if (width <= 0 || heads <= 0 || width % heads == 0)
        return {};
    int below = heads - 1;
    while (below > 1 && width % below != 0)
        --below;
    int above = heads + 1;
    while (above < width && width % above != 0)
        ++above;
    return ModelPage::tr("Heads that divide %1 evenly near %2: %3 or %4.")
        .arg(width)
        .arg(heads)
        .arg(below)
        .arg(above);
}

} // namespace

QString ModelPage::notShownText()
{
    return QStringLiteral("\u2014");
}

// ---- public API ---------------------------------------------------------------------------

void ModelPage::selectPreset(const QString &name)
{
    for (const ModelPreset &preset : modelPresets()) {
        if (QString::fromStdString(preset.name) != name)
            continue;
        const ModelConfig &c = preset.config;
        {
            // One refresh for the whole preset, not one per field.
            const QSignalBlocker b1(m_vocab), b2(m_context), b3(m_embd), b4(m_layers), b5(m_heads),
                b6(m_dropout), b7(m_sequence);
            m_vocab->setValue(int(c.vocabSize));
            m_context->setValue(int(c.contextLength));
            m_embd->setValue(int(c.nEmbd));
            m_layers->setValue(int(c.nLayer));
            m_heads->setValue(int(c.nHead));
            m_dropout->setValue(c.dropout);
            m_sequence->setRange(1, int(c.contextLength));
            m_sequence->setValue(int(c.contextLength));
        }
        m_budgetFollowsOptimal = true;
        refresh();
        return;
    }
}

ModelConfig ModelPage::currentConfig() const
{
    ModelConfig c;
    c.vocabSize = m_vocab->value();
    c.contextLength = m_context->value();
    c.nEmbd = m_embd->value();
    c.nLayer = m_layers->value();
    c.nHead = m_heads->value();
    c.dropout = m_dropout->value();
    return c;
}

std::int64_t ModelPage::trainingBatch() const
{
    return m_batch->value();
}

std::int64_t ModelPage::trainingContext() const
{
    return m_sequence->value();
}

double ModelPage::tokenBudget() const
{
    return m_budget->value() * kBudgetUnit;
}

QString ModelPage::displayedValue(const QString &key) const
{
    if (const QLabel *label = m_values.value(key))
        return label->text();
    if (key == QLatin1String("validation"))
        return m_problems->isHidden() ? QString() : m_problems->text();
    if (key.startsWith(QLatin1String("preset.")) && key.endsWith(QLatin1String(".params")))
        return m_presets->displayedParameters(key.section(QLatin1Char('.'), 1, -2));
    if (key.startsWith(QLatin1String("preset.")) && key.endsWith(QLatin1String(".note")))
        return m_presets->displayedNote(key.section(QLatin1Char('.'), 1, -2));
    if (key.startsWith(QLatin1String("params.")))
        return m_chart->displayedBar(key.section(QLatin1Char('.'), 1));
    if (key.startsWith(QLatin1String("fit.train.")))
        return m_devices->displayedFit(key.section(QLatin1Char('.'), 2), true);
    if (key.startsWith(QLatin1String("fit.infer.")))
        return m_devices->displayedFit(key.section(QLatin1Char('.'), 2), false);
    return {};
}

QStringList ModelPage::displayedKeys() const
{
    QStringList keys = m_values.keys();
    keys << QStringLiteral("validation") << QStringLiteral("params.embeddings")
         << QStringLiteral("params.attention") << QStringLiteral("params.mlp")
         << QStringLiteral("params.norms");
    for (const ModelPreset &p : modelPresets()) {
        keys << QStringLiteral("preset.%1.params").arg(QString::fromStdString(p.name))
             << QStringLiteral("preset.%1.note").arg(QString::fromStdString(p.name));
    }
    for (const Device &d : devicesToCompare())
        keys << QStringLiteral("fit.train.") + d.id << QStringLiteral("fit.infer.") + d.id;
    keys.sort();
    return keys;
}

// ---- reacting to the learner --------------------------------------------------------------

void ModelPage::handleFormChanged()
{
    refresh();
}

void ModelPage::handleContextChanged()
{
    // The training sequence follows the model's context; the learner can shorten it after.
    const QSignalBlocker blocker(m_sequence);
    const int context = std::max(1, m_context->value());
    m_sequence->setRange(1, context);
    m_sequence->setValue(context);
}

void ModelPage::handleBudgetEdited()
{
    m_budgetFollowsOptimal = false;
    refresh();
}

void ModelPage::handleComputeOptimalClicked()
{
    m_budgetFollowsOptimal = true;
    refresh();
}

void ModelPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shownOnce && m_measureOnFirstShow)
        handleMeasureRequested();
    m_shownOnce = true;
}

// ---- the benchmark ------------------------------------------------------------------------

void ModelPage::handleMeasureRequested()
{
    if (m_measuring)
        return;
    m_measuring = true;
    m_measureError.clear();
    m_measureButton->setEnabled(false);
    m_measureProgress->setVisible(true);
    showMeasureState();
    startBenchmarkThread();
    Q_EMIT benchmarkRequested();
}

void ModelPage::startBenchmarkThread()
{
    if (m_worker)
        return;
    // No parent: the worker moves to the thread and is deleted when the thread finishes.
    m_worker = new MachineBenchmarkWorker;
    m_worker->moveToThread(&m_benchmarkThread);
    connect(&m_benchmarkThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &ModelPage::benchmarkRequested, m_worker,
            &MachineBenchmarkWorker::handleMeasureRequested, Qt::QueuedConnection);
    connect(m_worker, &MachineBenchmarkWorker::measureFinished, this,
            &ModelPage::handleMeasureFinished, Qt::QueuedConnection);
    connect(m_worker, &MachineBenchmarkWorker::measureFailed, this, &ModelPage::handleMeasureFailed,
            Qt::QueuedConnection);
    m_benchmarkThread.setObjectName(QStringLiteral("ModelPage benchmark"));
    m_benchmarkThread.start();
}

void ModelPage::handleMeasureFinished(const MachineSpeed &speed)
{
    m_measuring = false;
    m_speed = speed;
    m_measureButton->setEnabled(true);
    m_measureProgress->setVisible(false);
    showMeasureState();
    refresh();
    Q_EMIT machineMeasured();
}

void ModelPage::handleMeasureFailed(const QString &message)
{
    m_measuring = false;
    m_measureButton->setEnabled(true);
    m_measureProgress->setVisible(false);
    m_measureError = message;
    showMeasureState();
    Q_EMIT machineMeasured();
}

void ModelPage::showMeasureState()
{
    m_measureButton->setText(m_speed ? tr("Measure again") : tr("Measure this machine"));
    if (m_measuring)
        m_measureStatus->setText(tr("Measuring: a few training steps of az-tiny\u2026"));
    else if (!m_measureError.isEmpty())
        m_measureStatus->setText(tr("The measurement failed: %1").arg(m_measureError));
    else if (m_speed)
        m_measureStatus->setText(tr("Trains at %1 (%2 tokens/s on az-tiny, %3).")
                                     .arg(formatFlopRate(m_speed->flopsPerSecond),
                                          QString::number(m_speed->tokensPerSecond, 'f', 0),
                                          m_speed->device));
    else
        m_measureStatus->setText(tr("Not measured yet."));
}

// ---- the language --------------------------------------------------------------------------

void ModelPage::retranslate()
{
    m_texts.retranslate();
    showMeasureState();
    refresh(); // the figures' words and units, and the tooltips that carry figures
}

void ModelPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

// ---- showing the figures ------------------------------------------------------------------

void ModelPage::refresh()
{
    const ModelConfig config = currentConfig();
    const std::vector<std::string> problems = validate(config);
    m_presets->highlight(config);
    showProblems(problems);
    m_trainButton->setEnabled(problems.empty());
    if (problems.empty())
        showFigures(config);
    else
        clearFigures();
}

void ModelPage::showProblems(const std::vector<std::string> &problems)
{
    const struct
    {
        QSpinBox *spin;
        const char *field;
    } fields[] = {{m_vocab, "vocab_size"},
                  {m_context, "context_length"},
                  {m_embd, "n_embd"},
                  {m_layers, "n_layer"},
                  {m_heads, "n_head"}};
    for (const auto &f : fields) {
        bool mentioned = false;
        for (const std::string &problem : problems)
            mentioned = mentioned || problem.find(f.field) != std::string::npos;
        markInvalid(f.spin, mentioned);
    }
    QStringList lines;
    for (const std::string &problem : problems)
        lines << QStringLiteral("\u2022 ") + QString::fromStdString(problem);
    const QString hint = headCountHint(m_embd->value(), m_heads->value());
    if (!problems.empty() && !hint.isEmpty())
        lines << hint;
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.empty());
}

void ModelPage::markInvalid(QSpinBox *spin, bool invalid)
{
    // A palette, not a style sheet: style sheets make Fusion redraw the arrows as plain boxes.
    QPalette palette = spin->parentWidget() ? spin->parentWidget()->palette() : QPalette();
    if (invalid)
        palette.setColor(QPalette::Base, QColor(0xfd, 0xe4, 0xe4));
    spin->setPalette(palette);
}

void ModelPage::showFigures(const ModelConfig &config)
{
    const ParameterCount params = countParameters(config);
    setValue(QStringLiteral("params.total"),
             tr("%1 parameters").arg(formatParameterCount(params.total())));
    m_values.value(QStringLiteral("params.total"))
        ->setToolTip(tr("Exactly %1 trainable numbers.")
                         .arg(QLocale::c().toString(qlonglong(params.total()))));
    m_chart->setCounts(params);

    const WeightBytes bytes = weightBytes(config);
    setValue(QStringLiteral("bytes.fp32"), formatBytes(bytes.fp32));
    setValue(QStringLiteral("bytes.bf16"), formatBytes(bytes.bf16));
    setValue(QStringLiteral("bytes.int8"), formatBytes(bytes.int8));
    const TrainingMemory state = trainingMemory(config, 1, 1, false);
    setValue(QStringLiteral("bytes.resume"), formatBytes(state.weights + state.optimizer));

    showTrainingMemory(config);
    const InferenceMemory inference = inferenceMemory(config, 1, trainingContext());
    setValue(QStringLiteral("infer.weights"), formatBytes(inference.weights));
    setValue(QStringLiteral("infer.kv"), formatBytes(inference.kvCache));
    setValue(QStringLiteral("infer.total"), formatBytes(inference.total()));

    setValue(QStringLiteral("flops.train"),
             formatFlops(trainingFlopsPerToken(config, trainingContext())));
    setValue(QStringLiteral("flops.infer"),
             formatFlops(forwardFlopsPerToken(config, trainingContext())));
    m_devices->showFits(config, trainingBatch(), trainingContext());
    setComputeOptimalBudget(params.total());
    showTimeEstimate(config);
    m_plan->showPlan(config, tokenBudget(), m_speed);
}

void ModelPage::showTrainingMemory(const ModelConfig &config)
{
    const TrainingMemory plain = trainingMemory(config, trainingBatch(), trainingContext(), false);
    const TrainingMemory ckpt = trainingMemory(config, trainingBatch(), trainingContext(), true);
    const auto show = [this](const QString &prefix, const TrainingMemory &m) {
        setValue(prefix + QStringLiteral("weights"), formatBytes(m.weights));
        setValue(prefix + QStringLiteral("gradients"), formatBytes(m.gradients));
        setValue(prefix + QStringLiteral("optimizer"), formatBytes(m.optimizer));
        setValue(prefix + QStringLiteral("activations"), formatBytes(m.activations));
        setValue(prefix + QStringLiteral("total"), formatBytes(m.total()));
    };
    show(QStringLiteral("train.plain."), plain);
    show(QStringLiteral("train.ckpt."), ckpt);
}

void ModelPage::setComputeOptimalBudget(std::int64_t parameters)
{
    const double optimal = kTokensPerParameter * double(parameters);
    setValue(QStringLiteral("tokens.optimal"),
             tr("Compute-optimal: %1 (20 per parameter).").arg(formatTokenCount(optimal)));
    if (m_budgetFollowsOptimal) {
        const QSignalBlocker blocker(m_budget);
        m_budget->setValue(optimal / kBudgetUnit);
    }
}

void ModelPage::showTimeEstimate(const ModelConfig &config)
{
    const double totalFlops = tokenBudget() * trainingFlopsPerToken(config, trainingContext());
    setValue(QStringLiteral("flops.budget"), formatFlops(totalFlops));
    if (!m_speed || m_speed->flopsPerSecond <= 0) {
        setValue(QStringLiteral("time.estimate"),
                 m_measuring ? tr("measuring\u2026") : tr("measure this machine first"));
        return;
    }
    setValue(QStringLiteral("time.estimate"),
             QStringLiteral("\u2248 ") + formatDuration(totalFlops / m_speed->flopsPerSecond));
}

void ModelPage::clearFigures()
{
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        if (it.key() != QLatin1String("machine.speed"))
            it.value()->setText(notShownText());
    }
    m_chart->clearCounts();
    m_devices->clearFits();
    m_plan->clearPlan();
}

void ModelPage::setValue(const QString &key, const QString &text)
{
    if (QLabel *label = m_values.value(key))
        label->setText(text);
}

} // namespace azllm::ui
