// `azllm sft` and `azllm classify` as a learner runs them, on a tiny base trained on the sample
// dataset: the fixed command forms, their closing JSON lines, and one clear line for bad input.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "azllm_process.h"
#include "chat_test_support.h"
#include "finetune_fixtures.h"

namespace {

void writeText(const QString &path, const QString &text)
{
    QVERIFY(finetune_test::writeText(path, text));
}

QJsonObject lastJsonLine(const QString &out)
{
    const QStringList lines = out.trimmed().split(QLatin1Char('\n'));
    return QJsonDocument::fromJson(lines.last().toUtf8()).object();
}

} // namespace

class TestFinetuneCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_base;

    QString path(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        azllm::Workspace workspace(path(QStringLiteral("ws")));
        m_base = chat_test::trainSampleRun(workspace, QStringLiteral("base"), 10);
        QVERIFY(finetune_test::writeChatData(path(QStringLiteral("chat.jsonl"))));
        QVERIFY(finetune_test::writeEvalQuestions(path(QStringLiteral("eval.jsonl"))));
        QVERIFY(finetune_test::writeNews(path(QStringLiteral("news.csv")), 36));
        writeText(path(QStringLiteral("news_test.csv")),
                  QStringLiteral("text,label\n\"Komanda qol vurdu.\",idman\n"
                                 "\"Həkim müalicə etdi.\",səhiyyə\n"));
        writeText(path(QStringLiteral("news_bad.csv")),
                  QStringLiteral("text,label\n\"Nazir danışdı.\",siyasət\n"));
    }

    void sftTrainsEvaluatesPreviewsAndMerges()
    {
        const QString out = path(QStringLiteral("sft-lora"));
        const AzllmRun train = runAzllm(
            {QStringLiteral("sft"), QStringLiteral("train"), QStringLiteral("--base"), m_base,
             QStringLiteral("--data"), path(QStringLiteral("chat.jsonl")), QStringLiteral("--out"),
             out, QStringLiteral("--lora-rank"), QStringLiteral("4"), QStringLiteral("--epochs"),
             QStringLiteral("1"), QStringLiteral("--batch_size"), QStringLiteral("4")});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err));
        QVERIFY2(train.err.contains(path(QStringLiteral("chat.jsonl")) +
                                    QStringLiteral(":7: invalid JSON")),
                 qPrintable(train.err));
        QVERIFY2(train.out.contains(QLatin1String("best checkpoint:")), qPrintable(train.out));
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/data/train.examples")));
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/best.txt")));

        const AzllmRun eval =
            runAzllm({QStringLiteral("sft"), QStringLiteral("eval"), QStringLiteral("--checkpoint"),
                      out, QStringLiteral("--data"), path(QStringLiteral("eval.jsonl")),
                      QStringLiteral("--tokens"), QStringLiteral("8")});
        QVERIFY2(eval.exitCode == 0, qPrintable(eval.err));
        const QJsonObject result = lastJsonLine(eval.out);
        QCOMPARE(result.value(QLatin1String("n")).toInt(), 4);
        for (const char *key : {"ended_rate", "token_f1", "exact_match"}) {
            const double v = result.value(QLatin1String(key)).toDouble(-1);
            QVERIFY2(v >= 0 && v <= 1, key);
        }

        const AzllmRun preview = runAzllm(
            {QStringLiteral("sft"), QStringLiteral("preview"), QStringLiteral("--run"), out});
        QVERIFY2(preview.exitCode == 0, qPrintable(preview.err));
        QVERIFY(preview.out.contains(QLatin1String("[<|end|>]")));
        QVERIFY(preview.out.contains(QLatin1String("<|user|>")));

        const QString merged = path(QStringLiteral("merged"));
        const AzllmRun merge =
            runAzllm({QStringLiteral("sft"), QStringLiteral("merge"),
                      QStringLiteral("--checkpoint"), out, QStringLiteral("--out"), merged});
        QVERIFY2(merge.exitCode == 0, qPrintable(merge.err));
        const AzllmRun info =
            runAzllm({QStringLiteral("info"), QStringLiteral("--checkpoint"), merged});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QLatin1String("chat-tuned")), qPrintable(info.out));
    }

    void classifyTrainsEvaluatesAndPredicts()
    {
        const QString out = path(QStringLiteral("news-head"));
        const AzllmRun train =
            runAzllm({QStringLiteral("classify"), QStringLiteral("train"), QStringLiteral("--base"),
                      m_base, QStringLiteral("--data"), path(QStringLiteral("news.csv")),
                      QStringLiteral("--out"), out, QStringLiteral("--mode"),
                      QStringLiteral("head"), QStringLiteral("--epochs"), QStringLiteral("2")});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err));
        QVERIFY2(train.out.contains(QLatin1String("validation accuracy")), qPrintable(train.out));

        for (const QString &verb : {QStringLiteral("eval"), QStringLiteral("baseline")}) {
            const QStringList args =
                verb == QLatin1String("eval")
                    ? QStringList{QStringLiteral("classify"),
                                  verb,
                                  QStringLiteral("--checkpoint"),
                                  out,
                                  QStringLiteral("--data"),
                                  path(QStringLiteral("news_test.csv"))}
                    : QStringList{
                          QStringLiteral("classify"), verb,
                          QStringLiteral("--train"),  path(QStringLiteral("news.csv")),
                          QStringLiteral("--data"),   path(QStringLiteral("news_test.csv"))};
            const AzllmRun run = runAzllm(args);
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            const QJsonObject result = lastJsonLine(run.out);
            QCOMPARE(result.value(QLatin1String("n")).toInt(), 2);
            QVERIFY(result.contains(QLatin1String("accuracy")));
            QVERIFY(result.contains(QLatin1String("macro_f1")));
        }

        const AzllmRun predict = runAzllm(
            {QStringLiteral("classify"), QStringLiteral("predict"), QStringLiteral("--checkpoint"),
             out, QStringLiteral("--text"), QStringLiteral("Komanda qol vurdu.")});
        QVERIFY2(predict.exitCode == 0, qPrintable(predict.err));
        QVERIFY(predict.out.contains(QLatin1String("idman")));
        QVERIFY(predict.out.contains(QStringLiteral("səhiyyə")));

        // A classifier neither chats nor generates; it says what it is and what to use.
        const AzllmRun chat = runAzllm(
            {QStringLiteral("chat"), QStringLiteral("--checkpoint"), out}, QByteArray("Salam\n"));
        QVERIFY(chat.exitCode != 0);
        QVERIFY2(chat.err.contains(QLatin1String("classify predict")), qPrintable(chat.err));
        const AzllmRun info =
            runAzllm({QStringLiteral("info"), QStringLiteral("--checkpoint"), out});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QLatin1String("text classifier")), qPrintable(info.out));

        const AzllmRun unknown = runAzllm(
            {QStringLiteral("classify"), QStringLiteral("eval"), QStringLiteral("--checkpoint"),
             out, QStringLiteral("--data"), path(QStringLiteral("news_bad.csv"))});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(path(QStringLiteral("news_bad.csv")) + QStringLiteral(":2:")),
                 qPrintable(unknown.err));
    }

    void badInputGetsOneLineAndAnError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("code");
        const QString out = path(QStringLiteral("never"));
        QTest::newRow("missing data")
            << QStringList{QStringLiteral("sft"),    QStringLiteral("train"),
                           QStringLiteral("--base"), m_base,
                           QStringLiteral("--data"), path(QStringLiteral("none.jsonl")),
                           QStringLiteral("--out"),  out}
            << QStringLiteral("none.jsonl: cannot be read") << 1;
        QTest::newRow("unknown mode")
            << QStringList{QStringLiteral("classify"), QStringLiteral("train"),
                           QStringLiteral("--base"),   m_base,
                           QStringLiteral("--data"),   path(QStringLiteral("news.csv")),
                           QStringLiteral("--out"),    out,
                           QStringLiteral("--mode"),   QStringLiteral("tail")}
            << QStringLiteral("head, last2, full or lora") << 1;
        QTest::newRow("no base") << QStringList{QStringLiteral("sft"),
                                                QStringLiteral("train"),
                                                QStringLiteral("--data"),
                                                path(QStringLiteral("chat.jsonl")),
                                                QStringLiteral("--out"),
                                                out}
                                 << QStringLiteral("--base is required") << 2;
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("sft"), QStringLiteral("tune")}
                                      << QStringLiteral("unknown verb 'tune'") << 2;
    }

    void badInputGetsOneLineAndAnError()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QFETCH(int, code);
        const AzllmRun run = runAzllm(args);
        QCOMPARE(run.exitCode, code);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("terminate called")), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("never"))));
    }
};

QTEST_GUILESS_MAIN(TestFinetuneCli)
#include "test_finetune_cli.moc"
