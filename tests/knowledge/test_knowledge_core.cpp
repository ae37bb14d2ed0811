// core/knowledge without a model: Azerbaijani folding, chunking along the law's structure, the
// FTS5 index in studio.db (import, re-import, PDF, bad files), bm25 and morph search,
// citations, evaluation and the default base.
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "azerbaijani_text.h"
#include "citations.h"
#include "default_knowledge_base.h"
#include "document_chunker.h"
#include "knowledge_error.h"
#include "knowledge_importer.h"
#include "knowledge_store.h"
#include "knowledge_test_support.h"
#include "retrieval_evaluation.h"
#include "retriever.h"
#include "workspace.h"

using namespace azllm;
using namespace knowledge_test;

namespace {

QVector<SourceLine> linesOf(const QString &text)
{
    QVector<SourceLine> lines;
    const QStringList split = text.split(QLatin1Char('\n'));
    for (int i = 0; i < split.size(); ++i)
        lines.push_back({i + 1, split[i]});
    return lines;
}

QVector<SourceLine> fixtureLines()
{
    QFile file(fixturePath());
    file.open(QIODevice::ReadOnly);
    return linesOf(QString::fromUtf8(file.readAll()));
}

const DocumentChunk *chunkHolding(const QVector<DocumentChunk> &chunks, const QString &article)
{
    for (const DocumentChunk &c : chunks)
        if (c.articles.contains(article))
            return &c;
    return nullptr;
}

// A one-page PDF of these lines, written by Qt (its fonts carry the text layer).
void writePdf(const QString &path, const QStringList &lines)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    QPainter painter(&writer);
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 11));
    int y = 400;
    for (const QString &line : lines) {
        painter.drawText(400, y, line);
        y += 300;
    }
}

} // namespace

