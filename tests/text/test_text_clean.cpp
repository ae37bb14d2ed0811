// Cleaning rules and Cyrillic transliteration, one test per rule.
#include "text_cleaner.h"
#include "transliteration.h"

#include <QString>
#include <QTest>

#include <random>

#include "clean_reference.h"

using namespace azllm;
using azllm::test::referenceClean;

namespace {

std::string clean(const std::string &text, bool transliterate = false)
{
    CleaningOptions options;
    options.transliterateCyrillic = transliterate;
    return TextCleaner(options).clean(text);
}

// Pieces that each stress one rule or one path: ASCII, Azerbaijani letters, Cyrillic, letters
// that need NFC (combining marks, the U+2000 singleton), emoji joiners, invisible and space
// characters, and invalid UTF-8 (a stray continuation byte, an overlong form, a cut sequence,
// an encoded surrogate, bytes that are never UTF-8).
const std::vector<std::string> kPieces = {"a",
                                          "Z",
                                          " ",
                                          "  ",
                                          "\t",
                                          "\n",
                                          "\r",
                                          "\r\n",
                                          "\n\n\n",
                                          ".",
                                          "^",
                                          "`",
                                          std::string("\0", 1),
                                          "ə",
                                          "Ə",
                                          "ğ",
                                          "ı",
                                          "İ",
                                          "ö",
                                          "ü",
                                          "ç",
                                          "ş",
                                          "Ş",
                                          "ǝ",
                                          "Ǝ",
                                          "Бакы",
                                          "ә",
                                          "Һ",
                                          "ҹ",
                                          "ј",
                                          "\u0483",
                                          "\u0307",
                                          "\u0308",
                                          "\u0327",
                                          "\u0301",
                                          "e\u0301",
                                          "I\u0307",
                                          "s\u0327",
                                          "\u2000",
                                          "\u2001",
                                          "\u2009",
                                          "\u00A0",
                                          "\u3000",
                                          "\u2028",
                                          "\u0085",
                                          "\u00AD",
                                          "\u200B",
                                          "\u200D",
                                          "\uFEFF",
                                          "\uFE0F",
                                          "\U0001F469",
                                          "\U0001F4BB",
                                          "€",
                                          "«",
                                          "»",
                                          "—",
                                          "\u0622",
                                          "\u0627\u0653",
                                          "\u1100\u1161",
                                          "\x80",
                                          "\xC0\xAF",
                                          "\xE2\x82",
                                          "\xED\xA0\x80",
                                          "\xFF",
                                          "\xF4\x90\x80\x80"};

} // namespace

class TestTextClean : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nfcComposes();
    void turnedEBecomesSchwa();
    void controlCharactersRemoved();
    void zeroWidthCharactersRemoved();
    void emojiJoinerKept();
    void spacesCollapsed();
    void lineBreaksNormalised();
    void blankLinesCollapsed();
    void alreadyCleanTextUnchanged();
    void transliteration_data();
    void transliteration();
    void transliterationIsOptional();
    void transliterationCoversAlphabet();
    void nfcInertCharactersNeedNoNfc();
    void utf8PathMatchesQtPath();
};

void TestTextClean::nfcComposes()
{
    // "ş" and "ö" as base letter + combining cedilla / diaeresis.
    QCOMPARE(clean("s\u0327eher go\u0308l"), std::string("şeher göl"));
    QCOMPARE(clean("I\u0307lham"), std::string("İlham"));
}

void TestTextClean::turnedEBecomesSchwa()
{
    QCOMPARE(clean("Azǝrbaycan ƎLİ"), std::string("Azərbaycan ƏLİ"));
}

void TestTextClean::controlCharactersRemoved()
{
    QCOMPARE(clean("a\x01"
                   "b\x07"
                   "c\x1b"
                   "d\u0085e"),
             std::string("abcd\ne"));
    QCOMPARE(clean(std::string("nul\0x", 5)), std::string("nulx"));
}

void TestTextClean::zeroWidthCharactersRemoved()
{
    // Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, left-to-right mark.
    QCOMPARE(clean("Ba\u200Bk\u200Cı\u200D \u2060şə\uFEFFhə\u00ADri\u200E"),
             std::string("Bakı şəhəri"));
}

void TestTextClean::emojiJoinerKept()
{
    const std::string coder = "\U0001F469\u200D\U0001F4BB"; // 👩‍💻
    QCOMPARE(clean("proqramçı " + coder), "proqramçı " + coder);
}

void TestTextClean::spacesCollapsed()
{
    QCOMPARE(clean("  bir   iki\t\tüç\u00A0dörd\u2009beş  "), std::string("bir iki üç dörd beş"));
}

void TestTextClean::lineBreaksNormalised()
{
    QCOMPARE(clean("a\r\nb\rc\u2028d\u2029e\x0b"
                   "f\x0cg"),
             std::string("a\nb\nc\nd\ne\nf\ng"));
    QCOMPARE(clean("sətir   \n   sonra"), std::string("sətir\nsonra"));
}

void TestTextClean::blankLinesCollapsed()
{
    QCOMPARE(clean("\n\nbir\n\n\n\n  \n\niki\n\n"), std::string("bir\n\niki"));
}

void TestTextClean::alreadyCleanTextUnchanged()
{
    const std::string text = "İ ı Ə ə Ğ ğ Ş ş Ç ç Ö ö Ü ü\n\n2024-cü il: «Salam!» 🎉";
    QCOMPARE(clean(text), text);
    QCOMPARE(clean(""), std::string());
}

