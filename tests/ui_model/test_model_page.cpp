// The Model screen, offscreen: it must show exactly the engine's sizing numbers, explain
// invalid shapes, carry the shown config to training and mark devices honestly.
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QtTest>

#include "azerbaijani_interface.h"
#include "device_fit.h"
#include "model_page.h"
#include "model_sizing.h"
#include "preset_table.h"
#include "runtime.h"
#include "size_format.h"
#include "training_plan.h"
#include "training_plan_panel.h"

using namespace azllm;
using namespace azllm::ui;

class TestModelPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatsHumanUnits();
    void readsMemTotal();
    void presetFiguresMatchEngine_data();
    void presetFiguresMatchEngine();
    void presetNoteSaysTrueSize();
    void presetNotesReadInAzerbaijani();
    void numbersTakeTheAzerbaijaniDecimalComma();
    void invalidValuesShowValidationAndDisableTrain();
    void trainRequestedCarriesShownConfig();
    void deviceTableMarksFits();
    void theOnlyT4Has16GB();
    void batchChangesTrainingMemory();
    void budgetFollowsComputeOptimalUntilEdited();
    void measuringFillsTimeEstimate();
    void closingWhileMeasuringIsSafe();
    void planPanelShowsThePlannersFigures();
    void planPanelTimeAndEnergyFollowTheCard();
    void dryRunHereShowsPeakAndEstimate();
    void cancelledDryRunLeavesNothing();
    void dryRunOfACardNotHereSaysSo();

private:
    static QSpinBox *spin(ModelPage &page, const char *name)
    {
        auto *box = page.findChild<QSpinBox *>(QLatin1String(name));
        if (!box)
            qFatal("no spin box %s", name);
        return box;
    }
};

