// The Train screen driven as a learner drives it, through the real worker thread.
#include <QProcess>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "checkpoint.h"
#include "data_parallel_panel.h"
#include "main_window.h"
#include "metric_chart.h"
#include "run_history_view.h"
#include "train_page.h"
#include "workspace.h"

using namespace azllm;

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
    page.setMaxSteps(steps);
}

bool waitForEnd(QSignalSpy &ended)
{
    return ended.count() > 0 || ended.wait(120000);
}

} // namespace

class TestTrainPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = std::make_unique<Workspace>(m_dir.path());
        m_workspace->seedSampleDataset();
        QVERIFY(m_workspace->hasSampleDataset());
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
        QCOMPARE(page.lossPointCount(), 12);
        QCOMPARE(page.lastStep(), 12);
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
        const qint64 heldAt = page.lastStep();
        QTest::qWait(400);
        QCOMPARE(page.lastStep(), heldAt);
        QVERIFY(page.isTraining());
        disconnect(&page, &TrainPage::stepsShown, &page, nullptr);
        page.resumeTraining();
        QVERIFY(waitForEnd(ended));
        QCOMPARE(ended.first().first().toString(), QStringLiteral("finished"));
        QCOMPARE(page.lastStep(), 400);
    }

    void stopEndsWithinAStepAndLeavesAResumableCheckpoint()
    {
        TrainPage page(*m_workspace);
        useTinyRun(page, 100000);
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
        // The step running when Stop arrived may finish; no further one starts.
        QVERIFY2(page.lastStep() <= stopRequestedAt + 1,
                 qPrintable(QString::number(page.lastStep())));
        const RunRecord run = m_workspace->runs().runs().first();
        const auto latest = latestCheckpoint(run.dir.toStdString());
        QVERIFY(latest.has_value());
        QCOMPARE(latest->state.step, page.lastStep());

        disconnect(&page, &TrainPage::stepsShown, &page, nullptr);
        QSignalSpy resumed(&page, &TrainPage::runEnded);
        page.setMaxSteps(int(page.lastStep()) + 6);
        page.resumeFromCheckpoint(QString::fromStdString(latest->path));
        QVERIFY(page.isTraining());
        QVERIFY(waitForEnd(resumed));
        QCOMPARE(resumed.first().first().toString(), QStringLiteral("finished"));
        QCOMPARE(page.lastStep(), latest->state.step + 6);
        QCOMPARE(m_workspace->runs().metrics(run.id).size(), page.lastStep());
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
        azllm::ui::DataParallelPanel *parallel = page.dataParallel();
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
        const qint64 heldAt = page.lastStep();
        QTest::qWait(400);
        QCOMPARE(page.lastStep(), heldAt);
        disconnect(&page, &TrainPage::stepsShown, &page, nullptr);
        page.resumeTraining();
        QVERIFY(waitForEnd(ended));
        QVERIFY2(ended.first().first().toString() == QLatin1String("finished"),
                 qPrintable(ended.first().last().toString()));
        QCOMPARE(page.lastStep(), 30);

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