class TestKnowledgeCore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<KnowledgeStore> m_store;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A fresh base holding the fixture law document.
    KnowledgeBaseRecord lawBase(const QString &name)
    {
        const qint64 id = m_store->createBase(name);
        KnowledgeImporter(*m_store, id).import({fixturePath()}); // the tests check what it holds
        return *m_store->base(id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = std::make_unique<Workspace>(path(QStringLiteral("ws")));
        m_store = std::make_unique<KnowledgeStore>(m_workspace->database());
    }

    // ---- Azerbaijani text

    void foldingFollowsAzerbaijaniRules()
    {
        QCOMPARE(foldAzerbaijani(QStringLiteral("IĞDIR İSTANBUL Iı İi")),
                 QStringLiteral("ığdır istanbul ıı ii"));
        QCOMPARE(foldAzerbaijani(QStringLiteral("ƏŞÇĞÖÜ əşçğöü")), QStringLiteral("əşçğöü əşçğöü"));
        // İ written as I + combining dot above, and ǝ (U+01DD) mistaken for ə.
        QCOMPARE(foldAzerbaijani(QStringLiteral("I\u0307ş \u01DDli")), QStringLiteral("iş əli"));
        QVERIFY(foldAzerbaijani(QStringLiteral("İ")) != QStringLiteral("İ").toLower() ||
                QStringLiteral("I").toLower() == QStringLiteral("i"));
        QCOMPARE(foldAzerbaijani(QStringLiteral("I")), QStringLiteral("ı"));
    }

    void wordsAndPrefixes()
    {
        QCOMPARE(foldedWords(QStringLiteral("Maddə 12-1: Şəhər, SƏHƏR!")),
                 (QStringList{QStringLiteral("maddə"), QStringLiteral("12"), QStringLiteral("1"),
                              QStringLiteral("şəhər"), QStringLiteral("səhər")}));
        QCOMPARE(wordPrefix(QStringLiteral("hüquqlarının"), 5), QStringLiteral("hüquq"));
        QCOMPARE(wordPrefix(QStringLiteral("ev"), 5), QStringLiteral("ev"));
        QCOMPARE(queryWords(QStringLiteral("Hansı hüquqlar və azadlıqlar var?")),
                 (QStringList{QStringLiteral("hüquqlar"), QStringLiteral("azadlıqlar"),
                              QStringLiteral("var")}));
    }

    // ---- chunking

    void chunksFollowArticlesAndHeadings()
    {
        const QVector<DocumentChunk> chunks = DocumentChunker().chunk(fixtureLines());
        const DocumentChunk *first = chunkHolding(chunks, QStringLiteral("1"));
        QVERIFY(first);
        QVERIFY2(first->heading.contains(QStringLiteral("I bölmə")) &&
                     first->heading.contains(QStringLiteral("I fəsil")) &&
                     first->heading.endsWith(QStringLiteral("Maddə 1. Qanunun məqsədi")),
                 qPrintable(first->heading));
        QVERIFY(
            !first->heading.contains(QStringLiteral("nümunə qanun"))); // the title is not a heading
        QCOMPARE(first->firstLine, lineOf(fixturePath(), QStringLiteral("### Maddə 1.")));
        QCOMPARE(first->lastLine, lineOf(fixturePath(), QStringLiteral("1.2. Qanun")));
        // A short article shares its chunk with the next one under the same chapter.
        const DocumentChunk *shared = chunkHolding(chunks, QStringLiteral("12"));
        QVERIFY(shared);
        QCOMPARE(shared->articles, (QStringList{QStringLiteral("12"), QStringLiteral("12-1")}));
        QVERIFY(shared->heading.contains(QStringLiteral("II fəsil")));
        QCOMPARE(shared->lastLine, lineOf(fixturePath(), QStringLiteral("12-1.2.")));
        // Maddə 20 starts a new part: its heading path leaves II fəsil.
        const DocumentChunk *last = chunkHolding(chunks, QStringLiteral("20"));
        QVERIFY(last && last->heading.contains(QStringLiteral("II bölmə")) &&
                !last->heading.contains(QStringLiteral("fəsil")));
    }

    void longArticleIsCutAtItsPartsWithOverlap()
    {
        ChunkingOptions options;
        const QVector<DocumentChunk> chunks = DocumentChunker(options).chunk(fixtureLines());
        QVector<DocumentChunk> pieces;
        for (const DocumentChunk &c : chunks)
            if (c.articles == QStringList{QStringLiteral("13")})
                pieces.push_back(c);
        QVERIFY(pieces.size() >= 2);
        for (int i = 0; i < pieces.size(); ++i) {
            QVERIFY(pieces[i].text.size() <= options.maxChars);
            QVERIFY2(pieces[i].indexText.contains(QStringLiteral("Kitabların qaytarılması")),
                     "every piece can be found by the article's title");
            if (i > 0) // the pieces overlap or at least touch
                QVERIFY(pieces[i].firstLine <= pieces[i - 1].lastLine + 2);
        }
        QVERIFY(pieces.front().text.startsWith(QStringLiteral("### Maddə 13.")));
        QVERIFY(pieces.back().text.contains(QStringLiteral("13.5.")));
        // The cuts fall between numbered parts; a later piece first repeats the end of the one
        // before (at most overlapChars), then its own parts begin.
        static const QRegularExpression part(QStringLiteral("(^|\n)13\\.\\d\\."));
        for (int i = 1; i < pieces.size(); ++i) {
            const qsizetype start = pieces[i].text.indexOf(part);
            QVERIFY2(start >= 0, qPrintable(pieces[i].text));
            const QString overlap = pieces[i].text.left(start).trimmed();
            QVERIFY(overlap.size() <= options.overlapChars);
            QVERIFY2(pieces[i - 1].text.endsWith(overlap), qPrintable(overlap));
        }
    }

    void plainTextLawWithoutMarkdown()
    {
        const QVector<DocumentChunk> chunks = DocumentChunker().chunk(linesOf(QStringLiteral(
            "BİRİNCİ BÖLMƏ\n\nBirinci fəsil. Ümumi qaydalar\n\nMaddə 5. Dil\nRəsmi dil "
            "Azərbaycan dilidir və bütün sənədlər, qərarlar, protokollar və arayışlar bu dildə "
            "tərtib edilir, başqa dildə olanlara isə tərcümə əlavə olunur.\n\nMaddə 5-1. "
            "Tərcümə\nSənədlərin tərcüməsi notarial qaydada təsdiq "
            "olunur və arxivdə saxlanılır.")));
        QCOMPARE(chunks.size(), 2);
        QCOMPARE(chunks[0].articles, QStringList{QStringLiteral("5")});
        QCOMPARE(chunks[1].articles, QStringList{QStringLiteral("5-1")});
        QVERIFY(chunks[1].heading.startsWith(QStringLiteral("Birinci fəsil. Ümumi qaydalar")));
        QCOMPARE(chunks[1].firstLine, 8);
        QCOMPARE(DocumentChunker::articleStartedBy(QStringLiteral("Maddə 5-də göstərilən")),
                 QString());
        QCOMPARE(DocumentChunker::articleStartedBy(QStringLiteral("**MADDƏ 7.**")),
                 QStringLiteral("7"));
    }

    // ---- the index in studio.db

    void inflectedQueryFindsItsArticle()
    {
        const KnowledgeBaseRecord base = lawBase(QStringLiteral("inflection"));
        const Retriever retriever(*m_store, base);
        // No word of this question appears in the law as written; their first letters do.
        const QString question = QStringLiteral("Biletlərimizin itirilmələri");
        QVERIFY(retriever.search(question, RetrievalMode::Bm25, 5).isEmpty());
        const QVector<RetrievedChunk> found = retriever.search(question, RetrievalMode::Morph, 5);
        QVERIFY(!found.isEmpty());
        QVERIFY(found[0].chunk.holdsArticle(QStringLiteral("12-1")));
        QVERIFY(found[0].coverage > 0.9);
        // The exact form works in both.
        const QVector<RetrievedChunk> exact =
            retriever.search(QStringLiteral("nadir nəşrlər"), RetrievalMode::Bm25, 1);
        QVERIFY(!exact.isEmpty() && exact[0].chunk.holdsArticle(QStringLiteral("13")));
    }

    void similarWordsStayApart()
    {
        const qint64 id = m_store->createBase(QStringLiteral("şəhər-səhər"));
        writeFile(path(QStringLiteral("words/seher.txt")),
                  QByteArrayLiteral("Səhər tezdən günəş çıxır və quşlar oxuyur.\n"));
        writeFile(path(QStringLiteral("words/sheher.txt")),
                  QByteArrayLiteral("Şəhər böyükdür, küçələri geniş və işıqlıdır.\n"));
        QCOMPARE(KnowledgeImporter(*m_store, id).import({path(QStringLiteral("words"))}).added, 2);
        const Retriever retriever(*m_store, *m_store->base(id));
        for (RetrievalMode mode : {RetrievalMode::Bm25, RetrievalMode::Morph}) {
            const QVector<RetrievedChunk> city = retriever.search(QStringLiteral("ŞƏHƏR"), mode, 5);
            QCOMPARE(city.size(), 1);
            QCOMPARE(city[0].chunk.document, QStringLiteral("sheher"));
            const QVector<RetrievedChunk> morning =
                retriever.search(QStringLiteral("səhərlər"), mode, 5);
            QVERIFY(morning.size() <= 1);
            for (const RetrievedChunk &c : morning)
                QCOMPARE(c.chunk.document, QStringLiteral("seher"));
        }
        // İ and ı are different letters: "işıq" (light) is found by İŞIQLI, not by "isiq".
        QCOMPARE(retriever.search(QStringLiteral("İŞIQLIDIR"), RetrievalMode::Bm25, 5).size(), 1);
        QVERIFY(retriever.search(QStringLiteral("isiqlidir"), RetrievalMode::Bm25, 5).isEmpty());
    }

    void citationPointsToTheChunkAndItsLines()
    {
        const KnowledgeBaseRecord base = lawBase(QStringLiteral("citations"));
        const QVector<RetrievedChunk> found =
            Retriever(*m_store, base)
                .search(QStringLiteral("Elektron oxucu biletini itirdim"), RetrievalMode::Morph, 3);
        QVERIFY(!found.isEmpty());
        const ChunkRecord &chunk = found[0].chunk;
        QCOMPARE(chunk.document, QStringLiteral("kitabxana_qanunu"));
        QCOMPARE(chunk.title, QStringLiteral("Kitabxana işi haqqında nümunə qanun"));
        const int first = lineOf(fixturePath(), QStringLiteral("### Maddə 12. Oxucu"));
        const int last = lineOf(fixturePath(), QStringLiteral("12-1.2."));
        QCOMPARE(chunk.firstLine, first);
        QCOMPARE(chunk.lastLine, last);
        QCOMPARE(
            citationText(chunk),
            QStringLiteral("kitabxana_qanunu, Maddə 12, 12-1, sətir %1–%2").arg(first).arg(last));
        // The chunk is the text of exactly those lines.
        QStringList lines;
        for (const SourceLine &l : fixtureLines())
            if (l.number >= first && l.number <= last && !l.text.trimmed().isEmpty())
                lines << l.text.trimmed();
        QCOMPARE(chunk.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts), lines);
        const std::vector<SourceFit> fits = {{SourceUse::Included, 40}, {SourceUse::Dropped, 0}};
        QVERIFY(citationsLine(found.mid(0, 2), fits)
                    .startsWith(
                        QStringLiteral("Mənbələr: [1] kitabxana_qanunu, Maddə 12, 12-1, sətir")));
        QVERIFY(!citationsLine(found.mid(0, 2), fits).contains(QStringLiteral("[2]")));
    }

    void reimportReplacesChunks()
    {
        const qint64 id = m_store->createBase(QStringLiteral("reimport"));
        const QString file = path(QStringLiteral("reimport/qayda.md"));
        writeFile(file, QByteArrayLiteral("# Qayda\n\nMaddə 1. Köhnə mətn\nBalıqçılar "
                                          "səhər tezdən dənizə çıxırlar.\n"));
        KnowledgeImporter importer(*m_store, id);
        QCOMPARE(importer.import({file}).added, 1);
        QCOMPARE(importer.import({file}).unchanged, 1);
        const Retriever before(*m_store, *m_store->base(id));
        QCOMPARE(before.search(QStringLiteral("balıqçılar"), RetrievalMode::Bm25, 5).size(), 1);

        writeFile(file, QStringLiteral("# Qayda\n\nMaddə 1. Yeni mətn\nÇobanlar yazın sonunda "
                                       "qoyunları yaylağa aparırlar və payızın ilk "
                                       "soyuqlarına qədər dağlarda, bulaqların yanında "
                                       "qalırlar.\n\nMaddə 2. Əlavə\nYaylaqda çadırlar qurulur, "
                                       "bulaqlardan su gətirilir və axşamlar ocaq qalanır.\n")
                            .toUtf8());
        const KnowledgeImportReport again = importer.import({file});
        QCOMPARE(again.replaced, 1);
        QCOMPARE(m_store->indexedChunkCount(id), 2); // the old chunk's index row is gone
        QCOMPARE(m_store->documents(id).size(), 1);
        QCOMPARE(m_store->documents(id).front().chunks, 2);
        const Retriever after(*m_store, *m_store->base(id));
        QVERIFY(after.search(QStringLiteral("balıqçılar"), RetrievalMode::Bm25, 5).isEmpty());
        QCOMPARE(after.search(QStringLiteral("çobanlar"), RetrievalMode::Bm25, 5).size(), 1);

        m_store->removeDocument(m_store->requireDocument(id, QStringLiteral("qayda")).id);
        QVERIFY(after.search(QStringLiteral("çobanlar"), RetrievalMode::Morph, 5).isEmpty());
        QCOMPARE(m_store->base(id)->chunks, 0);
        QCOMPARE(m_store->indexedChunkCount(id), 0);
    }

    void pdfImports()
    {
        const QString pdf = path(QStringLiteral("pdf/meşə_qanunu.pdf"));
        QDir().mkpath(path(QStringLiteral("pdf")));
        writePdf(pdf, {QStringLiteral("Meşə haqqında qanun"), QString(),
                       QStringLiteral("Maddə 1. Meşələrin qorunması"),
                       QStringLiteral("Meşədə ocaq qalamaq qadağandır və cərimə ilə cəzalanır.")});
        const qint64 id = m_store->createBase(QStringLiteral("pdf"));
        const KnowledgeImportReport report = KnowledgeImporter(*m_store, id).import({pdf});
        QVERIFY2(report.issues.isEmpty(),
                 qPrintable(report.issues.isEmpty() ? QString() : report.issues[0].toString()));
        QCOMPARE(report.added, 1);
        const KnowledgeDocumentRecord document = m_store->documents(id).front();
        QCOMPARE(document.name, QStringLiteral("meşə_qanunu"));
        QCOMPARE(document.format, QStringLiteral("pdf"));
        const QVector<RetrievedChunk> found =
            Retriever(*m_store, *m_store->base(id))
                .search(QStringLiteral("ocaq qalamaq"), RetrievalMode::Morph, 3);
        QVERIFY(!found.isEmpty());
        QVERIFY(found[0].chunk.holdsArticle(QStringLiteral("1")));
        QVERIFY(found[0].chunk.text.contains(QStringLiteral("qadağandır")));
    }

    void badFilesAreReportedAndSkipped()
    {
        const QString folder = path(QStringLiteral("mixed"));
        writeFile(folder + QStringLiteral("/yaxşı.txt"),
                  QByteArrayLiteral("Dağlarda qar yağır.\n"));
        writeFile(folder + QStringLiteral("/latin1.txt"), QByteArray("Da\xF0lar\n", 7));
        writeFile(folder + QStringLiteral("/saxta.pdf"), QByteArrayLiteral("bu PDF deyil"));
        writeFile(path(QStringLiteral("qeyd.docx")), QByteArrayLiteral("PK"));
        const qint64 id = m_store->createBase(QStringLiteral("mixed"));
        const KnowledgeImportReport report = KnowledgeImporter(*m_store, id)
                                                 .import({folder, path(QStringLiteral("qeyd.docx")),
                                                          path(QStringLiteral("yoxdur.md"))});
        QCOMPARE(report.added, 1);
        QCOMPARE(report.skipped, 4);
        QStringList where;
        for (const FileIssue &issue : report.issues)
            where << issue.toString();
        const QString all = where.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("latin1.txt:1: not valid UTF-8")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("saxta.pdf: not a readable PDF")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("qeyd.docx: unsupported file type")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("yoxdur.md: no such file")), qPrintable(all));
        QCOMPARE(m_store->documents(id).front().name, QStringLiteral("yaxşı"));
    }

    void basesAreNamedRenamedAndRemoved()
    {
        const qint64 id = m_store->createBase(QStringLiteral("  ad  "));
        QCOMPARE(m_store->base(id)->name, QStringLiteral("ad"));
        QVERIFY_THROWS_EXCEPTION(KnowledgeError, m_store->createBase(QStringLiteral("ad")));
        QVERIFY_THROWS_EXCEPTION(KnowledgeError, m_store->createBase(QStringLiteral(" ")));
        m_store->renameBase(id, QStringLiteral("yeni ad"));
        QVERIFY(m_store->baseNamed(QStringLiteral("yeni ad")));
        QVERIFY(!m_store->baseNamed(QStringLiteral("ad")));
        KnowledgeImporter(*m_store, id).import({fixturePath()});
        QCOMPARE(m_store->indexedChunkCount(id), m_store->base(id)->chunks);
        m_store->removeBase(id);
        QVERIFY(!m_store->base(id));
        // Its index went with it, and so did its chunks.
        QVERIFY_THROWS_EXCEPTION(DatabaseError,
                                 m_store->match(id, QStringLiteral("words : maddə"), 5));
        QCOMPARE(m_store->indexedChunkCount(id), 0);
        try {
            m_store->requireBase(QStringLiteral("yoxdur"));
            QFAIL("a missing base must be refused");
        } catch (const KnowledgeError &e) {
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("there are")));
        }
    }

    // ---- evaluation and the default base

    void evaluationCountsRanks()
    {
        const KnowledgeBaseRecord base = lawBase(QStringLiteral("eval"));
        const QString data = path(QStringLiteral("questions.jsonl"));
        writeFile(data,
                  QStringLiteral(
                      "{\"question\": \"Elektron biletimi itirsəm yenisini nə vaxt alaram?\", "
                      "\"article\": \"12-1\"}\n\n"
                      "{\"question\": \"Nadir nəşrləri evə aparmaq olarmı?\", \"article\": 13}\n"
                      "{\"question\": \"Kosmos gəmisinin mühərriki\", \"document\": \"başqa\"}\n")
                      .toUtf8());
        const QVector<EvalQuestion> questions = readEvalQuestions(data);
        QCOMPARE(questions.size(), 3);
        QCOMPARE(questions[1].article, QStringLiteral("13"));
        QCOMPARE(questions[1].line, 3);
        const EvalReport report =
            evaluateRetrieval(Retriever(*m_store, base), questions, RetrievalMode::Morph, 5);
        QCOMPARE(report.n, 3);
        QCOMPARE(report.outcomes[0].rank, 1);
        QCOMPARE(report.outcomes[2].rank, 0);
        QCOMPARE(report.recallAt5, 2.0 / 3.0);
        QVERIFY(report.mrr <= report.recallAt5 && report.mrr >= report.recallAt1);
        QVERIFY(report.toJson().contains(QStringLiteral("\"mode\": \"morph\"")));

        writeFile(data, QByteArrayLiteral(
                            "{\"question\": \"a\", \"article\": 1}\n{\"question\": \"b\"}\n"));
        try {
            readEvalQuestions(data);
            QFAIL("a line without article or document must be refused");
        } catch (const KnowledgeError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("questions.jsonl:2:")),
                     e.what());
        }
    }

    void nothingFoundIsSaidNotInvented()
    {
        const KnowledgeBaseRecord base = lawBase(QStringLiteral("nothing"));
        const Retriever retriever(*m_store, base);
        const QVector<RetrievedChunk> offTopic = retriever.search(
            QStringLiteral("Futbol çempionatını hansı komanda qazandı?"), RetrievalMode::Morph, 5);
        QVERIFY(!foundAnswerable(offTopic, kDefaultMinCoverage));
        const QVector<RetrievedChunk> onTopic = retriever.search(
            QStringLiteral("Kitabı neçə gün ərzində qaytarmalıyam?"), RetrievalMode::Morph, 5);
        QVERIFY(foundAnswerable(onTopic, kDefaultMinCoverage));
        QVERIFY(nothingFoundAnswer(base.name).contains(base.name));
    }

    void defaultBaseIsBuiltOnce()
    {
        QTemporaryDir empty;
        qputenv("AZLLM_DATA_DIR", empty.path().toUtf8()); // no UDHR fetched
        qputenv("XDG_DATA_HOME", empty.path().toUtf8());  // nor in the user's data folder
        qputenv("AZLLM_KNOWLEDGE_SAMPLE", fixturePath().toUtf8());
        Workspace workspace(path(QStringLiteral("fresh")));
        KnowledgeStore store(workspace.database());
        const std::optional<qint64> id = seedDefaultKnowledgeBase(store);
        QVERIFY(id);
        QCOMPARE(store.base(*id)->origin, kOriginLawSample);
        QCOMPARE(store.base(*id)->documents, 1);
        QVERIFY(store.base(*id)->chunks > 5);
        store.removeBase(*id);
        QVERIFY(!seedDefaultKnowledgeBase(store)); // deleted stays deleted

        // With the UDHR fetched, it is the default.
        writeFile(empty.path() + QStringLiteral("/udhr/azj_latn.html"),
                  QStringLiteral("<html><body><h1>BƏYANNAMƏ</h1><article><h2>Maddə 1</h2><p>Bütün "
                                 "insanlar azad doğulurlar.</p></article></body></html>")
                      .toUtf8());
        QCOMPARE(defaultBaseSource()->origin, kOriginUdhr);
        Workspace other(path(QStringLiteral("fresh-udhr")));
        KnowledgeStore otherStore(other.database());
        const std::optional<qint64> udhr = seedDefaultKnowledgeBase(otherStore);
        QVERIFY(udhr);
        QCOMPARE(otherStore.base(*udhr)->name, QStringLiteral("udhr"));
        // Citations read "Bəyannamə, Maddə 1", not the file's name, and a re-import keeps that.
        QCOMPARE(otherStore.documents(*udhr).front().name, QStringLiteral("Bəyannamə"));
        writeFile(empty.path() + QStringLiteral("/udhr/azj_latn.html"),
                  QStringLiteral("<html><body><article><h2>Maddə 1</h2><p>Hamı azad "
                                 "doğulur.</p></article></body></html>")
                      .toUtf8());
        QCOMPARE(KnowledgeImporter(otherStore, *udhr).import({defaultBaseSource()->path}).replaced,
                 1);
        QCOMPARE(otherStore.documents(*udhr).front().name, QStringLiteral("Bəyannamə"));
        const QVector<ChunkRecord> chunks =
            otherStore.chunks(otherStore.documents(*udhr).front().id);
        QVERIFY(std::any_of(chunks.begin(), chunks.end(), [](const ChunkRecord &c) {
            return c.holdsArticle(QStringLiteral("1"));
        }));
        qunsetenv("AZLLM_DATA_DIR");
        qunsetenv("XDG_DATA_HOME");
        qunsetenv("AZLLM_KNOWLEDGE_SAMPLE");
    }
};

QTEST_MAIN(TestKnowledgeCore)
#include "test_knowledge_core.moc"
