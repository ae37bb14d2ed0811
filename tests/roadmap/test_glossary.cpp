// The course and the interface speak with one voice: the lessons, the syllabus and the Azerbaijani
// translation use docs/glossary.md's word for each term, never a variant it rejects, and the
// translation has no message left unfinished.
#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

#include "syllabus.h"

using namespace azllm;

namespace {

// A rejected spelling or an English term left in Azerbaijani prose, and the glossary's word.
struct RejectedTerm
{
    const char *pattern; // case-insensitive, matched against prose (see prose())
    const char *glossaryWord;
};

const RejectedTerm kRejected[] = {
    {R"(\bloss\b)", "itki"},
    {R"(\bcheckpoint)", "yoxlama nöqtəsi"},
    {R"(\bbatch)", "paket"},
    {R"(\bpreset)", "şablon"},
    {R"(\bfine-tun)", "incə tənzimləmə"},
    {R"(\bembedding)", "embeddinq"},
    {R"(\bgradient|\bqradient)", "qradiyent"},
    {R"(\bvalidation\b)", "validasiya"},
    {R"(\bwarmup\b|\b[iı]sınma)", "isinmə"},
    {R"(\bdataset|\bməlumat dəst)", "verilənlər dəsti"},
    {R"(\bsampling\b)", "seçmə"},
    {R"(\boverfitting\b)", "həddindən artıq uyğunlaşma"},
    {R"(\bthroughput\b|\bötürmə sürəti)", "emal sürəti"},
    {R"(\bperplexity\b)", "çaşqınlıq"},
    {R"(\bcross-entropy\b)", "çarpaz entropiya"},
    {R"(\blearning rate\b)", "öyrənmə sürəti"},
    {R"(\bsürüşkən\b)", "sürüşən"},
    {R"(\bsığır\b)", "sığışır (sığır is cattle)"},
    {R"(\büfüq)", "müddət"},
    {R"(\bklassifikator)", "təsnifatçı"},
    {R"(\bkompüt-)", "hesablama üçün optimal"},
    {R"(\bağırlıq)", "çəki"},
    {R"(\bçat şablon)", "çat formatı"},
    {R"(\bdiqqət başlıq)", "diqqət başları"},
    {R"(\b(data|train|chat|roadmap|lessons)\b\**\s+ekran)", "the screen's Azerbaijani name"},
};

// What a learner reads as Azerbaijani prose: without code (fenced blocks and `spans`, where
// commands and config keys stay English) and without bracketed glosses such as "(byte fallback)".
QString prose(QString text)
{
    static const QRegularExpression fenced(QStringLiteral("```.*?```"),
                                           QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression span(QStringLiteral("`[^`]*`"));
    static const QRegularExpression bracketed(QStringLiteral(R"(\([^()]*\))"));
    text.remove(fenced).remove(span);
    QString previous;
    while (previous != text) {
        previous = text;
        text.remove(bracketed);
    }
    return text;
}

// "where: 'loss' should be 'itki'" for each rejected term in text.
QStringList rejectedTerms(const QString &where, const QString &text)
{
    QStringList found;
    const QString readable = prose(text);
    for (const RejectedTerm &term : kRejected) {
        const QRegularExpression pattern(QString::fromUtf8(term.pattern),
                                         QRegularExpression::CaseInsensitiveOption |
                                             QRegularExpression::UseUnicodePropertiesOption);
        const QRegularExpressionMatch match = pattern.match(readable);
        if (match.hasMatch())
            found << QStringLiteral("%1: '%2' should be '%3'")
                         .arg(where, match.captured(0), QString::fromUtf8(term.glossaryWord));
    }
    // The one rejected word that hides in brackets: the heads' field label.
    if (text.contains(QRegularExpression(QStringLiteral(R"(başlıq\w*\s*\(n_head\))"),
                                         QRegularExpression::CaseInsensitiveOption)))
        found << where + QStringLiteral(": n_head is 'başlar', not 'başlıqlar'");
    return found;
}

struct Translation
{
    QString context;
    QString source;
    QString text;
    bool unfinished = false;
};

QVector<Translation> readTranslations(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&file);
    QVector<Translation> all;
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            all.append({context, {}, {}, false});
        else if (xml.name() == QLatin1String("source") && !all.isEmpty())
            all.last().source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation") && !all.isEmpty()) {
            all.last().unfinished =
                xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            all.last().text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return all;
}

} // namespace

class TestGlossary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsWhatTheGlossaryRejects()
    {
        QCOMPARE(
            rejectedTerms(QStringLiteral("x"), QStringLiteral("Validation loss düşür.")).size(), 2);
        QCOMPARE(
            rejectedTerms(QStringLiteral("x"), QStringLiteral("Heads: Başlıqlar (n_head)")).size(),
            1);
        // Glosses in brackets and commands in code are not prose.
        QVERIFY(rejectedTerms(QStringLiteral("x"),
                              QStringLiteral("İtki (loss) düşür: `azllm info --preset az-100m`"))
                    .isEmpty());
    }

    void lessonsAndSyllabusUseTheGlossary()
    {
        const Syllabus syllabus = Syllabus::load();
        QStringList problems;
        for (const SyllabusDay &d : syllabus.days()) {
            const QString day = QStringLiteral("day %1").arg(d.day);
            problems << rejectedTerms(day + QStringLiteral(" title"), d.title)
                     << rejectedTerms(day + QStringLiteral(" summary"), d.summary);
            for (const LessonAction &a : d.actions)
                problems << rejectedTerms(day + QStringLiteral(" action"), a.label);
            if (!d.file.isEmpty())
                problems << rejectedTerms(d.file, syllabus.lessonMarkdown(d.day));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void interfaceUsesTheGlossaryAndIsFinished()
    {
        const QVector<Translation> all = readTranslations(QStringLiteral(AZLLM_TRANSLATION_FILE));
        QVERIFY(all.size() > 100);
        QStringList problems;
        for (const Translation &t : all) {
            const QString where = t.context + QStringLiteral(" \"") + t.source + QLatin1Char('"');
            if (t.unfinished || t.text.isEmpty())
                problems << where + QStringLiteral(": unfinished");
            problems << rejectedTerms(where, t.text);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestGlossary)
#include "test_glossary.moc"
