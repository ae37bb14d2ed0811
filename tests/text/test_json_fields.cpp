// The JSONL fast path (json_fields.h): it reads the usual lines itself, and whatever it reads is
// exactly what QJsonDocument reads; everything else (errors included) is left to Qt.
#include "corpus_reader.h"
#include "json_fields.h"
#include "json_fields_oracle.h"
#include "utf8.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <random>

using namespace azllm;

class TestJsonFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsUsualLines();
    void escapesAndSurrogatePairs();
    void leavesTheUnusualToQt();
    void agreesWithQtOnTrickyLines();
    void agreesWithQtOnRandomLines();
    void errorsStillNameTheLine();
};

namespace {

JsonLineFields read(const std::string &line, const std::string &field = "text")
{
    JsonLineFields fields;
    if (!readJsonFields(line, field, fields))
        throw std::runtime_error("not read: " + line);
    return fields;
}

} // namespace

void TestJsonFields::readsUsualLines()
{
    const JsonLineFields a = read("{\"id\": 12, \"text\": \"Bakı şəhəri\", \"title\": \"Bakı\", "
                                  "\"url\": \"https://az.example/x\"}");
    QCOMPARE(a.text, std::string("Bakı şəhəri"));
    QCOMPARE(a.title, std::string("Bakı"));
    QCOMPARE(a.url, std::string("https://az.example/x"));
    // Nested values, numbers, literals and arrays are passed over; a non-string title is empty.
    const JsonLineFields b = read(" {\"meta\": {\"a\": [1, -0.5, true, false, null, {\"text\": "
                                  "\"içəridə\"}]}, \"title\": 7, \"text\": \"Mətn\"}\r");
    QCOMPARE(b.text, std::string("Mətn"));
    QCOMPARE(b.title, std::string());
    QCOMPARE(b.url, std::string());
    // The text field may be any key, "title" included.
    QCOMPARE(read("{\"title\": \"Ad\", \"content\": \"Mətn\"}", "content").text,
             std::string("Mətn"));
    const JsonLineFields c = read("{\"title\": \"Ad\"}", "title");
    QCOMPARE(c.text, std::string("Ad"));
    QCOMPARE(c.title, std::string("Ad"));
}

void TestJsonFields::escapesAndSurrogatePairs()
{
    QCOMPARE(read("{\"text\": \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\te\"}").text,
             std::string("a\"b\\c/d\b\f\n\r\te"));
    QCOMPARE(read("{\"text\": \"\\u0259\\u018F\\u00e7 \\u20AC \\ud83d\\ude00 \\u0000.\"}").text,
             std::string("əƏç € 😀 \0.", 18));
    QVERIFY(testing::jsonFieldsAgreeWithQt(
        "{\"text\": \"\\u0259\\u018F\\u00e7 \\u20AC \\ud83d\\ude00 \\u0000.\"}", "text"));
    // An escaped key is the same key.
    QCOMPARE(read("{\"te\\u0078t\": \"x\"}").text, std::string("x"));
}

void TestJsonFields::leavesTheUnusualToQt()
{
    JsonLineFields fields;
    for (const char *line : {
             "{\"text\": \"a\" \"b\"}",            // invalid
             "{\"text\": 5}",                      // not a string
             "{\"body\": \"x\"}",                  // missing
             "[\"text\", \"x\"]",                  // not an object
             "{\"text\": \"a\", \"text\": \"b\"}", // a wanted key twice
             "{\"text\": \"a\", \"url\": 1, \"url\": \"u\"}",
             "{\"text\": \"\\ud83d\"}", // lone surrogates
             "{\"text\": \"\\ude00x\"}",
             "{\"text\": \"\\ud83d\\u0041\"}",
             "{\"text\": \"x\", \"n\": 1e5}", // exponent
             "{\"text\": \"x\", \"n\": 01}",  // leading zero
             "{\"text\": \"x\", \"n\": 1.}",
             "{\"text\": \"x\", \"n\": 123456789012345678901234567890123}",
             "{\"text\": \"tab\there\"}",     // a raw control character
             "{\"text\": \"\xC3\x28\"}",      // invalid UTF-8
             "{\"text\": \"\xED\xA0\x80\"}",  // an encoded surrogate
             "{\"text\": \"x\"} x",           // garbage after
             "{\"text\": \"x\",}",            // trailing comma
             "{\"text\": \"\\x\"}",           // bad escape
             "\xEF\xBB\xBF{\"text\": \"x\"}", // a BOM (Qt decides)
         })
        QVERIFY2(!readJsonFields(line, "text", fields), line);
    std::string deep = "{\"text\": \"x\", \"d\": ";
    deep += std::string(70, '[') + std::string(70, ']') + "}";
    QVERIFY(!readJsonFields(deep, "text", fields));
}

