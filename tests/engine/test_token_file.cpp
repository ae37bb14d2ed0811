// Token files: what the trainer reads, checked on every way a file can be wrong.
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>

#include "token_file.h"
#include "train_config.h"
#include "training_data.h"

using namespace azllm;

class TestTokenFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char *name) const
    {
        return QString(m_dir.path() + QLatin1Char('/') + QLatin1String(name)).toStdString();
    }

    void writeTokens(const std::string &file, std::uint32_t vocab,
                     const std::vector<std::uint32_t> &tokens)
    {
        TokenFileWriter writer(file, vocab);
        writer.append(tokens);
        writer.finish();
    }

    void expectError(const std::string &file, const char *fragment)
    {
        try {
            TokenFile tokens(file);
            QFAIL("a bad token file was accepted");
        } catch (const std::runtime_error &e) {
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.contains(QString::fromStdString(file)), qPrintable(message));
            QVERIFY2(message.contains(QLatin1String(fragment)), qPrintable(message));
        }
    }

    static std::uint64_t splitMix(std::uint64_t x)
    {
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }

    // 5000 tokens counting 0..996 over and over: a window's first token tells where it starts.
    TrainConfig countingConfig(std::int64_t batch)
    {
        if (!std::filesystem::exists(path("counting.tokens"))) {
            std::vector<std::uint32_t> tokens(5000);
            for (std::size_t i = 0; i < tokens.size(); ++i)
                tokens[i] = std::uint32_t(i % 997);
            writeTokens(path("counting.tokens"), 1000, tokens);
        }
        TrainConfig config;
        config.trainData = path("counting.tokens");
        config.batchSize = batch;
        return config;
    }

