// The Data screen offscreen, on a temporary workspace with two datasets prepared from the sample
// corpus (vocabularies 2,000 and 600). Waits use generous QTRY limits; no timing is asserted.
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "corpus_preparer.h"
#include "data_page.h"
#include "dataset_browser.h"
#include "dataset_name.h"
#include "dataset_summary.h"
#include "piece_view.h"
#include "prepare_panel.h"
#include "prepare_worker.h"
#include "tokenizer.h"
#include "tokenizer_playground.h"
#include "workspace.h"

using namespace azllm::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr int kPrepareTimeoutMs = 180000;

QString sampleCorpus()
{
    return QStringLiteral(AZLLM_SOURCE_DIR "/resources/sample_corpus");
}

void prepareDataset(azllm::Workspace &workspace, const QString &name, int vocabSize)
{
    azllm::PrepareOptions options;
    options.inputs = {sampleCorpus().toStdString()};
    options.outputDir = workspace.datasetDir(name).toStdString();
    options.import.paragraphDocuments = true;
    options.tokenizer.vocabSize = vocabSize;
    azllm::CorpusPreparer(options).run();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestDataPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsPreparedDatasetsWithTheirReport();
    void preparingThroughTheWorkerAddsTheDataset();
    void cancelFromProgressLeavesNoFolder();
    void cancelFromThePageSaysCancelled();
    void closingWhilePreparingStopsCleanly();
    void nonUtf8FileIsReportedByName();
    void onlyBadInputFailsNamingTheFile();
    void datasetNamesAreValidated();
    void suggestedNamesFollowTheRule_data();
    void suggestedNamesFollowTheRule();
    void playgroundShowsExactlyTheTokenizersPieces();
    void playgroundMarksByteFallback();
    void switchingTokenizerChangesThePieces();

private:
    void startPreparing(DataPage &page, const QStringList &inputs, const QString &name,
                        int vocabSize);
    static void waitUntilIdle(DataPage &page);
    azllm::Tokenizer loadTokenizer(const QString &dataset) const
    {
        return azllm::Tokenizer::load(
            QString(m_workspace->datasetDir(dataset) + u"/tokenizer.model"_s).toStdString());
    }

    QTemporaryDir m_temp;
    std::unique_ptr<azllm::Workspace> m_workspace;
};

void TestDataPage::initTestCase()
{
    QVERIFY(m_temp.isValid());
    m_workspace = std::make_unique<azllm::Workspace>(m_temp.filePath(QStringLiteral("workspace")));
    prepareDataset(*m_workspace, QStringLiteral("sample"), 2000);
    prepareDataset(*m_workspace, QStringLiteral("tiny"), 600);
    QCOMPARE(m_workspace->datasetNames(), QStringList({u"sample"_s, u"tiny"_s}));
}

void TestDataPage::startPreparing(DataPage &page, const QStringList &inputs, const QString &name,
                                  int vocabSize)
{
    page.addInputs(inputs);
    page.preparePanel().setDatasetName(name);
    page.findChild<QSpinBox *>(QStringLiteral("prepareVocabSize"))->setValue(vocabSize);
    auto *prepare = page.findChild<QPushButton *>(QStringLiteral("prepareButton"));
    QVERIFY(prepare->isEnabled());
    QTest::mouseClick(prepare, Qt::LeftButton);
    QVERIFY(page.isBusy());
}

void TestDataPage::waitUntilIdle(DataPage &page)
{
    QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), kPrepareTimeoutMs);
}

void TestDataPage::listsPreparedDatasetsWithTheirReport()
{
    DataPage page(*m_workspace);
    QCOMPARE(page.datasets().names(), QStringList({u"sample"_s, u"tiny"_s}));

    const DatasetSummary summary =
        readDatasetSummary(QStringLiteral("sample"), m_workspace->datasetDir(u"sample"_s));
    QVERIFY(summary.hasReport);
    QCOMPARE(summary.vocabSize, 2000);
    QCOMPARE(summary.tokenizerType, QStringLiteral("bpe"));
    QVERIFY(summary.documentsKept > 0);
    QVERIFY(summary.trainTokens > 0);
    QVERIFY(summary.fertility > 1.0);
    QCOMPARE(summary.topPieces.size(), 20);

    page.datasets().select(QStringLiteral("sample"));
    const QString html = DatasetBrowser::reportHtml(summary);
    QVERIFY(html.contains(QLocale().toString(summary.fertility, 'f', 2)));
    QVERIFY(html.contains(summary.topPieces.first().first.toHtmlEscaped()));
}

