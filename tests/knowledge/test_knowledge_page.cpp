// The Knowledge screen and the Chat screen's knowledge base, driven as a learner drives them
// through their worker threads: the default base, import with Cancel and bad files, chunks,
// search; a grounded answer with its citations, kept across a restart; "nothing found".
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "chat_page.h"
#include "chat_test_support.h"
#include "citations.h"
#include "conversation_view.h"
#include "knowledge_page.h"
#include "knowledge_test_support.h"
#include "retrieval_panel.h"
#include "sampling_panel.h"

using namespace azllm;
using namespace azllm::ui;
using namespace knowledge_test;
using azllm::ui::KnowledgePage;
using azllm::ui::RetrievalPanel;

namespace {

constexpr int kWaitMs = 120000;

std::optional<KnowledgeImportReport> importInto(KnowledgePage &page, const QStringList &paths)
{
    QSignalSpy finished(&page, &KnowledgePage::importFinished);
    page.importPaths(paths);
    if (!finished.wait(kWaitMs))
        return std::nullopt;
    return finished.first().first().value<KnowledgeImportReport>();
}

std::optional<ReplySummary> ask(ChatPage &page, const QString &text)
{
    QSignalSpy finished(&page, &ChatPage::answerFinished);
    page.send(text);
    if (!finished.wait(kWaitMs))
        return std::nullopt;
    return finished.first().first().value<ReplySummary>();
}

} // namespace

