// Model configs, presets, config files and the sizing functions the configurator will show.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "checkpoint.h"
#include "config_io.h"
#include "durable_io.h"
#include "language_model.h"
#include "model_sizing.h"

using namespace azllm;

class TestModelConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetsHaveTheCoursesShapes()
    {
        const ModelConfig m100 = presetConfig("az-100m"), m300 = presetConfig("az-300m"),
                          m700 = presetConfig("az-700m");
        QCOMPARE(m100.nEmbd, 768);
        QCOMPARE(m100.nLayer, 12);
        QCOMPARE(m100.nHead, 12);
        QCOMPARE(m300.nEmbd, 1024);
        QCOMPARE(m300.nLayer, 24);
        QCOMPARE(m300.nHead, 16);
        QCOMPARE(m700.nEmbd, 1536);
        QCOMPARE(m700.nLayer, 32);
        QCOMPARE(m700.nHead, 24);
        QCOMPARE(m100.contextLength, 1024);
        QCOMPARE(presetConfig("az-tiny").contextLength, 256);
        QCOMPARE(presetConfig("az-mini").nEmbd, 384);
        for (const ModelPreset &p : modelPresets())
            QVERIFY2(validate(p.config).empty(), p.name.c_str());
    }

    void unknownPresetNamesTheKnownOnes()
    {
        try {
            presetConfig("az-5b");
            QFAIL("an unknown preset was accepted");
        } catch (const std::invalid_argument &e) {
            QVERIFY(QString::fromLatin1(e.what()).contains(QLatin1String("az-100m")));
        }
    }

    void validationNamesEachProblem()
    {
        ModelConfig c = presetConfig("az-tiny");
        c.nHead = 3;
        QCOMPARE(validate(c).size(), std::size_t(1));
        QVERIFY(QString::fromStdString(validate(c)[0]).contains(QLatin1String("divisible")));
        c.nLayer = 0;
        c.vocabSize = -5;
        QCOMPARE(validate(c).size(), std::size_t(3));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, requireValid(c));
    }

    // The count comes from the formula; the module is built and counted for every preset.
    void parameterCountMatchesTheInstantiatedModule_data()
    {
        QTest::addColumn<QString>("preset");
        for (const ModelPreset &p : modelPresets())
            QTest::newRow(p.name.c_str()) << QString::fromStdString(p.name);
    }

    void parameterCountMatchesTheInstantiatedModule()
    {
        QFETCH(QString, preset);
        const ModelConfig config = presetConfig(preset.toStdString());
        const LanguageModel model = LanguageModel::create(config, 1, "cpu");
        QCOMPARE(model.parameterCount(), countParameters(config).total());
    }

    void breakdownAddsUpAndMatchesHandCounts()
    {
        ModelConfig c;
        c.vocabSize = 10;
        c.contextLength = 4;
        c.nEmbd = 8;
        c.nLayer = 1;
        c.nHead = 2;
        const ParameterCount p = countParameters(c);
        QCOMPARE(p.embeddings, 10 * 8 + 4 * 8);
        QCOMPARE(p.attention, (8 * 24 + 24) + (8 * 8 + 8));
        QCOMPARE(p.mlp, (8 * 32 + 32) + (32 * 8 + 8));
        QCOMPARE(p.norms, 3 * 16);
        QCOMPARE(p.total(), p.embeddings + p.attention + p.mlp + p.norms);
        QCOMPARE(weightBytes(c).fp32, 4 * p.total());
        QCOMPARE(weightBytes(c).bf16, 2 * p.total());
        // Q8_0: 82 matrix rows (token table 10, q/k/v 24, projection 8, MLP 32 + 8) of 8 values,
        // each one padded 34-byte block; the position table (32), biases (72) and norms (48)
        // in fp32.
        QCOMPARE(weightBytes(c).int8, 82 * 34 + 4 * (32 + 72 + 48));
    }

    void int8IsQ8_0sThirtyFourBytesPerThirtyTwoWeights()
    {
        const ModelConfig c = presetConfig("az-100m");
        const ParameterCount p = countParameters(c);
        const std::int64_t blockValues = p.matmul - 12 * (3 * 768 + 768 + 4 * 768 + 768);
        const std::int64_t rest = p.total() - blockValues;
        QCOMPARE(weightBytes(c).int8, blockValues / 32 * 34 + 4 * rest);
    }

    void az700mIsReallyAboutOneBillion()
    {
        const double n = double(countParameters(presetConfig("az-700m")).total());
        QVERIFY(n > 0.9e9 && n < 1.0e9);
    }

    void memoryEstimatesBehave()
    {
        const ModelConfig m = presetConfig("az-100m");
        const TrainingMemory full = trainingMemory(m, 8, 1024, false);
        const TrainingMemory checkpointed = trainingMemory(m, 8, 1024, true);
        QCOMPARE(full.optimizer, 2 * full.weights);
        QCOMPARE(full.gradients, full.weights);
        QVERIFY(checkpointed.activations < full.activations / 2);
        QVERIFY(trainingMemory(m, 16, 1024, false).activations > full.activations);
        const InferenceMemory inf = inferenceMemory(m, 1, 1024);
        QCOMPARE(inf.kvCache, std::int64_t(4) * 2 * 12 * 1024 * 768);
    }

    void flopsFollowSixN()
    {
        const ModelConfig m = presetConfig("az-100m");
        const double n = double(countParameters(m).matmul);
        QCOMPARE(trainingFlopsPerToken(m, 1024), 6 * n + 12.0 * 12 * 1024 * 768);
        QCOMPARE(forwardFlopsPerToken(m, 1), 2 * n + 4.0 * 12 * 768);
    }

    void configTextRoundTrips()
    {
        RunConfig c;
        c.model = presetConfig("az-mini");
        c.train.learningRate = 3.25e-4;
        c.train.trainData = "/data/train set.tokens";
        c.train.seed = 99;
        const RunConfig back = parseConfigText(formatConfig(c), "round-trip");
        QVERIFY(back.model == c.model);
        QCOMPARE(back.train.learningRate, 3.25e-4);
        QCOMPARE(back.train.trainData, c.train.trainData);
        QCOMPARE(back.train.seed, std::uint64_t(99));
    }

    // precision (issue 12) is written only when it is not the default, so an fp32 run's
    // config.txt reads as before the key existed; a 16-bit one round-trips.
    void precisionKeyIsWrittenOnlyWhenNotFp32()
    {
        RunConfig c;
        QVERIFY(formatConfig(c).find("precision") == std::string::npos);
        c.train.precision = "bf16";
        const std::string text = formatConfig(c);
        QVERIFY(text.find("precision = bf16\n") != std::string::npos);
        QCOMPARE(parseConfigText(text, "bf16").train.precision, std::string("bf16"));
        QCOMPARE(parseConfigText("n_layer = 2\n", "old").train.precision, std::string("fp32"));
    }

    void presetLineAppliesFirst()
    {
        const RunConfig c = parseConfigText("n_layer = 2\npreset = az-100m\n", "x.cfg");
        QCOMPARE(c.model.nEmbd, 768);
        QCOMPARE(c.model.nLayer, 2);
    }

    void configErrorsNameFileAndLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key") << "n_embd = 64\nlayers = 3\n"
                                     << "run.cfg:2: unknown key 'layers'";
        QTest::newRow("not a number") << "# comment\n\nbatch_size = many\n"
                                      << "run.cfg:3: batch_size: 'many'";
        QTest::newRow("no equals") << "max_steps 10\n"
                                   << "run.cfg:1: expected 'key = value'";
        QTest::newRow("bad preset") << "preset = az-9\n"
                                    << "run.cfg:1: unknown preset 'az-9'";
    }

    void configErrorsNameFileAndLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        try {
            parseConfigText(text.toStdString(), "run.cfg");
            QFAIL("bad config text was accepted");
        } catch (const std::invalid_argument &e) {
            QVERIFY2(QString::fromStdString(e.what()).startsWith(expected), e.what());
        }
    }

    // A checkpoint folder replacing one of the same step: the new content under the name, the old
    // one gone, nothing left beside them.
    void replaceDirectorySwapsFoldersWhole()
    {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const auto folderWith = [&](const char *name, const char *text) {
            std::filesystem::create_directories(root / name);
            writeFileAtomically((root / name / "state.txt").string(), text);
        };
        folderWith("step-1.tmp", "first");
        replaceDirectory((root / "step-1.tmp").string(), (root / "step-1").string());
        QCOMPARE(readTextFile((root / "step-1" / "state.txt").string()), std::string("first"));
        folderWith("step-1.tmp", "second");
        replaceDirectory((root / "step-1.tmp").string(), (root / "step-1").string());
        QCOMPARE(readTextFile((root / "step-1" / "state.txt").string()), std::string("second"));
        std::vector<std::string> left;
        for (const auto &entry : std::filesystem::directory_iterator(root))
            left.push_back(entry.path().filename().string());
        QCOMPARE(left, std::vector<std::string>{"step-1"});
    }

    void atomicWriteReplacesWholeFiles()
    {
        QTemporaryDir dir;
        const std::string path = QString(dir.path() + QLatin1String("/c.txt")).toStdString();
        writeFileAtomically(path, "first");
        writeFileAtomically(path, "second");
        QCOMPARE(readTextFile(path), std::string("second"));
        QVERIFY(!QFile::exists(QString::fromStdString(path + ".tmp")));
    }

    // A checkpoint saved before window_keying existed keeps the keying it trained with; a new
    // run, or a config file without the key, gets the one that ignores the world size.
    void windowKeyingDefaultsByWhereTheConfigComesFrom()
    {
        QCOMPARE(RunConfig{}.train.windowKeying, std::string(kWindowKeyingGlobalRow));
        QCOMPARE(parseConfigText("max_steps = 5\n", "new.cfg").train.windowKeying,
                 std::string(kWindowKeyingGlobalRow));
        QTemporaryDir dir;
        const std::string checkpoint = dir.path().toStdString();
        std::string saved = formatConfig(RunConfig{});
        saved.erase(saved.find("window_keying"));
        writeFileAtomically(checkpoint + "/config.txt", saved);
        QCOMPARE(readCheckpointConfig(checkpoint).train.windowKeying,
                 std::string(kWindowKeyingMicroBatchRow));
        writeFileAtomically(checkpoint + "/config.txt", saved + "window_keying = global_row\n");
        QCOMPARE(readCheckpointConfig(checkpoint).train.windowKeying,
                 std::string(kWindowKeyingGlobalRow));
    }
};

QTEST_APPLESS_MAIN(TestModelConfig)
#include "test_model_config.moc"