void TestDataPage::preparingThroughTheWorkerAddsTheDataset()
{
    DataPage page(*m_workspace);
    QSignalSpy changed(&page, &DataPage::datasetsChanged);
    QSignalSpy job(&page, &DataPage::jobChanged);
    startPreparing(page, {sampleCorpus()}, QStringLiteral("fresh"), 1000);
    waitUntilIdle(page);

    QCOMPARE(changed.count(), 1);
    QVERIFY(m_workspace->datasetNames().contains(QStringLiteral("fresh")));
    QVERIFY(page.datasets().names().contains(QStringLiteral("fresh")));
    QCOMPARE(page.datasets().selectedName(), QStringLiteral("fresh"));
    QVERIFY(page.findChild<QComboBox *>(QStringLiteral("playgroundTokenizer"))
                ->findText(QStringLiteral("fresh")) >= 0);
    QVERIFY(job.count() >= 2);
    QVERIFY(!job.first().first().toString().isEmpty()); // "Preparing “fresh”: ..."
    QVERIFY(job.last().first().toString().isEmpty());   // idle again
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("prepareResult"))
                ->text()
                .contains(QStringLiteral("Prepared")));
}

// Deterministic: a receiver connected directly runs inside the preparer's callback, which reads
// the flag right after emitting.
void TestDataPage::cancelFromProgressLeavesNoFolder()
{
    PrepareWorker worker;
    // Mid-way: the corpus is read and the tokenizer trained when the shards start.
    QList<azllm::PrepareStage> stages;
    connect(
        &worker, &PrepareWorker::progressed, &worker,
        [&](const azllm::PrepareProgress &progress) {
            stages << progress.stage;
            if (progress.stage == azllm::PrepareStage::WriteShards)
                worker.requestCancel();
        },
        Qt::DirectConnection);
    QSignalSpy finished(&worker, &PrepareWorker::finished);
    azllm::PrepareOptions options;
    options.inputs = {sampleCorpus().toStdString()};
    options.outputDir = m_workspace->datasetDir(QStringLiteral("cancelled")).toStdString();
    options.tokenizer.vocabSize = 1000;
    worker.prepare(options);

    QCOMPARE(finished.count(), 1);
    const auto outcome = finished.first().first().value<PrepareOutcome>();
    QCOMPARE(outcome.status, PrepareOutcome::Status::Cancelled);
    QVERIFY(stages.contains(azllm::PrepareStage::TrainTokenizer));
    QCOMPARE(stages.last(), azllm::PrepareStage::WriteShards);
    QVERIFY(!QFileInfo::exists(m_workspace->datasetDir(QStringLiteral("cancelled"))));
    QVERIFY(!m_workspace->datasetNames().contains(QStringLiteral("cancelled")));
}

// The page shows its first progress before the worker starts, so this cancel always lands.
void TestDataPage::cancelFromThePageSaysCancelled()
{
    DataPage page(*m_workspace);
    QSignalSpy changed(&page, &DataPage::datasetsChanged);
    auto *cancel = page.findChild<QPushButton *>(QStringLiteral("prepareCancel"));
    connect(&page.preparePanel(), &PreparePanel::progressed, cancel, &QPushButton::click);
    startPreparing(page, {sampleCorpus()}, QStringLiteral("big"), 1000);
    waitUntilIdle(page);

    QCOMPARE(changed.count(), 0);
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("prepareResult"))
                ->text()
                .contains(QStringLiteral("Cancelled")));
    QVERIFY(!QFileInfo::exists(m_workspace->datasetDir(QStringLiteral("big"))));
    QVERIFY(!page.datasets().names().contains(QStringLiteral("big")));
}

// The main window may close mid-run: the page cancels, waits for the worker, leaves nothing.
void TestDataPage::closingWhilePreparingStopsCleanly()
{
    {
        DataPage page(*m_workspace);
        startPreparing(page, {sampleCorpus()}, QStringLiteral("closed"), 1000);
    }
    QVERIFY(!QFileInfo::exists(m_workspace->datasetDir(QStringLiteral("closed"))));
}