class TestKnowledgePage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_noData;
    std::unique_ptr<Workspace> m_workspace;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings().clear();
        qputenv("AZLLM_DATA_DIR", m_noData.path().toUtf8()); // the UDHR "was not fetched"
        // The data folder without the UDHR still has the sample corpus the tiny model trains on.
        QVERIFY(QFile::link(QStringLiteral(AZLLM_SAMPLE_CORPUS),
                            m_noData.filePath(QStringLiteral("sample_corpus"))));
        qputenv("XDG_DATA_HOME", m_noData.path().toUtf8()); // nor in the user's data folder
        qputenv("AZLLM_KNOWLEDGE_SAMPLE", fixturePath().toUtf8());
        m_workspace = std::make_unique<Workspace>(m_dir.filePath(QStringLiteral("ws")));
    }

    void defaultBaseAppearsAndSaysWhereItCameFrom()
    {
        KnowledgePage page(*m_workspace);
        QSignalSpy changed(&page, &KnowledgePage::basesChanged);
        QVERIFY(page.baseCount() == 1 || changed.wait(kWaitMs));
        QCOMPARE(page.selectedBase(), QStringLiteral("qanun"));
        // ... and how to fetch it, with the command an installed studio has.
        QVERIFY2(page.originNote().contains(QStringLiteral("was not fetched")) &&
                     page.originNote().contains(QStringLiteral("azllm-fetch-data")),
                 qPrintable(page.originNote()));
        QCOMPARE(page.documentCount(), 1);
        QVERIFY(page.chunkCount() > 5);
        // The first chunk shows: the document's opening paragraph, with its lines.
        QVERIFY2(page.shownChunkText().contains(QStringLiteral("kitabxana_qanunu · lines 3–4")) &&
                     page.shownChunkText().contains(QStringLiteral("testləri üçün yazılıb")),
                 qPrintable(page.shownChunkText()));
        page.selectDocument(0);
    }

    void importSearchAndReadAChunk()
    {
        KnowledgePage page(*m_workspace);
        QVERIFY(page.createBase(QStringLiteral("sınaq")));
        QCOMPARE(page.selectedBase(), QStringLiteral("sınaq"));
        QVERIFY(!page.createBase(QStringLiteral("sınaq"))); // taken: said, not created
        QVERIFY(page.statusText().contains(QStringLiteral("already exists")));

        const auto report = importInto(page, {fixturePath()});
        QVERIFY(report && report->added == 1);
        QCOMPARE(page.documentCount(), 1);
        const int chunks = page.chunkCount();
        QVERIFY(chunks > 5);

        QSignalSpy searched(&page, &KnowledgePage::searchFinished);
        page.search(QStringLiteral("Biletlərimizin itirilmələri"));
        QVERIFY(searched.wait(kWaitMs));
        QVERIFY(page.resultCount() >= 1);
        QVERIFY2(
            page.resultSource(0).startsWith(QStringLiteral("kitabxana_qanunu, Maddə 12, 12-1")),
            qPrintable(page.resultSource(0)));
        QVERIFY(page.shownChunkText().contains(QStringLiteral("Elektron biletin itirilməsi")));

        // Imported again unchanged: nothing is replaced.
        QCOMPARE(importInto(page, {fixturePath()})->unchanged, 1);
        QCOMPARE(page.chunkCount(), chunks);
    }

    void badFilesAreNamedAndCancelKeepsWhatWasDone()
    {
        KnowledgePage page(*m_workspace);
        QVERIFY(page.createBase(QStringLiteral("qarışıq")));
        const QString folder = m_dir.filePath(QStringLiteral("mixed"));
        writeFile(folder + QStringLiteral("/yaxşı.md"),
                  QByteArrayLiteral("# Yaxşı\n\nDağlarda qar yağır.\n"));
        writeFile(folder + QStringLiteral("/pis.txt"), QByteArray("Da\xF0lar\n", 7));
        const auto report = importInto(page, {folder});
        QVERIFY(report && report->added == 1 && report->skipped == 1);
        QVERIFY2(page.statusText().contains(QStringLiteral("pis.txt:1: not valid UTF-8")),
                 qPrintable(page.statusText()));

        // Cancel right after starting: the worker stops at the next file. It may have finished
        // the file it was on; whatever it imported is kept, and the rest is not imported.
        for (int i = 0; i < 30; ++i)
            writeFile(QStringLiteral("%1/many/f%2.txt").arg(m_dir.path()).arg(i),
                      QByteArrayLiteral("Bir cümlə.\n"));
        QSignalSpy finished(&page, &KnowledgePage::importFinished);
        page.importPaths({m_dir.filePath(QStringLiteral("many"))});
        QVERIFY(page.isBusy());
        page.cancelWork();
        QVERIFY(finished.wait(kWaitMs));
        const auto cancelled = finished.first().first().value<KnowledgeImportReport>();
        QVERIFY(cancelled.cancelled);
        QVERIFY(cancelled.added < 30);
        QCOMPARE(page.documentCount(), 1 + cancelled.added);
        QVERIFY(!page.isBusy());

        QVERIFY(page.renameSelectedBase(QStringLiteral("qarışıq-2")));
        QCOMPARE(page.selectedBase(), QStringLiteral("qarışıq-2"));
        for (int left = page.documentCount(); left > 0; --left) {
            page.selectDocument(0);
            page.removeSelectedDocument();
            QCOMPARE(page.documentCount(), left - 1);
        }
        page.deleteSelectedBase();
        QVERIFY(!page.openArgument(QStringLiteral("qarışıq-2")));
    }

    void chatAnswersWithSourcesAndSaysWhenNothingIsFound()
    {
        const QString run = chat_test::trainSampleRun(*m_workspace, QStringLiteral("tiny"), 20);
        qint64 conversation = 0;
        QStringList cited;
        {
            ChatPage page(*m_workspace);
            QSignalSpy ready(&page, &ChatPage::checkpointReady);
            page.setCheckpoint(run);
            QVERIFY(ready.wait(kWaitMs) && ready.first().first().toBool());
            page.setMode(ChatMode::Completion);
            page.samplingPanel()->setMaxNewTokens(8);
            RetrievalPanel *panel = page.retrievalPanel();
            QVERIFY(panel->setBase(QStringLiteral("qanun")));
            panel->setActive(true);
            QVERIFY(panel->isActive());

            const auto reply = ask(page, QStringLiteral("Elektron biletimi itirsəm nə olar?"));
            QVERIFY(reply);
            QVERIFY2(reply->promptText.contains(QStringLiteral("Mənbələr:\n[1] kitabxana_qanunu, "
                                                               "Maddə 12, 12-1")),
                     qPrintable(reply->promptText));
            QVERIFY(reply->promptText.contains(QStringLiteral("Sual: Elektron biletimi itirsəm")));
            cited = page.conversation()->citations(1);
            QVERIFY(!cited.isEmpty());
            QVERIFY2(cited[0].startsWith(
                         QStringLiteral("[1] kitabxana_qanunu, Maddə 12, 12-1, sətir %1–")
                             .arg(lineOf(fixturePath(), QStringLiteral("### Maddə 12.")))),
                     qPrintable(cited[0]));
            QVERIFY(panel->sourceCount() >= 1);
            QVERIFY(panel->sourceRow(0).contains(QStringLiteral("Maddə 12, 12-1")));
            QCOMPARE(panel->promptText(), reply->promptText);
            page.showSources(1, 1);
            QVERIFY(panel->shownSourceText().contains(QStringLiteral("Elektron oxucu bileti")));

            const auto none =
                ask(page, QStringLiteral("Futbol çempionatını hansı komanda qazandı?"));
            QVERIFY(none);
            QCOMPARE(none->text, nothingFoundAnswer(QStringLiteral("qanun")));
            QCOMPARE(none->generatedTokens, 0);
            QVERIFY(page.conversation()->citations(3).isEmpty());
            QVERIFY(page.conversation()->footer(3).startsWith(QStringLiteral("Not generated")));
            conversation = *page.conversationId();
        }
        // Reopened later: the answer keeps its citations.
        ChatPage again(*m_workspace);
        again.openConversation(conversation);
        QCOMPARE(again.conversation()->count(), 4);
        QCOMPARE(again.conversation()->citations(1), cited);
        QVERIFY(again.conversation()->citations(3).isEmpty());
        QVERIFY(again.conversation()->footer(3).startsWith(QStringLiteral("Not generated")));
        again.showSources(1, 1);
        QVERIFY(again.retrievalPanel()->promptText().contains(QStringLiteral("Sual: Elektron")));
    }

    void cleanupTestCase()
    {
        QSettings().clear();
        qunsetenv("AZLLM_DATA_DIR");
        qunsetenv("XDG_DATA_HOME");
        qunsetenv("AZLLM_KNOWLEDGE_SAMPLE");
    }
};

QTEST_MAIN(TestKnowledgePage)
#include "test_knowledge_page.moc"
