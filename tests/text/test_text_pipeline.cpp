// CorpusPreparer end to end: corpus → tokenizer → shards, dedupe counts, split, cancel, errors.
#include "corpus_preparer.h"
#include "special_tokens.h"
#include "text_test_support.h"
#include "token_file.h"
#include "tokenizer.h"
#include "training_sample.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>

using namespace azllm;

class TestTextPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void preparesShards();
    void splitIsDeterministic();
    void emptyCorpusIsAClearError();
    void cancelLeavesNothing_data();
    void cancelLeavesNothing();
    void cancelKeepsPreviousOutput();
    void outputInsideInputIsNotRead();
    void trainingSampleTakesEverythingThatFits();
    void trainingSampleStaysUnderItsBudget();

private:
    void writeCorpus();
    PrepareOptions options() const;
    QStringList outputFiles() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_corpus, m_out;
};

void TestTextPipeline::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_corpus = m_dir->filePath(QStringLiteral("corpus"));
    m_out = m_dir->filePath(QStringLiteral("out"));
    QDir().mkpath(m_corpus);
    writeCorpus();
}

// 12 distinct documents, one exact copy, one near copy, one empty file, one JSONL and one HTML.
void TestTextPipeline::writeCorpus()
{
    for (int d = 0; d < 12; ++d) {
        std::string text;
        for (int s = 0; s < 10; ++s)
            text += std::string(testing::kAzerbaijaniSentences[(d + 3 * s) % 16]) + " (" +
                    std::to_string(d) + "." + std::to_string(s) + ") ";
        text += "Sənəd nömrəsi " + std::to_string(d) + ".\n";
        testing::writeFile(m_corpus + QStringLiteral("/doc%1.txt").arg(d, 2, 10, QLatin1Char('0')),
                           text);
        if (d == 0)
            testing::writeFile(m_corpus + QStringLiteral("/copy.txt"), "  " + text + "\n\n");
        if (d == 1) {
            text.replace(text.find("Sənəd"), std::string("Sənəd").size(), "Məqalə");
            testing::writeFile(m_corpus + QStringLiteral("/near.md"), text);
        }
    }
    testing::writeFile(m_corpus + QStringLiteral("/empty.txt"), "\u200B \n\n");
    testing::writeFile(m_corpus + QStringLiteral("/extra.jsonl"),
                       "{\"text\": \"Емоҹи 🎉 вә рәгәмләр: 2024.\"}\n{bad\n");
    testing::writeFile(m_corpus + QStringLiteral("/page.html"),
                       "<p>Veb s&#601;hif&#601;si, <b>qal&#305;n</b> m&#601;tn.</p>"
                       "<script>gizli()</script>");
}

PrepareOptions TestTextPipeline::options() const
{
    PrepareOptions o;
    o.inputs = {m_corpus.toStdString()};
    o.outputDir = m_out.toStdString();
    o.tokenizer.vocabSize = 400;
    o.valRatio = 0.2;
    o.cleaning.transliterateCyrillic = true;
    // These tests count cleaning and dedupe alone (their short documents would not pass the
    // quality rules); the filters have their own tests in tests/sources.
    o.filters = FilterOptions::none();
    return o;
}

QStringList TestTextPipeline::outputFiles() const
{
    return QDir(m_out).entryList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot,
                                 QDir::Name);
}

