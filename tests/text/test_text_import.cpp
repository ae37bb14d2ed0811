// Corpus import: formats, folders, issues reported with file and line.
#include "corpus_reader.h"
#include "html_text.h"
#include "text_test_support.h"
#include "utf8.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <random>

using namespace azllm;

namespace {

std::vector<Document> readAll(CorpusReader &reader)
{
    std::vector<Document> documents;
    reader.read([&](Document &&d) {
        documents.push_back(std::move(d));
        return true;
    });
    return documents;
}

// Strict UTF-8 written plainly, one code point at a time (Unicode table 3-7): whether `text`
// is valid and, when not, the offset of the bad sequence and its line.
struct PlainUtf8Result
{
    bool valid = true;
    std::uint64_t offset = 0, line = 1;
};

PlainUtf8Result plainUtf8(const std::string &text)
{
    PlainUtf8Result result;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = byte(i);
        int length = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (c < 0x80)
            length = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            length = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            length = 3, low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4)
            length = 4, low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
        bool ok = length > 0 && i + std::size_t(length) <= text.size();
        for (int k = 1; ok && k < length; ++k) {
            const unsigned char next = byte(i + std::size_t(k));
            ok = next >= (k == 1 ? low : 0x80) && next <= (k == 1 ? high : 0xBF);
        }
        if (!ok) {
            result.valid = false;
            result.offset = i;
            return result;
        }
        result.line += c == '\n';
        i += std::size_t(length);
    }
    return result;
}