void TestModelPage::formatsHumanUnits()
{
    QCOMPARE(formatParameterCount(5'300'000), QStringLiteral("5.3M"));
    QCOMPARE(formatParameterCount(957'300'000), QStringLiteral("957.3M"));
    QCOMPARE(formatParameterCount(1'234'000'000), QStringLiteral("1.23B"));
    QCOMPARE(formatBytes(512), QStringLiteral("512 B"));
    QCOMPARE(formatBytes(1536), QStringLiteral("1.50 KiB"));
    QCOMPARE(formatBytes(std::int64_t(3) << 30), QStringLiteral("3.00 GiB"));
    QCOMPARE(formatFlops(6.9e12), QStringLiteral("6.90 TFLOP"));
    QCOMPARE(formatDuration(90), QStringLiteral("2 min"));
    QCOMPARE(formatDuration(3 * 86400), QStringLiteral("3.0 days"));
}

void TestModelPage::readsMemTotal()
{
    QTemporaryFile meminfo;
    QVERIFY(meminfo.open());
    meminfo.write("MemTotal:       24576000 kB\nMemFree:        1000 kB\n");
    meminfo.flush();
    QCOMPARE(machineMemoryBytes(meminfo.fileName()),
             std::optional<std::int64_t>(24576000LL * 1024));
    QCOMPARE(machineMemoryBytes(QStringLiteral("/nonexistent/meminfo")), std::nullopt);
}

void TestModelPage::presetFiguresMatchEngine_data()
{
    QTest::addColumn<QString>("preset");
    for (const ModelPreset &p : modelPresets())
        QTest::newRow(p.name.c_str()) << QString::fromStdString(p.name);
}

void TestModelPage::presetFiguresMatchEngine()
{
    QFETCH(QString, preset);
    ModelPage page;
    page.setMeasureOnFirstShow(false);
    page.selectPreset(preset);
    const ModelConfig config = presetConfig(preset.toStdString());
    QCOMPARE(page.currentConfig(), config);
    // The figures are for the preset's full context at the default batch of 8.
    QCOMPARE(page.trainingContext(), config.contextLength);
    QCOMPARE(page.trainingBatch(), std::int64_t(8));
    const std::int64_t batch = 8, context = config.contextLength;

    const ParameterCount params = countParameters(config);
    QCOMPARE(page.displayedValue(QStringLiteral("preset.%1.params").arg(preset)),
             formatParameterCount(params.total()));
    QCOMPARE(page.displayedValue(QStringLiteral("params.total")),
             QStringLiteral("%1 parameters").arg(formatParameterCount(params.total())));
    QVERIFY(page.displayedValue(QStringLiteral("params.embeddings"))
                .startsWith(formatParameterCount(params.embeddings) + QLatin1Char(' ')));
    QVERIFY(page.displayedValue(QStringLiteral("params.attention"))
                .startsWith(formatParameterCount(params.attention) + QLatin1Char(' ')));
    QVERIFY(page.displayedValue(QStringLiteral("params.mlp"))
                .startsWith(formatParameterCount(params.mlp) + QLatin1Char(' ')));
    QVERIFY(page.displayedValue(QStringLiteral("params.norms"))
                .startsWith(formatParameterCount(params.norms) + QLatin1Char(' ')));

    const WeightBytes bytes = weightBytes(config);
    QCOMPARE(page.displayedValue(QStringLiteral("bytes.fp32")), formatBytes(bytes.fp32));
    QCOMPARE(page.displayedValue(QStringLiteral("bytes.bf16")), formatBytes(bytes.bf16));
    QCOMPARE(page.displayedValue(QStringLiteral("bytes.int8")), formatBytes(bytes.int8));
    // A checkpoint to resume from holds the weights and AdamW's two moments: 12 bytes a weight.
    QCOMPARE(page.displayedValue(QStringLiteral("bytes.resume")), formatBytes(3 * bytes.fp32));

    for (bool checkpointing : {false, true}) {
        const TrainingMemory m = trainingMemory(config, batch, context, checkpointing);
        const QString prefix =
            checkpointing ? QStringLiteral("train.ckpt.") : QStringLiteral("train.plain.");
        QCOMPARE(page.displayedValue(prefix + QStringLiteral("weights")), formatBytes(m.weights));
        QCOMPARE(page.displayedValue(prefix + QStringLiteral("gradients")),
                 formatBytes(m.gradients));
        QCOMPARE(page.displayedValue(prefix + QStringLiteral("optimizer")),
                 formatBytes(m.optimizer));
        QCOMPARE(page.displayedValue(prefix + QStringLiteral("activations")),
                 formatBytes(m.activations));
        QCOMPARE(page.displayedValue(prefix + QStringLiteral("total")), formatBytes(m.total()));
    }
    const InferenceMemory inference = inferenceMemory(config, 1, context);
    QCOMPARE(page.displayedValue(QStringLiteral("infer.weights")), formatBytes(inference.weights));
    QCOMPARE(page.displayedValue(QStringLiteral("infer.kv")), formatBytes(inference.kvCache));
    QCOMPARE(page.displayedValue(QStringLiteral("infer.total")), formatBytes(inference.total()));

    QCOMPARE(page.displayedValue(QStringLiteral("flops.train")),
             formatFlops(trainingFlopsPerToken(config, context)));
    QCOMPARE(page.displayedValue(QStringLiteral("flops.infer")),
             formatFlops(forwardFlopsPerToken(config, context)));
    QVERIFY(page.displayedValue(QStringLiteral("validation")).isEmpty());
}

void TestModelPage::presetNoteSaysTrueSize()
{
    ModelPage page;
    const QString note = page.displayedValue(QStringLiteral("preset.az-700m.note"));
    QVERIFY2(note.contains(QLatin1String("700M")) && note.contains(QLatin1String("0.96B")),
             qPrintable(note));
}

// core/engine describes its presets in English; the Azerbaijani table shows every note, the
// engine's descriptions and the "named ... but really" ones alike, in Azerbaijani.
void TestModelPage::presetNotesReadInAzerbaijani()
{
    QStringList english;
    for (const ModelPreset &p : modelPresets())
        english << presetNote(p);
    const AzerbaijaniInterface az;
    QVERIFY(az.loaded());
    for (std::size_t i = 0; i < modelPresets().size(); ++i) {
        const QString note = presetNote(modelPresets()[i]);
        QVERIFY2(note != english[qsizetype(i)], qPrintable(note));
    }
    ModelPage page;
    QCOMPARE(page.displayedValue(QStringLiteral("preset.az-tiny.note")),
             QStringLiteral("4 qat, 4 diqqət başı, genişlik 256: noutbukun prosessorunda bir neçə "
                            "dəqiqəyə öyrənir"));
    QCOMPARE(page.displayedValue(QStringLiteral("preset.az-700m.note")),
             QStringLiteral("adı 700M, əslində 0,96B parametr"));
}

void TestModelPage::numbersTakeTheAzerbaijaniDecimalComma()
{
    const AzerbaijaniInterface az;
    QCOMPARE(formatParameterCount(110'417'664), QStringLiteral("110,4M"));
    QCOMPARE(formatBytes(1536), QStringLiteral("1,50 KiB"));
    QCOMPARE(formatFlops(6.9e12), QStringLiteral("6,90 TFLOP"));
    QCOMPARE(formatDuration(3 * 86400), QStringLiteral("3,0 gün"));
    QCOMPARE(formatTokenCount(6.7e9), QStringLiteral("6,70 mlrd token"));
}

void TestModelPage::invalidValuesShowValidationAndDisableTrain()
{
    ModelPage page;
    page.setMeasureOnFirstShow(false);
    page.selectPreset(QStringLiteral("az-100m"));
    auto *train = page.findChild<QPushButton *>(QStringLiteral("trainButton"));
    QVERIFY(train);
    QVERIFY(train->isEnabled());

    spin(page, "headSpin")->setValue(5); // 768 is not divisible by 5
    const ModelConfig invalid = page.currentConfig();
    const std::vector<std::string> problems = validate(invalid);
    QCOMPARE(problems.size(), std::size_t(1));
    QVERIFY2(page.displayedValue(QStringLiteral("validation"))
                 .contains(QString::fromStdString(problems.front())),
             qPrintable(page.displayedValue(QStringLiteral("validation"))));
    // A way out, not only a complaint: the nearest head counts that divide 768.
    QVERIFY(page.displayedValue(QStringLiteral("validation")).contains(QLatin1String("4 or 6")));
    QVERIFY(!train->isEnabled());
    QCOMPARE(page.displayedValue(QStringLiteral("bytes.fp32")), QStringLiteral("\u2014"));
    QCOMPARE(page.displayedValue(QStringLiteral("fit.train.t4-16")), QStringLiteral("\u2014"));

    spin(page, "layerSpin")->setValue(0);
    QVERIFY(page.displayedValue(QStringLiteral("validation"))
                .contains(QLatin1String("n_layer must be positive")));

    spin(page, "layerSpin")->setValue(12);
    spin(page, "headSpin")->setValue(12);
    QVERIFY(train->isEnabled());
    QVERIFY(page.displayedValue(QStringLiteral("validation")).isEmpty());
    QCOMPARE(page.currentConfig(), presetConfig("az-100m"));
}

void TestModelPage::trainRequestedCarriesShownConfig()
{
    ModelPage page;
    page.setMeasureOnFirstShow(false);
    page.selectPreset(QStringLiteral("az-mini"));
    spin(page, "layerSpin")->setValue(9);
    spin(page, "vocabSpin")->setValue(12000);
    QSignalSpy spy(&page, &ModelPage::trainRequested);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("trainButton")), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    const auto sent = spy.at(0).at(0).value<ModelConfig>();
    ModelConfig expected = presetConfig("az-mini");
    expected.nLayer = 9;
    expected.vocabSize = 12000;
    QCOMPARE(sent, expected);
    QCOMPARE(sent, page.currentConfig());
}

// The T4 exists in one size; the "12 GB T4" of older course notes is not a card to compare with.
void TestModelPage::theOnlyT4Has16GB()
{
    int rows = 0;
    for (const Device &device : devicesToCompare()) {
        if (!device.name.contains(QLatin1String("T4")))
            continue;
        ++rows;
        QCOMPARE(device.memory, std::int64_t(16) << 30);
        QVERIFY(device.note.contains(QLatin1String("16 GB")));
    }
    QCOMPARE(rows, 1);
}

void TestModelPage::deviceTableMarksFits()
{
    ModelPage page;
    page.setMeasureOnFirstShow(false);
    page.selectPreset(QStringLiteral("az-700m"));
    // 16 bytes per parameter for weights, gradients and AdamW alone is over 14 GiB.
    QCOMPARE(page.displayedValue(QStringLiteral("fit.train.t4-16")), fitText(Fit::DoesNotFit));
    QCOMPARE(page.displayedValue(QStringLiteral("fit.infer.t4-16")), fitText(Fit::Fits));
    // Batch 8 x 1024 tokens of activations (~51 GiB) is too much for 40 GB without
    // checkpointing.
    QCOMPARE(page.displayedValue(QStringLiteral("fit.train.a100-40")),
             fitText(Fit::FitsWithCheckpointing));
    QCOMPARE(page.displayedValue(QStringLiteral("fit.train.h100-80")), fitText(Fit::Fits));

    // az-300m at batch 8, context 1024: 31.2 GiB plain, 11.2 GiB with checkpointing (lesson 44).
    page.selectPreset(QStringLiteral("az-300m"));
    QCOMPARE(page.displayedValue(QStringLiteral("fit.train.t4-16")),
             fitText(Fit::FitsWithCheckpointing));
    // az-100m: 12.3 GiB plain.
    page.selectPreset(QStringLiteral("az-100m"));
    QCOMPARE(page.displayedValue(QStringLiteral("fit.train.t4-16")), fitText(Fit::Fits));

    const auto ram = machineMemoryBytes();
    if (ram) {
        const Fit expected = trainingFit(page.currentConfig(), 8, 1024, *ram);
        QCOMPARE(page.displayedValue(QStringLiteral("fit.train.this-machine")), fitText(expected));
    }
}

void TestModelPage::batchChangesTrainingMemory()
{
    ModelPage page;
    page.setMeasureOnFirstShow(false);
    page.selectPreset(QStringLiteral("az-tiny"));
    spin(page, "batchSpin")->setValue(32);
    spin(page, "sequenceSpin")->setValue(128);
    const ModelConfig config = presetConfig("az-tiny");
    QCOMPARE(page.displayedValue(QStringLiteral("train.plain.total")),
             formatBytes(trainingMemory(config, 32, 128, false).total()));
    QCOMPARE(page.displayedValue(QStringLiteral("flops.train")),
             formatFlops(trainingFlopsPerToken(config, 128)));

    // A new context length resets the sequence to it.
    spin(page, "contextSpin")->setValue(512);
    QCOMPARE(page.trainingContext(), std::int64_t(512));
}

void TestModelPage::budgetFollowsComputeOptimalUntilEdited()
{
    ModelPage page;
    page.setMeasureOnFirstShow(false);
    page.selectPreset(QStringLiteral("az-100m"));
    const double optimal = 20.0 * double(countParameters(presetConfig("az-100m")).total());
    QCOMPARE(qRound64(page.tokenBudget() / 1e5), qRound64(optimal / 1e5)); // 0.1 M tokens steps
    QVERIFY(
        page.displayedValue(QStringLiteral("tokens.optimal")).contains(formatTokenCount(optimal)));

    auto *budget = page.findChild<QDoubleSpinBox *>(QStringLiteral("budgetSpin"));
    budget->setValue(1000); // 1 B tokens, typed by the learner
    page.selectPreset(QStringLiteral("az-300m"));
    const double optimal300 = 20.0 * double(countParameters(presetConfig("az-300m")).total());
    // Choosing a preset starts from its compute-optimal budget again.
    QCOMPARE(qRound64(page.tokenBudget() / 1e5), qRound64(optimal300 / 1e5));
    spin(page, "layerSpin")->setValue(20);
    budget->setValue(1000);
    spin(page, "layerSpin")->setValue(22);
    QCOMPARE(page.tokenBudget(), 1e9);
}

void TestModelPage::measuringFillsTimeEstimate()
{
    ModelPage page;
    page.setMeasureOnFirstShow(false);
    page.selectPreset(QStringLiteral("az-tiny"));
    QVERIFY(!page.machineSpeed());
    QSignalSpy measured(&page, &ModelPage::machineMeasured);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("measureButton")),
                      Qt::LeftButton);
    QVERIFY(measured.wait(300000)); // a generous limit, not a timing assertion
    QVERIFY2(page.machineSpeed().has_value(),
             qPrintable(page.displayedValue(QStringLiteral("machine.speed"))));
    const double rate = page.machineSpeed()->flopsPerSecond;
    QVERIFY(rate > 0);
    const double seconds = page.tokenBudget() *
                           trainingFlopsPerToken(page.currentConfig(), page.trainingContext()) /
                           rate;
    QCOMPARE(page.displayedValue(QStringLiteral("time.estimate")),
             QStringLiteral("\u2248 ") + formatDuration(seconds));
}

