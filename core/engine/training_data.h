// Batches for training: random windows of context + 1 tokens from memory-mapped token files.
//
// A window's position depends only on (seed, step, micro-batch, row), never on earlier draws,
// so the data position of a run is its step number, and a resumed run sees exactly the
// batches it would have seen without the stop.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "token_file.h"
#include "train_config.h"

namespace azllm {

class TrainingData
{
public:
    // Throws std::runtime_error naming the file when it is unreadable, when its vocabulary is
    // larger than the model's, or when it is too short for one window.
    TrainingData(const TrainConfig &config, std::int64_t modelVocab, std::int64_t context);

    std::int64_t context() const { return m_context; }
    std::int64_t batchSize() const { return m_batch; }
    // Fills out with batchSize x (context + 1) token ids, row-major.
    void trainBatch(std::int64_t step, std::int64_t microStep, std::int64_t *out) const;
    // The index-th fixed validation batch: the same every time it is asked for.
    void validationBatch(std::int64_t index, std::int64_t *out) const;

private:
    struct Region
    {
        const TokenFile *file;
        std::uint64_t first;
        std::uint64_t windows; // valid start positions
    };
    void fill(const Region &region, std::uint64_t stream, std::uint64_t a, std::uint64_t b,
              std::int64_t *out) const;

    std::unique_ptr<TokenFile> m_train;
    std::unique_ptr<TokenFile> m_validation;
    Region m_trainRegion{};
    Region m_validationRegion{};
    std::int64_t m_context;
    std::int64_t m_batch;
    std::uint64_t m_seed;
};

} // namespace azllm
