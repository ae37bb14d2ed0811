// The model-file JSON reader (safetensors headers, config.json, tokenizer.json): \u escapes,
// surrogate pairs and lone surrogates, nesting, numbers, and errors that name the byte.
#include <QtTest>

#include "json_value.h"

using azllm::quant::JsonValue;

namespace {

std::string stringOf(const std::string &json)
{
    return JsonValue::parse(json, "test.json").string();
}

} // namespace

class TestJsonValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesBecomeTheirCharacters()
    {
        QCOMPARE(stringOf("\"a\\\"b\\\\c\\/d\\n\\t\""), std::string("a\"b\\c/d\n\t"));
        QCOMPARE(stringOf("\"\\u0259\\u018F\""), std::string("ə"
                                                             "Ə"));
        QCOMPARE(stringOf("\"\\u0000\""), std::string(1, '\0'));
    }

    void surrogatePairsMakeOneCharacter()
    {
        QCOMPARE(stringOf("\"\\ud83d\\ude00\""), std::string("\xF0\x9F\x98\x80")); // U+1F600
        QCOMPARE(stringOf("\"\\uD800\\uDC00\""), std::string("\xF0\x90\x80\x80")); // U+10000
    }

    // A surrogate alone has no UTF-8 form: it must not turn into bytes no reader accepts.
    void loneSurrogatesBecomeReplacementCharacters()
    {
        const std::string replacement = "\xEF\xBF\xBD";
        QCOMPARE(stringOf("\"\\ud800\""), replacement);
        QCOMPARE(stringOf("\"\\udc00x\""), replacement + "x");
        // A high surrogate before an escape that is not a low one: both are read on their own.
        QCOMPARE(stringOf("\"\\ud800\\u0041\""), replacement + "A");
        QCOMPARE(stringOf("\"\\ud800\\ud800\\udc00\""), replacement + "\xF0\x90\x80\x80");
    }

    void documentsNest()
    {
        const JsonValue v = JsonValue::parse(
            "{\"a\": [1, -2.5e3, true, null, {\"b\": \"c\"}], \"d\": {}}", "test.json");
        QVERIFY(v.isObject());
        const auto &a = v.member("a")->array();
        QCOMPARE(a.size(), std::size_t(5));
        QCOMPARE(a[1].number(), -2500.0);
        QVERIFY(a[2].boolean());
        QVERIFY(a[3].isNull());
        QCOMPARE(a[4].member("b")->string(), std::string("c"));
        QVERIFY(v.member("d")->object().empty());
        QVERIFY(v.member("missing") == nullptr);
    }

    void errorsNameTheSourceAndByte_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("unclosed string")
            << QByteArray("[\"abc") << QByteArray("test.json: invalid JSON at byte 5");
        QTest::newRow("short escape")
            << QByteArray("[\"\\u12") << QByteArray("a \\u escape ends too soon");
        QTest::newRow("bad hex") << QByteArray("[\"\\u12G4\"]") << QByteArray("non-hex digit");
        QTest::newRow("pair cut short")
            << QByteArray("[\"\\ud800\\u12") << QByteArray("ends too soon");
        QTest::newRow("trailing text") << QByteArray("{} x") << QByteArray("text after the end");
    }

    void errorsNameTheSourceAndByte()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, expected);
        try {
            JsonValue::parse(json.toStdString(), "test.json");
            QFAIL("accepted");
        } catch (const std::runtime_error &e) {
            QVERIFY2(QByteArray(e.what()).contains(expected), e.what());
        }
    }

    void quotedTextReadsBack()
    {
        const std::string text = std::string("x\"\\\n\x01 ə") + '\0' + "y";
        QCOMPARE(stringOf(azllm::quant::jsonQuoted(text)), text);
    }
};

QTEST_APPLESS_MAIN(TestJsonValue)
#include "test_json_value.moc"