void TestModelPage::closingWhileMeasuringIsSafe()
{
    {
        ModelPage page;
        page.setMeasureOnFirstShow(false);
        page.handleMeasureRequested();
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("measureButton"))->isEnabled());
    } // the destructor waits for the worker; its late result must not reach a dead page
    QCoreApplication::processEvents();
}

namespace {

constexpr double kGiBytes = 1024.0 * 1024.0 * 1024.0;

FitPlan planFor(const ModelConfig &config, double gib, TrainingPrecision precision,
                bool checkpointing, std::int64_t target)
{
    FitRequest request;
    request.model = config;
    request.memoryBytes = std::int64_t(gib * kGiBytes);
    request.precision = precision;
    request.checkpointing = checkpointing;
    request.targetBatchTokens = target;
    return planFit(request);
}

QString fitShown(const FitPlan &plan)
{
    return QStringLiteral("micro-batch %1 \u00d7 %2 tokens, %3")
        .arg(plan.microBatch)
        .arg(plan.context)
        .arg(formatBytes(plan.estimateBytes));
}

// The page on az-tiny, its planner on this machine, dry runs in `scratch`.
TrainingPlanPanel *azTinyPlannedHere(ModelPage &page, const QString &scratch)
{
    page.setMeasureOnFirstShow(false);
    page.selectPreset(QStringLiteral("az-tiny"));
    TrainingPlanPanel *plan = page.trainingPlan();
    plan->setScratchParent(scratch);
    plan->selectDevice(QStringLiteral("this-machine"));
    return plan;
}

// Runs the panel's dry run to its end; false when it did not end in time.
bool finishDryRun(TrainingPlanPanel *plan, bool cancel)
{
    QSignalSpy finished(plan, &TrainingPlanPanel::dryRunFinished);
    QTest::mouseClick(plan->findChild<QPushButton *>(QStringLiteral("dryRunButton")),
                      Qt::LeftButton);
    if (cancel)
        QTest::mouseClick(plan->findChild<QPushButton *>(QStringLiteral("dryRunCancel")),
                          Qt::LeftButton);
    return finished.wait(300000); // a generous limit, not a timing assertion
}

} // namespace

