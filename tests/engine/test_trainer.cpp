// The trainer through its public API, as the CLI and the studio's worker use it.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <thread>

#include "checkpoint.h"
#include "synthetic_data.h"
#include "trainer.h"

using namespace azllm;
namespace fs = std::filesystem;

namespace {

class Recorder : public TrainingObserver
{
public:
    std::vector<double> losses;
    std::vector<double> validationLosses;
    std::vector<std::string> checkpoints;
    std::function<void(const StepMetrics &)> onStep;

    void stepFinished(const StepMetrics &m) override
    {
        losses.push_back(m.loss);
        if (m.validationLoss >= 0)
            validationLosses.push_back(m.validationLoss);
        if (onStep)
            onStep(m);
    }
    void checkpointSaved(const CheckpointInfo &info) override { checkpoints.push_back(info.path); }
};

} // namespace

class TestTrainer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_tokens;

    RunConfig smallRun(const QString &name, std::int64_t steps)
    {
        RunConfig c;
        c.model.vocabSize = 64;
        c.model.contextLength = 32;
        c.model.nEmbd = 32;
        c.model.nLayer = 2;
        c.model.nHead = 2;
        c.train.trainData = m_tokens;
        c.train.batchSize = 4;
        c.train.maxSteps = steps;
        c.train.learningRate = 3e-3;
        c.train.warmupSteps = 5;
        c.train.evalInterval = 5;
        c.train.evalBatches = 2;
        c.train.checkpointInterval = 1000;
        c.train.outDir = QString(m_dir.path() + QLatin1Char('/') + name).toStdString();
        c.train.device = "cpu";
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_tokens = QString(m_dir.path() + QLatin1String("/synthetic.tokens")).toStdString();
        writeSyntheticTokens(m_tokens, 64, 50000, 5);
    }

    void lossFallsFromLnVocab()
    {
        RunConfig c = smallRun(QStringLiteral("falls"), 80);
        Trainer trainer(c);
        Recorder recorder;
        const TrainingResult result = trainer.run(recorder);
        QCOMPARE(int(result.outcome), int(TrainingOutcome::Finished));
        QCOMPARE(recorder.losses.size(), std::size_t(80));
        QVERIFY2(std::abs(recorder.losses.front() - std::log(64.0)) < 0.3,
                 qPrintable(QString::number(recorder.losses.front())));
        QVERIFY2(recorder.losses.back() < recorder.losses.front() - 1.0,
                 qPrintable(QString::number(recorder.losses.back())));
        QCOMPARE(recorder.validationLosses.size(), std::size_t(16));
        QVERIFY(recorder.validationLosses.back() < recorder.validationLosses.front());
        QVERIFY(latestCheckpoint(c.train.outDir).has_value());
    }

    // Stop at step 7, resume from the checkpoint: the losses are those of the run without a stop,
    // bit for bit. Dropout is on so the random generator's state must travel too.
    void resumeIsExact()
    {
        RunConfig straight = smallRun(QStringLiteral("straight"), 14);
        straight.model.dropout = 0.1;
        Recorder reference;
        Trainer(straight).run(reference);

        RunConfig stopped = straight;
        stopped.train.outDir = QString(m_dir.path() + QLatin1String("/stopped")).toStdString();
        TrainingControl control;
        Recorder first;
        first.onStep = [&](const StepMetrics &m) {
            if (m.step == 7)
                control.requestStop();
        };
        const TrainingResult paused = Trainer(stopped).run(first, &control);
        QCOMPARE(int(paused.outcome), int(TrainingOutcome::Stopped));
        QCOMPARE(paused.step, 7);
        QVERIFY(fs::exists(fs::path(paused.lastCheckpoint) / "model.pt"));

        Trainer resumed = Trainer::resume(paused.lastCheckpoint);
        QCOMPARE(resumed.currentStep(), 7);
        Recorder second;
        QCOMPARE(int(resumed.run(second).outcome), int(TrainingOutcome::Finished));
        std::vector<double> joined = first.losses;
        joined.insert(joined.end(), second.losses.begin(), second.losses.end());
        QCOMPARE(joined, reference.losses);
    }

    void keepsOnlyTheNewestCheckpoints()
    {
        RunConfig c = smallRun(QStringLiteral("keep"), 10);
        c.train.checkpointInterval = 2;
        c.train.keepCheckpoints = 3;
        Recorder recorder;
        Trainer(c).run(recorder);
        QCOMPARE(recorder.checkpoints.size(), std::size_t(5));
        const auto kept = listCheckpoints(c.train.outDir);
        QCOMPARE(kept.size(), std::size_t(3));
        QCOMPARE(kept.front().state.step, 6);
        QCOMPARE(kept.back().state.step, 10);
        for (const auto &entry : fs::directory_iterator(checkpointsDir(c.train.outDir)))
            QVERIFY2(entry.path().extension() != ".tmp", entry.path().c_str());
    }

    void divergenceStopsTheRunWithAMessage()
    {
        RunConfig c = smallRun(QStringLiteral("diverge"), 50);
        c.train.learningRate = 1e30;
        c.train.warmupSteps = 0;
        c.train.checkpointInterval = 1;
        Recorder recorder;
        const TrainingResult result = Trainer(c).run(recorder);
        QCOMPARE(int(result.outcome), int(TrainingOutcome::Diverged));
        QVERIFY2(QString::fromStdString(result.message)
                     .contains(QRegularExpression(QStringLiteral("NaN|infinite"))),
                 result.message.c_str());
        QVERIFY(result.step < 50);
        // Every checkpoint holds weights after a ruinous update; none is offered as good.
        QVERIFY2(result.lastCheckpoint.empty(), result.message.c_str());
        QVERIFY(QString::fromStdString(result.message).contains(QLatin1String("no checkpoint")));
    }

    // `azllm train --out X` on X holding another run: refused, naming that run; with overwrite,
    // the old checkpoints go first, so pruning never mixes the two runs.
    void aNewRunRefusesAFolderHoldingARun()
    {
        RunConfig longer = smallRun(QStringLiteral("occupied"), 10);
        longer.train.checkpointInterval = 2;
        Recorder recorder;
        Trainer(longer).run(recorder);
        RunConfig shorter = smallRun(QStringLiteral("occupied"), 4);
        shorter.train.checkpointInterval = 2;
        try {
            Trainer trainer(shorter);
            QFAIL("a folder holding a finished run was reused");
        } catch (const std::invalid_argument &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(
                         QLatin1String("already holds a run at step 10 of 10, finished")),
                     e.what());
        }
        QCOMPARE(listCheckpoints(longer.train.outDir).back().state.step, 10);

        Recorder again;
        Trainer(shorter, RunFolder::Overwrite).run(again);
        const auto kept = listCheckpoints(shorter.train.outDir);
        QCOMPARE(kept.size(), std::size_t(2));
        QCOMPARE(kept.front().state.step, 2);
        QCOMPARE(kept.back().state.step, 4);
    }

    // "Resume from here" on step 4 of a run that reached step 10: the later checkpoints are
    // abandoned at once (never offered, never picked by a resume of the run) and deleted once
    // the new line has a checkpoint of its own that proved good.
    void resumeAndPruningFollowTheCurrentLineage()
    {
        RunConfig c = smallRun(QStringLiteral("lineage"), 10);
        c.train.checkpointInterval = 2;
        c.train.keepCheckpoints = 10;
        Recorder first;
        Trainer(c).run(first);
        QCOMPARE(listCheckpoints(c.train.outDir).size(), std::size_t(5));
        const std::string four = listCheckpoints(c.train.outDir)[1].path;

        Trainer resumed = Trainer::resume(four + "/"); // as a shell completes a folder name
        QCOMPARE(resumed.config().train.outDir, c.train.outDir);
        QCOMPARE(listCheckpoints(c.train.outDir).size(), std::size_t(2));
        QCOMPARE(latestCheckpoint(c.train.outDir)->path, four);
        TrainingControl control;
        Recorder second;
        second.onStep = [&](const StepMetrics &m) {
            if (m.step == 7)
                control.requestStop();
        };
        const TrainingResult stopped = resumed.run(second, &control);
        QCOMPARE(stopped.step, 7);
        QCOMPARE(latestCheckpoint(c.train.outDir)->state.step, 7);
        std::vector<std::int64_t> listed;
        for (const CheckpointInfo &info : listCheckpoints(c.train.outDir))
            listed.push_back(info.state.step);
        QCOMPARE(listed, (std::vector<std::int64_t>{2, 4, 6, 7}));
        // Step 6 proved good at step 7, so the abandoned 8 and 10 are gone from the disk too.
        std::vector<std::string> onDisk;
        for (const auto &entry : fs::directory_iterator(checkpointsDir(c.train.outDir)))
            if (entry.is_directory())
                onDisk.push_back(entry.path().filename().string());
        std::sort(onDisk.begin(), onDisk.end());
        QCOMPARE(onDisk, (std::vector<std::string>{"step-00000002", "step-00000004",
                                                   "step-00000006", "step-00000007"}));
    }

    void pruningClearsLeftoversOfInterruptedWrites()
    {
        RunConfig c = smallRun(QStringLiteral("leftovers"), 2);
        Recorder recorder;
        const std::string two = Trainer(c).run(recorder).lastCheckpoint;
        // What a kill during a write of step 3, or between the renames of a swap, leaves.
        const fs::path dir = checkpointsDir(c.train.outDir);
        fs::create_directories(dir / "step-00000003.tmp");
        fs::create_directories(dir / "step-00000005.old");
        Trainer resumed = Trainer::resume(two, {{"max_steps", "4"}});
        Recorder more;
        resumed.run(more);
        for (const auto &entry : fs::directory_iterator(dir)) {
            const std::string name = entry.path().filename().string();
            QVERIFY2(name.find(".tmp") == std::string::npos &&
                         name.find(".old") == std::string::npos,
                     name.c_str());
        }
    }

    void pauseHoldsAndResumeContinues()
    {
        RunConfig c = smallRun(QStringLiteral("pause"), 12);
        Trainer trainer(c);
        TrainingControl control;
        Recorder recorder;
        std::atomic<std::int64_t> lastStep{0};
        recorder.onStep = [&](const StepMetrics &m) {
            lastStep = m.step;
            if (m.step == 3)
                control.requestPause();
        };
        TrainingResult result;
        std::thread worker([&] { result = trainer.run(recorder, &control); });
        while (lastStep < 3)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QCOMPARE(lastStep.load(), 3);
        QVERIFY(control.paused());
        control.resume();
        worker.join();
        QCOMPARE(int(result.outcome), int(TrainingOutcome::Finished));
        QCOMPARE(lastStep.load(), 12);
    }

    void stopWhilePausedEndsWithACheckpoint()
    {
        RunConfig c = smallRun(QStringLiteral("pause-stop"), 12);
        Trainer trainer(c);
        TrainingControl control;
        control.requestPause();
        control.requestStop();
        Recorder recorder;
        const TrainingResult result = trainer.run(recorder, &control);
        QCOMPARE(int(result.outcome), int(TrainingOutcome::Stopped));
        QCOMPARE(recorder.losses.size(), std::size_t(0));
        QCOMPARE(readCheckpointState(result.lastCheckpoint).step, 0);
    }

    void validationLossIsRepeatable()
    {
        Trainer trainer(smallRun(QStringLiteral("eval"), 5));
        QCOMPARE(trainer.evaluate(), trainer.evaluate());
    }

    void learningRateWarmsUpThenDecaysToTheFloor()
    {
        RunConfig c = smallRun(QStringLiteral("lr"), 100);
        c.train.warmupSteps = 10;
        c.train.minLrRatio = 0.1;
        Trainer trainer(c);
        QVERIFY(trainer.learningRateAt(0) < trainer.learningRateAt(5));
        QVERIFY(std::abs(trainer.learningRateAt(10) - 3e-3) < 1e-12);
        for (int s = 11; s <= 100; ++s)
            QVERIFY(trainer.learningRateAt(s) <= trainer.learningRateAt(s - 1));
        QVERIFY(std::abs(trainer.learningRateAt(100) - 3e-4) < 1e-12);
    }

    void refusesBadConfigsByName_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("context") << "context"
                                 << "longer than the model's context";
        QTest::newRow("batch") << "batch"
                               << "batch_size";
        QTest::newRow("heads") << "heads"
                               << "divisible";
        QTest::newRow("data") << "data"
                              << "no-such.tokens";
    }

    void refusesBadConfigsByName()
    {
        QFETCH(QString, key);
        QFETCH(QString, expected);
        RunConfig c = smallRun(QStringLiteral("bad"), 5);
        if (key == QLatin1String("context"))
            c.train.contextLength = 64;
        else if (key == QLatin1String("batch"))
            c.train.batchSize = 0;
        else if (key == QLatin1String("heads"))
            c.model.nHead = 5;
        else
            c.train.trainData =
                QString(m_dir.path() + QLatin1String("/no-such.tokens")).toStdString();
        try {
            Trainer trainer(c);
            QFAIL("a bad config was accepted");
        } catch (const std::exception &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(expected), e.what());
        }
    }

    void resumeRefusesToChangeTheModel()
    {
        RunConfig c = smallRun(QStringLiteral("resume-change"), 2);
        Recorder recorder;
        const TrainingResult result = Trainer(c).run(recorder);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 Trainer::resume(result.lastCheckpoint, {{"n_layer", "3"}}));
        Trainer longer = Trainer::resume(result.lastCheckpoint, {{"max_steps", "4"}});
        QCOMPARE(longer.config().train.maxSteps, 4);
    }

    void damagedCheckpointIsReportedByFile()
    {
        RunConfig c = smallRun(QStringLiteral("damaged"), 2);
        Recorder recorder;
        const TrainingResult result = Trainer(c).run(recorder);
        fs::remove(fs::path(result.lastCheckpoint) / "optimizer.pt");
        try {
            Trainer::resume(result.lastCheckpoint);
            QFAIL("a checkpoint without optimizer.pt was resumed");
        } catch (const std::runtime_error &e) {
            QVERIFY2(
                QString::fromStdString(e.what()).contains(QLatin1String("missing optimizer.pt")),
                e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "test_trainer.moc"
