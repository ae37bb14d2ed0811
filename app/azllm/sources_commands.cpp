// azllm langid | collect: language identification and the polite news collector (core/sources).
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "collector.h"
#include "command_line.h"
#include "commands.h"
#include "corpus_reader.h"
#include "import_pipeline.h"
#include "language_identifier.h"

#include <sys/resource.h>

#include <chrono>

using namespace azllm::sources;

namespace {

std::string readWhole(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The first n words of a line.
std::string firstWords(const std::string &line, int n)
{
    std::istringstream in(line);
    std::string word, out;
    for (int i = 0; i < n && in >> word; ++i)
        out += (out.empty() ? "" : " ") + word;
    return out;
}

// DIR/<code>.txt, one held-out paragraph a line (scripts/build_langid_profiles.py writes them):
// accuracy per language for whole paragraphs and for their first five words.
int evaluateLanguages(const LanguageIdentifier &id, const std::string &dir)
{
    std::printf("%-8s %10s %14s %14s\n", "language", "paragraphs", "accuracy", "5-word accuracy");
    int total = 0, right = 0, rightShort = 0;
    for (const std::string &code : id.codes()) {
        std::ifstream in(dir + "/" + code + ".txt");
        if (!in)
            throw std::runtime_error("no held-out text " + dir + "/" + code + ".txt");
        int n = 0, ok = 0, okShort = 0;
        for (std::string line; std::getline(in, line);) {
            if (line.empty())
                continue;
            ++n;
            ok += id.identify(line).front().code == code;
            okShort += id.identify(firstWords(line, 5)).front().code == code;
        }
        std::printf("%-8s %10d %13.1f%% %13.1f%%\n", code.c_str(), n, 100.0 * ok / std::max(1, n),
                    100.0 * okShort / std::max(1, n));
        total += n;
        right += ok;
        rightShort += okShort;
    }
    std::printf("%-8s %10d %13.1f%% %13.1f%%\n", "all", total, 100.0 * right / std::max(1, total),
                100.0 * rightShort / std::max(1, total));
    return 0;
}

int langidCommand(const std::vector<std::string> &args)
{
    CommandLine cl(
        "azllm langid (--text TEXT | --file FILE) [--top N] | --evaluate DIR",
        {{"text", "TEXT", "the text to identify"},
         {"file", "FILE", "read the text from a UTF-8 file"},
         {"top", "N", "languages listed (default 3)"},
         {"profiles", "FILE", "other profiles than the built-in ones"},
         {"evaluate", "DIR", "accuracy on held-out text: DIR/<code>.txt, a sample a line"}});
    if (cl.parseOrPrintHelp(args))
        return 0;
    const LanguageIdentifier loaded =
        cl.has("profiles") ? LanguageIdentifier::load(cl.value("profiles")) : LanguageIdentifier();
    const LanguageIdentifier &id = cl.has("profiles") ? loaded : LanguageIdentifier::builtIn();
    if (cl.has("evaluate"))
        return evaluateLanguages(id, cl.value("evaluate"));
    if (cl.has("text") == cl.has("file"))
        throw UsageError("give exactly one of --text TEXT, --file FILE and --evaluate DIR");
    const std::string text = cl.has("text") ? cl.value("text") : readWhole(cl.value("file"));
    const auto scores = id.identify(text);
    QJsonArray top;
    const auto count = std::min<std::size_t>(std::size_t(cl.intValue("top", 3)), scores.size());
    for (std::size_t i = 0; i < count; ++i) {
        QJsonObject language;
        language.insert(QStringLiteral("code"), QString::fromStdString(scores[i].code));
        language.insert(QStringLiteral("name"), QString::fromStdString(id.name(scores[i].code)));
        language.insert(QStringLiteral("score"), std::round(scores[i].score * 1e4) / 1e4);
        top.append(language);
    }
    QJsonObject result;
    result.insert(QStringLiteral("languages"), top);
    result.insert(QStringLiteral("azerbaijani"),
                  std::round(LanguageIdentifier::scoreOf(scores, "az") * 1e4) / 1e4);
    result.insert(QStringLiteral("bytes"), qint64(text.size()));
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

int collectCommand(const std::vector<std::string> &args)
{
    CommandLine cl("azllm collect --sources FILE --out DIR [--delay S] [--max-pages N]",
                   {{"sources", "FILE", "one source a line: feed|sitemap|urls LOCATION [licence]"},
                    {"out", "DIR", "documents.jsonl and fetch_state.tsv (a second run resumes)"},
                    {"delay", "S", "seconds between two requests to one site (default 1)"},
                    {"timeout", "S", "seconds before a request is given up (default 20)"},
                    {"max-pages", "N", "stop after N new documents (default: no limit)"},
                    {"quiet", "", "no progress display"}});
    if (cl.parseOrPrintHelp(args))
        return 0;
    int argc = 1;
    char name[] = "azllm";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv); // Qt Network needs one
    const QList<CollectSource> sources =
        readSourcesFile(QString::fromStdString(cl.required("sources")));
    CollectOptions options;
    options.outputDir = QString::fromStdString(cl.required("out"));
    options.delaySeconds = cl.doubleValue("delay", options.delaySeconds);
    options.timeoutMs = int(cl.doubleValue("timeout", 20) * 1000);
    options.maxPages = int(cl.intValue("max-pages", 0));
    const bool quiet = cl.has("quiet");
    const CollectReport report = Collector(options).run(sources, [quiet](const CollectProgress &p) {
        if (!quiet) {
            std::fprintf(stderr, "\r%d/%d  %-70.70s", p.done, p.total, p.url.toUtf8().constData());
            std::fflush(stderr);
        }
        return true;
    });
    if (!quiet)
        std::fprintf(stderr, "\r%90s\r", "");
    for (const QString &problem : report.problems)
        std::fprintf(stderr, "warning: %s\n", problem.toUtf8().constData());
    std::printf("collected %d new documents into %s/documents.jsonl; %d already had, %d feeds "
                "unchanged, %d kept out by robots.txt, %d failed\n",
                report.documents, options.outputDir.toUtf8().constData(), report.alreadyHad,
                report.notModified, report.robotsBlocked, report.failed);
    return 0;
}

struct ImportRun
{
    double seconds = 0;
    std::uint64_t textBytes = 0, fileBytes = 0, documents = 0, kept = 0;
};

// Import, clean, filter and dedupe (what `prepare` does before the tokenizer), without writing.
ImportRun timeImport(const std::vector<std::string> &inputs)
{
    const auto start = std::chrono::steady_clock::now();
    azllm::CorpusReader reader(inputs);
    ImportRun run;
    run.fileBytes = reader.totalBytes();
    azllm::ImportPipeline pipeline({}, azllm::FilterOptions{}, azllm::DedupeOptions{}, 0,
                                   [](azllm::KeptDocument &&) {});
    reader.read([&](azllm::Document &&document) {
        run.textBytes += document.text.size();
        pipeline.add(std::move(document));
        return true;
    });
    pipeline.flush();
    run.documents = pipeline.counts().documentsRead;
    run.kept = pipeline.counts().documentsKept;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return run;
}

double peakResidentMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

int benchImportCommand(const std::vector<std::string> &args)
{
    CommandLine cl("azllm bench import --input PATH... [--reference PATH...]",
                   {{"input", "PATH", "files or folders to import (more paths may follow)"},
                    {"reference", "PATH", "the same text in another form (plain), timed after"}});
    if (cl.parseOrPrintHelp(args))
        return 0;
    std::vector<std::string> inputs, reference;
    for (const auto &[name, value] : cl.given())
        (name == "input" ? inputs : reference).push_back(value);
    for (const std::string &path : cl.positional())
        inputs.push_back(path);
    if (inputs.empty())
        throw UsageError("--input PATH is required");
    const auto print = [](const char *label, const ImportRun &r) {
        std::printf("%-10s %8.1f MB text (%8.1f MB on disk) %9llu documents, %9llu kept, "
                    "%7.2f s, %6.1f MB/s of text\n",
                    label, double(r.textBytes) / 1e6, double(r.fileBytes) / 1e6,
                    (unsigned long long)r.documents, (unsigned long long)r.kept, r.seconds,
                    double(r.textBytes) / 1e6 / r.seconds);
    };
    const ImportRun run = timeImport(inputs);
    print("input:", run);
    std::printf("peak resident memory: %.0f MB\n", peakResidentMb());
    if (!reference.empty()) {
        const ImportRun ref = timeImport(reference);
        print("reference:", ref);
        std::printf("ratio: %.2fx the reference's MB/s; peak resident memory (both): %.0f MB\n",
                    (double(run.textBytes) / run.seconds) / (double(ref.textBytes) / ref.seconds),
                    peakResidentMb());
    }
    return 0;
}

} // namespace

std::vector<Command> sourcesCommands()
{
    return {
        {"langid", "the languages of a text, as one JSON line", langidCommand},
        {"collect", "fetch news articles politely from feeds, sitemaps, URL lists", collectCommand},
        // Routed from `azllm bench import` by the engine's bench command.
        {"bench-import", "import, clean and filter throughput, MB/s and memory",
         benchImportCommand},
    };
}