void TestModelPage::planPanelShowsThePlannersFigures()
{
    ModelPage page;
    page.setMeasureOnFirstShow(false);
    page.selectPreset(QStringLiteral("az-300m"));
    TrainingPlanPanel *plan = page.trainingPlan();
    plan->selectDevice(QStringLiteral("t4-16"));
    const ModelConfig config = page.currentConfig();
    // A T4 has no bf16: the planner takes fp16 for it.
    for (const bool checkpointing : {false, true}) {
        const FitPlan expected =
            planFor(config, 16, TrainingPrecision::Fp16, checkpointing, 524288);
        const QString shown = plan->displayedValue(checkpointing ? QStringLiteral("plan.ckpt")
                                                                 : QStringLiteral("plan.plain"));
        QVERIFY2(shown.contains(fitShown(expected)), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("micro-batches per step: %1 = %2 tokens")
                                    .arg(expected.accumulation)
                                    .arg(QLocale().toString(qlonglong(expected.batchTokens())))),
                 qPrintable(shown));
    }
    // A memory typed in and a smaller target batch are planned for at once.
    plan->setMemoryGiB(40);
    plan->setTargetBatchTokens(65536);
    const FitPlan bigger = planFor(config, 40, TrainingPrecision::Fp16, false, 65536);
    QVERIFY(plan->displayedValue(QStringLiteral("plan.plain")).contains(fitShown(bigger)));
    plan->setMemoryGiB(1);
    QVERIFY(plan->displayedValue(QStringLiteral("plan.plain"))
                .contains(QStringLiteral("does not fit")));

    const std::int64_t one = resumableCheckpointBytes(config);
    QCOMPARE(plan->displayedValue(QStringLiteral("plan.disk")),
             QStringLiteral("5 \u00d7 %1 = %2").arg(formatBytes(one), formatBytes(5 * one)));
    plan->setKeptCheckpoints(2);
    QCOMPARE(plan->displayedValue(QStringLiteral("plan.disk")),
             QStringLiteral("2 \u00d7 %1 = %2").arg(formatBytes(one), formatBytes(2 * one)));
    // The Model screen's "To resume training" row is one of these checkpoints.
    QCOMPARE(page.displayedValue(QStringLiteral("bytes.resume")), formatBytes(one));
}

