#include "synthetic_data.h"

#include <random>
#include <stdexcept>
#include <vector>

#include "token_file.h"

namespace azllm {

void writeSyntheticTokens(const std::string &path, std::uint32_t vocabSize, std::uint64_t count,
                          std::uint64_t seed)
{
    constexpr std::uint32_t kEndOfText = 2, kFirstOrdinary = 3;
    if (vocabSize <= kFirstOrdinary + 8)
        throw std::invalid_argument("synthetic data needs a vocabulary of more than 11 tokens");
    const std::uint32_t ordinary = vocabSize - kFirstOrdinary;
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::uint32_t> startDist(0, ordinary - 1), strideDist(1, 7),
        lengthDist(8, 32);

    TokenFileWriter writer(path, vocabSize);
    std::vector<std::uint32_t> run;
    while (writer.count() < count) {
        run.clear();
        const std::uint32_t start = startDist(rng), stride = strideDist(rng),
                            length = lengthDist(rng);
        for (std::uint32_t i = 0; i < length; ++i)
            run.push_back(kFirstOrdinary + (start + i * stride) % ordinary);
        run.push_back(kEndOfText);
        if (run.size() > count - writer.count())
            run.resize(std::size_t(count - writer.count()));
        writer.append(run);
    }
    writer.finish();
}

} // namespace azllm