void TestTextPipeline::preparesShards()
{
    std::vector<PrepareStage> stages;
    const PrepareReport report = CorpusPreparer(options()).run([&](const PrepareProgress &p) {
        if (stages.empty() || stages.back() != p.stage)
            stages.push_back(p.stage);
        return true;
    });
    QVERIFY(!report.cancelled);
    QCOMPARE(report.files, std::size_t(17));
    QCOMPARE(report.documentsRead, std::uint64_t(17));
    QCOMPARE(report.emptyDocuments, std::uint64_t(1));
    QCOMPARE(report.exactDuplicates, std::uint64_t(1));
    QCOMPARE(report.nearDuplicates, std::uint64_t(1));
    QCOMPARE(report.documentsKept, std::uint64_t(14));
    QCOMPARE(report.valDocuments, std::uint64_t(3)); // round(14 * 0.2)
    QCOMPARE(report.trainDocuments, std::uint64_t(11));
    QCOMPARE(report.issues.size(), std::size_t(1)); // the JSONL line "{bad"
    QCOMPARE(report.issues[0].where, m_corpus.toStdString() + "/extra.jsonl:2");
    const std::vector<PrepareStage> expectedStages{PrepareStage::Import,
                                                   PrepareStage::TrainTokenizer,
                                                   PrepareStage::WriteShards, PrepareStage::Done};
    QCOMPARE(stages, expectedStages);

    QCOMPARE(outputFiles(),
             (QStringList{QStringLiteral("report.txt"), QStringLiteral("tokenizer.model"),
                          QStringLiteral("tokenizer.vocab"), QStringLiteral("train.tokens"),
                          QStringLiteral("val.tokens")}));
    const Tokenizer tokenizer = Tokenizer::load(report.tokenizerPath);
    TokenFile train(report.trainPath), val(report.valPath);
    QCOMPARE(train.vocabSize(), 400u);
    QCOMPARE(train.size(), report.trainTokens);
    QCOMPARE(val.size(), report.valTokens);
    // Documents are separated (and ended) by </s>; decoding gives back cleaned Latin text.
    std::vector<std::string> documents;
    for (const TokenFile *shard : {&train, &val}) {
        std::vector<int> document;
        for (std::uint64_t i = 0; i < shard->size(); ++i) {
            const int id = int(shard->at(i));
            if (id != SpecialTokens::EndOfText) {
                document.push_back(id);
                continue;
            }
            documents.push_back(tokenizer.decode(document));
            QVERIFY(!documents.back().empty());
            document.clear();
        }
        QVERIFY(document.empty());
    }
    QCOMPARE(documents.size(), std::size_t(report.documentsKept));
    const auto has = [&](const std::string &text) {
        return std::find(documents.begin(), documents.end(), text) != documents.end();
    };
    QVERIFY(has("Emoci 🎉 və rəqəmlər: 2024.")); // JSONL, transliterated
    QVERIFY(has("Veb səhifəsi, qalın mətn."));  // HTML, script dropped
    QCOMPARE(int(val.at(val.size() - 1)), SpecialTokens::EndOfText);

    QVERIFY(report.statistics.tokens > 0);
    QVERIFY(report.statistics.fertility() > 1.0);
    QCOMPARE(report.statistics.topPieces.size(), std::size_t(20));
    QFile file(m_out + QStringLiteral("/report.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("near_duplicates_removed: 1\n"));
    QVERIFY(text.contains("fertility_tokens_per_word: "));
    QVERIFY(
        text.contains(QByteArray("issue: " + m_corpus.toUtf8() + "/extra.jsonl:2: invalid JSON")));
}

void TestTextPipeline::splitIsDeterministic()
{
    const PrepareReport first = CorpusPreparer(options()).run();
    QFile a(m_out + QStringLiteral("/val.tokens"));
    QVERIFY(a.open(QIODevice::ReadOnly));
    const QByteArray firstVal = a.readAll();
    a.close();
    const PrepareReport second = CorpusPreparer(options()).run();
    QVERIFY(a.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), firstVal);
    QCOMPARE(second.valTokens, first.valTokens);
}

void TestTextPipeline::emptyCorpusIsAClearError()
{
    const QString empty = m_dir->filePath(QStringLiteral("empty"));
    QDir().mkpath(empty);
    testing::writeFile(empty + QStringLiteral("/blank.txt"), "   \n\n\t\n");
    PrepareOptions o = options();
    o.inputs = {empty.toStdString()};
    try {
        CorpusPreparer(o).run();
        QFAIL("expected an error");
    } catch (const std::runtime_error &e) {
        QVERIFY2(std::string(e.what()).find("no text to prepare") != std::string::npos, e.what());
    }
    QCOMPARE(outputFiles(), QStringList());
}

void TestTextPipeline::cancelLeavesNothing_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<std::uint64_t>("after");
    QTest::newRow("import") << int(PrepareStage::Import) << std::uint64_t(1);
    QTest::newRow("tokenizer") << int(PrepareStage::TrainTokenizer) << std::uint64_t(0);
    QTest::newRow("shards") << int(PrepareStage::WriteShards) << std::uint64_t(1);
}