void TestDataPage::nonUtf8FileIsReportedByName()
{
    const QString folder = m_temp.filePath(QStringLiteral("mixed"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::copy(sampleCorpus() + QStringLiteral("/tarix.txt"), folder + u"/tarix.txt"_s));
    // "Azərbaycan" in Windows-1254: 0xFD is not UTF-8.
    QVERIFY(writeBytes(folder + u"/legacy-1254.txt"_s, QByteArray("Az\xfdrbaycan dili\n")));
    DataPage page(*m_workspace);
    startPreparing(page, {folder}, QStringLiteral("mixed"), 500);
    waitUntilIdle(page);

    QVERIFY(m_workspace->datasetNames().contains(QStringLiteral("mixed")));
    auto *issues = page.findChild<QListWidget *>(QStringLiteral("prepareIssues"));
    QCOMPARE(issues->count(), 1);
    QVERIFY(issues->item(0)->text().contains(QStringLiteral("legacy-1254.txt")));
    QVERIFY(issues->item(0)->text().contains(QStringLiteral("UTF-8")));
    // The dataset's own report keeps the issue for later visits.
    page.datasets().select(QStringLiteral("mixed"));
    const DatasetSummary summary =
        readDatasetSummary(QStringLiteral("mixed"), m_workspace->datasetDir(u"mixed"_s));
    QCOMPARE(summary.issues.size(), 1);
    QVERIFY(DatasetBrowser::reportHtml(summary).contains(QStringLiteral("legacy-1254.txt")));
}

void TestDataPage::onlyBadInputFailsNamingTheFile()
{
    const QString bad = m_temp.filePath(QStringLiteral("only-bad.txt"));
    QVERIFY(writeBytes(bad, QByteArray("\xff\xfe b\x00\xe4\n", 7)));
    DataPage page(*m_workspace);
    QSignalSpy changed(&page, &DataPage::datasetsChanged);
    startPreparing(page, {bad}, QStringLiteral("bad"), 500);
    waitUntilIdle(page);

    QCOMPARE(changed.count(), 0);
    const QString result = page.findChild<QLabel *>(QStringLiteral("prepareResult"))->text();
    QVERIFY2(result.contains(QStringLiteral("failed")), qPrintable(result));
    auto *issues = page.findChild<QListWidget *>(QStringLiteral("prepareIssues"));
    QVERIFY(issues->count() >= 1);
    QVERIFY(issues->item(0)->text().contains(QStringLiteral("only-bad.txt")));
    QVERIFY(!QFileInfo::exists(m_workspace->datasetDir(QStringLiteral("bad"))));
}

void TestDataPage::datasetNamesAreValidated()
{
    DataPage page(*m_workspace);
    PreparePanel &panel = page.preparePanel();
    QVERIFY(!panel.nameProblem(QString()).isEmpty());
    QVERIFY(!panel.nameProblem(QStringLiteral("two words")).isEmpty());
    QVERIFY(!panel.nameProblem(QStringLiteral(".hidden")).isEmpty());
    QVERIFY(!panel.nameProblem(QStringLiteral("../escape")).isEmpty());
    QVERIFY(!panel.nameProblem(QStringLiteral("sample")).isEmpty()); // exists
    QVERIFY(panel.nameProblem(QStringLiteral("news-2024_v2")).isEmpty());

    page.addInputs({sampleCorpus()});
    // The suggestion comes from the folder and avoids names in use.
    QCOMPARE(panel.datasetName(), QStringLiteral("sample-corpus"));
    panel.setDatasetName(QStringLiteral("sample"));
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("prepareButton"))->isEnabled());
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("prepareNameProblem"))
                ->text()
                .contains(QStringLiteral("already exists")));
}

void TestDataPage::suggestedNamesFollowTheRule_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("letters without decomposition") << u"Xəbərlər 2024"_s << u"xeberler-2024"_s;
    QTest::newRow("accents dropped") << u"Şəki_Göyçay.Ağdaş"_s << u"seki-goycay-agdas"_s;
    QTest::newRow("capital dotted I") << u"İçərişəhər"_s << u"iceriseher"_s;
    QTest::newRow("runs of punctuation") << u"--a  ..  b--"_s << u"a-b"_s;
    QTest::newRow("nothing Latin") << u"Ёлка"_s << u"dataset"_s;
    QTest::newRow("too long") << QString(70, u'q') << QString(40, u'q');
}