void TestModelPage::planPanelTimeAndEnergyFollowTheCard()
{
    ModelPage page;
    page.setMeasureOnFirstShow(false);
    page.selectPreset(QStringLiteral("az-100m"));
    TrainingPlanPanel *plan = page.trainingPlan();
    plan->selectDevice(QStringLiteral("a100-40"));
    const ModelConfig config = page.currentConfig();
    const double rate = 312e12 * 0.4; // bf16 peak at the default 40 %
    const BudgetEstimate budget =
        trainingBudget(config, config.contextLength, page.tokenBudget(), rate, 400, false);
    QVERIFY2(plan->displayedValue(QStringLiteral("plan.time"))
                 .startsWith(QStringLiteral("\u2248 ") + formatDuration(budget.seconds)),
             qPrintable(plan->displayedValue(QStringLiteral("plan.time"))));
    QCOMPARE(
        plan->displayedValue(QStringLiteral("plan.energy")),
        QStringLiteral("\u2248 %1 kWh")
            .arg(QLocale().toString(budget.kilowattHours, 'f', budget.kilowattHours < 10 ? 2 : 0)));
    plan->setUtilisationPercent(20); // half the rate: twice the time
    QVERIFY(plan->displayedValue(QStringLiteral("plan.time"))
                .startsWith(QStringLiteral("\u2248 ") + formatDuration(2 * budget.seconds)));
    // This machine has no peak in the table: its measured training rate, or a word saying so.
    plan->selectDevice(QStringLiteral("this-machine"));
    QVERIFY2(
        plan->displayedValue(QStringLiteral("plan.rate")).contains(QStringLiteral("not measured")),
        qPrintable(plan->displayedValue(QStringLiteral("plan.rate"))));
    QCOMPARE(plan->displayedValue(QStringLiteral("plan.time")), QStringLiteral("\u2014"));
}

