#include "generator.h"

#include <chrono>
#include <optional>
#include <stdexcept>

#include "language_model_impl.h"
#include "model_weights_bridge.h"

namespace azllm {
namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::vector<float> toVector(const torch::Tensor &logits)
{
    const torch::Tensor cpu = logits.reshape({-1}).to(torch::kCPU, torch::kFloat32).contiguous();
    return std::vector<float>(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
}

torch::Tensor idsTensor(std::vector<int>::const_iterator first,
                        std::vector<int>::const_iterator last, const torch::Device &device)
{
    std::vector<std::int64_t> ids(first, last);
    return torch::tensor(ids, torch::kLong).view({1, -1}).to(device);
}

void checkIds(const std::vector<int> &ids, std::int64_t vocab)
{
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] < 0 || ids[i] >= vocab)
            throw std::invalid_argument(
                "token " + std::to_string(i) + " has id " + std::to_string(ids[i]) +
                ", outside the model's vocabulary of " + std::to_string(vocab));
}

// When the text outgrows the context, the model keeps seeing the newest half-context plus what
// follows: the window restarts there and the cache is emptied. Both decode paths share this rule.
template <typename ClearCache>
std::size_t slideWindow(std::size_t windowStart, std::size_t tokens, std::int64_t context,
                        ClearCache clearCache)
{
    if (std::int64_t(tokens - windowStart) <= context)
        return windowStart;
    clearCache();
    return tokens - std::size_t(context / 2);
}

// Feeds the window tokens[windowStart..] to LibTorch, through the cache when there is one.
class TorchWindow
{
public:
    TorchWindow(LanguageModel::Impl &model, bool useCache) : m_model(model)
    {
        if (useCache)
            m_cache.emplace(model.gpt->config(), 1, model.device);
    }

    const std::vector<float> &nextLogits(const std::vector<int> &tokens)
    {
        m_logits = computeLogits(tokens);
        return m_logits;
    }

private:
    std::vector<float> computeLogits(const std::vector<int> &tokens)
    {
        m_windowStart =
            slideWindow(m_windowStart, tokens.size(), m_model.gpt->config().contextLength, [&] {
                if (m_cache)
                    m_cache->length = 0;
            });
        const auto window = tokens.begin() + std::ptrdiff_t(m_windowStart);
        if (!m_cache) {
            const torch::Tensor logits =
                m_model.gpt->forward(idsTensor(window, tokens.end(), m_model.device));
            return toVector(logits.select(1, logits.size(1) - 1));
        }
        const auto fresh = window + std::ptrdiff_t(m_cache->length);
        return toVector(
            m_model.gpt->forwardCached(idsTensor(fresh, tokens.end(), m_model.device), *m_cache));
    }

    LanguageModel::Impl &m_model;
    std::optional<KvCache> m_cache;
    std::size_t m_windowStart = 0;
    std::vector<float> m_logits;
};

// The same window through the decode kernels; logits come back in the state's own buffer.
class KernelWindow
{
public:
    KernelWindow(quant::DecodeState &state, bool useCache) : m_state(state), m_useCache(useCache)
    {
        m_state.reset();
    }

    const std::vector<float> &nextLogits(const std::vector<int> &tokens)
    {
        m_windowStart =
            slideWindow(m_windowStart, tokens.size(), m_state.model().config().contextLength,
                        [&] { m_state.reset(); });
        if (!m_useCache)
            m_state.reset();
        const std::size_t fresh = m_windowStart + m_state.length();
        return m_state.append(tokens.data() + fresh, tokens.size() - fresh);
    }

private:
    quant::DecodeState &m_state;
    bool m_useCache;
    std::size_t m_windowStart = 0;
};

