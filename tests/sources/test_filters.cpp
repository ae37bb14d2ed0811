// Language identification, the quality rules and personal-data scrubbing, on texts written for
// these tests.
#include <QtTest>

#include "language_identifier.h"
#include "pii_scrubber.h"
#include "quality_filter.h"

using namespace azllm::sources;

namespace {

struct Sample
{
    const char *code;
    const char *shortText;
    const char *longText;
};

// Written for this test: a phrase of a few words and a short paragraph per language.
const Sample kSamples[] = {
    {"az-Latn", "Bu gün hava çox gözəldir",
     "Bakı Xəzər dənizinin sahilində yerləşən qədim şəhərdir. Hər il minlərlə turist "
     "İçərişəhərə gəlir, dar küçələrdə gəzir və yerli çayxanalarda dincəlir. Şəhərin "
     "əhalisi son illərdə xeyli artıb."},
    {"az-Cyrl", "Бу ҝүн һава чох ҝөзәлдир",
     "Бакы Хәзәр дәнизинин саһилиндә јерләшән гәдим шәһәрдир. Һәр ил минләрлә турист "
     "Ичәришәһәрә ҝәлир, дар күчәләрдә ҝәзир вә јерли чајханаларда динҹәлир."},
    {"tr", "Bugün hava çok güzel oldu",
     "İstanbul, Boğaz'ın iki yakasında kurulmuş tarihi bir şehirdir. Her yıl milyonlarca "
     "turist gelir, dar sokaklarda dolaşır ve yerel kahvehanelerde dinlenir. Şehrin nüfusu "
     "son yıllarda oldukça arttı."},
    {"ru", "Сегодня очень хорошая погода",
     "Москва стоит на берегах реки и считается одним из крупнейших городов мира. Каждый год "
     "сюда приезжают миллионы туристов, которые гуляют по старым улицам и отдыхают в кафе."},
    {"en", "The weather is very nice today",
     "London lies on both banks of the river and is one of the largest cities in Europe. Every "
     "year millions of visitors walk through its old streets and rest in small cafes."},
    {"kk", "Бүгін ауа райы өте жақсы",
     "Алматы таулардың етегінде орналасқан үлкен қала. Жыл сайын мыңдаған саяхатшылар "
     "келіп, көне көшелерді аралайды және жергілікті шайханаларда демалады. Қала халқы "
     "соңғы жылдары едәуір өсті."},
    {"uz-Latn", "Bugun havo juda yaxshi boʻldi",
     "Toshkent togʻlar etagida joylashgan katta shahar. Har yili minglab sayyohlar kelib, "
     "qadimiy koʻchalarni aylanadi va mahalliy choyxonalarda dam oladi. Shahar aholisi "
     "soʻnggi yillarda ancha oʻsdi."},
    {"uz-Cyrl", "Бугун ҳаво жуда яхши бўлди",
     "Тошкент тоғлар этагида жойлашган катта шаҳар. Ҳар йили минглаб сайёҳлар келиб, "
     "қадимий кўчаларни айланади ва маҳаллий чойхоналарда дам олади."},
    {"fa", "امروز هوا بسیار خوب است",
     "تهران شهری بزرگ در دامنه کوه‌های البرز است. هر سال هزاران گردشگر به این "
     "شهر "
     "می‌آیند، "
     "در خیابان‌های قدیمی قدم می‌زنند و در قهوه‌خانه‌های محلی "
     "استراحت "
     "می‌کنند."},
};

std::string repeatLine(const std::string &line, int times)
{
    std::string text;
    for (int i = 0; i < times; ++i)
        text += line + "\n";
    return text;
}

} // namespace

class TestFilters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void languageOfShortAndLongTexts_data();
    void languageOfShortAndLongTexts();
    void scoresSumToOneAndAzerbaijaniAddsScripts();
    void textWithoutLettersIsUndecided();
    void malformedProfilesNameTheLine();
    void qualityRules_data();
    void qualityRules();
    void boilerplateLinesAcrossDocuments();
    void emailsReplaced();
    void phonesReplaced_data();
    void phonesReplaced();
};

