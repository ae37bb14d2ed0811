// The Fine-tune screen driven as a learner drives it, through the real workers: a LoRA chat run
// with its first batch and base-against-tuned answers, a classifier with its live scores,
// baselines and predictions, both recorded in studio.db with their kind.
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "batch_preview_view.h"
#include "chat_test_support.h"
#include "chat_tuning_tab.h"
#include "classify_tab.h"
#include "confusion_matrix_view.h"
#include "finetune_fixtures.h"
#include "finetune_page.h"
#include "metric_chart.h"
#include "milestone_evaluator.h"
#include "tuning_run_panel.h"

using namespace azllm;
using namespace azllm::ui;

class TestFinetunePage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    QString m_base;

    QString path(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = std::make_unique<Workspace>(path(QStringLiteral("ws")));
        m_base = chat_test::trainSampleRun(*m_workspace, QStringLiteral("base"), 10);
        QVERIFY(finetune_test::writeChatData(path(QStringLiteral("chat.jsonl"))));
        QVERIFY(finetune_test::writeNews(path(QStringLiteral("news.csv")), 40));
    }

    void chatTuningShowsItsFirstBatchAndComparesAnswers()
    {
        FinetunePage page(*m_workspace);
        QVERIFY(!page.baseCheckpoint().isEmpty());
        ChatTuningTab *tab = page.chatTab();
        tab->setDatasetPath(path(QStringLiteral("chat.jsonl")));
        tab->findChild<QComboBox *>(QStringLiteral("sftMethod"))->setCurrentIndex(2); // LoRA
        QVERIFY2(tab->costLabel()->text().contains(QLatin1String("%")),
                 qPrintable(tab->costLabel()->text()));

        QSignalSpy ended(&page, &FinetunePage::runEnded);
        page.startChatTuning();
        QVERIFY(page.isBusy());
        QVERIFY(ended.wait(180000));
        QCOMPARE(ended.first().at(0).toString(), QStringLiteral("finished"));
        QVERIFY(!page.isBusy());
        QVERIFY(page.currentRunDir().contains(QLatin1String("sft-lora")));

        // The first batch as the model sees it: some tokens counted, not all.
        QTRY_VERIFY(tab->previewView()->shownRows() > 0);
        QVERIFY(tab->previewView()->countedTokens() > 0);
        QVERIFY(tab->previewView()->toPlainText().contains(QLatin1String("<|assistant|>")));
        QVERIFY(tab->panel()->lossChart()->pointCount(0) > 0);

        const QVector<RunRecord> runs = m_workspace->runs().runs();
        QCOMPARE(runs.front().kind, QStringLiteral("sft"));
        QCOMPARE(runs.front().status, QStringLiteral("finished"));
        QVERIFY(!m_workspace->runs().metrics(runs.front().id).isEmpty());

        Q_EMIT tab->compareRequested(
            QString::fromStdString(preferredCheckpoint(page.currentRunDir().toStdString())->path));
        QTRY_VERIFY_WITH_TIMEOUT(tab->comparisonTable()->rowCount() > 0, 120000);
        QVERIFY(!tab->comparisonTable()->item(0, 0)->text().isEmpty());
    }

    void classificationShowsScoresBaselinesAndPredictions()
    {
        FinetunePage page(*m_workspace);
        page.openTab(QStringLiteral("classify"));
        QCOMPARE(page.tabs()->currentWidget(), page.classifyTab());
        ClassifyTab *tab = page.classifyTab();
        tab->setDatasetPath(path(QStringLiteral("news.csv")));
        tab->setMode(QStringLiteral("head"));

        QSignalSpy ended(&page, &FinetunePage::runEnded);
        page.startClassification();
        QVERIFY(ended.wait(180000));
        QCOMPARE(ended.first().at(0).toString(), QStringLiteral("finished"));

        // 40 texts, 0.15 held out per label: 3 of each.
        qint64 counted = 0;
        for (int t = 0; t < 2; ++t)
            for (int p = 0; p < 2; ++p)
                counted += tab->confusionMatrix()->cellCount(t, p);
        QCOMPARE(counted, 6);
        QCOMPARE(tab->perClassTable()->rowCount(), 2);
        QVERIFY(tab->scoreChart()->pointCount(0) > 0);
        QTRY_COMPARE(tab->baselineTable()->rowCount(), 3);

        const QVector<RunRecord> runs = m_workspace->runs().runs();
        QCOMPARE(runs.front().kind, QStringLiteral("classify"));
        QVERIFY(runs.front().bestAccuracy.has_value());
        bool classifierFact = false;
        for (const RunFact &fact : gatherFacts(*m_workspace).runs)
            classifierFact = classifierFact || (fact.kind == QLatin1String("classify") &&
                                                fact.bestAccuracy.has_value());
        QVERIFY(classifierFact);

        auto *text = tab->findChild<QLineEdit *>(QStringLiteral("predictText"));
        text->setText(QStringLiteral("Komanda qol vurdu."));
        QTest::keyClick(text, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(tab->predictionTable()->rowCount(), 2, 60000);
    }

    void aStoppedRunDoesNotStopTheNextOne()
    {
        FinetunePage page(*m_workspace);
        page.openTab(QStringLiteral("classify"));
        page.classifyTab()->setDatasetPath(path(QStringLiteral("news.csv")));
        page.classifyTab()->setMode(QStringLiteral("head"));
        QSignalSpy jobs(&page, &FinetunePage::jobChanged);
        QSignalSpy ended(&page, &FinetunePage::runEnded);
        page.startClassification();
        // Stop as soon as the run is handed to the trainer (prepared, queued or at its first
        // steps): it ends stopped.
        QTRY_VERIFY_WITH_TIMEOUT(
            !jobs.isEmpty() && jobs.last().at(0).toString().startsWith(QLatin1String("tuning ")),
            60000);
        page.stopRun();
        QVERIFY(ended.wait(120000));
        QCOMPARE(ended.last().at(0).toString(), QStringLiteral("stopped"));

        page.startClassification();
        QVERIFY(ended.wait(180000));
        QCOMPARE(ended.last().at(0).toString(), QStringLiteral("finished"));
    }

    void bustedDatasetSaysWhyAndLeavesNoRun()
    {
        FinetunePage page(*m_workspace);
        const int before = m_workspace->runs().runs().size();
        page.chatTab()->setDatasetPath(path(QStringLiteral("missing.jsonl")));
        page.startChatTuning();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 30000);
        QVERIFY(
            page.chatTab()->panel()->log()->toPlainText().contains(QLatin1String("missing.jsonl")));
        QCOMPARE(m_workspace->runs().runs().size(), before);
    }
};

QTEST_MAIN(TestFinetunePage)
#include "test_finetune_page.moc"