void TestJsonFields::agreesWithQtOnTrickyLines()
{
    int fast = 0;
    for (const char *line : {
             "{\"text\": \"x\", \"title\": \"a\", \"title\": \"b\"}",
             "{\"text\": \"x\", \"other\": 1, \"other\": 2}",
             "{\"text\": \"\\uFFFF\\uFFFE\\uFDD0 \\uDBFF\\uDFFF\"}",
             "{\"text\": \"\", \"url\": null, \"title\": {\"a\": 1}}",
             "{\"text\":\"x\",\"n\":-0,\"m\":0.25,\"o\":-12.5,\"p\":[],\"q\":{}}",
             "{\"text\": \"\xF4\x8F\xBF\xBF \xE2\x80\x8D\"}",
             "{\"text\": \"x\", \"text2\": \"y\", \"titlex\": \"z\"}",
             "{\"text\": \"x\"}   ",
             "\t{\"text\"\t:\"x\"}",
         }) {
        bool taken = false;
        QVERIFY2(testing::jsonFieldsAgreeWithQt(line, "text", &taken), line);
        fast += taken;
    }
    QCOMPARE(fast, 8); // all but the repeated title
}

void TestJsonFields::agreesWithQtOnRandomLines()
{
    // Pieces of JSON, broken and whole, put together at random: every line the fast reader
    // takes must read as Qt reads it.
    const std::vector<std::string> pieces = {
        "{",         "}",          "[",          "]",           ",",
        ":",         " ",          "\"",         "\"text\"",    "\"title\"",
        "\"url\"",   "\"k\"",      "\"text\": ", "\"title\": ", "\"url\": ",
        "\"değər\"", "\"a\\\"b\"", "\\u0259",    "\\ud83d",     "\\ude00",
        "\\n",       "\\\\",       "\\/",        "\\x",         "ə",
        "\xC3",      "\xFF",       "\x01",       "\t",          "1",
        "-0",        "0.5",        "1e3",        "01",          "true",
        "null",      "fals",       "\r",         "\\u00",       "\\uD83D\\uDE00"};
    std::mt19937 random(14);
    int fast = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string line;
        const bool shaped = round % 2 == 0; // half start as an object with a text member
        if (shaped)
            line = "{\"text\": \"";
        const int count = int(random() % 12);
        for (int i = 0; i < count; ++i)
            line += pieces[random() % pieces.size()];
        if (shaped)
            line += random() % 4 ? "\"}" : "\", \"title\": \"t\\u0259\", \"url\": \"u\"}";
        bool taken = false;
        QVERIFY2(testing::jsonFieldsAgreeWithQt(line, "text", &taken), line.c_str());
        fast += taken;
        // The importer's lines are checked UTF-8 already; skipping the check changes nothing.
        bool takenChecked = false;
        if (isValidUtf8(line)) {
            QVERIFY2(
                testing::jsonFieldsAgreeWithQt(line, "text", &takenChecked, Utf8State::Checked),
                line.c_str());
            QCOMPARE(takenChecked, taken);
        }
    }
    QVERIFY(fast > 1000); // the fast path was exercised, not only the way round it
}

void TestJsonFields::errorsStillNameTheLine()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("d.jsonl")).toStdString();
    std::ofstream(path) << "{\"text\": \"Birinci\", \"url\": \"https://a.az/1\"}\n"
                        << "{\"text\": \"\\ud83d\"}\n" // Qt's path: a lone surrogate
                        << "{\"text\": 3}\n"
                        << "{\"text\": \"x\"\n";
    CorpusReader reader({path});
    std::vector<Document> documents;
    reader.read([&](Document &&d) {
        documents.push_back(std::move(d));
        return true;
    });
    QCOMPARE(documents.size(), std::size_t(2));
    QCOMPARE(documents[0].text, std::string("Birinci"));
    QCOMPARE(documents[0].url, std::string("https://a.az/1"));
    QCOMPARE(documents[0].source, path + ":1");
    QCOMPARE(documents[1].source, path + ":2");
    QCOMPARE(reader.issues().size(), std::size_t(2));
    QCOMPARE(reader.issues()[0].where, path + ":3");
    QVERIFY(reader.issues()[0].message.find("is not a string") != std::string::npos);
    QCOMPARE(reader.issues()[1].where, path + ":4");
    QVERIFY(reader.issues()[1].message.find("invalid JSON at column") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestJsonFields)
#include "test_json_fields.moc"