void TestFilters::languageOfShortAndLongTexts_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("text");
    for (const Sample &s : kSamples) {
        QTest::newRow((std::string(s.code) + " short").c_str())
            << QString::fromUtf8(s.code) << QString::fromUtf8(s.shortText);
        QTest::newRow((std::string(s.code) + " long").c_str())
            << QString::fromUtf8(s.code) << QString::fromUtf8(s.longText);
    }
}

void TestFilters::languageOfShortAndLongTexts()
{
    QFETCH(QString, code);
    QFETCH(QString, text);
    const LanguageIdentifier &id = LanguageIdentifier::builtIn();
    QCOMPARE(id.codes().size(), std::size_t(9));
    const auto scores = id.identify(text.toStdString());
    QCOMPARE(QString::fromStdString(scores.front().code), code);
    if (text.size() > 100)
        QVERIFY2(scores.front().score > 0.9, qPrintable(QString::number(scores.front().score)));
}

void TestFilters::scoresSumToOneAndAzerbaijaniAddsScripts()
{
    const auto scores = LanguageIdentifier::builtIn().identify(kSamples[0].longText);
    double sum = 0;
    for (const LanguageScore &s : scores)
        sum += s.score;
    QVERIFY(qAbs(sum - 1.0) < 1e-9);
    const double az = LanguageIdentifier::scoreOf(scores, "az");
    QVERIFY(az > 0.9);
    QCOMPARE(LanguageIdentifier::scoreOf(scores, "az"),
             LanguageIdentifier::scoreOf(scores, "az-Latn") +
                 LanguageIdentifier::scoreOf(scores, "az-Cyrl"));
    QVERIFY(LanguageIdentifier::scoreOf(scores, "a") == 0.0); // a prefix is a whole code part
    // A long text is sampled, not read whole: the answer is the same.
    std::string longText;
    for (int i = 0; i < 200; ++i)
        longText += std::string(kSamples[2].longText) + "\n";
    QCOMPARE(LanguageIdentifier::builtIn().identify(longText).front().code, std::string("tr"));
}

void TestFilters::textWithoutLettersIsUndecided()
{
    const auto scores = LanguageIdentifier::builtIn().identify("12345 !!! 2024-01-01");
    QVERIFY(qAbs(scores.front().score - 1.0 / 9) < 1e-9);
}

void TestFilters::malformedProfilesNameTheLine()
{
    try {
        LanguageIdentifier::fromProfiles("# comment\nlanguage\txx\tX\t-1\t-1\t-1\nab\t3\t-2\n");
        QFAIL("no error");
    } catch (const std::runtime_error &error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("line 3")), error.what());
    }
}

void TestFilters::qualityRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rule"); // -1: passes
    const std::string good = kSamples[0].longText;
    QTest::newRow("good") << QString::fromStdString(good) << -1;
    QTest::newRow("too short") << QStringLiteral("Bakı gözəl şəhərdir.")
                               << int(QualityRule::TooShort);
    QTest::newRow("too few letters")
        << QStringLiteral("2023 12.5 14.7 19.2 22.1 25.0 31.4 40.2 41.9 55.5 60.1 70.3 81.2 a b")
        << int(QualityRule::TooFewLetters);
    QTest::newRow("too many symbols")
        << QStringLiteral("Bakı | Xəzər | dəniz | şəhər | gözəl | yer | # | bulvar | # | park | "
                          "{qala} | <div> | neft")
        << int(QualityRule::TooManySymbols);
    QTest::newRow("repeated lines")
        << QString::fromStdString(repeatLine("Ana səhifə Xəbərlər İdman Mədəniyyət Əlaqə", 4) +
                                  "Bu gün şəhərdə yeni park açıldı və sakinlər çox sevindi.\n")
        << int(QualityRule::RepeatedLines);
}

