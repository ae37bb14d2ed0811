// The preparer on the new sources: a compressed Wikipedia dump and compressed JSONL with the
// filters on and counted in report.txt, and an interrupted import that resumes where it stopped.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

#include "compression_support.h"
#include "corpus_preparer.h"
#include "text_test_support.h"

using namespace azllm;

namespace {

// A distinct Azerbaijani paragraph for each number: 40 words of the test sentences, picked by
// a generator seeded with n (no two share enough shingles to count as near duplicates).
std::string paragraph(int n)
{
    static const std::vector<std::string> words = [] {
        std::vector<std::string> all;
        for (const char *sentence : testing::kAzerbaijaniSentences) {
            std::istringstream in(sentence);
            for (std::string word; in >> word;)
                all.push_back(word);
        }
        return all;
    }();
    std::uint64_t state = 0x9e3779b97f4a7c15ULL * std::uint64_t(n + 1);
    std::string text;
    for (int w = 0; w < 40; ++w) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        text += words[(state >> 33) % words.size()] + " ";
    }
    return text + "Bu " + std::to_string(n) + " nömrəli yazıdır.";
}

std::string jsonl(int from, int to)
{
    std::string lines;
    for (int n = from; n < to; ++n)
        lines += "{\"text\": \"" + paragraph(n) + "\", \"url\": \"https://xeber.example.az/" +
                 std::to_string(n) + "\"}\n";
    return lines;
}

