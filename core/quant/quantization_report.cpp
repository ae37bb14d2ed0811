#include "quantization_report.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "checkpoint.h"
#include "checkpoint_folder.h"
#include "decode_model.h"
#include "generator.h"
#include "token_file.h"

namespace azllm {
namespace fs = std::filesystem;

namespace {

struct TokenRange
{
    std::string file;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
};

TokenRange validationRange(const QuantizationReportOptions &o, const RunConfig &run)
{
    if (!o.validationTokens.empty())
        return {o.validationTokens, 0, ~std::uint64_t(0)};
    if (!run.train.validationData.empty() && fs::exists(run.train.validationData))
        return {run.train.validationData, 0, ~std::uint64_t(0)};
    if (!run.train.trainData.empty() && fs::exists(run.train.trainData)) {
        const TokenFile file(run.train.trainData);
        return {run.train.trainData, file.size() - file.size() / 10, file.size()};
    }
    throw std::runtime_error("no validation tokens for " + o.checkpoint +
                             ": its run names no validation_data or train_data that exists "
                             "(give a token file)");
}

// Mean negative log-likelihood of each next token, in windows of the model's context, each
// window scored from an empty cache.
double perplexity(quant::DecodeState &state, const std::vector<int> &tokens,
                  const std::function<bool(double)> &keepGoing)
{
    const std::size_t window = std::size_t(state.model().config().contextLength);
    const std::size_t V = std::size_t(state.model().config().vocabSize);
    double nll = 0;
    std::size_t count = 0;
    for (std::size_t start = 0; start + 1 < tokens.size(); start += window) {
        const std::size_t n = std::min(window, tokens.size() - 1 - start);
        state.reset();
        state.score(tokens.data() + start, n, [&](std::size_t i, const float *logits) {
            const float top = *std::max_element(logits, logits + V);
            double sum = 0;
            for (std::size_t v = 0; v < V; ++v)
                sum += std::exp(double(logits[v] - top));
            nll += std::log(sum) + top - logits[tokens[start + i + 1]];
        });
        count += n;
        if (keepGoing && !keepGoing(double(start + n) / double(tokens.size())))
            return 0;
    }
    return std::exp(nll / double(std::max<std::size_t>(count, 1)));
}

} // namespace

QuantizationReport measureQuantization(const QuantizationReportOptions &o,
                                       const ReportProgress &progress)
{
    QuantizationReport report;
    report.checkpoint = resolveCheckpointFolder(o.checkpoint);
    const RunConfig run = readCheckpointConfig(report.checkpoint);
    const TokenRange range = validationRange(o, run);
    report.validationFile = range.file;
    const TokenFile file(range.file);
    if (file.vocabSize() > std::uint32_t(run.model.vocabSize))
        throw std::runtime_error(range.file + " has token ids up to " +
                                 std::to_string(file.vocabSize()) + ", beyond the model's " +
                                 std::to_string(run.model.vocabSize));
    const std::uint64_t end = std::min<std::uint64_t>(
        std::min(range.end, file.size()),
        range.begin + std::uint64_t(std::max<std::int64_t>(o.maxTokens, 2)));
    if (end < range.begin + 2)
        throw std::runtime_error(range.file + " holds too few tokens to score");
    std::vector<int> tokens;
    for (std::uint64_t i = range.begin; i < end; ++i)
        tokens.push_back(int(file.at(i)));
    report.evaluatedTokens = std::int64_t(tokens.size()) - 1;

    const LanguageModel model = LanguageModel::fromCheckpoint(report.checkpoint, "cpu");
    Generator fp32(model, Precision::Fp32), int8(model, Precision::Int8);
    report.kernels = fp32.decodeModel()->kernels().name;
    report.fp32.weightBytes = fp32.decodeModel()->weightBytes();
    report.int8.weightBytes = int8.decodeModel()->weightBytes();

    const auto stage = [&](const char *name, double from, double to) {
        return [&, name, from, to](double fraction) {
            return !progress || progress(name, from + (to - from) * fraction);
        };
    };
    // Perplexity through each precision's own decode model and fresh state.
    quant::DecodeState fp32State(fp32.decodeModel());
    report.fp32.perplexity = perplexity(fp32State, tokens, stage("fp32 perplexity", 0.0, 0.4));
    quant::DecodeState int8State(int8.decodeModel());
    report.int8.perplexity = perplexity(int8State, tokens, stage("int8 perplexity", 0.4, 0.8));
    if (report.fp32.perplexity == 0 || report.int8.perplexity == 0) {
        report.cancelled = true;
        return report;
    }

    GenerationParams greedy;
    greedy.sampling.temperature = 0;
    greedy.endOfText = -1;
    greedy.maxNewTokens =
        std::max(2, std::min<int>(o.speedTokens, int(run.model.contextLength) - 16));
    const std::vector<int> prompt(tokens.begin(),
                                  tokens.begin() + std::min<std::size_t>(16, tokens.size()));
    for (int repeat = 0; repeat < 2; ++repeat) {
        for (auto [generator, figures] :
             {std::pair{&fp32, &report.fp32}, std::pair{&int8, &report.int8}}) {
            GenerationStats stats;
            generator->generate(prompt, greedy, {}, &stats);
            figures->tokensPerSecond = std::max(figures->tokensPerSecond, stats.tokensPerSecond);
        }
        if (progress && !progress("decoding speed", 0.8 + 0.1 * (repeat + 1))) {
            report.cancelled = true;
            return report;
        }
    }
    return report;
}

} // namespace azllm