void TestFilters::qualityRules()
{
    QFETCH(QString, text);
    QFETCH(int, rule);
    const auto broken = checkQuality(text.toStdString(), QualityOptions{});
    QCOMPARE(broken ? int(*broken) : -1, rule);
    if (broken)
        QVERIFY(std::string(ruleKey(*broken)).size() > 3);
}

void TestFilters::boilerplateLinesAcrossDocuments()
{
    BoilerplateDetector detector(3);
    const std::string footer = "Bütün hüquqlar qorunur © Xəbər saytı";
    for (int i = 0; i < 3; ++i)
        detector.count(BoilerplateDetector::lineHashes("Məqalə " + std::to_string(i) + "\n" +
                                                       footer + "\n" + footer));
    std::size_t removed = 0;
    QCOMPARE(detector.strip("Yeni məqalə\n" + footer + "\nSon", removed),
             std::string("Yeni məqalə\nSon"));
    QCOMPARE(removed, std::size_t(1));
    QCOMPARE(detector.strip("Məqalə 9\nSon", removed), std::string("Məqalə 9\nSon"));
    QCOMPARE(removed, std::size_t(0));
    // Counted once per document, however often a document repeats it; and it survives a resume.
    BoilerplateDetector restored(3);
    restored.restore(detector.snapshot());
    QVERIFY(restored.strip(footer, removed).empty());
    BoilerplateDetector off(0);
    off.count(BoilerplateDetector::lineHashes(footer));
    QCOMPARE(off.strip(footer, removed), footer);
}

void TestFilters::emailsReplaced()
{
    std::uint64_t replaced = 0;
    QCOMPARE(scrubPii("Yazın: ali.veliyev+xeber@mail.example.az. Və ya info@sayt.az!", replaced),
             std::string("Yazın: [e-poçt]. Və ya [e-poçt]!"));
    QCOMPARE(replaced, std::uint64_t(2));
    QCOMPARE(scrubPii("@ işarəsi və a@b deyil, x@y.z da yox", replaced),
             std::string("@ işarəsi və a@b deyil, x@y.z da yox"));
    QCOMPARE(replaced, std::uint64_t(2));
}

void TestFilters::phonesReplaced_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const char *text, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(expected);
    };
    row("+994 spaced", "Zəng edin: +994 50 123 45 67.", "Zəng edin: [telefon].");
    row("+994 dashed", "Tel.: +994-12-493-12-34, faks", "Tel.: [telefon], faks");
    row("+994 joined", "+994501234567 nömrəsi", "[telefon] nömrəsi");
    row("national", "Mobil: 050 123 45 67 və (012) 493-12-34", "Mobil: [telefon] və [telefon]");
    row("994 without plus", "994551234567 ilə", "[telefon] ilə");
    row("local", "Qaynar xətt 493-12-34", "Qaynar xətt [telefon]");
    row("foreign", "Moskva: +7 495 123-45-67", "Moskva: [telefon]");
    row("years and dates stay", "1990-2000-ci illər, 12.05.2024, 2023-cü il, 15 yeni növ",
        "1990-2000-ci illər, 12.05.2024, 2023-cü il, 15 yeni növ");
    row("amounts stay", "Büdcə 1 234 567 manat, ISBN 978-9952-123-45",
        "Büdcə 1 234 567 manat, "
        "ISBN 978-9952-123-45");
}

void TestFilters::phonesReplaced()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    std::uint64_t replaced = 0;
    QCOMPARE(QString::fromStdString(scrubPii(text.toStdString(), replaced)), expected);
    QCOMPARE(replaced, std::uint64_t(expected.count(QStringLiteral("[telefon]"))));
}

QTEST_GUILESS_MAIN(TestFilters)
#include "test_filters.moc"