void TestModelPage::dryRunHereShowsPeakAndEstimate()
{
    QTemporaryDir scratch;
    ModelPage page;
    TrainingPlanPanel *plan = azTinyPlannedHere(page, scratch.path());
    QVERIFY(finishDryRun(plan, false));
    const QString shown = plan->displayedValue(QStringLiteral("plan.dryrun"));
    // On a CPU it runs 4096 tokens of the plan: 16 sequences of az-tiny's 256.
    const std::int64_t estimate =
        plannedTrainingBytes(page.currentConfig(), 16, 256, false, TrainingPrecision::Fp32);
    QVERIFY2(shown.contains(QStringLiteral("micro-batch 16 \u00d7 256: measured peak")),
             qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("estimate ") + formatBytes(estimate)),
             qPrintable(shown));
    QVERIFY(QDir(scratch.path()).isEmpty());
}

void TestModelPage::cancelledDryRunLeavesNothing()
{
    QTemporaryDir scratch;
    ModelPage page;
    TrainingPlanPanel *plan = azTinyPlannedHere(page, scratch.path());
    QVERIFY(finishDryRun(plan, true));
    QVERIFY2(
        plan->displayedValue(QStringLiteral("plan.dryrun")).startsWith(QStringLiteral("Cancelled")),
        qPrintable(plan->displayedValue(QStringLiteral("plan.dryrun"))));
    QVERIFY(QDir(scratch.path()).isEmpty());
    QVERIFY(plan->findChild<QPushButton *>(QStringLiteral("dryRunButton"))->isEnabled());
}

void TestModelPage::dryRunOfACardNotHereSaysSo()
{
    if (cudaAvailable())
        QSKIP("this machine has a GPU: a card's plan runs on it");
    ModelPage page;
    page.setMeasureOnFirstShow(false);
    page.selectPreset(QStringLiteral("az-tiny"));
    TrainingPlanPanel *plan = page.trainingPlan();
    plan->selectDevice(QStringLiteral("t4-16"));
    QSignalSpy requested(plan, &TrainingPlanPanel::dryRunRequested);
    QTest::mouseClick(plan->findChild<QPushButton *>(QStringLiteral("dryRunButton")),
                      Qt::LeftButton);
    QCOMPARE(requested.count(), 0);
    const QString shown = plan->displayedValue(QStringLiteral("plan.dryrun"));
    QVERIFY2(shown.contains(QStringLiteral("not on the NVIDIA T4")), qPrintable(shown));
}

QTEST_MAIN(TestModelPage)
#include "test_model_page.moc"
