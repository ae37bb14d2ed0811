// Export and import: GGUF and safetensors of a trained sample model, read back by us and by
// independent readers written from the formats' specifications (bench/gguf_reader.py,
// bench/safetensors_check.py with the PyTorch reference model); round trips with identical
// logits; damaged and lying files refused with a sentence; nothing half-written.
#include <QtTest>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <fstream>

#include "../chat/chat_test_support.h"
#include "checkpoint.h"
#include "generator.h"
#include "gguf.h"
#include "gguf_model.h"
#include "hf_model.h"
#include "model_export.h"
#include "model_import.h"
#include "model_weights_bridge.h"
#include "safetensors.h"
#include "tokenizer.h"
#include "workspace.h"

using namespace azllm;

namespace {

const std::vector<int> kProbe = {2, 40, 41, 300, 17, 9, 1200, 77};

// Logits after every token of kProbe, through LibTorch (the engine's own forward pass).
std::vector<float> logitsOf(const std::string &checkpoint)
{
    Generator g(LanguageModel::fromCheckpoint(checkpoint, "cpu"), Precision::Fp32,
                DecodePath::LibTorch);
    std::vector<float> all;
    for (std::size_t i = 0; i < kProbe.size(); ++i) {
        const std::vector<float> l = g.nextTokenLogits(kProbe, i);
        all.insert(all.end(), l.begin(), l.end());
    }
    return all;
}

double maxDifference(const std::vector<float> &a, const std::vector<float> &b)
{
    double worst = a.size() == b.size() ? 0 : 1e30;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        worst = std::max(worst, double(std::fabs(a[i] - b[i])));
    return worst;
}

bool pythonHasTorch()
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), QStringLiteral("import torch")});
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString benchScript(const char *name)
{
    return QStringLiteral(AZLLM_SOURCE_DIR "/bench/") + QLatin1String(name);
}

std::string cut(const std::string &path, std::uint64_t keep, const QString &to)
{
    QFile in(QString::fromStdString(path));
    in.open(QIODevice::ReadOnly);
    QFile out(to);
    out.open(QIODevice::WriteOnly);
    out.write(in.read(qint64(keep)));
    return to.toStdString();
}

// Files left in a folder whose name says they are temporary.
QStringList leftovers(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.part-*"), QStringLiteral("*.old.part-*")},
                               QDir::AllEntries | QDir::Hidden);
}

