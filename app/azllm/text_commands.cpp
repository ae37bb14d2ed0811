// azllm prepare | tokenize | bench tokenize: the text pipeline's commands (core/text).
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "command_line.h"
#include "commands.h"
#include "corpus_preparer.h"
#include "quality_filter.h"
#include "tokenize_benchmark.h"
#include "tokenizer.h"

using namespace azllm;

namespace {

// ---------------------------------------------------------------------------------------------
// prepare

PrepareOptions prepareOptions(const CommandLine &cl)
{
    PrepareOptions o;
    // --input takes one path; more may follow it as plain arguments (--input a b c).
    for (const auto &[name, value] : cl.given())
        if (name == "input")
            o.inputs.push_back(value);
    for (const std::string &path : cl.positional())
        o.inputs.push_back(path);
    if (o.inputs.empty())
        throw UsageError("--input PATH is required");
    o.outputDir = cl.required("out");
    o.tokenizer.vocabSize = int(cl.intValue("vocab", o.tokenizer.vocabSize));
    try {
        o.tokenizer.modelType = tokenizerModelTypeFromString(cl.value("model", "bpe"));
    } catch (const std::invalid_argument &e) {
        throw UsageError(e.what());
    }
    o.tokenizer.characterCoverage =
        cl.doubleValue("character-coverage", o.tokenizer.characterCoverage);
    o.tokenizer.seed = unsigned(cl.intValue("seed", o.tokenizer.seed));
    o.splitSeed = o.tokenizer.seed;
    o.valRatio = cl.doubleValue("val-ratio", o.valRatio);
    if (o.valRatio < 0 || o.valRatio >= 1)
        throw UsageError("--val-ratio must be in [0, 1)");
    o.cleaning.transliterateCyrillic = cl.has("transliterate");
    o.import.paragraphDocuments = cl.has("paragraphs");
    o.import.jsonlField = cl.value("jsonl-field", o.import.jsonlField);
    o.dedupe.near = !cl.has("no-near-dedupe");
    o.dedupe.nearThreshold = cl.doubleValue("near-threshold", o.dedupe.nearThreshold);
    o.existingTokenizer = cl.value("tokenizer");
    o.filters.language = !cl.has("no-langid");
    o.filters.languageCode = cl.value("lang", o.filters.languageCode);
    o.filters.languageThreshold = cl.doubleValue("lang-threshold", o.filters.languageThreshold);
    o.filters.quality.enabled = !cl.has("no-quality");
    o.filters.quality.minWords = int(cl.intValue("min-words", o.filters.quality.minWords));
    o.filters.quality.boilerplateDocuments =
        int(cl.intValue("boilerplate-docs", o.filters.quality.boilerplateDocuments));
    o.filters.pii = !cl.has("no-pii");
    o.threads = unsigned(cl.intValue("threads", 0));
    o.resume = !cl.has("no-resume");
    return o;
}

// "1 h 05 min", "3 min 20 s", "12 s".
std::string durationText(double seconds)
{
    char text[32];
    const auto s = static_cast<long long>(seconds + 0.5);
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%lld h %02lld min", s / 3600, (s % 3600) / 60);
    else if (s >= 60)
        std::snprintf(text, sizeof text, "%lld min %02lld s", s / 60, s % 60);
    else
        std::snprintf(text, sizeof text, "%lld s", s);
    return text;
}

// A one-line progress display on stderr, redrawn a few times a second at most.
bool showProgress(const PrepareProgress &p)
{
    if (p.stage == PrepareStage::Done) {
        std::fprintf(stderr, "\r%60s\r", "");
        return true;
    }
    const double percent = p.total ? 100.0 * double(p.done) / double(p.total) : 0.0;
    std::fprintf(stderr, "\r%-10s %5.1f%%  %.1f MB  %llu documents", toString(p.stage), percent,
                 double(p.stage == PrepareStage::Import ? p.textBytes : p.done) / 1e6,
                 static_cast<unsigned long long>(p.documents));
    if (p.secondsLeft >= 0)
        std::fprintf(stderr, "  about %s left   ", durationText(p.secondsLeft).c_str());
    std::fflush(stderr);
    return true;
}

void printStatistics(const PrepareReport &r)
{
    const TokenStatistics &s = r.statistics;
    std::printf("corpus:     %zu files (%zu skipped), %.2f MB, %llu documents read\n", r.files,
                r.filesSkipped, double(r.bytes) / 1e6, (unsigned long long)r.documentsRead);
    if (r.resumedDocuments > 0)
        std::printf("resumed:    after %llu documents an earlier run had read\n",
                    (unsigned long long)r.resumedDocuments);
    std::printf("filters:    %llu not Azerbaijani, %llu personal data replaced; quality:",
                (unsigned long long)r.filters.languageRemoved,
                (unsigned long long)r.filters.piiReplaced);
    for (int rule = 0; rule < sources::kQualityRuleCount; ++rule)
        std::printf(" %s %llu", sources::ruleKey(sources::QualityRule(rule)),
                    (unsigned long long)r.filters.qualityRemoved[std::size_t(rule)]);
    std::printf("\n");
    std::printf("cleaning:   %llu empty, %llu exact and %llu near duplicates removed, "
                "%llu documents kept\n",
                (unsigned long long)r.emptyDocuments, (unsigned long long)r.exactDuplicates,
                (unsigned long long)r.nearDuplicates, (unsigned long long)r.documentsKept);
    std::printf("split:      %llu train / %llu validation documents\n",
                (unsigned long long)r.trainDocuments, (unsigned long long)r.valDocuments);
    std::printf("tokenizer:  %s, vocabulary %d\n", r.modelType.c_str(), r.vocabSize);
    std::printf("shards:     %llu train tokens, %llu validation tokens\n",
                (unsigned long long)r.trainTokens, (unsigned long long)r.valTokens);
    std::printf("statistics (%s split): %llu words, %llu tokens\n",
                r.statisticsOnTrain ? "train; the validation split is empty" : "validation",
                (unsigned long long)s.words, (unsigned long long)s.tokens);
    std::printf("  fertility:        %.3f tokens per word\n", s.fertility());
    std::printf("  characters/token: %.3f\n", s.charactersPerToken());
    std::printf("  byte fallback:    %.3f%% of tokens\n", 100.0 * s.byteFallbackShare());
    std::printf("  top pieces:      ");
    for (const auto &[piece, count] : s.topPieces)
        std::printf(" %s(%llu)", piece.c_str(), (unsigned long long)count);
    std::printf("\n");
}

int prepareCommand(const std::vector<std::string> &args)
{
    CommandLine cl(
        "azllm prepare --input PATH... --out DIR [--vocab N] [--model bpe|unigram] "
        "[--val-ratio R] [--transliterate] ...",
        {{"input", "PATH",
          "a file or folder (.txt .md .jsonl .html .htm, a MediaWiki .xml dump; each also .gz "
          ".xz .zst .bz2); more paths may follow"},
         {"out", "DIR", "output folder: tokenizer.model, train.tokens, val.tokens, report.txt"},
         {"vocab", "N", "vocabulary size (default 8000)"},
         {"model", "TYPE", "bpe (default) or unigram"},
         {"val-ratio", "R", "share of documents held out for validation (default 0.05)"},
         {"seed", "N", "seed of the split and the tokenizer's sampling (default 1234)"},
         {"transliterate", "", "convert Cyrillic-script Azerbaijani to Latin"},
         {"paragraphs", "", "one document per blank-line-separated block (default: per file)"},
         {"jsonl-field", "NAME", "the text field of .jsonl lines (default text)"},
         {"near-threshold", "T", "near-duplicate similarity threshold (default 0.8)"},
         {"no-near-dedupe", "", "keep near duplicates (exact ones are still removed)"},
         {"character-coverage", "C", "SentencePiece character coverage (default 0.9999)"},
         {"tokenizer", "FILE", "use this trained tokenizer instead of training one"},
         {"no-langid", "", "keep documents in any language"},
         {"lang", "CODE", "the language to keep (default az: Latin and Cyrillic script)"},
         {"lang-threshold", "P", "minimum language score to keep a document (default 0.5)"},
         {"no-quality", "",
          "no quality rules (short, letters, symbols, repeated lines, boilerplate)"},
         {"min-words", "N", "the too_short rule's minimum words (default 10)"},
         {"boilerplate-docs", "N", "a line in N documents is boilerplate (default 5; 0: off)"},
         {"no-pii", "", "keep e-mail addresses and phone numbers"},
         {"threads", "N", "threads for decompression and filters (default: one per core)"},
         {"no-resume", "", "start afresh even when an interrupted import could resume"},
         {"quiet", "", "no progress display"}});
    if (cl.parseOrPrintHelp(args))
        return 0;
    const PrepareOptions options = prepareOptions(cl);
    const PrepareCallback progress =
        cl.has("quiet") ? PrepareCallback{} : PrepareCallback{showProgress};
    const PrepareReport report = CorpusPreparer(options).run(progress);
    for (const ImportIssue &issue : report.issues)
        std::fprintf(stderr, "warning: %s\n", issue.toString().c_str());
    printStatistics(report);
    std::printf("wrote %s, %s, %s, %s\n", report.tokenizerPath.c_str(), report.trainPath.c_str(),
                report.valPath.c_str(), report.reportPath.c_str());
    return 0;
}

// ---------------------------------------------------------------------------------------------
// tokenize

std::string readInput(const CommandLine &cl)
{
    if (cl.has("text") == cl.has("file"))
        throw UsageError("give exactly one of --text STR and --file F");
    if (cl.has("text"))
        return cl.value("text");
    const std::string path = cl.value("file");
    std::FILE *file = std::fopen(path.c_str(), "rb");
    if (!file)
        throw std::runtime_error("cannot read " + path);
    std::string bytes;
    char buffer[1 << 16];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;)
        bytes.append(buffer, n);
    std::fclose(file);
    return bytes;
}