// Samples until the budget, the end id or the caller says stop; Window is either path above.
template <typename Window>
std::vector<int> sampleLoop(Window &model, const std::vector<int> &prompt,
                            const GenerationParams &params, const TokenCallback &onToken,
                            GenerationStats &s)
{
    const auto start = Clock::now();
    Clock::time_point firstTokenAt = start;
    std::vector<int> tokens = prompt;
    tokens.reserve(prompt.size() + std::size_t(std::max(params.maxNewTokens, 0)));
    std::vector<int> generated;
    generated.reserve(std::size_t(std::max(params.maxNewTokens, 0)));
    Sampler sampler(params.seed);
    while (int(generated.size()) < params.maxNewTokens) {
        const int next = sampler.pick(model.nextLogits(tokens), params.sampling, tokens);
        tokens.push_back(next);
        generated.push_back(next);
        if (generated.size() == 1) {
            firstTokenAt = Clock::now();
            s.timeToFirstTokenMs = millisecondsSince(start);
        }
        if (onToken && !onToken(next)) {
            s.stoppedByCaller = true;
            break;
        }
        if (next == params.endOfText) {
            s.reachedEndOfText = true;
            break;
        }
    }
    s.generatedTokens = int(generated.size());
    s.totalMs = millisecondsSince(start);
    const double afterFirst = millisecondsSince(firstTokenAt) / 1000.0;
    s.tokensPerSecond =
        generated.size() > 1 && afterFirst > 0 ? double(generated.size() - 1) / afterFirst : 0;
    return generated;
}

} // namespace

Generator::Generator(LanguageModel model, Precision precision, DecodePath path)
    : m_model(std::move(model)), m_precision(precision)
{
    const bool onCpu = m_model.impl().device.is_cpu();
    if (precision == Precision::Int8 && (path == DecodePath::LibTorch || !onCpu))
        throw std::invalid_argument("int8 decoding runs on the CPU through the decode kernels "
                                    "(load the model with --device cpu)");
    if (path == DecodePath::Kernels && onCpu) {
        m_decoder = buildDecodeModel(m_model, precision);
        m_state = std::make_unique<quant::DecodeState>(m_decoder);
    }
}

Generator::Generator(Generator &&) noexcept = default;
Generator &Generator::operator=(Generator &&) noexcept = default;
Generator::~Generator() = default;

std::string Generator::pathDescription() const
{
    if (!m_decoder)
        return "LibTorch";
    return std::string("kernels (") + m_decoder->kernels().name + ")";
}

std::vector<int> Generator::generate(const std::vector<int> &prompt, const GenerationParams &params,
                                     const TokenCallback &onToken, GenerationStats *stats)
{
    if (prompt.empty())
        throw std::invalid_argument("the prompt is empty: give at least one token");
    LanguageModel::Impl &impl = m_model.impl();
    checkIds(prompt, impl.gpt->config().vocabSize);
    torch::NoGradGuard noGrad; // grad mode is per thread: set it on the thread that generates
    impl.gpt->eval();

    GenerationStats local;
    GenerationStats &s = stats ? *stats : local;
    s = GenerationStats{};
    s.promptTokens = int(prompt.size());
    if (m_state) {
        KernelWindow window(*m_state, params.useKvCache);
        return sampleLoop(window, prompt, params, onToken, s);
    }
    TorchWindow window(impl, params.useKvCache);
    return sampleLoop(window, prompt, params, onToken, s);
}

std::vector<float> Generator::nextTokenLogits(const std::vector<int> &tokens, std::size_t position)
{
    if (position >= tokens.size())
        throw std::invalid_argument("position " + std::to_string(position) + " is past the " +
                                    std::to_string(tokens.size()) + " tokens given");
    LanguageModel::Impl &impl = m_model.impl();
    checkIds(tokens, impl.gpt->config().vocabSize);
    const std::size_t context = std::size_t(impl.gpt->config().contextLength);
    const std::size_t first = position + 1 > context ? position + 1 - context : 0;
    if (m_state) {
        m_state->reset();
        return m_state->append(tokens.data() + first, position + 1 - first);
    }
    torch::NoGradGuard noGrad;
    impl.gpt->eval();
    const auto begin = tokens.begin() + std::ptrdiff_t(first);
    const torch::Tensor logits = impl.gpt->forward(
        idsTensor(begin, tokens.begin() + std::ptrdiff_t(position + 1), impl.device));
    return toVector(logits.select(1, logits.size(1) - 1));
}

} // namespace azllm
