// `azllm` as a user runs it: every bad input gets one clear line and a non-zero exit.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "azllm_process.h"
#include "token_file.h"

namespace fs = std::filesystem;

namespace {

void replaceInFile(const QString &path, const QString &from, const QString &to)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    QVERIFY(text.contains(from));
    text.replace(from, to);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_run;
    QString m_checkpoint;

    QString path(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }

    QStringList tinyModel() const
    {
        return {QStringLiteral("--vocab_size"),     QStringLiteral("64"),
                QStringLiteral("--context_length"), QStringLiteral("32"),
                QStringLiteral("--n_embd"),         QStringLiteral("32"),
                QStringLiteral("--n_layer"),        QStringLiteral("1"),
                QStringLiteral("--n_head"),         QStringLiteral("2"),
                QStringLiteral("--batch"),          QStringLiteral("2")};
    }

    // A copy of the good checkpoint to damage.
    QString checkpointCopy(const QString &name)
    {
        const QString copy = path(name);
        fs::copy(m_checkpoint.toStdString(), copy.toStdString(), fs::copy_options::recursive);
        return copy;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_run = path(QStringLiteral("run"));
        const AzllmRun trained =
            runAzllm(QStringList{QStringLiteral("train"), QStringLiteral("--steps"),
                                 QStringLiteral("3"), QStringLiteral("--out"), m_run}
                     << tinyModel());
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        QVERIFY(trained.out.contains(QLatin1String("step      3/3")));
        m_checkpoint = m_run + QLatin1String("/checkpoints/step-00000003");
        QVERIFY(QFile::exists(m_checkpoint + QLatin1String("/model.pt")));
    }

    void goodInputsWork()
    {
        const AzllmRun generated = runAzllm(
            {QStringLiteral("generate"), QStringLiteral("--checkpoint"), m_run,
             QStringLiteral("--prompt-ids"), QStringLiteral("5 6"), QStringLiteral("--tokens"),
             QStringLiteral("5"), QStringLiteral("--temperature"), QStringLiteral("0")});
        QCOMPARE(generated.exitCode, 0);
        // Up to 5 new ids, each inside the vocabulary; fewer only when the untrained model's
        // greedy choice is the end-of-text id, which ends generation.
        const QStringList ids = generated.out.simplified().split(QLatin1Char(' '));
        QVERIFY2(!ids.isEmpty() && ids.size() <= 5, qPrintable(generated.out));
        for (const QString &id : ids) {
            bool isNumber = false;
            const int value = id.toInt(&isNumber);
            QVERIFY2(isNumber && value >= 0 && value < 64, qPrintable(generated.out));
        }
        const AzllmRun info =
            runAzllm({QStringLiteral("info"), QStringLiteral("--checkpoint"), m_checkpoint});
        QCOMPARE(info.exitCode, 0);
        QVERIFY(info.out.contains(QLatin1String("every tensor matches")));
        const AzllmRun resumed =
            runAzllm({QStringLiteral("train"), QStringLiteral("--resume"), m_run,
                      QStringLiteral("--max_steps"), QStringLiteral("4")});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QVERIFY(resumed.out.contains(QLatin1String("resumed")) &&
                resumed.out.contains(QLatin1String("step      4/4")));
    }

