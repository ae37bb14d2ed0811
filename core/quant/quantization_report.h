// fp32 against int8 for one checkpoint, measured: bytes of weights, decoding tokens/s and
// perplexity on validation tokens. Behind the Model screen's table and `azllm bench quant`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace azllm {

struct PrecisionFigures
{
    std::int64_t weightBytes = 0;
    double tokensPerSecond = 0;
    double perplexity = 0;
};

struct QuantizationReport
{
    std::string checkpoint;
    std::string validationFile;
    std::int64_t evaluatedTokens = 0; // predictions the perplexity averages over
    PrecisionFigures fp32;
    PrecisionFigures int8;
    std::string kernels; // "avx2" or "scalar"
    double perplexityChange() const { return int8.perplexity / fp32.perplexity - 1.0; }
    double speedup() const { return int8.tokensPerSecond / fp32.tokensPerSecond; }
    bool cancelled = false;
};

struct QuantizationReportOptions
{
    std::string checkpoint; // a checkpoint folder or a run folder (its newest)
    // Token file to score; empty: the run's validation_data, else the last tenth of its
    // train_data (as training holds it out).
    std::string validationTokens;
    std::int64_t maxTokens = 8192; // scored at most (windows of the model's context)
    int speedTokens = 64;          // generated per speed run
};

// Called between steps with a short phrase and the fraction done; false cancels.
using ReportProgress = std::function<bool(const std::string &stage, double fraction)>;

// Throws std::runtime_error naming the checkpoint or token file that cannot be used.
QuantizationReport measureQuantization(const QuantizationReportOptions &options,
                                       const ReportProgress &progress = {});

} // namespace azllm
