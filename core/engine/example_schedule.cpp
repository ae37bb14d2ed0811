#include "example_schedule.h"

#include <numeric>
#include <stdexcept>

#include "splitmix.h"

namespace azllm {

std::vector<std::size_t> seededPermutation(std::size_t n, std::uint64_t seed)
{
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    for (std::size_t i = n; i > 1; --i) {
        const std::size_t j = std::size_t(splitMix64(seed + i) % i);
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

std::vector<ExampleRow> singleExampleRows(std::size_t exampleCount)
{
    std::vector<ExampleRow> rows(exampleCount);
    for (std::size_t i = 0; i < exampleCount; ++i)
        rows[i] = {i};
    return rows;
}

std::vector<ExampleRow> packRows(const std::vector<std::size_t> &lengths, std::size_t capacity,
                                 std::uint64_t seed)
{
    std::vector<ExampleRow> rows;
    std::size_t used = 0;
    for (std::size_t index : seededPermutation(lengths.size(), splitMix64(seed ^ 0x7061636bULL))) {
        if (rows.empty() || used + lengths[index] > capacity) {
            rows.emplace_back();
            used = 0;
        }
        rows.back().push_back(index);
        used += lengths[index];
    }
    return rows;
}

ExampleSchedule::ExampleSchedule(std::size_t rowCount, std::int64_t rowsPerMicroBatch,
                                 std::int64_t microBatches, std::uint64_t seed)
    : m_rowCount(rowCount), m_rowsPerMicroBatch(rowsPerMicroBatch), m_microBatches(microBatches),
      m_seed(seed)
{
    if (rowCount == 0)
        throw std::invalid_argument("no training examples");
    const std::int64_t perStep = rowsPerMicroBatch * microBatches;
    m_stepsPerEpoch = (std::int64_t(rowCount) + perStep - 1) / perStep;
}

std::vector<std::size_t> ExampleSchedule::epochOrder(std::int64_t epoch) const
{
    if (epoch != m_cachedEpoch) {
        m_cachedOrder = seededPermutation(
            m_rowCount, splitMix64(splitMix64(m_seed ^ 0x65706f6368ULL) + std::uint64_t(epoch)));
        m_cachedEpoch = epoch;
    }
    return m_cachedOrder;
}

std::vector<std::size_t> ExampleSchedule::rows(std::int64_t step, std::int64_t micro) const
{
    const std::vector<std::size_t> order = epochOrder(step / m_stepsPerEpoch);
    const std::int64_t within = step % m_stepsPerEpoch;
    std::vector<std::size_t> picked;
    for (std::int64_t r = 0; r < m_rowsPerMicroBatch; ++r) {
        const std::size_t slot =
            std::size_t((within * m_microBatches + micro) * m_rowsPerMicroBatch + r);
        picked.push_back(order[slot % m_rowCount]);
    }
    return picked;
}

} // namespace azllm
