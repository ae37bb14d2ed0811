#include "training_data.h"

#include <stdexcept>

#include "splitmix.h"

namespace azllm {
namespace {

std::unique_ptr<TokenFile> openChecked(const std::string &path, std::int64_t modelVocab)
{
    if (path.empty())
        throw std::runtime_error("no training data: give a token file (train_data / --data)");
    auto file = std::make_unique<TokenFile>(path);
    if (std::int64_t(file->vocabSize()) > modelVocab)
        throw std::runtime_error("token file " + path + " has a vocabulary of " +
                                 std::to_string(file->vocabSize()) + ", larger than the model's " +
                                 std::to_string(modelVocab) + " (set vocab_size to at least that)");
    return file;
}

} // namespace

TrainingData::TrainingData(const TrainConfig &config, std::int64_t modelVocab, std::int64_t context)
    : m_context(context), m_batch(config.batchSize), m_seed(config.seed),
      m_globalRowKeying(config.windowKeying == kWindowKeyingGlobalRow)
{
    if (!m_globalRowKeying && config.windowKeying != kWindowKeyingMicroBatchRow)
        throw std::invalid_argument("invalid training config: window_keying '" +
                                    config.windowKeying + "' is neither " + kWindowKeyingGlobalRow +
                                    " nor " + kWindowKeyingMicroBatchRow);
    m_train = openChecked(config.trainData, modelVocab);
    const std::uint64_t window = std::uint64_t(context) + 1;
    const auto region = [&](const TokenFile &file, std::uint64_t first, std::uint64_t end,
                            const char *what) {
        if (end < first + window)
            throw std::runtime_error("token file " + file.path() + " has " +
                                     std::to_string(end - first) + " " + what +
                                     " tokens; one window needs " + std::to_string(window));
        return Region{&file, first, end - first - window + 1};
    };
    if (!config.validationData.empty()) {
        m_validation = openChecked(config.validationData, modelVocab);
        m_trainRegion = region(*m_train, 0, m_train->size(), "training");
        m_validationRegion = region(*m_validation, 0, m_validation->size(), "validation");
    } else {
        // Without a validation file the last tenth of the training file is held out.
        const std::uint64_t split = m_train->size() - m_train->size() / 10;
        m_trainRegion = region(*m_train, 0, split, "training");
        m_validationRegion = region(*m_train, split, m_train->size(), "held-out validation");
    }
}

void TrainingData::fill(const Region &region, std::uint64_t base, std::uint64_t firstKey,
                        std::int64_t rows, std::int64_t *out) const
{
    for (std::int64_t row = 0; row < rows; ++row) {
        const std::uint64_t start =
            region.first + splitMix64(base + firstKey + std::uint64_t(row)) % region.windows;
        region.file->copyTo(start, std::size_t(m_context + 1), out + row * (m_context + 1));
    }
}

void TrainingData::trainBatch(std::int64_t step, std::int64_t microStep, std::int64_t *out,
                              std::int64_t firstRow, std::int64_t rowCount) const
{
    const std::uint64_t stream = splitMix64(m_seed ^ 0x747261696eULL) + std::uint64_t(step);
    const std::int64_t rows = rowCount < 0 ? m_batch : rowCount;
    if (m_globalRowKeying)
        fill(m_trainRegion, splitMix64(stream), std::uint64_t(microStep * m_batch + firstRow), rows,
             out);
    else
        fill(m_trainRegion, splitMix64(splitMix64(stream) + std::uint64_t(microStep)),
             std::uint64_t(firstRow), rows, out);
}

void TrainingData::validationBatch(std::int64_t index, std::int64_t *out) const
{
    const std::uint64_t stream = splitMix64(m_seed ^ 0x76616c6964ULL) + std::uint64_t(index);
    fill(m_validationRegion, splitMix64(splitMix64(stream)), 0, m_batch, out);
}

} // namespace azllm