private Q_SLOTS:
    void roundTripsNarrowAndWideTokens_data()
    {
        QTest::addColumn<quint32>("vocab");
        QTest::addColumn<quint32>("width");
        QTest::newRow("uint16") << 65536u << 2u;
        QTest::newRow("uint32") << 100000u << 4u;
    }

    void roundTripsNarrowAndWideTokens()
    {
        QFETCH(quint32, vocab);
        QFETCH(quint32, width);
        const std::vector<std::uint32_t> tokens = {0, 1, 2, vocab - 1, 7, vocab / 2};
        writeTokens(path("round.tokens"), vocab, tokens);
        TokenFile file(path("round.tokens"));
        QCOMPARE(file.tokenBytes(), width);
        QCOMPARE(file.vocabSize(), vocab);
        QCOMPARE(file.size(), quint64(tokens.size()));
        for (std::size_t i = 0; i < tokens.size(); ++i)
            QCOMPARE(file.at(i), tokens[i]);
        std::vector<std::int64_t> copied(3);
        file.copyTo(2, 3, copied.data());
        QCOMPARE(copied[1], std::int64_t(vocab - 1));
        QCOMPARE(std::filesystem::file_size(path("round.tokens")),
                 kTokenFileHeaderBytes + tokens.size() * width);
    }

    void refusesTokensOutsideTheVocabulary()
    {
        TokenFileWriter writer(path("outside.tokens"), 10);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, writer.append({3, 10}));
    }

    void anUnfinishedWriterLeavesNothingBehind()
    {
        {
            TokenFileWriter writer(path("cancelled.tokens"), 100);
            writer.append({1, 2, 3});
        }
        QVERIFY(!std::filesystem::exists(path("cancelled.tokens")));
        QVERIFY(!std::filesystem::exists(path("cancelled.tokens.tmp")));
    }

    void reportsABadMagic()
    {
        std::ofstream(path("text.tokens")) << "this is plain text, not tokens at all, see";
        expectError(path("text.tokens"), "magic");
    }

    void reportsATruncatedFile()
    {
        writeTokens(path("cut.tokens"), 1000, {5, 6, 7, 8});
        std::filesystem::resize_file(path("cut.tokens"), kTokenFileHeaderBytes + 5);
        expectError(path("cut.tokens"), "header says 4 tokens");
    }

    // The header's vocabulary is a promise the trainer relies on (embedding lookups): an id beyond
    // it is named with its position when the file is opened, not met as a LibTorch error later.
    void reportsAnIdOutsideTheVocabularyByPosition_data()
    {
        QTest::addColumn<quint32>("vocab");
        QTest::newRow("uint16") << 1000u;
        QTest::newRow("uint32") << 70000u;
    }

    void reportsAnIdOutsideTheVocabularyByPosition()
    {
        QFETCH(quint32, vocab);
        const std::string file = path("forged.tokens");
        writeTokens(file, vocab, {5, 6, 7, 8, 9});
        const std::uint32_t width = tokenBytesForVocab(vocab);
        const std::uint32_t forged = vocab + 234;
        std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
        out.seekp(std::streamoff(kTokenFileHeaderBytes + 3 * width));
        for (std::uint32_t b = 0; b < width; ++b)
            out.put(char(forged >> (8 * b)));
        out.close();
        expectError(file, qPrintable(QStringLiteral("position 3 has id %1").arg(forged)));
    }

    // A count whose byte size wraps around 2^64 to the file's real size must not pass.
    void reportsACountThatOverflows()
    {
        const std::string file = path("overflow.tokens");
        writeTokens(file, 1000, {});
        std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
        out.seekp(24);
        const std::uint64_t count = std::uint64_t(1) << 63; // x 2 bytes = 2^64 = 0 (mod 2^64)
        for (int b = 0; b < 8; ++b)
            out.put(char(count >> (8 * b)));
        out.close();
        expectError(file, "header says 9223372036854775808 tokens");
    }

    void atRefusesPositionsPastTheEnd()
    {
        writeTokens(path("bounds.tokens"), 100, {1, 2, 3});
        TokenFile file(path("bounds.tokens"));
        QCOMPARE(file.at(2), 3u);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, file.at(3));
        std::vector<std::int64_t> out(2);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, file.copyTo(2, 2, out.data()));
        QVERIFY_THROWS_EXCEPTION(
            std::runtime_error,
            file.copyTo(std::numeric_limits<std::uint64_t>::max(), 2, out.data()));
    }

    void reportsAShortFile()
    {
        std::ofstream(path("short.tokens")) << "AZ";
        expectError(path("short.tokens"), "too short");
    }

    void reportsAMissingFile() { expectError(path("absent.tokens"), "No such file"); }

    void trainingDataRefusesAVocabularyLargerThanTheModels()
    {
        writeTokens(path("big.tokens"), 5000, std::vector<std::uint32_t>(1000, 4));
        TrainConfig config;
        config.trainData = path("big.tokens");
        try {
            TrainingData data(config, 4000, 16);
            QFAIL("accepted a vocabulary larger than the model's");
        } catch (const std::runtime_error &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(
                         QLatin1String("larger than the model's 4000")),
                     e.what());
        }
    }

    void trainingDataRefusesAFileShorterThanOneWindow()
    {
        writeTokens(path("tiny.tokens"), 100, std::vector<std::uint32_t>(20, 4));
        TrainConfig config;
        config.trainData = path("tiny.tokens");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, TrainingData(config, 100, 64));
    }

    void batchesDependOnlyOnTheStep()
    {
        TrainingData data(countingConfig(4), 1000, 32);
        std::vector<std::int64_t> a(4 * 33), b(4 * 33), c(4 * 33);
        data.trainBatch(7, 0, a.data());
        data.trainBatch(3, 0, c.data());
        data.trainBatch(7, 0, b.data());
        QCOMPARE(a, b);
        QVERIFY(a != c);
        // Windows are contiguous slices of the file.
        for (int row = 0; row < 4; ++row)
            for (int i = 1; i < 33; ++i)
                QCOMPARE((a[row * 33 + i - 1] + 1) % 997, a[row * 33 + i]);
    }

    // global_row: a step's global batch does not depend on how it is cut into micro-batches or
    // shared among processes.
    void globalRowKeyingIgnoresHowTheBatchIsSplit()
    {
        TrainConfig whole = countingConfig(8);
        TrainConfig halves = countingConfig(4);
        const TrainingData one(whole, 1000, 32), two(halves, 1000, 32);
        std::vector<std::int64_t> all(8 * 33), micro0(4 * 33), micro1(4 * 33), rank1(2 * 33);
        one.trainBatch(5, 0, all.data());
        two.trainBatch(5, 0, micro0.data());
        two.trainBatch(5, 1, micro1.data());
        micro0.insert(micro0.end(), micro1.begin(), micro1.end());
        QCOMPARE(micro0, all);
        // The second of two processes takes rows 2 and 3 of each micro-batch of four.
        two.trainBatch(5, 1, rank1.data(), 2, 2);
        QCOMPARE(rank1, std::vector<std::int64_t>(all.begin() + 6 * 33, all.end()));
    }

    // micro_batch_row is the first wave's keying, kept so its runs resume exactly: the windows
    // start where (seed, step, micro-batch, row) hashed them then.
    void microBatchRowKeyingRepeatsTheFirstWave()
    {
        TrainConfig config = countingConfig(4);
        config.windowKeying = kWindowKeyingMicroBatchRow;
        const TrainingData data(config, 1000, 32);
        std::vector<std::int64_t> rows(4 * 33);
        data.trainBatch(9, 1, rows.data());
        const std::uint64_t windows = 4500 - 33 + 1; // the last tenth is held out
        const std::uint64_t base =
            splitMix(splitMix(splitMix(config.seed ^ 0x747261696eULL) + 9) + 1);
        for (int row = 0; row < 4; ++row)
            QCOMPARE(rows[row * 33], std::int64_t(splitMix(base + row) % windows % 997));
        TrainConfig unknown = config;
        unknown.windowKeying = "by_chance";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TrainingData(unknown, 1000, 32));
    }
};

QTEST_APPLESS_MAIN(TestTokenFile)
#include "test_token_file.moc"
