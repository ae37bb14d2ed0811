// azllm export, import, generate --int8, chat --int8, bench generate --int8 and bench quant as a
// script would run them, on a tiny model trained in seconds on the sample dataset.
#include <QtTest>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "../chat/chat_test_support.h"
#include "azllm_process.h"

namespace {

// The last line of a command's output, as JSON.
QJsonObject lastJson(const QString &out)
{
    const QStringList lines = out.trimmed().split(QLatin1Char('\n'));
    return QJsonDocument::fromJson(lines.last().toUtf8()).object();
}

} // namespace

class TestQuantCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_run;

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        azllm::Workspace workspace(path("ws"));
        m_run = chat_test::trainSampleRun(workspace, QStringLiteral("sample"), 30);
    }

    void benchGenerateInt8PrintsBothPrecisionsFromOneRun()
    {
        const AzllmRun r =
            runAzllm({QStringLiteral("bench"), QStringLiteral("generate"),
                      QStringLiteral("--preset"), QStringLiteral("az-tiny"),
                      QStringLiteral("--vocab"), QStringLiteral("512"), QStringLiteral("--prompt"),
                      QStringLiteral("8"), QStringLiteral("--tokens"), QStringLiteral("16"),
                      QStringLiteral("--int8"), QStringLiteral("--repeats"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = lastJson(r.out);
        QCOMPARE(json[QStringLiteral("precision")].toString(), QStringLiteral("int8"));
        const double int8 = json[QStringLiteral("tokens_per_s")].toDouble();
        const double fp32 = json[QStringLiteral("fp32_tokens_per_s")].toDouble();
        QVERIFY(int8 > 0 && fp32 > 0);
        // The speeds are printed to 0.1 tokens/s, the ratio from the unrounded ones.
        const double ratio = json[QStringLiteral("ratio_vs_fp32")].toDouble();
        QVERIFY2(std::fabs(ratio - int8 / fp32) < 0.01 * ratio, qPrintable(QString::number(ratio)));
        QVERIFY(json[QStringLiteral("int8_bytes_per_token")].toDouble() <
                json[QStringLiteral("fp32_bytes_per_token")].toDouble() / 3);
    }

    void benchGenerateWithoutInt8KeepsItsKeys()
    {
        const AzllmRun r = runAzllm({QStringLiteral("bench"), QStringLiteral("generate"),
                                     QStringLiteral("--vocab"), QStringLiteral("512"),
                                     QStringLiteral("--tokens"), QStringLiteral("8")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = lastJson(r.out);
        QCOMPARE(json.keys(),
                 (QStringList{QStringLiteral("bench"), QStringLiteral("context"),
                              QStringLiteral("params"), QStringLiteral("tokens_per_s"),
                              QStringLiteral("tokens_per_s_no_cache"), QStringLiteral("ttft_ms"),
                              QStringLiteral("vocab_size")}));
    }

    void exportImportAndGenerateInInt8()
    {
        const AzllmRun exported =
            runAzllm({QStringLiteral("export"), QStringLiteral("--checkpoint"), m_run,
                      QStringLiteral("--format"), QStringLiteral("gguf"), QStringLiteral("--type"),
                      QStringLiteral("q8_0"), QStringLiteral("--out"), path("out/model.gguf")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(exported.out.contains(QStringLiteral("exported")));
        QVERIFY(QFile::exists(path("out/Modelfile")));
        const AzllmRun imported =
            runAzllm({QStringLiteral("import"), QStringLiteral("--in"), path("out/model.gguf"),
                      QStringLiteral("--out"), path("back")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY(imported.out.contains(QStringLiteral("1 layers")));
        const AzllmRun generated =
            runAzllm({QStringLiteral("generate"), QStringLiteral("--checkpoint"), path("back"),
                      QStringLiteral("--int8"), QStringLiteral("--prompt"),
                      QStringLiteral("Azərbaycan"), QStringLiteral("--tokens"), QStringLiteral("8"),
                      QStringLiteral("--temperature"), QStringLiteral("0")});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
        QVERIFY(generated.out.startsWith(QStringLiteral("Azərbaycan")));
        QVERIFY(generated.err.contains(QStringLiteral("int8")));
    }

    void chatRunsInInt8()
    {
        const AzllmRun r = runAzllm({QStringLiteral("chat"), QStringLiteral("--checkpoint"), m_run,
                                     QStringLiteral("--completion"), QStringLiteral("--int8"),
                                     QStringLiteral("--tokens"), QStringLiteral("6")},
                                    "Bak\xc4\xb1\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("> Bakı")));
        QVERIFY(r.err.contains(QStringLiteral("tokens/s")));
    }

    void benchQuantReportsSizeSpeedAndPerplexity()
    {
        const AzllmRun r = runAzllm({QStringLiteral("bench"), QStringLiteral("quant"),
                                     QStringLiteral("--checkpoint"), m_run,
                                     QStringLiteral("--max-tokens"), QStringLiteral("400")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject json = lastJson(r.out);
        QCOMPARE(json[QStringLiteral("evaluated_tokens")].toInt(), 399);
        QVERIFY(json[QStringLiteral("int8_bytes")].toDouble() <
                json[QStringLiteral("fp32_bytes")].toDouble());
        QVERIFY(std::fabs(json[QStringLiteral("perplexity_change")].toDouble()) < 0.05);
    }

    void badRequestsGetOneLine()
    {
        const AzllmRun q8hf = runAzllm(
            {QStringLiteral("export"), QStringLiteral("--checkpoint"), m_run,
             QStringLiteral("--format"), QStringLiteral("safetensors"), QStringLiteral("--type"),
             QStringLiteral("q8_0"), QStringLiteral("--out"), path("nope")});
        QCOMPARE(q8hf.exitCode, 1);
        QVERIFY(q8hf.err.contains(QStringLiteral("safetensors has no Q8_0")));
        QCOMPARE(q8hf.err.count(QLatin1Char('\n')), 1);
        QVERIFY(!QFile::exists(path("nope")));
        const AzllmRun format = runAzllm({QStringLiteral("export"), QStringLiteral("--checkpoint"),
                                          m_run, QStringLiteral("--format"), QStringLiteral("onnx"),
                                          QStringLiteral("--out"), path("nope")});
        QCOMPARE(format.exitCode, 2);
        QVERIFY(format.err.contains(QStringLiteral("gguf or safetensors")));
        QFile junk(path("junk.gguf"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("GGUF\x03\x00\x00\x00", 8);
        junk.close();
        const AzllmRun truncated =
            runAzllm({QStringLiteral("import"), QStringLiteral("--in"), path("junk.gguf"),
                      QStringLiteral("--out"), path("junk-run")});
        QCOMPARE(truncated.exitCode, 1);
        QVERIFY(truncated.err.contains(QStringLiteral("junk.gguf: truncated")));
        QCOMPARE(truncated.err.count(QLatin1Char('\n')), 1);
    }
};

QTEST_GUILESS_MAIN(TestQuantCli)
#include "test_quant_cli.moc"
