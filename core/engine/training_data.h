// Batches for training: random windows of context + 1 tokens from memory-mapped token files.
//
// A window's position depends only on (seed, step, global row), never on earlier draws, so the
// data position of a run is its step number, a resumed run sees exactly the batches it would
// have seen without the stop, and any number of processes sees the same global batch (each
// takes its rows). Runs made before that keyed by (seed, step, micro-batch, row) and keep it
// (window_keying in the run config).
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
    // Fills out with rows [firstRow, firstRow + rowCount) of the step's micro-batch microStep,
    // (context + 1) token ids each, row-major; rowCount < 0 means the whole micro-batch.
    void trainBatch(std::int64_t step, std::int64_t microStep, std::int64_t *out,
                    std::int64_t firstRow = 0, std::int64_t rowCount = -1) const;
    // The index-th fixed validation batch: the same every time it is asked for.
    void validationBatch(std::int64_t index, std::int64_t *out) const;

private:
    struct Region
    {
        const TokenFile *file;
        std::uint64_t first;
        std::uint64_t windows; // valid start positions
    };
    // Row i's window starts at a position hashed from base + firstKey + i.
    void fill(const Region &region, std::uint64_t base, std::uint64_t firstKey, std::int64_t rows,
              std::int64_t *out) const;

    std::unique_ptr<TokenFile> m_train;
    std::unique_ptr<TokenFile> m_validation;
    Region m_trainRegion{};
    Region m_validationRegion{};
    std::int64_t m_context;
    std::int64_t m_batch;
    std::uint64_t m_seed;
    bool m_globalRowKeying;
};

} // namespace azllm