std::string wikiPage(const std::string &title, int ns, const std::string &text)
{
    return "<page><title>" + title + "</title><ns>" + std::to_string(ns) +
           "</ns><revision><text xml:space=\"preserve\">" + text + "</text></revision></page>\n";
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestTextSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void dumpAndCompressedJsonlWithFilters();
    void interruptedImportResumes();

private:
    PrepareOptions options(const QString &out) const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTextSources::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

PrepareOptions TestTextSources::options(const QString &out) const
{
    PrepareOptions o;
    o.inputs = {m_dir->filePath(QStringLiteral("in")).toStdString()};
    o.outputDir = out.toStdString();
    o.tokenizer.vocabSize = 400;
    o.valRatio = 0.1;
    return o;
}

void TestTextSources::dumpAndCompressedJsonlWithFilters()
{
    QDir().mkpath(m_dir->filePath(QStringLiteral("in")));
    std::vector<std::string> streams = {"<mediawiki><siteinfo></siteinfo>\n"};
    for (int n = 0; n < 30; ++n)
        streams.push_back(wikiPage("Məqalə " + std::to_string(n), 0,
                                   "'''Məqalə''' {{Şablon|x}} [[Bakı|paytaxt]]. " + paragraph(n) +
                                       "<ref>mənbə</ref>"));
    streams.push_back(wikiPage("Müzakirə:Bakı", 1, paragraph(100)));
    streams.push_back(wikiPage("Baki", 0, "#REDIRECT [[Bakı]]"));
    streams.push_back(wikiPage("English", 0,
                               "London is the capital of the United Kingdom and one "
                               "of the largest cities in Europe by population."));
    streams.push_back("</mediawiki>\n");
    testing::writeBytes(m_dir->filePath(QStringLiteral("in/azwiki-pages-articles.xml.bz2")),
                        testing::multistreamBzip2Bytes(streams));
    std::string news = jsonl(200, 220);
    news += "{\"text\": \"Əlaqə: redaksiya@xeber.example.az, tel. +994 12 555 12 34. " +
            paragraph(300) + "\"}\n";
    news += "{\"text\": \"Qısa xəbər.\"}\n";
    testing::writeBytes(m_dir->filePath(QStringLiteral("in/news.jsonl.zst")),
                        testing::zstdBytes(news));
    testing::writeBytes(m_dir->filePath(QStringLiteral("in/news2.jsonl.gz")),
                        testing::gzipBytes(jsonl(400, 410)));
    testing::writeBytes(m_dir->filePath(QStringLiteral("in/news3.jsonl.xz")),
                        testing::xzBytes(jsonl(500, 510)));

    const QString out = m_dir->filePath(QStringLiteral("out"));
    const PrepareReport report = CorpusPreparer(options(out)).run();
    QCOMPARE(report.files, std::size_t(4));
    // 30 articles and the English one (the talk page and the redirect are not articles).
    QCOMPARE(report.documentsRead, std::uint64_t(31 + 22 + 10 + 10));
    QCOMPARE(report.filters.languageRemoved, std::uint64_t(1));
    QCOMPARE(report.filters.qualityRemoved[std::size_t(sources::QualityRule::TooShort)],
             std::uint64_t(1));
    QCOMPARE(report.filters.piiReplaced, std::uint64_t(2));
    QVERIFY2(report.documentsKept == 30 + 21 + 10 + 10, report.toText().c_str());
    // Origins: the site of the collected pages, and each file without URLs.
    bool site = false;
    for (const PrepareReport::Origin &origin : report.origins)
        if (origin.name == "xeber.example.az") {
            site = true;
            QCOMPARE(origin.documents, std::uint64_t(40));
            QVERIFY(origin.tokens > 0);
        }
    QVERIFY(site);
    const QString text = QString::fromUtf8(readFile(out + QStringLiteral("/report.txt")));
    for (const char *key :
         {"documents_read: 73", "lang_removed: 1", "quality_removed_too_short: 1",
          "quality_removed_boilerplate: 0", "pii_replaced: 2", "origin: xeber.example.az\t40\t"})
        QVERIFY2(text.contains(QString::fromUtf8(key)), key);
}

void TestTextSources::interruptedImportResumes()
{
    QDir().mkpath(m_dir->filePath(QStringLiteral("in")));
    for (int f = 0; f < 4; ++f)
        testing::writeBytes(m_dir->filePath(QStringLiteral("in/part%1.jsonl.gz").arg(f)),
                            testing::gzipBytes(jsonl(f * 500, f * 500 + 500)));
    // A tokenizer from a first run, so the runs below differ only in how they import.
    const QString first = m_dir->filePath(QStringLiteral("first"));
    const PrepareReport trained = CorpusPreparer(options(first)).run();
    PrepareOptions o = options(m_dir->filePath(QStringLiteral("resumed")));
    o.existingTokenizer = trained.tokenizerPath;
    o.importBatchBytes = 64 << 10;
    o.checkpointEveryBytes = 128 << 10;
    o.keepWorkOnCancel = true;
    // Stop halfway through the import.
    const PrepareReport stopped = CorpusPreparer(o).run([](const PrepareProgress &p) {
        return !(p.stage == PrepareStage::Import && p.done * 2 > p.total);
    });
    QVERIFY(stopped.cancelled);
    QVERIFY(QFile::exists(QString::fromStdString(o.outputDir) +
                          QStringLiteral("/.prepare-work/checkpoint.txt")));
    std::uint64_t firstDone = 0;
    const PrepareReport resumed = CorpusPreparer(o).run([&](const PrepareProgress &p) {
        if (p.stage == PrepareStage::Import && firstDone == 0)
            firstDone = p.documents;
        return true;
    });
    QVERIFY(!resumed.cancelled);
    QVERIFY2(resumed.resumedDocuments > 500, qPrintable(QString::number(resumed.resumedDocuments)));
    QVERIFY(resumed.resumedDocuments < 2000);
    QVERIFY(firstDone >= resumed.resumedDocuments); // progress went on from there
    QVERIFY(!QFile::exists(QString::fromStdString(o.outputDir) + QStringLiteral("/.prepare-work")));

    // The same as one uninterrupted run.
    PrepareOptions whole = o;
    whole.outputDir = m_dir->filePath(QStringLiteral("whole")).toStdString();
    const PrepareReport straight = CorpusPreparer(whole).run();
    QCOMPARE(resumed.documentsRead, std::uint64_t(2000));
    QCOMPARE(resumed.documentsRead, straight.documentsRead);
    QCOMPARE(resumed.documentsKept, straight.documentsKept);
    QCOMPARE(resumed.nearDuplicates, straight.nearDuplicates);
    QCOMPARE(readFile(QString::fromStdString(resumed.trainPath)),
             readFile(QString::fromStdString(straight.trainPath)));
    QCOMPARE(readFile(QString::fromStdString(resumed.valPath)),
             readFile(QString::fromStdString(straight.valPath)));

    // Other inputs: the checkpoint is not theirs, and the run starts afresh.
    PrepareOptions other = o;
    other.filters.pii = false;
    const PrepareReport stoppedAgain = CorpusPreparer(o).run([](const PrepareProgress &p) {
        return !(p.stage == PrepareStage::Import && p.done * 2 > p.total);
    });
    QVERIFY(stoppedAgain.cancelled);
    QCOMPARE(CorpusPreparer(other).run().resumedDocuments, std::uint64_t(0));
}

QTEST_GUILESS_MAIN(TestTextSources)
#include "test_text_sources.moc"
