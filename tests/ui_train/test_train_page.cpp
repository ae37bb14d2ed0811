// The Train screen driven as a learner drives it, through the real worker thread.
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QProcess>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <QSemaphore>
#include <QSpinBox>

#include "checkpoint.h"
#include "data_parallel_panel.h"
#include "main_window.h"
#include "metric_chart.h"
#include "run_form.h"
#include "run_history_view.h"
#include "run_progress.h"
#include "studio_tools.h"
#include "synthetic_data.h"
#include "token_file.h"
#include "train_page.h"
#include "trainer.h"
#include "training_charts.h"
#include "training_worker.h"
#include "workspace.h"

using namespace azllm;
using namespace azllm::ui;

namespace {

// Small enough that a step takes milliseconds; the vocabulary comes from the dataset.
ModelConfig tinyModel()
{
    ModelConfig c;
    c.contextLength = 32;
    c.nEmbd = 32;
    c.nLayer = 1;
    c.nHead = 2;
    return c;
}

void useTinyRun(TrainPage &page, int steps)
{
    page.setModelConfig(tinyModel());
    page.form()->setMaxSteps(steps);
}

bool waitForEnd(QSignalSpy &ended)
{
    return ended.count() > 0 || ended.wait(120000);
}

// The Train screen's worker on a thread of its own, as the page runs it.
struct WorkerThread
{
    QThread thread;
    TrainingWorker *worker = new TrainingWorker;
    int samples = 0;

    WorkerThread()
    {
        worker->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        QObject::connect(
            worker, &TrainingWorker::sampleGenerated, worker, [this] { ++samples; },
            Qt::DirectConnection);
        thread.start();
    }
    ~WorkerThread()
    {
        thread.quit();
        thread.wait();
    }

    // Every step the run reports, until it finishes.
    QVector<StepMetrics> train(const RunConfig &config, const QString &resumeFrom,
                               const QString &tokenizer)
    {
        QVector<StepMetrics> steps;
        QSignalSpy finished(worker, &TrainingWorker::runFinished);
        const auto connection = QObject::connect(
            worker, &TrainingWorker::metricsReported, worker,
            [&steps](const QVector<StepMetrics> &batch) { steps += batch; }, Qt::DirectConnection);
        worker->prepareRun();
        QMetaObject::invokeMethod(
            worker,
            [w = worker, config, resumeFrom, tokenizer] {
                w->train(config, resumeFrom, tokenizer);
            },
            Qt::QueuedConnection);
        if (!finished.wait(120000))
            qWarning("the run did not finish");
        QObject::disconnect(connection);
        return steps;
    }
};

} // namespace

class TestTrainPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = std::make_unique<Workspace>(m_dir.path());
        m_workspace->seedSampleDataset();
        QVERIFY(m_workspace->hasSampleDataset());
    }

    void batchInTokensAndCheckpointingReachTheRunConfig()
    {
        TrainPage page(*m_workspace);
        RunForm *form = page.form();
        form->findChild<QSpinBox *>(QStringLiteral("batch"))->setValue(4);
        form->findChild<QSpinBox *>(QStringLiteral("context"))->setValue(64);
        QCOMPARE(form->config().train.gradAccumSteps, std::int64_t(1));
        QCOMPARE(form->config().train.activationCheckpointing, std::int64_t(0));
        // 1000 tokens from micro-batches of 4 x 64 = 256: four of them, 1024 tokens.
        form->findChild<QSpinBox *>(QStringLiteral("targetTokens"))->setValue(1000);
        QCOMPARE(form->config().train.gradAccumSteps, std::int64_t(4));
        const QString shown = form->findChild<QLabel *>(QStringLiteral("accumulation"))->text();
        QVERIFY2(shown.contains(QStringLiteral("1024")), qPrintable(shown));
        form->findChild<QSpinBox *>(QStringLiteral("batch"))->setValue(8);
        QCOMPARE(form->config().train.gradAccumSteps, std::int64_t(2));
        form->findChild<QCheckBox *>(QStringLiteral("activationCheckpointing"))->setChecked(true);
        QCOMPARE(form->config().train.activationCheckpointing, std::int64_t(1));
    }

    void precisionChoiceReachesTheRunConfig()
    {
        TrainPage page(*m_workspace);
        RunForm *form = page.form();
        auto *precision = form->findChild<QComboBox *>(QStringLiteral("precision"));
        QVERIFY(precision);
        QCOMPARE(form->config().train.precision, std::string("fp32"));
        for (const char *name : {"bf16", "fp16", "fp32"}) {
            precision->setCurrentIndex(precision->findData(QString::fromLatin1(name)));
            QCOMPARE(form->config().train.precision, std::string(name));
        }
        form->showRunState(true, false);
        QVERIFY(!precision->isEnabled());
        form->showRunState(false, false);
        QVERIFY(precision->isEnabled());
    }

    void skippedStepsShowInTheStatus()
    {
        RunProgress progress;
        progress.begin(100, 256);
        StepMetrics m;
        m.step = 10;
        m.loss = 4.5;
        m.tokensPerSecond = 1000;
        progress.report(m, false);
        QVERIFY2(!progress.statusText().contains(QStringLiteral("skipped")),
                 qPrintable(progress.statusText()));
        m.skippedSteps = 3;
        progress.report(m, false);
        QVERIFY2(progress.statusText().contains(QStringLiteral("skipped steps (fp16 overflow): 3")),
                 qPrintable(progress.statusText()));
    }

    void onePointPerReportedStep()
    {
        TrainPage page(*m_workspace);
        useTinyRun(page, 12);
        QSignalSpy ended(&page, &TrainPage::runEnded);
        page.startTraining();
        QVERIFY(page.isTraining());
        QVERIFY(waitForEnd(ended));
        QCOMPARE(ended.first().first().toString(), QStringLiteral("finished"));
        QCOMPARE(page.charts()->lossPointCount(), 12);
        QCOMPARE(page.charts()->lastStep(), 12);
        const RunRecord run = m_workspace->runs().runs().first();
        QCOMPARE(m_workspace->runs().metrics(run.id).size(), 12);
        QCOMPARE(run.status, QStringLiteral("finished"));
    }

    void pauseHoldsAndResumeContinues()
    {
        TrainPage page(*m_workspace);
        useTinyRun(page, 400);
        QSignalSpy ended(&page, &TrainPage::runEnded);
        connect(&page, &TrainPage::stepsShown, &page, [&](qint64 step) {
            if (step >= 3 && !page.isPaused() && ended.isEmpty())
                page.pauseTraining();
        });
        page.startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(page.isPaused(), 60000);
        const qint64 heldAt = page.charts()->lastStep();
        QTest::qWait(400);
        QCOMPARE(page.charts()->lastStep(), heldAt);
        QVERIFY(page.isTraining());
        disconnect(&page, &TrainPage::stepsShown, &page, nullptr);
        page.resumeTraining();
        QVERIFY(waitForEnd(ended));
        QCOMPARE(ended.first().first().toString(), QStringLiteral("finished"));
        QCOMPARE(page.charts()->lastStep(), 400);
    }

    void stopEndsWithinAStepAndLeavesAResumableCheckpoint()
    {
        TrainPage page(*m_workspace);
        useTinyRun(page, 300);
        QSignalSpy ended(&page, &TrainPage::runEnded);
        qint64 stopRequestedAt = -1;
        connect(&page, &TrainPage::stepsShown, &page, [&](qint64 step) {
            if (step >= 5 && stopRequestedAt < 0) {
                stopRequestedAt = step;
                page.stopTraining();
            }
        });
        page.startTraining();
        QVERIFY(waitForEnd(ended));
        QCOMPARE(ended.first().first().toString(), QStringLiteral("stopped"));
        // The worker stops after the step it is in. The screen may show it a few steps late (its
        // metrics arrive every 100 ms: a tiny model's steps take a few ms on a quiet machine), so
        // the run ends soon after the step shown and long before its 300 (test_trainer checks
        // "no further step" exactly, at the engine).
        QVERIFY2(page.charts()->lastStep() >= stopRequestedAt && page.charts()->lastStep() < 100,
                 qPrintable(QString::number(page.charts()->lastStep())));
        const RunRecord run = m_workspace->runs().runs().first();
        const auto latest = latestCheckpoint(run.dir.toStdString());
        QVERIFY(latest.has_value());
        QCOMPARE(latest->state.step, page.charts()->lastStep());
        disconnect(&page, &TrainPage::stepsShown, &page, nullptr);

        // The form changes after the stop; the resumed run keeps its own length, schedule,
        // batch and context, and the time left is reckoned from those.
        page.form()->setMaxSteps(int(page.charts()->lastStep()) + 6);
        page.form()->findChild<QSpinBox *>(QStringLiteral("batch"))->setValue(1);
        page.form()->findChild<QSpinBox *>(QStringLiteral("context"))->setValue(8);
        QVector<QPair<qint64, double>> shownEta;
        connect(&page, &TrainPage::stepsShown, &page, [&](qint64 step) {
            shownEta.push_back({step, page.progress()->remainingSeconds()});
        });
        QSignalSpy resumed(&page, &TrainPage::runEnded);
        page.resumeFromCheckpoint(QString::fromStdString(latest->path));
        QVERIFY(page.isTraining());
        QVERIFY(waitForEnd(resumed));
        QCOMPARE(resumed.first().first().toString(), QStringLiteral("finished"));
        QCOMPARE(page.charts()->lastStep(), 300);
        const QVector<MetricPoint> metrics = m_workspace->runs().metrics(run.id);
        QCOMPARE(metrics.size(), 300);

        RunConfig config = readCheckpointConfig(latest->path);
        config.train.outDir = QString(m_dir.path() + QLatin1String("/schedule")).toStdString();
        const Trainer schedule(config, RunFolder::Overwrite);
        for (const MetricPoint &p : metrics)
            QCOMPARE(p.learningRate, schedule.learningRateAt(p.step - 1));
        const double tokensPerStep = double(config.train.batchSize * config.train.contextLength);
        QVERIFY(!shownEta.isEmpty());
        for (const auto &[step, eta] : shownEta) {
            const double expected =
                double(300 - step) * tokensPerStep / metrics[int(step - 1)].tokensPerSecond;
            QVERIFY2(std::abs(eta - expected) <= 1e-9 * std::max(1.0, expected),
                     qPrintable(QStringLiteral("step %1: %2 s left shown, %3 s expected")
                                    .arg(step)
                                    .arg(eta)
                                    .arg(expected)));
        }
    }

    // With dropout, through the real worker and its sample after each checkpoint: resuming at
    // step 4 repeats steps 5-12 of the uninterrupted run bit for bit.
    void aResumeThroughTheWorkerRepeatsTheRunBitForBit()
    {
        const QString dataset = m_workspace->datasetDir(QStringLiteral("sample"));
        RunConfig config;
        config.model = tinyModel();
        config.model.dropout = 0.1;
        config.train.trainData = QString(dataset + QLatin1String("/train.tokens")).toStdString();
        config.model.vocabSize = TokenFile(config.train.trainData).vocabSize();
        config.train.batchSize = 4;
        config.train.maxSteps = 12;
        config.train.warmupSteps = 2;
        config.train.evalInterval = 1000;
        config.train.evalBatches = 1;
        config.train.checkpointInterval = 4;
        config.train.keepCheckpoints = 10;
        config.train.outDir = QString(m_dir.path() + QLatin1String("/worker-exact")).toStdString();
        config.train.device = "cpu";
        const QString tokenizer = dataset + QLatin1String("/tokenizer.model");

        WorkerThread worker;
        const QVector<StepMetrics> straight = worker.train(config, QString(), tokenizer);
        QCOMPARE(straight.size(), 12);
        QCOMPARE(worker.samples, 3); // the sample after each checkpoint ran
        const QString four = QString::fromStdString(listCheckpoints(config.train.outDir)[0].path);
        const QVector<StepMetrics> again = worker.train(config, four, tokenizer);
        QCOMPARE(again.size(), 8);
        for (int i = 0; i < again.size(); ++i) {
            QCOMPARE(again[i].step, straight[i + 4].step);
            QVERIFY2(again[i].loss == straight[i + 4].loss,
                     qPrintable(QStringLiteral("step %1: %2 resumed, %3 uninterrupted")
                                    .arg(again[i].step)
                                    .arg(again[i].loss, 0, 'g', 17)
                                    .arg(straight[i + 4].loss, 0, 'g', 17)));
        }
    }

    // Stop pressed after Start but before the worker's thread took the run up: it still counts.
    void aStopWhileTheRunIsQueuedIsKept()
    {
        RunConfig config;
        config.model = tinyModel();
        config.model.vocabSize = 64;
        config.train.outDir = QString(m_dir.path() + QLatin1String("/queued")).toStdString();
        const std::string tokens =
            QString(m_dir.path() + QLatin1String("/queued.tokens")).toStdString();
        writeSyntheticTokens(tokens, 64, 20000, 3);
        config.train.trainData = tokens;
        config.train.maxSteps = 200;
        config.train.device = "cpu";

        WorkerThread worker;
        QSemaphore hold;
        QMetaObject::invokeMethod(
            worker.worker, [&hold] { hold.acquire(); }, Qt::QueuedConnection);
        worker.worker->prepareRun();
        QSignalSpy finished(worker.worker, &TrainingWorker::runFinished);
        QSignalSpy reported(worker.worker, &TrainingWorker::metricsReported);
        QMetaObject::invokeMethod(
            worker.worker, [w = worker.worker, config] { w->train(config, {}, {}); },
            Qt::QueuedConnection);
        worker.worker->stop();
        hold.release();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("stopped"));
        QCOMPARE(reported.count(), 0);
    }

    // The form's defaults on the sample dataset: after warmup no step's loss climbs back above
    // ln(vocab), the loss of a uniform guess, whatever the seed (the default and two others).
    void theDefaultsStayBelowAUniformGuessAfterWarmup()
    {
        TrainPage page(*m_workspace);
        RunConfig config = page.form()->config();
        const double uniform = std::log(double(config.model.vocabSize));
        const std::int64_t checked = config.train.warmupSteps + 30;
        for (const std::uint64_t seed : {config.train.seed, std::uint64_t(1), std::uint64_t(2)}) {
            config.train.seed = seed;
            config.train.outDir =
                QString(m_dir.path() + QStringLiteral("/defaults-") + QString::number(seed))
                    .toStdString();
            Trainer trainer(config);
            for (std::int64_t step = 1; step <= checked; ++step) {
                const StepMetrics m = trainer.step();
                QVERIFY2(step <= config.train.warmupSteps || m.loss <= uniform,
                         qPrintable(QStringLiteral("seed %1, step %2: loss %3 > ln(%4) = %5")
                                        .arg(seed)
                                        .arg(step)
                                        .arg(m.loss)
                                        .arg(config.model.vocabSize)
                                        .arg(uniform)));
            }
        }
    }

    void runsSurviveARestartOfTheWindow()
    {
        const int runsBefore = int(m_workspace->runs().runs().size());
        QVERIFY(runsBefore >= 3);
        const QVector<MetricPoint> metrics =
            m_workspace->runs().metrics(m_workspace->runs().runs().last().id);
        m_workspace.reset();

        Workspace reopened(m_dir.path());
        MainWindow window(reopened);
        RunHistoryView *history = window.trainPage()->history();
        QCOMPARE(history->runCount(), runsBefore);
        history->setRunChecked(runsBefore - 1, true);
        // Training and validation curves of the oldest run, from studio.db.
        QCOMPARE(history->overlay()->graphCount(), 2);
        QCOMPARE(history->overlay()->pointCount(0), int(metrics.size()));
        const QString exported = m_dir.path() + QLatin1String("/compare.png");
        QVERIFY(history->exportChart(exported));
        QVERIFY(QImage(exported).width() > 0);
        m_workspace = std::make_unique<Workspace>(m_dir.path());
    }

    void historyComparesConfigsSideBySide()
    {
        TrainPage page(*m_workspace);
        RunHistoryView *history = page.history();
        history->setRunChecked(0, true);
        history->setRunChecked(1, true);
        QCOMPARE(history->configTable()->columnCount(), 2);
        // max_steps differs between the runs above, so it is listed first.
        QCOMPARE(history->configTable()->verticalHeaderItem(0)->text(),
                 QStringLiteral("max_steps"));
    }

    // `--screenshot`'s train-history.png is the Train screen with its runs history, not the
    // screen the loop over all screens happened to leave showing (the Roadmap).
    void theHistoryScreenshotShowsTheTrainScreen()
    {
        MainWindow window(*m_workspace);
        const QString dir = m_dir.path() + QLatin1String("/shots");
        QCOMPARE(takeScreenshots(window, dir, 2), 0);
        const QImage history(dir + QLatin1String("/train-history.png"));
        const QImage train(dir + QLatin1String("/train.png"));
        const QImage roadmap(dir + QLatin1String("/roadmap.png"));
        QVERIFY(!history.isNull() && history.size() == train.size());
        // The run setup at the top is the same picture on both Train shots; only the tabs below
        // differ.
        const QRect setup(0, 0, history.width(), history.height() / 5);
        QCOMPARE(history.copy(setup), train.copy(setup));
        QVERIFY(history.copy(setup) != roadmap.copy(setup));
        QCOMPARE(window.currentScreen(), MainWindow::TrainScreen);
    }

    void damagedWorkspaceGetsAClearMessageAndIsLeftAlone()
    {
        QTemporaryDir broken;
        const QString db = broken.path() + QLatin1String("/studio.db");
        QFile file(db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Bu, verilənlər bazası deyil.");
        file.close();
        QProcess studio;
        studio.start(QStringLiteral(AZLLM_STUDIO),
                     {QStringLiteral("--workspace"), broken.path(), QStringLiteral("--screenshot"),
                      broken.path() + QLatin1String("/shots")});
        QVERIFY(studio.waitForFinished(60000));
        QCOMPARE(studio.exitCode(), 1);
        const QString error = QString::fromUtf8(studio.readAllStandardError());
        QVERIFY2(error.contains(QLatin1String("not a studio database")) && error.contains(db),
                 qPrintable(error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("Bu, verilənlər bazası deyil."));
    }

    // Two processes from the screen: the training thread is rank 0 and an azllm process is
    // rank 1. Pause holds both, each one's speed shows beside the total, rank 0 alone writes.
    void twoProcessesPauseTogetherAndShowTheirSpeeds()
    {
        TrainPage page(*m_workspace);
        useTinyRun(page, 30);
        DataParallelPanel *parallel = page.dataParallel();
        parallel->setProcesses(2);
        parallel->setThreadsPerProcess(1);
        QSignalSpy ended(&page, &TrainPage::runEnded);
        connect(&page, &TrainPage::stepsShown, &page, [&](qint64 step) {
            if (step >= 3 && !page.isPaused() && ended.isEmpty())
                page.pauseTraining();
        });
        page.startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(page.isPaused() || !ended.isEmpty(), 120000);
        QVERIFY2(ended.isEmpty(), qPrintable(ended.value(0).value(1).toString()));
        const qint64 heldAt = page.charts()->lastStep();
        QTest::qWait(400);
        QCOMPARE(page.charts()->lastStep(), heldAt);
        disconnect(&page, &TrainPage::stepsShown, &page, nullptr);
        page.resumeTraining();
        QVERIFY(waitForEnd(ended));
        QVERIFY2(ended.first().first().toString() == QLatin1String("finished"),
                 qPrintable(ended.first().last().toString()));
        QCOMPARE(page.charts()->lastStep(), 30);

        int shown = 0;
        for (const QProgressBar *bar : parallel->findChildren<QProgressBar *>())
            shown += bar->isVisibleTo(parallel) && bar->value() > 0 ? 1 : 0;
        QCOMPARE(shown, 2);
        const RunRecord run = m_workspace->runs().runs().first();
        QVERIFY(QFile::exists(run.dir + QLatin1String("/logs/rank-1.log")));
        const auto latest = latestCheckpoint(run.dir.toStdString());
        QVERIFY(latest.has_value());
        QVERIFY(
            QFile::exists(QString::fromStdString(latest->path) + QLatin1String("/rng-rank-1.pt")));
    }
};

QTEST_MAIN(TestTrainPage)
#include "test_train_page.moc"