    void helpEverywhere_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("top") << QStringList{QStringLiteral("--help")};
        for (const char *command : {"train", "generate", "info", "plan"})
            QTest::newRow(command) << QStringList{QLatin1String(command), QStringLiteral("--help")};
        for (const char *kind : {"gemm", "train", "generate", "memory"})
            QTest::newRow(kind) << QStringList{QStringLiteral("bench"), QLatin1String(kind),
                                               QStringLiteral("--help")};
    }

    void helpEverywhere()
    {
        QFETCH(QStringList, args);
        const AzllmRun o = runAzllm(args);
        QCOMPARE(o.exitCode, 0);
        QVERIFY(o.out.contains(QLatin1String("usage: azllm")));
    }

    // bench train times the step's own matrix products alone in the same run and reports
    // their share of the step (issue 12); a tiny model keeps it to a second or two.
    void benchTrainReportsMatrixProductEfficiency()
    {
        const AzllmRun o =
            runAzllm({QStringLiteral("bench"), QStringLiteral("train"), QStringLiteral("--batch"),
                      QStringLiteral("2"), QStringLiteral("--context"), QStringLiteral("32"),
                      QStringLiteral("--steps"), QStringLiteral("2"), QStringLiteral("--warmup"),
                      QStringLiteral("1"), QStringLiteral("--matmul-repeats"), QStringLiteral("1"),
                      QStringLiteral("--device"), QStringLiteral("cpu")});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        QVERIFY2(o.out.contains(QLatin1String("-> matrix-product efficiency")), qPrintable(o.out));
        const QRegularExpression efficiency(QStringLiteral("\"matmul_efficiency\": ([0-9.]+)"));
        const QRegularExpressionMatch match = efficiency.match(o.out);
        QVERIFY2(match.hasMatch(), qPrintable(o.out));
        QVERIFY(match.captured(1).toDouble() > 0);
    }

    void badInputGetsOneClearLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");

        QTest::newRow("missing checkpoint")
            << QStringList{QStringLiteral("generate"), QStringLiteral("--checkpoint"),
                           path(QStringLiteral("nowhere"))}
            << "no such folder";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("train"), QStringLiteral("--layers"), QStringLiteral("3")}
            << "unknown option --layers";
        QTest::newRow("n_embd not divisible by n_head")
            << QStringList{QStringLiteral("train"), QStringLiteral("--n_embd"),
                           QStringLiteral("30"), QStringLiteral("--n_head"), QStringLiteral("4")}
            << "n_embd (30) must be divisible by n_head (4)";
        QTest::newRow("zero layers")
            << QStringList{QStringLiteral("info"), QStringLiteral("--config"),
                           path(QStringLiteral("zero.cfg"))}
            << "n_layer must be positive";
        QTest::newRow("missing config file")
            << QStringList{QStringLiteral("train"), QStringLiteral("--config"),
                           path(QStringLiteral("absent.cfg"))}
            << "cannot read";
        QTest::newRow("config line")
            << QStringList{QStringLiteral("train"), QStringLiteral("--config"),
                           path(QStringLiteral("typo.cfg"))}
            << "typo.cfg:2: unknown key 'nlayer'";
        QTest::newRow("not a number")
            << QStringList{QStringLiteral("train"), QStringLiteral("--batch"),
                           QStringLiteral("ten")}
            << "batch_size: 'ten' is not a valid number";
        QTest::newRow("bad token header")
            << (QStringList{QStringLiteral("train"), QStringLiteral("--data"),
                            path(QStringLiteral("text.tokens")), QStringLiteral("--out"),
                            path(QStringLiteral("r1"))}
                << tinyModel())
            << "not a token file";
        QTest::newRow("vocabulary larger than the model's")
            << (QStringList{QStringLiteral("train"), QStringLiteral("--data"),
                            path(QStringLiteral("wide.tokens")), QStringLiteral("--out"),
                            path(QStringLiteral("r2"))}
                << tinyModel())
            << "larger than the model's 64";
        QTest::newRow("training context longer than the model's")
            << (QStringList{QStringLiteral("train"), QStringLiteral("--context"),
                            QStringLiteral("64"), QStringLiteral("--out"),
                            path(QStringLiteral("r3"))}
                << tinyModel())
            << "longer than the model's context of 32";
        QTest::newRow("prompt longer than the context")
            << QStringList{QStringLiteral("generate"), QStringLiteral("--checkpoint"), m_run,
                           QStringLiteral("--prompt-ids"), QStringLiteral("5 ").repeated(40)}
            << "more than the model's context of 32";
        QTest::newRow("token id outside the vocabulary")
            << QStringList{QStringLiteral("generate"), QStringLiteral("--checkpoint"), m_run,
                           QStringLiteral("--prompt-ids"), QStringLiteral("3 64")}
            << "outside the model's vocabulary of 64";
        QTest::newRow("corrupt weights")
            << QStringList{QStringLiteral("generate"), QStringLiteral("--checkpoint"),
                           path(QStringLiteral("corrupt"))}
            << "model.pt is too short to be a LibTorch archive";
        QTest::newRow("tensors that do not match the config")
            << QStringList{QStringLiteral("info"), QStringLiteral("--checkpoint"),
                           path(QStringLiteral("mismatch"))}
            << "but config.txt implies";
        QTest::newRow("missing weights")
            << QStringList{QStringLiteral("train"), QStringLiteral("--resume"),
                           path(QStringLiteral("noweights"))}
            << "missing model.pt";
        QTest::newRow("unknown device")
            << QStringList{QStringLiteral("bench"), QStringLiteral("train"),
                           QStringLiteral("--device"), QStringLiteral("tpu")}
            << "unknown device 'tpu'";
    }

    void badInputGetsOneClearLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        // The files the rows refer to, each wrong in its own way.
        std::ofstream(path(QStringLiteral("zero.cfg")).toStdString())
            << "preset = az-tiny\nn_layer = 0\n";
        std::ofstream(path(QStringLiteral("typo.cfg")).toStdString())
            << "n_embd = 64\nnlayer = 2\n";
        std::ofstream(path(QStringLiteral("text.tokens")).toStdString())
            << "Bakı Azərbaycanın paytaxtıdır, not tokens.";
        if (!QFile::exists(path(QStringLiteral("wide.tokens")))) {
            azllm::TokenFileWriter wide(path(QStringLiteral("wide.tokens")).toStdString(), 5000);
            wide.append(std::vector<std::uint32_t>(4000, 4999));
            wide.finish();
        }
        if (!QFile::exists(path(QStringLiteral("corrupt")))) {
            std::ofstream(checkpointCopy(QStringLiteral("corrupt")).toStdString() + "/model.pt")
                << "garbage";
            replaceInFile(checkpointCopy(QStringLiteral("mismatch")) + QLatin1String("/config.txt"),
                          QStringLiteral("n_embd = 32"), QStringLiteral("n_embd = 64"));
            QVERIFY(QFile::remove(checkpointCopy(QStringLiteral("noweights")) +
                                  QLatin1String("/model.pt")));
        }

        const AzllmRun o = runAzllm(args);
        QVERIFY2(o.exitCode > 0, qPrintable(QString::number(o.exitCode) + o.err));
        const QStringList lines = o.err.trimmed().split(QLatin1Char('\n'));
        QVERIFY2(lines.size() == 1, qPrintable(o.err));
        QVERIFY2(lines.first().startsWith(QLatin1String("azllm ")), qPrintable(o.err));
        QVERIFY2(o.err.contains(expected), qPrintable(o.err));
        QVERIFY2(!o.err.contains(QLatin1String("frame #")) &&
                     !o.err.contains(QLatin1String("terminate")),
                 qPrintable(o.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
