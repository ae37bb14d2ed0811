// `azllm kb` and `azllm chat --kb` as a script runs them: the fixed forms, one line and a
// non-zero exit for bad input, the evaluation's JSON line, answers with sources.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "azllm_process.h"
#include "chat_test_support.h"
#include "knowledge_test_support.h"

using namespace knowledge_test;

class TestKnowledgeCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_noData;
    QString m_workspace;

    AzllmRun kb(const QStringList &args)
    {
        return runAzllm(QStringList{QStringLiteral("kb")} + args +
                        QStringList{QStringLiteral("--workspace"), m_workspace});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid() && m_noData.isValid());
        qputenv("AZLLM_DATA_DIR", m_noData.path().toUtf8());
        // The data folder without the UDHR still has the sample corpus the tiny model trains on.
        QVERIFY(QFile::link(QStringLiteral(AZLLM_SAMPLE_CORPUS),
                            m_noData.filePath(QStringLiteral("sample_corpus"))));
        qputenv("XDG_DATA_HOME", m_noData.path().toUtf8()); // nor in the user's data folder
        qputenv("AZLLM_KNOWLEDGE_SAMPLE", fixturePath().toUtf8());
        m_workspace = m_dir.filePath(QStringLiteral("ws"));
    }

    void createAddListSearch()
    {
        const AzllmRun first = kb({QStringLiteral("list")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.out.startsWith(QStringLiteral("qanun ")),
                 qPrintable(first.out)); // default base

        QCOMPARE(kb({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("laws")})
                     .exitCode,
                 0);
        const AzllmRun added = kb(
            {QStringLiteral("add"), QStringLiteral("--kb"), QStringLiteral("laws"), fixturePath()});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY(added.out.startsWith(QStringLiteral("1 added, 0 replaced")));

        const AzllmRun listed =
            kb({QStringLiteral("list"), QStringLiteral("--kb"), QStringLiteral("laws")});
        QVERIFY(listed.out.contains(QStringLiteral("kitabxana_qanunu")));
        const AzllmRun chunks =
            kb({QStringLiteral("list"), QStringLiteral("--kb"), QStringLiteral("laws"),
                QStringLiteral("--document"), QStringLiteral("kitabxana_qanunu")});
        QVERIFY(chunks.out.contains(QStringLiteral("articles [12,12-1]")));

        const AzllmRun found =
            kb({QStringLiteral("search"), QStringLiteral("--kb"), QStringLiteral("laws"),
                QStringLiteral("--query"), QStringLiteral("Biletlərimizin itirilmələri"),
                QStringLiteral("--k"), QStringLiteral("3")});
        QVERIFY2(found.exitCode == 0, qPrintable(found.err));
        QVERIFY2(found.out.startsWith(
                     QStringLiteral("1. kitabxana_qanunu  articles [12,12-1]  lines %1-")
                         .arg(lineOf(fixturePath(), QStringLiteral("### Maddə 12.")))),
                 qPrintable(found.out));
        const AzllmRun exact =
            kb({QStringLiteral("search"), QStringLiteral("--kb"), QStringLiteral("laws"),
                QStringLiteral("--query"), QStringLiteral("Biletlərimizin itirilmələri"),
                QStringLiteral("--mode"), QStringLiteral("bm25")});
        QVERIFY(exact.out.startsWith(QStringLiteral("nothing found in laws (bm25)")));
    }

    void evaluationEndsWithOneJsonLine()
    {
        const QString data = m_dir.filePath(QStringLiteral("q.jsonl"));
        writeFile(
            data,
            QStringLiteral(
                "{\"question\": \"Elektron biletimi itirsəm nə olar?\", \"article\": \"12-1\"}\n"
                "{\"question\": \"Nadir nəşrləri evə aparmaq olarmı?\", \"article\": 13}\n")
                .toUtf8());
        const AzllmRun r = kb({QStringLiteral("eval"), QStringLiteral("--kb"),
                               QStringLiteral("qanun"), QStringLiteral("--data"), data});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        const QJsonObject json = QJsonDocument::fromJson(lines.last().toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("n")).toInt(), 2);
        QCOMPARE(json.value(QStringLiteral("mode")).toString(), QStringLiteral("morph"));
        for (const char *key : {"recall_at_1", "recall_at_5", "mrr"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value(QStringLiteral("recall_at_5")).toDouble(), 1.0);
    }

    void badInputGetsOneLineAndAnExitCode()
    {
        const auto oneLine = [](const AzllmRun &r, int code, const QString &says) {
            QVERIFY2(r.exitCode == code, qPrintable(QString::number(r.exitCode) + r.err));
            QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
            QVERIFY2(r.err.contains(says), qPrintable(r.err));
        };
        oneLine(kb({QStringLiteral("search"), QStringLiteral("--kb"), QStringLiteral("qanun"),
                    QStringLiteral("--query"), QStringLiteral("x"), QStringLiteral("--mode"),
                    QStringLiteral("fuzzy")}),
                2, QStringLiteral("--mode: 'fuzzy'"));
        oneLine(kb({QStringLiteral("search"), QStringLiteral("--kb"), QStringLiteral("yoxdur"),
                    QStringLiteral("--query"), QStringLiteral("x")}),
                1, QStringLiteral("no knowledge base named \"yoxdur\""));
        oneLine(kb({QStringLiteral("search"), QStringLiteral("--kb"), QStringLiteral("qanun"),
                    QStringLiteral("--query"), QStringLiteral("x"), QStringLiteral("--mode"),
                    QStringLiteral("dense")}),
                1, QStringLiteral("has no vectors yet"));
        writeFile(m_dir.filePath(QStringLiteral("bad.jsonl")),
                  QByteArrayLiteral("{\"question\": 1}\n"));
        oneLine(kb({QStringLiteral("eval"), QStringLiteral("--kb"), QStringLiteral("qanun"),
                    QStringLiteral("--data"), m_dir.filePath(QStringLiteral("bad.jsonl"))}),
                1, QStringLiteral("bad.jsonl:1:"));
        writeFile(m_dir.filePath(QStringLiteral("latin1.txt")), QByteArray("Da\xF0lar\n", 7));
        oneLine(kb({QStringLiteral("add"), QStringLiteral("--kb"), QStringLiteral("qanun"),
                    m_dir.filePath(QStringLiteral("latin1.txt"))}),
                1, QStringLiteral("latin1.txt:1: not valid UTF-8"));
        oneLine(kb({QStringLiteral("frobnicate")}), 2, QStringLiteral("unknown action"));
    }

    void eachActionHasItsOwnHelp()
    {
        const AzllmRun overview = runAzllm({QStringLiteral("kb"), QStringLiteral("--help")});
        QCOMPARE(overview.exitCode, 0);
        for (const char *action :
             {"create", "add", "list", "remove", "rename", "search", "eval", "embed"})
            QVERIFY2(overview.out.contains(QStringLiteral("\n  %1 ").arg(QLatin1String(action))),
                     action);
        const AzllmRun eval =
            runAzllm({QStringLiteral("kb"), QStringLiteral("eval"), QStringLiteral("--help")});
        QCOMPARE(eval.exitCode, 0);
        QVERIFY2(eval.out.startsWith(QStringLiteral("usage: azllm kb eval --workspace DIR --kb N "
                                                    "--data FILE")),
                 qPrintable(eval.out));
        QVERIFY(eval.out.contains(QStringLiteral("--verbose")));
        QVERIFY(eval.out.contains(QStringLiteral("modes: bm25")));
        QVERIFY(!eval.out.contains(QStringLiteral("--description")));
        QVERIFY(!eval.out.contains(QStringLiteral("rename a base")));
        const AzllmRun create =
            runAzllm({QStringLiteral("kb"), QStringLiteral("create"), QStringLiteral("--help")});
        QVERIFY(create.out.contains(QStringLiteral("--description")));
        QVERIFY(!create.out.contains(QStringLiteral("--query")));
        QVERIFY(!create.out.contains(QStringLiteral("modes:")));
        for (const AzllmRun &help : {eval, create}) // one blank line between the parts, no more
            QVERIFY2(!help.out.contains(QStringLiteral("\n\n\n")), qPrintable(help.out));
    }

    void removeDocumentAndBase()
    {
        QCOMPARE(kb({QStringLiteral("remove"), QStringLiteral("--kb"), QStringLiteral("laws"),
                     QStringLiteral("--document"), QStringLiteral("kitabxana_qanunu")})
                     .exitCode,
                 0);
        QVERIFY(kb({QStringLiteral("list")})
                    .out.contains(QRegularExpression(QStringLiteral("laws +0 documents"))));
        QCOMPARE(
            kb({QStringLiteral("remove"), QStringLiteral("--kb"), QStringLiteral("laws")}).exitCode,
            0);
        QVERIFY(!kb({QStringLiteral("list")}).out.contains(QStringLiteral("laws")));
        // The default base, once removed, stays removed.
        QCOMPARE(kb({QStringLiteral("remove"), QStringLiteral("--kb"), QStringLiteral("qanun")})
                     .exitCode,
                 0);
        QVERIFY(
            kb({QStringLiteral("list")}).out.startsWith(QStringLiteral("no knowledge base yet")));
    }

    void chatAnswersWithSources()
    {
        azllm::Workspace workspace(m_dir.filePath(QStringLiteral("chat")));
        const QString run = chat_test::trainSampleRun(workspace, QStringLiteral("tiny"), 10);
        const AzllmRun r = runAzllm(
            {QStringLiteral("chat"), QStringLiteral("--workspace"), workspace.root(),
             QStringLiteral("--kb"), QStringLiteral("qanun"), QStringLiteral("--checkpoint"), run,
             QStringLiteral("--completion"), QStringLiteral("--tokens"), QStringLiteral("5"),
             QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--show-prompt")},
            QStringLiteral("Elektron biletimi itirsəm nə olar?\nFutbol çempionatını kim qazandı?\n")
                .toUtf8());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(
            r.out.contains(QStringLiteral("Mənbələr: [1] kitabxana_qanunu, Maddə 12, 12-1, sətir")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("bilik bazasında bu suala aid mənbə tapmadım")));
        QVERIFY(r.err.contains(
            QStringLiteral("--- prompt ---\n</s>\nMənbələr:\n[1] kitabxana_qanunu")));
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeCli)
#include "test_knowledge_cli.moc"
