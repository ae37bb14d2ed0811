// `azllm chat` reading a scripted conversation from stdin, its errors, and `azllm bench chat`.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "azllm_process.h"
#include "chat_test_support.h"

class TestChatCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<azllm::Workspace> m_workspace;
    QString m_run;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = std::make_unique<azllm::Workspace>(m_dir.path());
        m_run = chat_test::trainSampleRun(*m_workspace, QStringLiteral("tiny"));
    }

    void aScriptedConversationFromStdin()
    {
        const AzllmRun r = runAzllm(
            {QStringLiteral("chat"), QStringLiteral("--checkpoint"), m_run,
             QStringLiteral("--system"), QStringLiteral("Qısa cavab ver."),
             QStringLiteral("--tokens"), QStringLiteral("6"), QStringLiteral("--seed"),
             QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cpu")},
            QStringLiteral("Salam!\nBakı haqqında danış.\n/reset\nSağ ol.\n/quit\nnot read\n")
                .toUtf8());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("> Salam!\n")));
        QVERIFY(r.out.contains(QStringLiteral("> Bakı haqqında danış.\n")));
        QVERIFY(r.out.contains(QStringLiteral("(conversation cleared)")));
        QVERIFY(r.out.contains(QStringLiteral("> Sağ ol.\n")));
        QVERIFY(!r.out.contains(QStringLiteral("not read")));
        QCOMPARE(r.err.count(QStringLiteral("tokens/s")), 3); // figures after each of the 3 answers
    }

    void theSameSeedGivesTheSameTranscript()
    {
        const QStringList args = {QStringLiteral("chat"),
                                  QStringLiteral("--checkpoint"),
                                  m_run,
                                  QStringLiteral("--completion"),
                                  QStringLiteral("--tokens"),
                                  QStringLiteral("12"),
                                  QStringLiteral("--seed"),
                                  QStringLiteral("9"),
                                  QStringLiteral("--device"),
                                  QStringLiteral("cpu")};
        const QByteArray script = QStringLiteral("Azərbaycan\nBakı\n").toUtf8();
        const AzllmRun a = runAzllm(args, script);
        const AzllmRun b = runAzllm(args, script);
        QVERIFY2(a.exitCode == 0, qPrintable(a.err));
        QCOMPARE(a.out, b.out);
    }

    void aCheckpointWithoutTokenizerIsAClearError()
    {
        const QString run = chat_test::trainSyntheticRun(m_dir.path() + QStringLiteral("/bare"));
        const AzllmRun r =
            runAzllm({QStringLiteral("chat"), QStringLiteral("--checkpoint"), run}, "Salam\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("tokenizer.model")), qPrintable(r.err));
    }

    void benchChatEndsWithAJsonLine()
    {
        const AzllmRun r = runAzllm(
            {QStringLiteral("bench"), QStringLiteral("chat"), QStringLiteral("--checkpoint"), m_run,
             QStringLiteral("--tokens"), QStringLiteral("8"), QStringLiteral("--runs"),
             QStringLiteral("2"), QStringLiteral("--device"), QStringLiteral("cpu")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString last = r.out.trimmed().split(QLatin1Char('\n')).last();
        const QJsonObject json = QJsonDocument::fromJson(last.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("bench")).toString(), QStringLiteral("chat"));
        QCOMPARE(json.value(QStringLiteral("mode")).toString(), QStringLiteral("chat"));
        for (const char *key : {"tokens_per_s", "ttft_ms", "prompt_tokens"})
            QVERIFY2(json.value(QLatin1String(key)).toDouble() > 0, key);
    }
};

QTEST_GUILESS_MAIN(TestChatCli)
#include "test_chat_cli.moc"
