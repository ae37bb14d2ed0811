// Our GGUF in llama.cpp itself, through the npm package node-llama-cpp (its own prebuilt
// llama.cpp): the F32 export of a trained model continues a prompt greedily with the same 16
// token ids as the studio, and the Q8_0 export loads and generates. Skips, saying why, where
// Node.js is older than 20, npm is missing or the package cannot be installed.
#include <QtTest>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include "../chat/chat_test_support.h"
#include "checkpoint.h"
#include "generator.h"
#include "model_export.h"
#include "workspace.h"

using namespace azllm;

namespace {

const std::vector<int> kPrompt = {2, 40, 41, 300, 17, 9};
constexpr int kTokens = 16;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args, int timeoutMs,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Node's major version, 0 when there is no node.
int nodeMajorVersion()
{
    const Run r = run(QStringLiteral("node"), {QStringLiteral("--version")}, 30000);
    const auto match =
        QRegularExpression(QStringLiteral("^v(\\d+)\\.")).match(QString::fromUtf8(r.out));
    return r.exitCode == 0 && match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace

class TestLlamaCpp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_checkpoint;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    // llama.cpp's greedy continuation of kPrompt, or an empty list after QFAIL.
    QVector<int> llamaContinuation(const QString &gguf)
    {
        QStringList ids;
        for (int id : kPrompt)
            ids << QString::number(id);
        const Run r = run(QStringLiteral("node"),
                          {QStringLiteral(AZLLM_TEST_DIR "/llama_cpp_greedy.mjs"), gguf,
                           ids.join(QLatin1Char(',')), QString::number(kTokens)},
                          300000, m_env);
        if (r.exitCode != 0) {
            qWarning("%s", r.err.constData());
            return {};
        }
        QVector<int> tokens;
        for (const QJsonValue &t :
             QJsonDocument::fromJson(r.out).object()[QStringLiteral("tokens")].toArray())
            tokens << t.toInt();
        return tokens;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const int node = nodeMajorVersion();
        if (node == 0)
            QSKIP("Node.js is not installed: llama.cpp through node-llama-cpp cannot run here");
        if (node < 20)
            QSKIP(
                qPrintable(QStringLiteral("Node.js %1 is older than 20, which node-llama-cpp needs")
                               .arg(node)));
        const QString installDir = QStringLiteral(AZLLM_BUILD_DIR "/npm-node-llama-cpp");
        const Run install =
            run(QStringLiteral("bash"),
                {QStringLiteral(AZLLM_SOURCE_DIR "/scripts/install_node_llama_cpp.sh"), installDir},
                900000);
        if (install.exitCode != 0)
            QSKIP(qPrintable(QStringLiteral("node-llama-cpp could not be installed (offline?): ") +
                             QString::fromUtf8(install.err.right(300))));
        m_env.insert(QStringLiteral("NODE_LLAMA_DIR"), installDir);

        Workspace workspace(m_dir.filePath(QStringLiteral("ws")));
        const QString runDir = chat_test::trainSampleRun(workspace, QStringLiteral("sample"), 60);
        m_checkpoint = latestCheckpoint(runDir.toStdString())->path;
    }

    void f32ExportContinuesWithOurTokens()
    {
        const std::string gguf = m_dir.filePath(QStringLiteral("f32.gguf")).toStdString();
        exportModel({m_checkpoint, ExportFormat::Gguf, quant::ExportType::F32, gguf, {}});
        GenerationParams greedy;
        greedy.sampling.temperature = 0;
        greedy.maxNewTokens = kTokens;
        greedy.endOfText = -1;
        Generator ours(LanguageModel::fromCheckpoint(m_checkpoint, "cpu"));
        const std::vector<int> expected = ours.generate(kPrompt, greedy);
        const QVector<int> theirs = llamaContinuation(QString::fromStdString(gguf));
        QCOMPARE(theirs.size(), kTokens);
        QCOMPARE(theirs, QVector<int>(expected.begin(), expected.end()));
    }

    void q8ExportLoadsAndGenerates()
    {
        const std::string gguf = m_dir.filePath(QStringLiteral("q8.gguf")).toStdString();
        exportModel({m_checkpoint, ExportFormat::Gguf, quant::ExportType::Q8_0, gguf, {}});
        const QVector<int> tokens = llamaContinuation(QString::fromStdString(gguf));
        QCOMPARE(tokens.size(), kTokens);
        for (int id : tokens)
            QVERIFY(id >= 0 && id < 2000);
    }
};

QTEST_GUILESS_MAIN(TestLlamaCpp)
#include "test_llama_cpp.moc"
