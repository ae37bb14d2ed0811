// `azllm bench tokenize`: our encode path against Debian's spm_encode, same file, same model.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace azllm {

struct TokenizeBenchmarkOptions
{
    std::string tokenizerPath;
    std::string inputPath;
    // A small file is repeated up to this size (in a temporary file), so start-up costs of
    // spm_encode (loading the model) do not dominate its figure.
    std::uint64_t minimumBytes = 16u << 20;
    std::string spmEncode = "spm_encode"; // found on PATH
};

struct TokenizeBenchmarkResult
{
    std::uint64_t bytes = 0;
    std::uint64_t lines = 0;
    std::uint64_t tokens = 0;
    double seconds = 0;
    double mbPerSecond = 0;
    double tokensPerSecond = 0;
    // Empty when spm_encode could not be run (spmError says why).
    std::optional<double> spmSeconds;
    std::optional<double> spmMbPerSecond;
    std::optional<bool> identicalIds;
    std::string spmError;
    std::string spmCommand;

    std::optional<double> ratio() const
    {
        if (!spmMbPerSecond || *spmMbPerSecond <= 0)
            return std::nullopt;
        return mbPerSecond / *spmMbPerSecond;
    }
    // One line: {"mb_per_s": ..., "tokens_per_s": ..., "spm_encode_mb_per_s": ...,
    // "ratio_vs_spm_encode": ..., ...}.
    std::string json() const;
};

// Encodes the file line by line, as spm_encode does (MB = 10^6 bytes), then runs
// `spm_encode --model M --output_format=id < F` on the same bytes and compares every id.
// Throws std::runtime_error for an unreadable tokenizer or file.
TokenizeBenchmarkResult runTokenizeBenchmark(const TokenizeBenchmarkOptions &options);

} // namespace azllm
