// A tiny model trained in seconds on the workspace's sample dataset, for the chat tests: the
// real tokenizer (with the chat markers) and a checkpoint laid out as the studio lays it out.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>

#include "synthetic_data.h"
#include "token_file.h"
#include "trainer.h"
#include "workspace.h"

namespace chat_test {

inline azllm::RunConfig tinyRun(const QString &trainData, std::int64_t vocab, const QString &outDir,
                                int steps)
{
    azllm::RunConfig c;
    c.model.vocabSize = vocab;
    c.model.contextLength = 64;
    c.model.nEmbd = 32;
    c.model.nLayer = 1;
    c.model.nHead = 2;
    c.train.trainData = trainData.toStdString();
    c.train.batchSize = 8;
    c.train.maxSteps = steps;
    c.train.learningRate = 3e-3;
    c.train.warmupSteps = 5;
    c.train.evalInterval = steps;
    c.train.checkpointInterval = steps;
    c.train.outDir = outDir.toStdString();
    c.train.device = "cpu";
    return c;
}

inline void train(const azllm::RunConfig &config)
{
    azllm::Trainer trainer(config);
    azllm::TrainingObserver quiet;
    trainer.run(quiet, nullptr);
}

// A run on the sample dataset, with the dataset's tokenizer.model in the run folder.
inline QString trainSampleRun(azllm::Workspace &workspace, const QString &name, int steps = 40)
{
    if (!workspace.hasSampleDataset())
        workspace.seedSampleDataset();
    const QString dataset = workspace.datasetDir(QStringLiteral("sample"));
    const QString trainData = dataset + QStringLiteral("/train.tokens");
    const QString runDir = workspace.runsDir() + QLatin1Char('/') + name;
    QDir().mkpath(runDir);
    QFile::copy(dataset + QStringLiteral("/tokenizer.model"),
                runDir + QStringLiteral("/tokenizer.model"));
    train(tinyRun(trainData, azllm::TokenFile(trainData.toStdString()).vocabSize(), runDir, steps));
    return runDir;
}

// A run on synthetic tokens over a 64-id vocabulary, with no tokenizer.model: the broken
// checkpoints a learner might point the Chat screen at.
inline QString trainSyntheticRun(const QString &runDir)
{
    QDir().mkpath(runDir);
    const QString data = runDir + QStringLiteral("/synthetic.tokens");
    azllm::writeSyntheticTokens(data.toStdString(), 64, 20000, 1);
    train(tinyRun(data, 64, runDir, 2));
    return runDir;
}

} // namespace chat_test