void TestTextPipeline::cancelLeavesNothing()
{
    QFETCH(int, stage);
    QFETCH(std::uint64_t, after);
    const PrepareReport report = CorpusPreparer(options()).run(
        [&](const PrepareProgress &p) { return !(int(p.stage) == stage && p.done >= after); });
    QVERIFY(report.cancelled);
    QCOMPARE(outputFiles(), QStringList()); // no shard, no tokenizer, no work folder
}

void TestTextPipeline::cancelKeepsPreviousOutput()
{
    CorpusPreparer(options()).run();
    QFile model(m_out + QStringLiteral("/tokenizer.model"));
    QVERIFY(model.open(QIODevice::ReadOnly));
    const QByteArray before = model.readAll();
    model.close();
    PrepareOptions o = options();
    o.tokenizer.vocabSize = 500;
    const PrepareReport report = CorpusPreparer(o).run(
        [](const PrepareProgress &p) { return p.stage != PrepareStage::WriteShards; });
    QVERIFY(report.cancelled);
    QVERIFY(model.open(QIODevice::ReadOnly));
    QCOMPARE(model.readAll(), before);
    const QString trainPath = m_out + QStringLiteral("/train.tokens");
    QCOMPARE(TokenFile(trainPath.toStdString()).vocabSize(), 400u);
    QCOMPARE(outputFiles().size(), 5);
}

void TestTextPipeline::outputInsideInputIsNotRead()
{
    PrepareOptions o = options();
    o.outputDir = m_corpus.toStdString() + "/prepared";
    const PrepareReport first = CorpusPreparer(o).run();
    const PrepareReport second = CorpusPreparer(o).run(); // report.txt is there now
    QCOMPARE(second.files, first.files);
    QCOMPARE(second.documentsRead, first.documentsRead);
}

namespace {

// Offers `documents` documents of two lines and a blank one to a TrainingSampleWriter and
// returns the file it wrote.
std::string writeSample(const QString &path, int documents, std::uint64_t budget,
                        std::uint64_t total, unsigned seed)
{
    TrainingSampleWriter writer(path.toStdString(), budget, total, seed);
    for (int d = 0; d < documents; ++d)
        writer.add("sətir " + std::to_string(d) + " bir\n\nsətir " + std::to_string(d) + " iki");
    writer.finish();
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

void TestTextPipeline::trainingSampleTakesEverythingThatFits()
{
    const QString path = m_dir->filePath(QStringLiteral("sample.txt"));
    // Every non-empty line, in order, when the whole text fits the budget.
    QCOMPARE(writeSample(path, 2, 1000, 60, 1),
             std::string("sətir 0 bir\nsətir 0 iki\nsətir 1 bir\nsətir 1 iki\n"));
}

void TestTextPipeline::trainingSampleStaysUnderItsBudget()
{
    const QString path = m_dir->filePath(QStringLiteral("sample.txt"));
    // 20,000 documents of about 30 bytes: 600 KB offered, 100 KB allowed.
    const std::string sample = writeSample(path, 20000, 100000, 600000, 1);
    QVERIFY(sample.size() <= 100000);
    QVERIFY(sample.size() > 60000); // a sixth of the lines, not just the first ones
    QVERIFY(sample.find("sətir 19") != std::string::npos);
    QCOMPARE(writeSample(path, 20000, 100000, 600000, 1), sample); // the same for the same seed
    QVERIFY(writeSample(path, 20000, 100000, 600000, 2) != sample);
    // An estimate of the total that is too low still cannot exceed the budget.
    QVERIFY(writeSample(path, 20000, 100000, 100000, 1).size() <= 100000);
}

QTEST_GUILESS_MAIN(TestTextPipeline)
#include "test_text_pipeline.moc"
