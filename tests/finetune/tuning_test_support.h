// Small synthetic tuning data for the engine tests: a base pretrained for a few steps on the
// built-in arithmetic tokens, chat examples whose answer repeats the question, and texts whose
// class is the id range their tokens come from. Vocabulary 64, context 32, ids 0-8 reserved.
#pragma once

#include <QString>

#include <cstdint>
#include <random>
#include <string>

#include "example_file.h"
#include "synthetic_data.h"
#include "trainer.h"

namespace tuning_test {

inline azllm::ModelConfig tinyModel()
{
    azllm::ModelConfig m;
    m.vocabSize = 64;
    m.contextLength = 32;
    m.nEmbd = 32;
    m.nLayer = 2;
    m.nHead = 2;
    return m;
}

// A pretrained base in dir/base; returns its checkpoint folder.
inline std::string makeBase(const QString &dir)
{
    azllm::RunConfig c;
    c.model = tinyModel();
    c.train.trainData = QString(dir + QLatin1String("/base.tokens")).toStdString();
    azllm::writeSyntheticTokens(c.train.trainData, 64, 20000, 3);
    c.train.batchSize = 8;
    c.train.maxSteps = 6;
    c.train.evalInterval = 6;
    c.train.evalBatches = 1;
    c.train.checkpointInterval = 6;
    c.train.outDir = QString(dir + QLatin1String("/base")).toStdString();
    c.train.device = "cpu";
    azllm::TrainingObserver quiet;
    return azllm::Trainer(c).run(quiet).lastCheckpoint;
}

// </s> <|user|> q... <|end|> <|assistant|> q... <|end|>: the answer repeats the question.
inline azllm::ExampleSet echoExamples(int count, std::uint64_t seed)
{
    azllm::ExampleSet set;
    set.kind = azllm::ExampleKind::Sft;
    set.vocabSize = 64;
    std::mt19937_64 rng(seed);
    for (int i = 0; i < count; ++i) {
        std::vector<std::uint32_t> question;
        for (int j = 0, n = 3 + int(rng() % 4); j < n; ++j)
            question.push_back(std::uint32_t(10 + rng() % 54));
        azllm::Example e;
        e.sourceLine = std::uint32_t(i + 1);
        const auto add = [&](std::uint32_t id, std::uint8_t weight) {
            e.tokens.push_back(id);
            e.weights.push_back(weight);
        };
        add(2, 0);
        add(5, 0);
        for (std::uint32_t id : question)
            add(id, 0);
        add(7, 0);
        add(6, 0);
        for (std::uint32_t id : question)
            add(id, 1);
        add(7, 1);
        set.examples.push_back(std::move(e));
    }
    return set;
}

// Three classes; class k's texts use ids 10 + 18k .. 27 + 18k only, then <|label|>.
inline azllm::ExampleSet rangeExamples(int count, std::uint64_t seed)
{
    azllm::ExampleSet set;
    set.kind = azllm::ExampleKind::Classify;
    set.vocabSize = 64;
    set.labels = {"alpha", "beta", "gamma"};
    std::mt19937_64 rng(seed);
    for (int i = 0; i < count; ++i) {
        azllm::Example e;
        e.label = std::uint32_t(i % 3);
        e.sourceLine = std::uint32_t(i + 1);
        e.tokens.push_back(2);
        for (int j = 0, n = 4 + int(rng() % 6); j < n; ++j)
            e.tokens.push_back(10 + 18 * e.label + std::uint32_t(rng() % 18));
        e.tokens.push_back(8);
        set.examples.push_back(std::move(e));
    }
    return set;
}

// A tuning run of kind on examples written into dir/<name>-{train,val}.examples.
inline azllm::RunConfig tuningRun(const QString &dir, const std::string &name,
                                  const std::string &kind, const std::string &base,
                                  const azllm::ExampleSet &train,
                                  const azllm::ExampleSet &validation)
{
    const std::string stem = QString(dir + QLatin1Char('/')).toStdString() + name;
    azllm::writeExampleFile(stem + "-train.examples", train);
    azllm::writeExampleFile(stem + "-val.examples", validation);
    azllm::RunConfig c;
    c.model = tinyModel();
    c.tuning.kind = kind;
    c.tuning.baseCheckpoint = base;
    c.tuning.labelCount = std::int64_t(train.labels.size());
    c.train.trainData = stem + "-train.examples";
    c.train.validationData = stem + "-val.examples";
    c.train.batchSize = 8;
    c.train.maxSteps = 20;
    c.train.learningRate = 3e-3;
    c.train.warmupSteps = 2;
    c.train.weightDecay = 0.0;
    c.train.evalInterval = 5;
    c.train.checkpointInterval = 1000;
    c.train.outDir = stem;
    c.train.device = "cpu";
    return c;
}

} // namespace tuning_test