bool hasIssue(const CorpusReader &reader, const std::string &where, const std::string &word)
{
    for (const ImportIssue &issue : reader.issues())
        if (issue.where == where && issue.message.find(word) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestTextImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void utf8ErrorPlaceAfterAsciiRuns();
    void utf8ValidatorMatchesPlainRules();
    void htmlVisibleTextOnly();
    void htmlEntities();
    void htmlBlocksBecomeLines();
    void htmlFileImported();
    void jsonlMalformedLineReported();
    void jsonlFieldConfigurable();
    void nonUtf8FileReportedByName();
    void folderRecursive();
    void textFileIsOneDocument();
    void paragraphDocuments();
    void longFileIsCut();
    void bomStripped();
    void missingInputIsAnError();
    void stopIsHonoured();

private:
    QString write(const QString &name, const std::string &bytes);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTextImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestTextImport::write(const QString &name, const std::string &bytes)
{
    const QString path = m_dir->filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!testing::writeFile(path, bytes))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestTextImport::utf8ValidatorMatchesPlainRules()
{
    // Random mixes of ASCII runs, line breaks, letters of two to four bytes and broken
    // sequences, fed in chunks of every size: the same verdict, offset and line as the rules
    // written plainly.
    const std::vector<std::string> pieces = {
        "a",        "Bakı ",    "\n",   "abcdefghij", "ə",        "ş",
        "€",        "😀",        "\xC3", "\x80",       "\xE0\x80", "\xED\xA0\x80",
        "\xF4\x90", "\xF0\x9F", "\xFF", "\xC1\x81",   "\t\v"};
    std::mt19937 random(41);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int count = 1 + int(random() % 24);
        for (int i = 0; i < count; ++i)
            text += pieces[random() % (round % 4 == 0 ? pieces.size() : 8)];
        const PlainUtf8Result expected = plainUtf8(text);
        const std::size_t chunk = 1 + random() % (text.size() + 1);
        Utf8Validator validator;
        bool ok = true;
        for (std::size_t at = 0; at < text.size() && ok; at += chunk)
            ok = validator.feed(std::string_view(text).substr(at, chunk));
        ok = ok && validator.finish();
        QCOMPARE(ok, expected.valid);
        if (!expected.valid && validator.errorOffset() < text.size()) {
            QCOMPARE(validator.errorOffset(), expected.offset);
            QCOMPARE(validator.errorLine(), expected.line);
        }
    }
}

void TestTextImport::htmlVisibleTextOnly()
{
    const std::string html = "<html><head><title>Başlıq</title><style>p { color: red; }</style>"
                             "<script>var x = '<p>gizli</p>';</script></head>"
                             "<body><div class=\"a>b\"><p>Salam, <b>dünya <i>gözəl</i></b>!</p>"
                             "<!-- şərh <p>yox</p> --><SCRIPT type='x'>alert(1)</SCRIPT>"
                             "<p>İkinci   abzas\n  davam</p></div></body></html>";
    QCOMPARE(htmlToText(html), std::string("Salam, dünya gözəl!\n\nİkinci abzas davam\n\n"));
}

void TestTextImport::htmlEntities()
{
    QCOMPARE(htmlToText("<p>A &amp; B &lt;tag&gt; &quot;q&quot; &#601;&#x259; &#x1F389; "
                        "&laquo;s&raquo; &scedil;&nbsp;x &unknown; &#xZZ;</p>"),
             std::string("A & B <tag> \"q\" əə 🎉 «s» ş\u00A0x &unknown; &#xZZ;\n\n"));
}

void TestTextImport::htmlBlocksBecomeLines()
{
    QCOMPARE(htmlToText("<h1>Başlıq</h1><ul><li>bir</li><li>iki</li></ul>sətir<br>yeni<br/><br>son"
                        "<table><tr><td>a</td><td>b</td></tr></table><pre>  x\n  y</pre>"),
             std::string("Başlıq\n\nbir\niki\n\nsətir\nyeni\n\nson\n\na b\n\n  x\n  y\n\n"));
}

void TestTextImport::htmlFileImported()
{
    const QString path =
        write(QStringLiteral("page.html"),
              "<html><body><p>Birinci abzas.</p><p>İkinci abzas.</p></body></html>");
    CorpusReader reader({path.toStdString()});
    const auto documents = readAll(reader);
    QCOMPARE(documents.size(), std::size_t(1));
    QCOMPARE(documents[0].text, std::string("Birinci abzas.\n\nİkinci abzas.\n\n"));
    QCOMPARE(documents[0].source, path.toStdString());
}

void TestTextImport::jsonlMalformedLineReported()
{
    const QString path =
        write(QStringLiteral("data.jsonl"), "{\"text\": \"Birinci sənəd\"}\n"
                                            "{\"text\": \"yarımçıq\n"
                                            "\n"
                                            "[1, 2]\n"
                                            "{\"title\": \"mətnsiz\"}\n"
                                            "{\"text\": 42}\n"
                                            "{\"text\": \"Sonuncu sənəd\", \"id\": 7}\n");
    CorpusReader reader({path.toStdString()});
    const auto documents = readAll(reader);
    QCOMPARE(documents.size(), std::size_t(2));
    QCOMPARE(documents[0].text, std::string("Birinci sənəd"));
    QCOMPARE(documents[1].text, std::string("Sonuncu sənəd"));
    QCOMPARE(documents[1].source, path.toStdString() + ":7");
    const std::string file = path.toStdString();
    QVERIFY(hasIssue(reader, file + ":2", "invalid JSON"));
    QVERIFY(hasIssue(reader, file + ":4", "not a JSON object"));
    QVERIFY(hasIssue(reader, file + ":5", "is missing"));
    QVERIFY(hasIssue(reader, file + ":6", "not a string"));
    QCOMPARE(reader.issues().size(), std::size_t(4));
    QCOMPARE(reader.issues()[0].toString().rfind(file + ":2: invalid JSON", 0), std::size_t(0));
}

void TestTextImport::jsonlFieldConfigurable()
{
    const QString path = write(QStringLiteral("data.jsonl"), "{\"content\": \"Mətn\"}\n");
    ImportOptions options;
    options.jsonlField = "content";
    CorpusReader reader({path.toStdString()}, options);
    const auto documents = readAll(reader);
    QCOMPARE(documents.size(), std::size_t(1));
    QCOMPARE(documents[0].text, std::string("Mətn"));
}

void TestTextImport::utf8ErrorPlaceAfterAsciiRuns()
{
    // Long ASCII runs (read eight bytes at a time), line breaks next to vertical tabs and other
    // near-'\n' bytes, multi-byte letters, then a bad byte: its line and offset must be exact
    // however the text is cut into chunks.
    std::string text;
    for (int i = 0; i < 40; ++i)
        text +=
            std::string(std::size_t(i % 11), 'a') + "\n\v\x0b\x0e\n" + (i % 3 ? "ə" : "") + "\t";
    const std::size_t badOffset = text.size();
    const auto lines = std::uint64_t(std::count(text.begin(), text.end(), '\n')) + 1;
    text += "\xE6 and more text after it";
    for (std::size_t chunk :
         {std::size_t(1), std::size_t(3), std::size_t(8), std::size_t(13), text.size()}) {
        Utf8Validator validator;
        bool ok = true;
        for (std::size_t at = 0; at < text.size() && ok; at += chunk)
            ok = validator.feed(std::string_view(text).substr(at, chunk));
        QVERIFY(!ok);
        QCOMPARE(validator.errorOffset(), std::uint64_t(badOffset));
        QCOMPARE(validator.errorLine(), lines);
    }
    QVERIFY(isValidUtf8(text.substr(0, badOffset)));
}

void TestTextImport::nonUtf8FileReportedByName()
{
    // "Azərbaycan" in a single-byte code page: 0xE6 is not valid UTF-8 here.
    const QString bad = write(QStringLiteral("legacy.txt"), "Salam\nAz\xE6rbaycan\n");
    const QString good = write(QStringLiteral("modern.txt"), "Azərbaycan\n");
    CorpusReader reader({m_dir->path().toStdString()});
    const auto documents = readAll(reader);
    QCOMPARE(documents.size(), std::size_t(1));
    QCOMPARE(documents[0].source, good.toStdString());
    QCOMPARE(reader.skippedFiles(), std::size_t(1));
    QVERIFY(hasIssue(reader, bad.toStdString() + ":2", "not valid UTF-8"));
}

void TestTextImport::folderRecursive()
{
    write(QStringLiteral("a.txt"), "bir\n");
    write(QStringLiteral("sub/deeper/b.md"), "# iki\n");
    write(QStringLiteral("sub/c.htm"), "<p>üç</p>");
    write(QStringLiteral("sub/image.png"), "\x89PNG");
    write(QStringLiteral(".hidden/d.txt"), "gizli\n");
    CorpusReader reader({m_dir->path().toStdString()});
    QCOMPARE(reader.files().size(), std::size_t(3));
    QCOMPARE(reader.ignoredFiles(), std::size_t(1));
    const auto documents = readAll(reader);
    QCOMPARE(documents.size(), std::size_t(3));
    QCOMPARE(documents[0].text, std::string("bir\n"));
    QCOMPARE(documents[1].text, std::string("üç\n\n"));
    QCOMPARE(documents[2].text, std::string("# iki\n"));
}

void TestTextImport::textFileIsOneDocument()
{
    const QString path =
        write(QStringLiteral("essay.txt"), "\nBirinci abzas\ndavamı.\n\n\nİkinci.\n\n");
    CorpusReader reader({path.toStdString()});
    const auto documents = readAll(reader);
    QCOMPARE(documents.size(), std::size_t(1));
    QCOMPARE(documents[0].text, std::string("Birinci abzas\ndavamı.\n\n\nİkinci.\n\n"));
}

void TestTextImport::paragraphDocuments()
{
    const QString path = write(QStringLiteral("blocks.txt"), "bir\nbir davam\n\n  \niki\n\nüç");
    ImportOptions options;
    options.paragraphDocuments = true;
    CorpusReader reader({path.toStdString()}, options);
    const auto documents = readAll(reader);
    QCOMPARE(documents.size(), std::size_t(3));
    QCOMPARE(documents[0].text, std::string("bir\nbir davam\n"));
    QCOMPARE(documents[1].source, path.toStdString() + ":5");
    QCOMPARE(documents[2].text, std::string("üç\n"));
}

void TestTextImport::longFileIsCut()
{
    std::string text;
    for (int i = 0; i < 10; ++i)
        text += "Bu abzasda otuz baytdan çox mətn var.\n\n";
    const QString path = write(QStringLiteral("long.txt"), text);
    ImportOptions options;
    options.maxDocumentBytes = 100;
    CorpusReader reader({path.toStdString()}, options);
    const auto documents = readAll(reader);
    QVERIFY(documents.size() >= 3);
    for (const Document &d : documents)
        QVERIFY(d.text.size() < 200);
}

void TestTextImport::bomStripped()
{
    const QString path = write(QStringLiteral("bom.txt"), "\xEF\xBB\xBFSalam\n");
    CorpusReader reader({path.toStdString()});
    const auto documents = readAll(reader);
    QCOMPARE(documents.size(), std::size_t(1));
    QCOMPARE(documents[0].text, std::string("Salam\n"));
}

void TestTextImport::missingInputIsAnError()
{
    try {
        CorpusReader reader({"/no/such/corpus"});
        QFAIL("expected an error");
    } catch (const std::runtime_error &e) {
        QVERIFY2(std::string(e.what()).find("/no/such/corpus") != std::string::npos, e.what());
    }
}

void TestTextImport::stopIsHonoured()
{
    const QString path =
        write(QStringLiteral("many.jsonl"),
              std::string(50, ' ') + "\n" + "{\"text\":\"a\"}\n{\"text\":\"b\"}\n");
    CorpusReader reader({path.toStdString()});
    int seen = 0;
    QVERIFY(!reader.read([&](Document &&) { return ++seen < 1; }));
    QCOMPARE(seen, 1);
}

QTEST_GUILESS_MAIN(TestTextImport)
#include "test_text_import.moc"