void TestDataPage::suggestedNamesFollowTheRule()
{
    QFETCH(QString, fileName);
    QFETCH(QString, expected);
    const QString name = azllm::ui::datasetNameFrom(fileName);
    QCOMPARE(name, expected);
    QVERIFY(azllm::ui::isSafeDatasetName(name));
}

void TestDataPage::playgroundShowsExactlyTheTokenizersPieces()
{
    DataPage page(*m_workspace);
    TokenizerPlayground &playground = page.playground();
    playground.selectTokenizer(QStringLiteral("sample"));
    QCOMPARE(playground.currentTokenizer(), QStringLiteral("sample"));
    const QString text = QStringLiteral("Bakı Xəzər dənizinin sahilində yerləşir.\nİçərişəhər");
    playground.setText(text);

    const auto tokenizer = loadTokenizer(u"sample"_s);
    const std::vector<int> ids = tokenizer.encode(text.toStdString());
    const QList<PieceChip> &chips = playground.pieceView().chips();
    QCOMPARE(chips.size(), qsizetype(ids.size()));
    for (qsizetype i = 0; i < chips.size(); ++i) {
        QCOMPARE(chips[i].id, ids[i]);
        QCOMPARE(chips[i].piece, QString::fromStdString(tokenizer.idToPiece(ids[i])));
        QVERIFY(playground.pieceView().toolTipFor(int(i)).contains(QString::number(ids[i])));
    }
    QCOMPARE(playground.wordCount(), 6);
    QCOMPARE(playground.tokensPerWord(), double(ids.size()) / 6.0);
    const QString figures = page.findChild<QLabel *>(QStringLiteral("playgroundFigures"))->text();
    QVERIFY2(figures.contains(QLocale().toString(double(ids.size()) / 6.0, 'f', 2)),
             qPrintable(figures));
    // The line break is its own chip, not a byte-fallback one.
    QCOMPARE(
        std::count_if(chips.cbegin(), chips.cend(), [](const PieceChip &c) { return c.newline; }),
        1);
}

void TestDataPage::playgroundMarksByteFallback()
{
    DataPage page(*m_workspace);
    TokenizerPlayground &playground = page.playground();
    playground.selectTokenizer(QStringLiteral("sample"));
    // The sample corpus has no emoji: each one is four UTF-8 bytes, four byte-fallback tokens.
    playground.setText(QStringLiteral("Salam \U0001F600"));
    const QList<PieceChip> &chips = playground.pieceView().chips();
    QCOMPARE(std::count_if(chips.cbegin(), chips.cend(),
                           [](const PieceChip &c) { return c.byteFallback; }),
             4);
    QVERIFY(chips.last().piece.startsWith(QStringLiteral("<0x")));
}

void TestDataPage::switchingTokenizerChangesThePieces()
{
    DataPage page(*m_workspace);
    TokenizerPlayground &playground = page.playground();
    playground.setText(QStringLiteral("Azərbaycan Respublikasının paytaxtı Bakı şəhəridir."));
    auto *chooser = page.findChild<QComboBox *>(QStringLiteral("playgroundTokenizer"));
    chooser->setCurrentIndex(chooser->findText(QStringLiteral("sample")));
    const QList<PieceChip> large = playground.pieceView().chips();
    chooser->setCurrentIndex(chooser->findText(QStringLiteral("tiny")));
    QCOMPARE(playground.currentTokenizer(), QStringLiteral("tiny"));
    const QList<PieceChip> small = playground.pieceView().chips();

    const auto tiny = loadTokenizer(u"tiny"_s);
    QCOMPARE(small.size(), qsizetype(tiny.encode(playground.text().toStdString()).size()));
    // 600 pieces cannot hold the words 2,000 pieces can: the split gets finer.
    QVERIFY(small.size() > large.size());

    // Selecting a dataset on the left switches the playground too.
    page.datasets().select(QStringLiteral("sample"));
    QCOMPARE(playground.currentTokenizer(), QStringLiteral("sample"));
    QCOMPARE(playground.pieceView().chips().size(), large.size());
}

QTEST_MAIN(TestDataPage)
#include "test_data_page.moc"
