#include "base_recipe.h"

#include <filesystem>

#include "token_file.h"

namespace azllm {
namespace fs = std::filesystem;

RunConfig baseRunConfig(const std::string &datasetDir, const std::string &runDir,
                        std::int64_t steps)
{
    const std::string train = (fs::path(datasetDir) / "train.tokens").string();
    const std::string validation = (fs::path(datasetDir) / "val.tokens").string();
    RunConfig c;
    c.model = presetConfig("az-tiny");
    c.model.vocabSize = TokenFile(train).vocabSize(); // the dataset's tokenizer made the ids
    c.model.contextLength = kBaseContext;
    c.model.dropout = 0.1; // ~0.1 MB of text: without it the model memorises the corpus
    c.train.trainData = train;
    if (fs::exists(validation))
        c.train.validationData = validation;
    c.train.contextLength = kBaseContext; // the whole context, not the default 128 windows
    c.train.batchSize = 16;
    c.train.maxSteps = steps;
    c.train.learningRate = 2e-3;
    c.train.warmupSteps = 30;
    c.train.evalInterval = 50;
    c.train.evalBatches = 4;
    c.train.checkpointInterval = 100;
    c.train.keepCheckpoints = 2;
    c.train.outDir = runDir;
    c.train.seed = 1337;
    return c;
}

} // namespace azllm
