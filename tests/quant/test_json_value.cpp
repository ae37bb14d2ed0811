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
        QCOMPARE(stringOf(R"("a\"b\\c\/d\n\t")"), std::string("a\"b\\c/d\n\t"));
        QCOMPARE(stringOf(R"("\u0259\u018F")"), std::string("ə"
                                                            "Ə"));
        QCOMPARE(stringOf(R"("\u0000")"), std::string(1, '\0'));
    }

    void surrogatePairsMakeOneCharacter()
    {
        QCOMPARE(stringOf(R"("\ud83d\ude00")"), std::string("\xF0\x9F\x98\x80")); // U+1F600
        QCOMPARE(stringOf(R"("\uD800\uDC00")"), std::string("\xF0\x90\x80\x80")); // U+10000
    }

    // A surrogate alone has no UTF-8 form: it must not turn into bytes no reader accepts.
    void loneSurrogatesBecomeReplacementCharacters()
    {
        const std::string replacement = "\xEF\xBF\xBD";
        QCOMPARE(stringOf(R"("\ud800")"), replacement);
        QCOMPARE(stringOf(R"("\udc00x")"), replacement + "x");
        // A high surrogate before an escape that is not a low one: both are read on their own.
        QCOMPARE(stringOf(R"("\ud800\u0041")"), replacement + "A");
        QCOMPARE(stringOf(R"("\ud800\ud800\udc00")"), replacement + "\xF0\x90\x80\x80");
    }

    void documentsNest()
    {
        const JsonValue v =
            JsonValue::parse(R"({"a": [1, -2.5e3, true, null, {"b": "c"}], "d": {}})", "test.json");
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
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unclosed string") << R"(["abc)"
                                         << "test.json: invalid JSON at byte 5";
        QTest::newRow("short escape") << R"(["\u12"])"
                                      << "a \\u escape ends too soon";
        QTest::newRow("bad hex") << R"(["\u12G4"])"
                                 << "non-hex digit";
        QTest::newRow("pair cut short") << R"(["\ud800\u12"])"
                                        << "ends too soon";
        QTest::newRow("trailing text") << R"({} x)"
                                       << "text after the end";
    }

    void errorsNameTheSourceAndByte()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        try {
            JsonValue::parse(json.toStdString(), "test.json");
            QFAIL("accepted");
        } catch (const std::runtime_error &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(expected), e.what());
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