int tokenizeCommand(const std::vector<std::string> &args)
{
    CommandLine cl("azllm tokenize --tokenizer FILE (--text STR | --file F) [--decode]",
                   {{"tokenizer", "FILE", "a tokenizer.model"},
                    {"text", "STR", "the text (or, with --decode, the ids)"},
                    {"file", "F", "read the text (or ids) from a file"},
                    {"decode", "", "the input is token ids (spaces or commas); print the text"}});
    if (cl.parseOrPrintHelp(args))
        return 0;
    const std::string input = readInput(cl);
    const Tokenizer tokenizer = Tokenizer::load(cl.required("tokenizer"));
    if (cl.has("decode")) {
        std::printf("%s\n", tokenizer.decode(parseTokenIds(input, "--decode")).c_str());
        return 0;
    }
    const std::vector<int> ids = tokenizer.encode(input);
    std::string pieces, numbers;
    for (int id : ids) {
        pieces += (pieces.empty() ? "" : " ") + tokenizer.idToPiece(id);
        numbers += (numbers.empty() ? "" : " ") + std::to_string(id);
    }
    std::printf("pieces: %s\nids: %s\n%zu tokens, %zu bytes\n", pieces.c_str(), numbers.c_str(),
                ids.size(), input.size());
    return 0;
}

