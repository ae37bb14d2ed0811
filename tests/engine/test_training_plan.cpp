// The training planner (training_plan.h), its dry run (dry_run.h) and `azllm plan`.
#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "azllm_process.h"
#include "dry_run.h"
#include "model_sizing.h"
#include "training_plan.h"

using namespace azllm;

namespace {

constexpr std::int64_t kGiB = std::int64_t(1) << 30;
const TrainingPrecision kPrecisions[] = {TrainingPrecision::Fp32, TrainingPrecision::Bf16,
                                         TrainingPrecision::Fp16};

FitPlan plan(const std::string &preset, std::int64_t memory, TrainingPrecision precision,
             bool checkpointing, std::int64_t target = 0)
{
    FitRequest r;
    r.model = presetConfig(preset);
    r.memoryBytes = memory;
    r.precision = precision;
    r.checkpointing = checkpointing;
    r.targetBatchTokens = target;
    return planFit(r);
}

// b is at least a: a context as long, and at the same context a micro-batch as large.
bool atLeast(const FitPlan &b, const FitPlan &a)
{
    if (!a.fits)
        return true;
    if (!b.fits || b.context < a.context)
        return false;
    return b.context > a.context || b.microBatch >= a.microBatch;
}

ModelConfig tinyModel()
{
    ModelConfig m;
    m.vocabSize = 64;
    m.contextLength = 16;
    m.nEmbd = 32;
    m.nLayer = 2;
    m.nHead = 2;
    return m;
}

} // namespace

class TestTrainingPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void largerMemoryNeverGivesASmallerPlan()
    {
        for (const char *preset : {"az-mini", "az-100m", "az-300m", "az-700m"})
            for (const TrainingPrecision precision : kPrecisions)
                for (const bool checkpointing : {false, true}) {
                    FitPlan previous;
                    for (std::int64_t mib = 512; mib <= 96 * 1024; mib += 384) {
                        const FitPlan p = plan(preset, mib << 20, precision, checkpointing);
                        QVERIFY2(atLeast(p, previous), qPrintable(QStringLiteral("%1 at %2 MiB")
                                                                      .arg(QLatin1String(preset))
                                                                      .arg(mib)));
                        previous = p;
                    }
                    QVERIFY(previous.fits);
                }
    }

    void checkpointingNeverGivesASmallerPlan()
    {
        for (const char *preset : {"az-mini", "az-100m", "az-300m", "az-700m"})
            for (const TrainingPrecision precision : kPrecisions)
                for (std::int64_t gib = 1; gib <= 80; ++gib)
                    QVERIFY(atLeast(plan(preset, gib * kGiB, precision, true),
                                    plan(preset, gib * kGiB, precision, false)));
        // On a T4, az-300m at its full context needs checkpointing to fit more than one sequence.
        const FitPlan plain = plan("az-300m", 16 * kGiB, TrainingPrecision::Fp16, false);
        const FitPlan ckpt = plan("az-300m", 16 * kGiB, TrainingPrecision::Fp16, true);
        QVERIFY(ckpt.microBatchTokens() > plain.microBatchTokens());
    }

    void thePlanIsTheLargestThatFits()
    {
        for (const TrainingPrecision precision : kPrecisions)
            for (const bool checkpointing : {false, true}) {
                const FitPlan p = plan("az-100m", 16 * kGiB, precision, checkpointing);
                QVERIFY(p.fits);
                const std::int64_t usable = 16 * kGiB - kDeviceReserveBytes;
                const ModelConfig m = presetConfig("az-100m");
                QCOMPARE(p.estimateBytes, plannedTrainingBytes(m, p.microBatch, p.context,
                                                               checkpointing, precision));
                QVERIFY(p.estimateBytes <= usable);
                QVERIFY(plannedTrainingBytes(m, p.microBatch + 1, p.context, checkpointing,
                                             precision) > usable);
                if (p.context < m.contextLength)
                    QVERIFY(plannedTrainingBytes(m, 1, p.context * 2, checkpointing, precision) >
                            usable);
            }
        QVERIFY(!plan("az-700m", 2 * kGiB, TrainingPrecision::Fp32, true).fits);
    }

    void sixteenBitsFitMoreThanFp32()
    {
        const ModelConfig m = presetConfig("az-100m");
        QVERIFY(plannedTrainingBytes(m, 8, 1024, false, TrainingPrecision::Bf16) <
                plannedTrainingBytes(m, 8, 1024, false, TrainingPrecision::Fp32));
        QCOMPARE(plannedTrainingBytes(m, 8, 1024, true, TrainingPrecision::Fp32),
                 trainingMemory(m, 8, 1024, true).total());
    }

    void accumulationReachesTheTarget()
    {
        for (const std::int64_t target : {0LL, 1LL, 1000LL, 65536LL, 524288LL, 4000000LL}) {
            const FitPlan p = plan("az-100m", 40 * kGiB, TrainingPrecision::Bf16, false, target);
            QVERIFY(p.fits);
            QVERIFY(p.accumulation >= 1);
            QVERIFY(p.batchTokens() >= target);
            // One micro-batch fewer would fall short: no step is accumulated for nothing.
            if (p.accumulation > 1)
                QVERIFY((p.accumulation - 1) * p.microBatchTokens() < target);
        }
        QCOMPARE(plan("az-100m", 40 * kGiB, TrainingPrecision::Bf16, false, 0).accumulation, 1);
    }

    void aCpuDryRunIsCappedToAFewThousandTokens()
    {
        const FitPlan big = plan("az-tiny", 24 * kGiB, TrainingPrecision::Fp32, false);
        QVERIFY(big.microBatchTokens() > kCpuDryRunTokens);
        QCOMPARE(dryRunMicroBatch(big, true), big.microBatch);
        QCOMPARE(dryRunMicroBatch(big, false), kCpuDryRunTokens / big.context);
        // Never below one sequence, never above the plan.
        const FitPlan tight = plan("az-100m", 3 * kGiB, TrainingPrecision::Fp32, false);
        QVERIFY(tight.fits);
        QCOMPARE(dryRunMicroBatch(tight, false),
                 std::min<std::int64_t>(tight.microBatch,
                                        std::max<std::int64_t>(1, 4096 / tight.context)));
    }

    void checkpointsAndBudget()
    {
        const ModelConfig m = presetConfig("az-300m");
        QCOMPARE(resumableCheckpointBytes(m), 3 * weightBytes(m).fp32);
        const AcceleratorSpec *a100 = findAccelerator("a100-40");
        QVERIFY(a100);
        const double rate = peakFlopsPerSecond(*a100, TrainingPrecision::Bf16) * 0.4;
        QCOMPARE(rate, 312e12 * 0.4);
        const double tokens = 20.0 * double(countParameters(m).total());
        const BudgetEstimate plain = trainingBudget(m, 1024, tokens, rate, a100->watts, false);
        QCOMPARE(plain.seconds, tokens * trainingFlopsPerToken(m, 1024) / rate);
        QCOMPARE(plain.kilowattHours, plain.seconds * 400 / 3.6e6);
        const BudgetEstimate ckpt = trainingBudget(m, 1024, tokens, rate, a100->watts, true);
        QCOMPARE(ckpt.seconds, plain.seconds * 4 / 3);
        QCOMPARE(trainingBudget(m, 1024, tokens, 0, 400, false).seconds, 0.0);
        QVERIFY(!findAccelerator("t4-12"));
    }

    void dryRunMeasuresAndCleansUp()
    {
        QTemporaryDir parent;
        DryRunOptions o;
        o.model = tinyModel();
        o.batch = 4;
        o.device = "cpu";
        o.scratchParent = parent.path().toStdString();
        std::vector<int> progress;
        o.stepDone = [&](int done, int total) {
            QCOMPARE(total, 2);
            progress.push_back(done);
        };
        const DryRunResult r = dryRunTraining(o);
        QVERIFY2(r.ran(), r.problem.c_str());
        QCOMPARE(r.stepsDone, 2);
        QCOMPARE(progress, (std::vector<int>{1, 2}));
        QCOMPARE(QString::fromStdString(r.device), QStringLiteral("cpu"));
        QVERIFY2(r.peakBytes >= 0, "the peak resident memory could not be reset and read");
        QVERIFY(r.secondsPerStep > 0);
        QVERIFY(QString::fromStdString(r.scratchPath).startsWith(parent.path()));
        QVERIFY(QDir(parent.path()).isEmpty());
    }

    void cancelledDryRunLeavesNothing()
    {
        QTemporaryDir parent;
        DryRunOptions o;
        o.model = tinyModel();
        o.device = "cpu";
        o.scratchParent = parent.path().toStdString();
        o.keepGoing = [] { return false; };
        const DryRunResult r = dryRunTraining(o);
        QVERIFY(r.cancelled);
        QCOMPARE(r.stepsDone, 0);
        QVERIFY(!r.ran());
        QVERIFY(QDir(parent.path()).isEmpty());
    }

    void cliPrintsThePlanOfAPreset()
    {
        const AzllmRun run =
            runAzllm({QStringLiteral("plan"), QStringLiteral("--preset"), QStringLiteral("az-300m"),
                      QStringLiteral("--gpu"), QStringLiteral("t4"),
                      QStringLiteral("--target-tokens"), QStringLiteral("262144")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const FitPlan plain = plan("az-300m", 16 * kGiB, TrainingPrecision::Fp16, false, 262144);
        const FitPlan ckpt = plan("az-300m", 16 * kGiB, TrainingPrecision::Fp16, true, 262144);
        const auto line = [](const FitPlan &p) {
            return QStringLiteral("micro-batch %1 x %2 tokens").arg(p.microBatch).arg(p.context);
        };
        const auto steps = [](const FitPlan &p) {
            return QStringLiteral("per step = %1 tokens").arg(p.batchTokens());
        };
        QVERIFY2(run.out.contains(QStringLiteral("plain                ") + line(plain)),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("with checkpointing   ") + line(ckpt)));
        QVERIFY(run.out.contains(steps(plain)) && run.out.contains(steps(ckpt)));
        QVERIFY(run.out.contains(QStringLiteral("fp16")));
        QVERIFY(run.out.contains(QStringLiteral("for 5 kept")));
        QVERIFY(run.out.contains(QStringLiteral("kWh at 70 W")));
    }

    void cliDryRunPrintsPeakAndEstimate()
    {
        const AzllmRun run =
            runAzllm({QStringLiteral("plan"), QStringLiteral("--preset"), QStringLiteral("az-tiny"),
                      QStringLiteral("--memory"), QStringLiteral("1"), QStringLiteral("--dry-run"),
                      QStringLiteral("--device"), QStringLiteral("cpu")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        static const QRegularExpression dryRun(
            QStringLiteral("dry run +2 steps of micro-batch 4 x 256 on cpu, [0-9.]+ s per step: "
                           "peak [0-9.]+ MiB, estimate [0-9.]+ MiB\n"));
        QVERIFY2(dryRun.match(run.out).hasMatch(), qPrintable(run.out));
    }

    void cliRefusesAnUnknownGpu()
    {
        const AzllmRun run =
            runAzllm({QStringLiteral("plan"), QStringLiteral("--gpu"), QStringLiteral("t4-12")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("unknown --gpu 't4-12'")));
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
    }
};

QTEST_GUILESS_MAIN(TestTrainingPlan)
#include "test_training_plan.moc"
