#include "sampling_options.h"

std::vector<CliOption> samplingOptions()
{
    return {
        {"temperature", "T", "0 = greedy; higher is more adventurous (default 0.8)"},
        {"top-k", "K", "sample among the K likeliest tokens, 0 = all (default 40)"},
        {"top-p", "P", "sample among the likeliest tokens holding P of the mass (default 0.95)"},
        {"repetition-penalty", "R", "above 1 discourages repeats (default 1.0)"},
        {"tokens", "N", "new tokens at most (default 128)"},
        {"seed", "N", "random seed (default 0)"},
        {"device", "NAME", "auto, cpu, cuda or cuda:N (default auto)"}};
}

azllm::GenerationParams generationParamsFrom(const CommandLine &cl)
{
    azllm::GenerationParams p;
    p.sampling.temperature = cl.doubleValue("temperature", p.sampling.temperature);
    p.sampling.topK = int(cl.intValue("top-k", p.sampling.topK));
    p.sampling.topP = cl.doubleValue("top-p", p.sampling.topP);
    p.sampling.repetitionPenalty =
        cl.doubleValue("repetition-penalty", p.sampling.repetitionPenalty);
    p.maxNewTokens = int(cl.intValue("tokens", p.maxNewTokens));
    p.seed = std::uint64_t(cl.intValue("seed", 0));
    if (p.sampling.temperature < 0 || p.sampling.topK < 0 || p.sampling.topP <= 0 ||
        p.sampling.topP > 1 || p.sampling.repetitionPenalty <= 0 || p.maxNewTokens <= 0)
        throw UsageError(
            "sampling values out of range: temperature >= 0, top-k >= 0, 0 < top-p <= 1, "
            "repetition-penalty > 0, tokens > 0");
    return p;
}
