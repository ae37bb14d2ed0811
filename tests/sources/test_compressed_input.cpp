// Every compressed format by its magic bytes, the inner format by the name, multistream bzip2
// decoded in parallel in file order, and clear errors for corrupt or truncated files.
#include <QTemporaryDir>
#include <QtTest>

#include "compressed_input.h"
#include "compression_support.h"
#include "parallel_bzip2.h"

using namespace azllm::sources;
using namespace azllm::testing;

namespace {

std::string sampleLines(int count)
{
    std::string text;
    for (int i = 0; i < count; ++i)
        text += "Sətir " + std::to_string(i) + ": Bakı Xəzərin sahilində yerləşir.\n";
    return text;
}

std::string readAll(InputStream &input)
{
    std::string out;
    char buffer[4096];
    for (std::size_t n; (n = input.read(buffer, sizeof buffer)) > 0;)
        out.append(buffer, n);
    return out;
}

} // namespace

class TestCompressedInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void everyFormatByMagicBytes_data();
    void everyFormatByMagicBytes();
    void contentExtensionIgnoresCompression();
    void concatenatedMembersReadWhole();
    void multistreamBzip2InOrder();
    void truncatedFileIsAnError_data();
    void truncatedFileIsAnError();
    void lineReaderSplitsLines();

private:
    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }
    QTemporaryDir m_dir;
};

void TestCompressedInput::everyFormatByMagicBytes_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("plain") << int(Compression::None);
    QTest::newRow("gzip") << int(Compression::Gzip);
    QTest::newRow("xz") << int(Compression::Xz);
    QTest::newRow("zstd") << int(Compression::Zstd);
    QTest::newRow("bzip2") << int(Compression::Bzip2);
}

void TestCompressedInput::everyFormatByMagicBytes()
{
    QFETCH(int, format);
    const std::string text = sampleLines(5000);
    std::string bytes = text;
    switch (Compression(format)) {
    case Compression::None:
        break;
    case Compression::Gzip:
        bytes = gzipBytes(text);
        break;
    case Compression::Xz:
        bytes = xzBytes(text);
        break;
    case Compression::Zstd:
        bytes = zstdBytes(text);
        break;
    case Compression::Bzip2:
        bytes = bzip2Bytes(text);
        break;
    }
    // A misleading name: the magic bytes decide.
    const QString file = path("corpus.data");
    writeBytes(file, bytes);
    QCOMPARE(int(detectCompression(file.toStdString())), format);
    const auto input = openInput(file.toStdString());
    QCOMPARE(readAll(*input), text);
    QCOMPARE(input->fileBytesRead(), std::uint64_t(bytes.size()));
}

void TestCompressedInput::contentExtensionIgnoresCompression()
{
    QCOMPARE(contentExtension("/a/xəbərlər.jsonl.ZST"), std::string(".jsonl"));
    QCOMPARE(contentExtension("azwiki-pages-articles.xml.bz2"), std::string(".xml"));
    QCOMPARE(contentExtension("b.TXT"), std::string(".txt"));
    QCOMPARE(contentExtension("c.txt.gz"), std::string(".txt"));
    QCOMPARE(int(compressionFromName("c.txt.gz")), int(Compression::Gzip));
    QCOMPARE(int(compressionFromName("c.txt")), int(Compression::None));
}

void TestCompressedInput::concatenatedMembersReadWhole()
{
    const QString gz = path("two.gz");
    writeBytes(gz, gzipBytes("birinci\n") + gzipBytes("ikinci\n"));
    QCOMPARE(readAll(*openInput(gz.toStdString())), std::string("birinci\nikinci\n"));
    const QString zst = path("two.zst");
    writeBytes(zst, zstdBytes("birinci\n") + zstdBytes("ikinci\n"));
    QCOMPARE(readAll(*openInput(zst.toStdString())), std::string("birinci\nikinci\n"));
}

void TestCompressedInput::multistreamBzip2InOrder()
{
    std::vector<std::string> parts;
    std::string expected;
    for (int i = 0; i < 40; ++i) {
        parts.push_back("<page>" + std::to_string(i) + "</page>\n" + sampleLines(50 + i));
        expected += parts.back();
    }
    const QString file = path("dump.xml.bz2");
    writeBytes(file, multistreamBzip2Bytes(parts));
    QVERIFY(isMultistreamBzip2(file.toStdString()));
    // Small jobs and three threads: many jobs finish out of order and must come back in order.
    for (std::size_t jobBytes : {std::size_t(1), std::size_t(2000), std::size_t(1 << 20)}) {
        const auto input = openParallelBzip2(file.toStdString(), 3, jobBytes);
        QCOMPARE(readAll(*input), expected);
    }
    QCOMPARE(readAll(*openInput(file.toStdString(), 2)), expected);
    QCOMPARE(readAll(*openInput(file.toStdString(), 1)), expected); // one thread: sequential
    const QString single = path("single.bz2");
    writeBytes(single, bzip2Bytes(expected));
    QVERIFY(!isMultistreamBzip2(single.toStdString()));
}

void TestCompressedInput::truncatedFileIsAnError_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    const std::string text = sampleLines(3000);
    const auto cut = [](const std::string &bytes) {
        return QByteArray(bytes.data(), qsizetype(bytes.size() / 2));
    };
    QTest::newRow("gzip") << QStringLiteral("gzip") << cut(gzipBytes(text));
    QTest::newRow("xz") << QStringLiteral("xz") << cut(xzBytes(text));
    QTest::newRow("zstd") << QStringLiteral("zstd") << cut(zstdBytes(text));
    QTest::newRow("bzip2") << QStringLiteral("bzip2") << cut(bzip2Bytes(text));
    const std::string twoStreams = multistreamBzip2Bytes({text, text});
    QTest::newRow("multistream bzip2")
        << QStringLiteral("bzip2")
        << QByteArray(twoStreams.data(), qsizetype(twoStreams.size() - 100));
}

void TestCompressedInput::truncatedFileIsAnError()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    const QString file = path("broken.bin");
    writeBytes(file, bytes.toStdString());
    try {
        const auto input = openInput(file.toStdString(), 2);
        readAll(*input);
        QFAIL("no error for a truncated file");
    } catch (const InputError &error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains(file) && message.contains(name), qPrintable(message));
    }
}

void TestCompressedInput::lineReaderSplitsLines()
{
    const QString file = path("lines.txt.gz");
    std::string text = "bir\r\niki\n\nüç";
    text += "\n" + std::string(3 << 20, 'x'); // a line longer than a read
    writeBytes(file, gzipBytes(text));
    const auto input = openInput(file.toStdString());
    LineReader lines(*input);
    std::vector<std::string> got;
    for (std::string line; lines.next(line);)
        got.push_back(line);
    QCOMPARE(got.size(), std::size_t(5));
    QCOMPARE(got[0], std::string("bir\r"));
    QCOMPARE(got[2], std::string());
    QCOMPARE(got[3], std::string("üç"));
    QCOMPARE(got[4].size(), std::size_t(3 << 20));
    QCOMPARE(lines.bytesRead(), std::uint64_t(text.size()));
}

QTEST_GUILESS_MAIN(TestCompressedInput)
#include "test_compressed_input.moc"
