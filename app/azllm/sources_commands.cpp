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
#include "language_identifier.h"

using namespace azllm::sources;

namespace {

bool parseOrHelp(CommandLine &cl, const std::vector<std::string> &args)
{
    cl.parse(args);
    if (cl.helpRequested())
        std::printf("%s", cl.helpText().c_str());
    return cl.helpRequested();
}

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
    if (parseOrHelp(cl, args))
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
    if (parseOrHelp(cl, args))
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

} // namespace

std::vector<Command> sourcesCommands()
{
    return {
        {"langid", "the languages of a text, as one JSON line", langidCommand},
        {"collect", "fetch news articles politely from feeds, sitemaps, URL lists", collectCommand},
    };
}
