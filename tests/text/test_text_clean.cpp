// Cleaning rules and Cyrillic transliteration, one test per rule.
#include "text_cleaner.h"
#include "transliteration.h"

#include <QTest>

using namespace azllm;

namespace {

std::string clean(const std::string &text, bool transliterate = false)
{
    CleaningOptions options;
    options.transliterateCyrillic = transliterate;
    return TextCleaner(options).clean(text);
}

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

QTEST_APPLESS_MAIN(TestTextClean)
#include "test_text_clean.moc"
