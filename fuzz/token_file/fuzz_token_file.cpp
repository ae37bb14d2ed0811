// Token files (docs/formats.md): the header, the size check, the id check, and the trainer's
// windows over whatever the file holds.
#include "fuzz_support.h"
#include "token_file.h"
#include "train_config.h"
#include "training_data.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::string path = fuzz::scratchPath("input.tokens");
    fuzz::writeFile(path, data, size);
    try {
        const azllm::TokenFile file(path);
        if (file.size() > 0)
            (void)file.at(file.size() - 1);
        azllm::TrainConfig config;
        config.trainData = path;
        config.batchSize = 2;
        const azllm::TrainingData windows(config, file.vocabSize(), 4);
        std::vector<std::int64_t> batch(2 * 5);
        windows.trainBatch(3, 0, batch.data());
        windows.validationBatch(1, batch.data());
        for (std::int64_t id : batch)
            if (id < 0 || id >= std::int64_t(file.vocabSize()))
                std::abort(); // an id the embedding would index out of range
    } catch (const std::exception &) {
        // Refused with a message: what bad input should get.
    }
    return 0;
}