// ---------------------------------------------------------------------------------------------
// bench tokenize

int benchTokenizeCommand(const std::vector<std::string> &args)
{
    CommandLine cl("azllm bench tokenize --tokenizer FILE --file F [--min-mb N]",
                   {{"tokenizer", "FILE", "a tokenizer.model"},
                    {"file", "F", "UTF-8 text, encoded line by line"},
                    {"min-mb", "N", "repeat a smaller file up to N MB (default 16)"}});
    if (cl.parseOrPrintHelp(args))
        return 0;
    TokenizeBenchmarkOptions options;
    options.tokenizerPath = cl.required("tokenizer");
    options.inputPath = cl.required("file");
    options.minimumBytes = std::uint64_t(cl.intValue("min-mb", 16)) << 20;
    const TokenizeBenchmarkResult r = runTokenizeBenchmark(options);
    std::printf("input:       %.2f MB, %llu lines, %llu tokens\n", double(r.bytes) / 1e6,
                (unsigned long long)r.lines, (unsigned long long)r.tokens);
    std::printf("azllm:       %.2f MB/s, %.0f tokens/s (%.3f s)\n", r.mbPerSecond,
                r.tokensPerSecond, r.seconds);
    if (r.spmMbPerSecond) {
        std::printf("spm_encode:  %.2f MB/s (%.3f s: %s)\n", *r.spmMbPerSecond, *r.spmSeconds,
                    r.spmCommand.c_str());
        std::printf("ratio:       %.2fx spm_encode; ids %s\n", *r.ratio(),
                    *r.identicalIds ? "identical" : "DIFFER");
    } else {
        std::fprintf(stderr, "warning: %s\n", r.spmError.c_str());
    }
    std::printf("%s\n", r.json().c_str());
    return r.identicalIds.value_or(true) ? 0 : 1;
}

} // namespace

std::vector<Command> textCommands()
{
    return {
        {"prepare", "corpus to tokenizer and token shards, with statistics", prepareCommand},
        {"tokenize", "show the pieces and ids of a text, or decode ids", tokenizeCommand},
        // Routed from `azllm bench tokenize` by the engine's bench command.
        {"bench-tokenize", "encode throughput against spm_encode", benchTokenizeCommand},
    };
}
