// azllm export | import | bench quant: a checkpoint out to GGUF or safetensors and back, and
// fp32 against int8 measured on one checkpoint.
#include <cstdio>

#include "command_line.h"
#include "commands.h"
#include "model_export.h"
#include "model_import.h"
#include "quantization_report.h"
#include "runtime.h"

using namespace azllm;

namespace {

// A progress line that rewrites itself on a terminal, once per tenth.
class ConsoleProgress
{
public:
    bool operator()(const std::string &stage, double fraction)
    {
        const int tenth = int(fraction * 10);
        if (stage != m_stage || tenth != m_tenth) {
            std::fprintf(stderr, "%s: %3.0f%%\n", stage.c_str(), 100 * fraction);
            m_stage = stage;
            m_tenth = tenth;
        }
        return true;
    }

private:
    std::string m_stage;
    int m_tenth = -1;
};

std::string megabytes(std::uint64_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", double(bytes) / 1e6);
    return text;
}

int runExport(const std::vector<std::string> &args)
{
    CommandLine cl("azllm export --checkpoint DIR --format gguf|safetensors [--type f32|f16|q8_0] "
                   "--out PATH",
                   {{"checkpoint", "DIR", "a checkpoint folder or a run folder (its newest)"},
                    {"format", "NAME",
                     "gguf (llama.cpp, Ollama, LM Studio) or safetensors "
                     "(Hugging Face transformers)"},
                    {"type", "T", "f32 (default), f16, or q8_0 (GGUF only)"},
                    {"out", "PATH", "the .gguf file, or the folder for safetensors"}});
    if (cl.parseOrPrintHelp(args))
        return 0;
    ExportRequest request;
    request.checkpoint = cl.required("checkpoint");
    request.out = cl.required("out");
    try {
        request.format = parseExportFormat(cl.required("format"));
        request.type = quant::parseExportType(cl.value("type", "f32"));
    } catch (const std::invalid_argument &e) {
        throw UsageError(e.what());
    }
    initializeRuntime();
    ConsoleProgress progress;
    const ExportResult result = exportModel(request, std::ref(progress));
    for (const std::string &note : result.notes)
        std::fprintf(stderr, "note: %s\n", note.c_str());
    std::printf("exported %s (%s, %s) to %s, %s\n", result.checkpoint.c_str(),
                exportFormatName(request.format), quant::exportTypeName(request.type),
                request.out.c_str(), megabytes(result.bytes).c_str());
    for (std::size_t i = 1; i < result.files.size(); ++i)
        std::printf("  and %s\n", result.files[i].c_str());
    return 0;
}

int runImport(const std::vector<std::string> &args)
{
    CommandLine cl("azllm import --in PATH --out DIR",
                   {{"in", "PATH",
                     "a .gguf file or a safetensors folder (from azllm export, or a "
                     "GPT-2 with a SentencePiece tokenizer)"},
                    {"out", "DIR", "a new run folder: config.txt, tokenizer.model, checkpoints/"}});
    if (cl.parseOrPrintHelp(args))
        return 0;
    initializeRuntime();
    const ImportResult result = importModel(cl.required("in"), cl.required("out"));
    for (const std::string &note : result.notes)
        std::fprintf(stderr, "note: %s\n", note.c_str());
    std::printf(
        "imported %s (%s: %lld layers, %lld heads, n_embd %lld, vocabulary %lld, context "
        "%lld) as %s\n",
        cl.value("in").c_str(), result.format.c_str(), static_cast<long long>(result.config.nLayer),
        static_cast<long long>(result.config.nHead), static_cast<long long>(result.config.nEmbd),
        static_cast<long long>(result.config.vocabSize),
        static_cast<long long>(result.config.contextLength), result.checkpoint.c_str());
    return 0;
}

int runBenchQuant(const std::vector<std::string> &args)
{
    CommandLine cl("azllm bench quant --checkpoint DIR [--data TOKENS] [--max-tokens N]",
                   {{"checkpoint", "DIR", "a checkpoint folder or a run folder (its newest)"},
                    {"data", "TOKENS", "token file to score (default: the run's validation data)"},
                    {"max-tokens", "N", "tokens scored at most (default 8192)"},
                    {"tokens", "N", "tokens generated per speed run (default 64)"}});
    if (cl.parseOrPrintHelp(args))
        return 0;
    initializeRuntime();
    QuantizationReportOptions o;
    o.checkpoint = cl.required("checkpoint");
    o.validationTokens = cl.value("data");
    o.maxTokens = cl.intValue("max-tokens", o.maxTokens);
    o.speedTokens = int(cl.intValue("tokens", o.speedTokens));
    const QuantizationReport r = measureQuantization(o);
    std::printf("%s, %lld tokens of %s, %s kernels\n", r.checkpoint.c_str(),
                static_cast<long long>(r.evaluatedTokens), r.validationFile.c_str(),
                r.kernels.c_str());
    std::printf("  %-5s %10s %12s %11s\n", "", "weights", "tokens/s", "perplexity");
    std::printf("  %-5s %10s %12.1f %11.4f\n", "fp32",
                megabytes(std::uint64_t(r.fp32.weightBytes)).c_str(), r.fp32.tokensPerSecond,
                r.fp32.perplexity);
    std::printf("  %-5s %10s %12.1f %11.4f\n", "int8",
                megabytes(std::uint64_t(r.int8.weightBytes)).c_str(), r.int8.tokensPerSecond,
                r.int8.perplexity);
    std::printf("  int8: %.2fx the speed, %.1f%% of the bytes, perplexity %+.2f%%\n", r.speedup(),
                100.0 * double(r.int8.weightBytes) / double(r.fp32.weightBytes),
                100 * r.perplexityChange());
    std::printf("{\"bench\": \"quant\", \"evaluated_tokens\": %lld, \"fp32_bytes\": %lld, "
                "\"int8_bytes\": %lld, \"fp32_tokens_per_s\": %.1f, \"tokens_per_s\": %.1f, "
                "\"fp32_perplexity\": %.5f, \"int8_perplexity\": %.5f, \"perplexity_change\": "
                "%.5f}\n",
                static_cast<long long>(r.evaluatedTokens),
                static_cast<long long>(r.fp32.weightBytes),
                static_cast<long long>(r.int8.weightBytes), r.fp32.tokensPerSecond,
                r.int8.tokensPerSecond, r.fp32.perplexity, r.int8.perplexity, r.perplexityChange());
    return 0;
}

} // namespace

std::vector<Command> modelIoCommands()
{
    return {
        {"export", "write a checkpoint as GGUF (llama.cpp, Ollama) or safetensors (transformers)",
         runExport},
        {"import", "a GGUF file or safetensors folder back into a run folder", runImport},
        {"bench-quant", "fp32 against int8 of a checkpoint: size, tokens/s, perplexity",
         runBenchQuant},
    };
}