template <typename Error, typename F> QString messageOf(F &&f)
{
    try {
        f();
    } catch (const Error &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

// A safetensors file: the header's length, the header, then dataBytes zero bytes.
std::string safetensorsFile(const QString &file, const std::string &header,
                            std::size_t dataBytes = 0)
{
    const std::uint64_t length = header.size();
    std::ofstream out(file.toStdString(), std::ios::binary);
    out.write(reinterpret_cast<const char *>(&length), 8);
    out << header << std::string(dataBytes, '\0');
    return file.toStdString();
}

// A GGUF with one F32 tensor whose two dimensions are 2^32 each, and no data.
std::string wrappingTensorGguf(const QString &file)
{
    std::string bytes = "GGUF";
    const auto put = [&bytes](auto value) {
        bytes.append(reinterpret_cast<const char *>(&value), sizeof value);
    };
    put(std::uint32_t(3));                      // version
    put(std::uint64_t(1));                      // tensors
    put(std::uint64_t(0));                      // metadata keys
    put(std::uint64_t(1));                      // name length
    bytes += 'w';                               // name
    put(std::uint32_t(2));                      // dimensions
    put(std::uint64_t(1) << 32);                // ne0
    put(std::uint64_t(1) << 32);                // ne1
    put(std::uint32_t(0));                      // F32
    put(std::uint64_t(0));                      // offset
    bytes.append(32 - bytes.size() % 32, '\0'); // to the data section's alignment
    std::ofstream(file.toStdString(), std::ios::binary) << bytes;
    return file.toStdString();
}

} // namespace

class TestModelFiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::string m_checkpoint;
    std::vector<float> m_logits;

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        m_workspace = std::make_unique<Workspace>(m_dir.filePath(QStringLiteral("ws")));
        const QString run = chat_test::trainSampleRun(*m_workspace, QStringLiteral("sample"), 30);
        m_checkpoint = latestCheckpoint(run.toStdString())->path;
        m_logits = logitsOf(m_checkpoint);
    }

    void ggufF32RoundTripGivesIdenticalLogits()
    {
        ExportRequest request{m_checkpoint,
                              ExportFormat::Gguf,
                              quant::ExportType::F32,
                              path("model-f32.gguf").toStdString(),
                              {}};
        const ExportResult result = exportModel(request);
        QVERIFY(!result.cancelled);
        QCOMPARE(result.files.size(), std::size_t(2));
        QVERIFY(QFile::exists(path("Modelfile")));
        const ImportResult back = importModel(request.out, path("imported-gguf").toStdString());
        QCOMPARE(back.format, std::string("gguf"));
        const double diff = maxDifference(logitsOf(back.checkpoint), m_logits);
        QVERIFY2(diff <= 1e-5, qPrintable(QString::number(diff)));
    }

    void safetensorsRoundTripGivesIdenticalLogits()
    {
        ExportRequest request{m_checkpoint,
                              ExportFormat::Safetensors,
                              quant::ExportType::F32,
                              path("hf").toStdString(),
                              {}};
        exportModel(request);
        for (const char *file : {"model.safetensors", "config.json", "tokenizer.model",
                                 "tokenizer_config.json", "special_tokens_map.json", "README.md"})
            QVERIFY2(QFile::exists(path("hf/") + QLatin1String(file)), file);
        const ImportResult back = importModel(request.out, path("imported-hf").toStdString());
        const double diff = maxDifference(logitsOf(back.checkpoint), m_logits);
        QVERIFY2(diff <= 1e-5, qPrintable(QString::number(diff)));
    }

    void theImportedTokenizerEncodesAsTheOriginal()
    {
        const ExportRequest request{m_checkpoint,
                                    ExportFormat::Gguf,
                                    quant::ExportType::F32,
                                    path("tok.gguf").toStdString(),
                                    {}};
        exportModel(request);
        const ImportResult back = importModel(request.out, path("imported-tok").toStdString());
        const Tokenizer original = Tokenizer::load(
            m_workspace->datasetDir(QStringLiteral("sample")).toStdString() + "/tokenizer.model");
        const Tokenizer rebuilt = Tokenizer::load(back.runDir + "/tokenizer.model");
        const std::string text = "Bakı Azərbaycanın paytaxtıdır. Xəzər dənizi 2024-cü ildə! ☃";
        QCOMPARE(rebuilt.encode(text), original.encode(text));
        QCOMPARE(rebuilt.decode(original.encode(text)), text);
    }

    void q8ExportIsAQuarterOfF32AndImportsClose()
    {
        const ExportResult f32 = exportModel({m_checkpoint,
                                              ExportFormat::Gguf,
                                              quant::ExportType::F32,
                                              path("a.gguf").toStdString(),
                                              {}});
        const ExportResult q8 = exportModel({m_checkpoint,
                                             ExportFormat::Gguf,
                                             quant::ExportType::Q8_0,
                                             path("b.gguf").toStdString(),
                                             {}});
        const double ratio = double(q8.bytes) / double(f32.bytes);
        QVERIFY2(ratio < 0.45, qPrintable(QString::number(ratio))); // the vocabulary stays as is
        const ImportResult back =
            importModel(path("b.gguf").toStdString(), path("imported-q8").toStdString());
        const double diff = maxDifference(logitsOf(back.checkpoint), m_logits);
        QVERIFY2(diff > 0 && diff < 0.05, qPrintable(QString::number(diff)));
        const quant::GgufReader file(path("b.gguf").toStdString());
        QCOMPARE(file.tensor("blk.0.ffn_up.weight")->type, quant::GgmlType::Q8_0);
        QCOMPARE(file.tensor("blk.0.ffn_up.bias")->type, quant::GgmlType::F32);
        QCOMPARE(file.tensor("position_embd.weight")->type, quant::GgmlType::F32);
        QCOMPARE(file.number("general.file_type"), 7.0);
    }

    // The header, metadata and tensor table as an independent reader sees them.
    void independentReaderSeesTheGgufWeWrote()
    {
        const QString file = path("model-f32.gguf");
        QProcess reader;
        reader.start(QStringLiteral("/usr/bin/python3"),
                     {benchScript("gguf_reader.py"), file, QStringLiteral("--values"),
                      QStringLiteral("token_embd.weight"), QStringLiteral("output.weight")});
        QVERIFY(reader.waitForFinished(60000));
        QCOMPARE(reader.exitCode(), 0);
        const QJsonObject json = QJsonDocument::fromJson(reader.readAllStandardOutput()).object();
        QCOMPARE(json[QStringLiteral("version")].toInt(), 3);
        const QJsonObject meta = json[QStringLiteral("metadata")].toObject();
        QCOMPARE(meta[QStringLiteral("general.architecture")].toString(), QStringLiteral("gpt2"));
        QCOMPARE(meta[QStringLiteral("tokenizer.ggml.model")].toString(), QStringLiteral("llama"));
        QCOMPARE(meta[QStringLiteral("tokenizer.ggml.add_bos_token")].toBool(), false);
        QCOMPARE(meta[QStringLiteral("tokenizer.ggml.bos_token_id")].toInt(), 2);
        QCOMPARE(meta[QStringLiteral("gpt2.block_count")].toInt(), 1);
        QCOMPARE(meta[QStringLiteral("gpt2.embedding_length")].toInt(), 32);
        QVERIFY(meta[QStringLiteral("tokenizer.chat_template")].toString().contains(
            QStringLiteral("<|assistant|>")));
        const QJsonObject tokens = meta[QStringLiteral("tokenizer.ggml.tokens")].toObject();
        QCOMPARE(tokens[QStringLiteral("length")].toInt(), 2000);
        QCOMPARE(tokens[QStringLiteral("head")].toArray()[2].toString(), QStringLiteral("</s>"));
        const QJsonArray types = meta[QStringLiteral("tokenizer.ggml.token_type")]
                                     .toObject()[QStringLiteral("head")]
                                     .toArray();
        QCOMPARE(types[0].toInt(), 2); // <unk>
        QCOMPARE(types[2].toInt(), 3); // </s>: control
        QCOMPARE(types[4].toInt(), 4); // <|system|>: user-defined
        // 4 top-level tensors, 12 per block, and output.weight.
        const QJsonArray tensors = json[QStringLiteral("tensors")].toArray();
        QCOMPARE(tensors.size(), 4 + 12 + 1);
        bool sawQkv = false;
        for (const QJsonValue &t : tensors)
            if (t[QStringLiteral("name")] == QStringLiteral("blk.0.attn_qkv.weight")) {
                sawQkv = true;
                QCOMPARE(t[QStringLiteral("dims")].toArray(),
                         (QJsonArray{32, 96})); // innermost first
                QCOMPARE(t[QStringLiteral("type")].toString(), QStringLiteral("F32"));
            }
        QVERIFY(sawQkv);
        const QJsonObject values = json[QStringLiteral("values")].toObject();
        QCOMPARE(values[QStringLiteral("output.weight")],
                 values[QStringLiteral("token_embd.weight")]);
        // The first values match the checkpoint's own token table.
        const quant::ModelWeights weights =
            copyWeights(LanguageModel::fromCheckpoint(m_checkpoint, "cpu"));
        const QJsonArray first = values[QStringLiteral("token_embd.weight")].toArray();
        for (int i = 0; i < first.size(); ++i)
            QCOMPARE(float(first[i].toDouble()),
                     weights.find("wte.weight")->values[std::size_t(i)]);
    }

    // The PyTorch reference model, loaded through a reader written from the specification,
    // computes the same logits as the engine.
    void referenceModelReadsTheSafetensorsExport()
    {
        if (!pythonHasTorch())
            QSKIP("/usr/bin/python3 has no torch (python3-torch): the reference check cannot run");
        const QString logits = path("logits.f32");
        QFile out(logits);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(reinterpret_cast<const char *>(m_logits.data()), qint64(m_logits.size() * 4));
        out.close();
        QStringList ids;
        for (int id : kProbe)
            ids << QString::number(id);
        QProcess check;
        check.start(QStringLiteral("/usr/bin/python3"),
                    {benchScript("safetensors_check.py"), path("hf"), QStringLiteral("--tokens"),
                     ids.join(QLatin1Char(',')), QStringLiteral("--logits"), logits});
        QVERIFY(check.waitForFinished(120000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
        QVERIFY(check.readAllStandardOutput().contains("max_abs_diff"));
    }

    void truncatedAndLyingGgufFilesAreRefused()
    {
        const std::string good = path("model-f32.gguf").toStdString();
        const auto size = std::uint64_t(QFileInfo(path("model-f32.gguf")).size());
        QVERIFY(messageOf<quant::GgufError>([&] {
                    quant::GgufReader r(cut(good, size - 100, path("short.gguf")));
                }).contains(QStringLiteral("truncated: tensor 'output.weight'")));
        QVERIFY(messageOf<quant::GgufError>([&] {
                    quant::GgufReader r(cut(good, 20, path("stub.gguf")));
                }).contains(QStringLiteral("truncated")));
        QVERIFY(messageOf<quant::GgufError>([&] {
                    quant::GgufReader r(path("hf/config.json").toStdString());
                }).contains(QStringLiteral("not a GGUF file")));
        // A header that claims 2^40 tensors.
        QFile lying(path("lying.gguf"));
        QVERIFY(lying.open(QIODevice::WriteOnly));
        const std::uint32_t version = 3;
        const std::uint64_t tensors = std::uint64_t(1) << 40, keys = 0;
        lying.write("GGUF", 4);
        lying.write(reinterpret_cast<const char *>(&version), 4);
        lying.write(reinterpret_cast<const char *>(&tensors), 8);
        lying.write(reinterpret_cast<const char *>(&keys), 8);
        lying.close();
        const QString message = messageOf<std::runtime_error>(
            [&] { importModel(path("lying.gguf").toStdString(), path("never").toStdString()); });
        QVERIFY2(message.contains(QStringLiteral("more than the file can hold")),
                 qPrintable(message));
        QVERIFY(!QFileInfo::exists(path("never")));
        // A tensor of 2^32 x 2^32 values: the count wraps to 0 in 64 bits, which once passed
        // every size check (and was undefined behaviour on the way).
        QVERIFY(messageOf<quant::GgufError>([&] {
                    quant::GgufReader r(wrappingTensorGguf(path("wrapping.gguf")));
                }).contains(QStringLiteral("more than the file holds")));
    }

    void byteLevelBpeGgufIsRefusedWithAReason()
    {
        const quant::ModelWeights weights =
            copyWeights(LanguageModel::fromCheckpoint(m_checkpoint, "cpu"));
        quant::GgufWriter w;
        w.setString("general.architecture", "gpt2");
        w.setString("tokenizer.ggml.model", "gpt2");
        w.addTensor("token_embd.weight", weights.tensors[0].shape, quant::GgmlType::F32,
                    weights.tensors[0].values.data());
        QVERIFY(w.write(path("bpe.gguf").toStdString()));
        const QString message = messageOf<std::runtime_error>(
            [&] { importModel(path("bpe.gguf").toStdString(), path("bpe-run").toStdString()); });
        QVERIFY2(message.contains(QStringLiteral("byte-level BPE")), qPrintable(message));
    }

    void truncatedAndLyingSafetensorsAreRefused()
    {
        const std::string good = path("hf/model.safetensors").toStdString();
        const auto size = std::uint64_t(QFileInfo(path("hf/model.safetensors")).size());
        QVERIFY(messageOf<quant::SafetensorsError>([&] {
                    quant::SafetensorsReader r(cut(good, size - 4, path("short.safetensors")));
                }).contains(QStringLiteral("truncated")));
        QVERIFY(messageOf<quant::SafetensorsError>([&] {
                    quant::SafetensorsReader r(cut(good, 6, path("stub.safetensors")));
                }).contains(QStringLiteral("truncated")));
        // A header whose offsets leave a hole, and one whose length runs past the file.
        const std::string header =
            R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[12,16]}})";
        QVERIFY(messageOf<quant::SafetensorsError>([&] {
                    quant::SafetensorsReader r(
                        safetensorsFile(path("hole.safetensors"), header, 16));
                }).contains(QStringLiteral("hole")));
        const std::uint64_t huge = 1u << 30;
        std::ofstream claims(path("claims.safetensors").toStdString(), std::ios::binary);
        claims.write(reinterpret_cast<const char *>(&huge), 8);
        claims << "{}";
        claims.close();
        QVERIFY(messageOf<quant::SafetensorsError>([&] {
                    quant::SafetensorsReader r(path("claims.safetensors").toStdString());
                }).contains(QStringLiteral("claims")));
        // 2^32 x 2^32 values in zero bytes: the count wraps to 0 in 64 bits.
        const std::string wrapping =
            R"({"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,0]}})";
        QVERIFY(messageOf<quant::SafetensorsError>([&] {
                    quant::SafetensorsReader r(
                        safetensorsFile(path("wrapping.safetensors"), wrapping));
                }).contains(QStringLiteral("more than the file holds")));
        // Malformed JSON, in the header and in config.json, is a SafetensorsError like the rest.
        const std::string broken = R"({"a":{"dtype":"F32",)";
        QVERIFY(messageOf<quant::SafetensorsError>([&] {
                    quant::SafetensorsReader r(
                        safetensorsFile(path("malformed.safetensors"), broken));
                }).contains(QStringLiteral("invalid JSON")));
        QDir().mkpath(path("bad-config"));
        for (const QString &name : QDir(path("hf")).entryList(QDir::Files))
            QVERIFY(QFile::copy(path("hf/") + name, path("bad-config/") + name));
        QFile config(path("bad-config/config.json"));
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write("{\"model_type\": ");
        config.close();
        QVERIFY(messageOf<quant::SafetensorsError>([&] {
                    quant::readHuggingFaceModel(path("bad-config").toStdString());
                }).contains(QStringLiteral("config.json")));
    }

    void cancelledOrFailedExportsLeaveNothing()
    {
        const auto cancelAtHalf = [](const std::string &, double fraction) {
            return fraction < 0.5;
        };
        const ExportResult gguf = exportModel({m_checkpoint,
                                               ExportFormat::Gguf,
                                               quant::ExportType::F32,
                                               path("cancel/x.gguf").toStdString(),
                                               {}},
                                              cancelAtHalf);
        QVERIFY(gguf.cancelled);
        QVERIFY(!QFileInfo::exists(path("cancel/x.gguf")));
        QVERIFY(!QFileInfo::exists(path("cancel/Modelfile")));
        QVERIFY(leftovers(path("cancel")).isEmpty());
        const ExportResult hf = exportModel({m_checkpoint,
                                             ExportFormat::Safetensors,
                                             quant::ExportType::F16,
                                             path("cancel/hf").toStdString(),
                                             {}},
                                            cancelAtHalf);
        QVERIFY(hf.cancelled);
        QVERIFY(!QFileInfo::exists(path("cancel/hf")));
        QVERIFY(leftovers(path("cancel")).isEmpty());
        // An earlier export under that name survives a cancelled one.
        exportModel({m_checkpoint,
                     ExportFormat::Gguf,
                     quant::ExportType::F32,
                     path("cancel/x.gguf").toStdString(),
                     {}});
        exportModel({m_checkpoint,
                     ExportFormat::Gguf,
                     quant::ExportType::Q8_0,
                     path("cancel/x.gguf").toStdString(),
                     {}},
                    cancelAtHalf);
        QCOMPARE(quant::GgufReader(path("cancel/x.gguf").toStdString()).number("general.file_type"),
                 0.0);
        // A destination that cannot be written: an error naming it, and no debris.
        QFile blocker(path("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString message = messageOf<std::exception>([&] {
            exportModel({m_checkpoint,
                         ExportFormat::Gguf,
                         quant::ExportType::F32,
                         path("blocker/sub/x.gguf").toStdString(),
                         {}});
        });
        QVERIFY2(message.contains(QStringLiteral("blocker")), qPrintable(message));
        QVERIFY(message.size() < 400);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, exportModel({m_checkpoint,
                                                                     ExportFormat::Safetensors,
                                                                     quant::ExportType::Q8_0,
                                                                     path("q8-hf").toStdString(),
                                                                     {}}));
        QVERIFY(!QFileInfo::exists(path("q8-hf")));
    }

    void runKindsAreReadAndAdaptersNeedTheMerger()
    {
        // A copy of the run whose config says kind = classify (issue 9's key).
        const QString run = path("classify-run");
        const std::string copy = saveWeightsAsCheckpoint(
            run.toStdString(), readCheckpointConfig(m_checkpoint),
            copyWeights(LanguageModel::fromCheckpoint(m_checkpoint, "cpu")), 7);
        QFile config(QString::fromStdString(copy) + QStringLiteral("/config.txt"));
        QVERIFY(config.open(QIODevice::Append));
        config.write("kind = classify\n");
        config.close();
        QCOMPARE(checkpointKind(copy), std::string("classify"));
        QCOMPARE(checkpointKind(m_checkpoint), std::string("pretrain")); // no kind: pretrain
        // A checkpoint with LoRA adapters beside its weights needs the fine-tuning merger.
        const QString lora = path("lora-run");
        const std::string withAdapters = saveWeightsAsCheckpoint(
            lora.toStdString(), readCheckpointConfig(m_checkpoint),
            copyWeights(LanguageModel::fromCheckpoint(m_checkpoint, "cpu")), 3);
        QFile(QString::fromStdString(withAdapters) + QStringLiteral("/lora.pt"))
            .open(QIODevice::WriteOnly);
        const QString message = messageOf<std::runtime_error>([&] {
            exportModel({withAdapters,
                         ExportFormat::Gguf,
                         quant::ExportType::F32,
                         path("lora.gguf").toStdString(),
                         {}});
        });
        QVERIFY2(message.contains(QStringLiteral("LoRA adapters")), qPrintable(message));
        bool merged = false;
        ExportRequest request{withAdapters, ExportFormat::Gguf, quant::ExportType::F32,
                              path("lora.gguf").toStdString(), [&](const std::string &dir) {
                                  merged = dir == withAdapters;
                                  return copyWeights(LanguageModel::fromCheckpoint(dir, "cpu"));
                              }};
        const ExportResult result = exportModel(request);
        QVERIFY(merged);
        QVERIFY(std::find(result.notes.begin(), result.notes.end(),
                          "LoRA adapters merged into the weights") != result.notes.end());
    }
};

QTEST_GUILESS_MAIN(TestModelFiles)
#include "test_model_files.moc"
