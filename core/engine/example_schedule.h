// Which examples a tuning step trains on. Examples are grouped into rows (one example per row
// when padding, several when packing); each epoch visits every row once in an order shuffled
// by (seed, epoch), and optimizer step s of the run takes the rows at its place in that order.
// So the data position of a run is its step: a resumed run continues exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace azllm {

using ExampleRow = std::vector<std::size_t>; // indices of the examples packed into one row

// One row per example.
std::vector<ExampleRow> singleExampleRows(std::size_t exampleCount);
// Examples in a seeded order, each appended to the current row while the row's length (the
// sum of lengths[i]) stays within capacity; an example longer than capacity gets a row alone.
std::vector<ExampleRow> packRows(const std::vector<std::size_t> &lengths, std::size_t capacity,
                                 std::uint64_t seed);

class ExampleSchedule
{
public:
    // rowsPerMicroBatch = batch_size; microBatches = grad_accum_steps.
    ExampleSchedule(std::size_t rowCount, std::int64_t rowsPerMicroBatch, std::int64_t microBatches,
                    std::uint64_t seed);

    // ceil(rows / (batch x accumulation)): the last step of an epoch wraps to its first rows.
    std::int64_t stepsPerEpoch() const { return m_stepsPerEpoch; }
    // Rows (indices into the row list) of micro-batch `micro` of step `step` (0-based).
    std::vector<std::size_t> rows(std::int64_t step, std::int64_t micro) const;
    // The permutation of rows for an epoch.
    std::vector<std::size_t> epochOrder(std::int64_t epoch) const;

private:
    std::size_t m_rowCount;
    std::int64_t m_rowsPerMicroBatch;
    std::int64_t m_microBatches;
    std::uint64_t m_seed;
    std::int64_t m_stepsPerEpoch;
    mutable std::int64_t m_cachedEpoch = -1;
    mutable std::vector<std::size_t> m_cachedOrder;
};

// Fisher-Yates with SplitMix64 draws from seed: the same permutation on every machine.
std::vector<std::size_t> seededPermutation(std::size_t n, std::uint64_t seed);

} // namespace azllm