void TestTextClean::transliteration_data()
{
    QTest::addColumn<QString>("cyrillic");
    QTest::addColumn<QString>("latin");
    QTest::newRow("country") << QStringLiteral("Азәрбајҹан") << QStringLiteral("Azərbaycan");
    QTest::newRow("sentence") << QStringLiteral("Һәр бир инсан ләјагәт вә һүгугларына ҝөрә")
                              << QStringLiteral("Hər bir insan ləyaqət və hüquqlarına görə");
    QTest::newRow("capital I") << QStringLiteral("Инсан Ығдыр") << QStringLiteral("İnsan Iğdır");
    QTest::newRow("ğ ç ş ö ü x j") << QStringLiteral("дағ чай шәһәр өлкә үзүм хәбәр журнал")
                                   << QStringLiteral("dağ çay şəhər ölkə üzüm xəbər jurnal");
    QTest::newRow("russian letters") << QStringLiteral("Ялта, юбилеј, ЮНЕСКО, сентјабр")
                                     << QStringLiteral("Yalta, yubiley, YUNESKO, sentyabr");
    QTest::newRow("latin untouched")
        << QStringLiteral("Bakı 2024 🎉") << QStringLiteral("Bakı 2024 🎉");
}

void TestTextClean::transliteration()
{
    QFETCH(QString, cyrillic);
    QFETCH(QString, latin);
    QCOMPARE(QString::fromStdString(transliterateCyrillicUtf8(cyrillic.toStdString())), latin);
    QCOMPARE(QString::fromStdString(clean(cyrillic.toStdString(), true)), latin);
}

void TestTextClean::transliterationIsOptional()
{
    QCOMPARE(clean("Бакы"), std::string("Бакы"));
    QCOMPARE(clean("Бакы", true), std::string("Bakı"));
}

void TestTextClean::transliterationCoversAlphabet()
{
    const QString upper =
        QStringLiteral("А Б Ҹ Ч Д Е Ә Ф Ҝ Ғ Һ Х Ы И Ж К Г Л М Н О Ө П Р С Ш Т У Ү В Ј З");
    const QString expected =
        QStringLiteral("A B C Ç D E Ə F G Ğ H X I İ J K Q L M N O Ö P R S Ş T U Ü V Y Z");
    QCOMPARE(QString::fromStdString(transliterateCyrillicUtf8(upper.toStdString())), expected);
    QCOMPARE(QString::fromStdString(transliterateCyrillicUtf8(upper.toLower().toStdString())),
             QStringLiteral("a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z"));
}

void TestTextClean::nfcInertCharactersNeedNoNfc()
{
    // Alone, each is a starter that NFC leaves as it is.
    for (char32_t c = 0; c < 0x10000; ++c) {
        if (!isNfcInert(c))
            continue;
        QCOMPARE(QChar::combiningClass(c), 0);
        const QString one = QString::fromUcs4(&c, 1);
        QCOMPARE(one.normalized(QString::NormalizationForm_C), one);
    }
    // None is the second half of a canonical composition, nor a singleton's source: so no
    // neighbour changes it, and a text made only of them is in NFC.
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (QChar::decompositionTag(c) != QChar::Canonical)
            continue;
        const std::u32string parts = QChar::decomposition(c).toStdU32String();
        if (parts.size() == 1)
            QVERIFY2(!isNfcInert(c), qPrintable(QString::number(uint(c), 16)));
        else
            QVERIFY2(!isNfcInert(parts.back()), qPrintable(QString::number(uint(c), 16)));
    }
    QVERIFY(isNfcInert(U'ə') && isNfcInert(U'İ') && isNfcInert(U'ж'));
    QVERIFY(!isNfcInert(0x0301) && !isNfcInert(0x2000) && !isNfcInert(0xD800));
}

void TestTextClean::utf8PathMatchesQtPath()
{
    const std::vector<std::string> tricky = {
        "Azərbaycan dili — Ağdərə, Şəki, İsmayıllı, Gəncə; «Çörək» və “ölkə”",
        "Бакы шәһәри Азәрбајҹанын пајтахтыдыр.\r\nЯлта, юбилеј",
        "s\u0327eher go\u0308l I\u0307lham Azǝrbaycan ƎLİ",
        "\xFF"
        "bad\xC0\xAF"
        "bytes\xED\xA0\x80 cut\xE2\x82",
        "proqramçı \U0001F469\u200D\U0001F4BB ^\u200D^ x\u200Dy \u200D",
        "  bir\u2000iki\u2001üç\u00A0dörd\u2009beş \u2028\u2029\n\n\n son  "};
    std::mt19937 random(20261130);
    std::vector<std::string> texts = tricky;
    for (int i = 0; i < 3000; ++i) {
        std::string text;
        for (int n = int(random() % 24); n > 0; --n)
            text += kPieces[random() % kPieces.size()];
        texts.push_back(text);
    }
    for (const std::string &text : texts)
        for (const bool transliterate : {false, true})
            QVERIFY2(clean(text, transliterate) == referenceClean(text, transliterate),
                     qPrintable(QString::fromUtf8(text.data(), qsizetype(text.size()))));
}

QTEST_APPLESS_MAIN(TestTextClean)
#include "test_text_clean.moc"
