// azllm bench kb: knowledge-base speed on a generated base of at least 20 MB. Indexing MB/s, and
// query latency (median, p95) per retrieval mode over a question file. The base is made from the
// sample corpus, the UDHR and the sample law, repeated with variations (paragraphs reshuffled,
// word endings changed, articles renumbered) so that it is not one text twenty thousand times.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <random>

#include "command_line.h"
#include "commands.h"
#include "corpus_reader.h"
#include "dense_index.h"
#include "installed_paths.h"
#include "knowledge_importer.h"
#include "knowledge_store.h"
#include "qt_application.h"
#include "retrieval_evaluation.h"
#include "retriever.h"
#include "runtime.h"
#include "workspace.h"

using namespace azllm;

namespace {

// Endings an Azerbaijani word may take; a changed ending makes a new word form, as real text has.
const char *kEndings[] = {"lar", "lər", "ın",  "in",  "ı",    "i",    "a",   "ə",
                          "da",  "də",  "dan", "dən", "ları", "ləri", "nın", "nin",
                          "la",  "lə",  "dır", "dir", "mız",  "miz"};

QStringList sourceParagraphs()
{
    std::vector<std::string> inputs;
    for (const QString &input : Workspace::sampleInputs())
        inputs.push_back(input.toStdString());
    inputs.push_back(programDataPath("knowledge/reqemsal_tehsil_qanunu.md"));
    ImportOptions options;
    options.paragraphDocuments = true;
    CorpusReader reader(inputs, options);
    QStringList paragraphs;
    reader.read([&](Document &&d) {
        const QString text = QString::fromStdString(d.text).simplified();
        if (text.size() > 40)
            paragraphs << text;
        return true;
    });
    return paragraphs;
}

// One paragraph with about a third of its longer words given another ending.
QString varied(const QString &paragraph, std::mt19937 &rng)
{
    QStringList words = paragraph.split(QLatin1Char(' '));
    std::uniform_int_distribution<int> pick(0, int(std::size(kEndings)) - 1);
    std::bernoulli_distribution change(0.3);
    for (QString &w : words)
        if (w.size() >= 6 && w.back().isLetter() && change(rng))
            w = w.left(w.size() - 2) + QString::fromUtf8(kEndings[pick(rng)]);
    return words.join(QLatin1Char(' '));
}

// Writes documents of about 50 KB each, articles of a few paragraphs, until `bytes` are written.
qint64 writeBase(const QString &dir, qint64 bytes, unsigned seed)
{
    const QStringList paragraphs = sourceParagraphs();
    if (paragraphs.isEmpty())
        throw std::runtime_error("the sample corpus was not found");
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> any(0, int(paragraphs.size()) - 1);
    std::uniform_int_distribution<int> articleLength(1, 4);
    qint64 written = 0;
    for (int n = 1; written < bytes; ++n) {
        QString text = QStringLiteral("# Sənəd %1\n\n").arg(n);
        for (int article = 1; text.size() < 25000; ++article) {
            text += QStringLiteral("Maddə %1. Bölmə %2\n\n").arg(article).arg(n);
            for (int p = articleLength(rng); p > 0; --p)
                text += varied(paragraphs[any(rng)], rng) + QStringLiteral("\n\n");
        }
        QFile file(QStringLiteral("%1/sened-%2.md").arg(dir).arg(n, 5, 10, QLatin1Char('0')));
        if (!file.open(QIODevice::WriteOnly))
            throw std::runtime_error("cannot write " + file.fileName().toStdString());
        written += file.write(text.toUtf8());
    }
    return written;
}

struct Latency
{
    double median = 0;
    double p95 = 0;
    double mean = 0;
};

Latency latencyOf(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    Latency l;
    if (ms.empty())
        return l;
    l.median = ms[ms.size() / 2];
    l.p95 = ms[std::min(ms.size() - 1, std::size_t(double(ms.size()) * 0.95))];
    for (double v : ms)
        l.mean += v / double(ms.size());
    return l;
}

Latency timeQueries(const Retriever &retriever, const QVector<EvalQuestion> &questions,
                    RetrievalMode mode, int k, int runs)
{
    for (const EvalQuestion &q : questions) // warm-up: caches, the vectors read into memory
        retriever.search(q.question, mode, k);
    std::vector<double> ms;
    QElapsedTimer clock;
    for (int run = 0; run < runs; ++run)
        for (const EvalQuestion &q : questions) {
            clock.start();
            retriever.search(q.question, mode, k);
            ms.push_back(double(clock.nsecsElapsed()) / 1e6);
        }
    return latencyOf(ms);
}

int runBenchKb(const std::vector<std::string> &args)
{
    CommandLine cl(
        "azllm bench kb [--mb 20] [--queries FILE] [--runs 5] [--k 5] [--checkpoint C]",
        {{"mb", "MB", "size of the generated base (default 20)"},
         {"queries", "FILE", "JSONL questions timed per mode (default the UDHR dev set)"},
         {"runs", "R", "times each question is asked per mode (default 5)"},
         {"k", "K", "chunks retrieved per question (default 5)"},
         {"checkpoint", "C",
          "a model for dense and hybrid (their vectors are computed "
          "first; without it those modes are skipped)"},
         {"keep", "DIR", "build the base in DIR and keep it (default a temporary folder)"}});
    cl.parse(args);
    if (cl.helpRequested()) {
        std::printf("%s", cl.helpText().c_str());
        return 0;
    }
    const auto app = ensureQtApplication();
    initializeRuntime();
    QTemporaryDir scratch;
    const QString root = cl.has("keep") ? QString::fromStdString(cl.value("keep")) : scratch.path();
    const QString corpus = root + QStringLiteral("/corpus");
    QDir().mkpath(corpus);
    const qint64 bytes = writeBase(corpus, qint64(cl.doubleValue("mb", 20) * 1e6), 1);
    Workspace workspace(root + QStringLiteral("/ws"));
    KnowledgeStore store(workspace.database());
    const qint64 base = store.createBase(QStringLiteral("bench"));
    const KnowledgeImportReport report = KnowledgeImporter(store, base).import({corpus});
    const double mbps = double(report.bytes) / 1e6 / report.seconds;
    std::printf("base: %d documents, %.1f MB, %d chunks; indexing %.2f s = %.2f MB/s\n",
                report.added, double(bytes) / 1e6, report.chunks, report.seconds, mbps);

    const QVector<EvalQuestion> questions = readEvalQuestions(QString::fromStdString(
        cl.value("queries", programDataPath("knowledge/udhr_questions_dev.jsonl"))));
    const int runs = int(std::max<std::int64_t>(1, cl.intValue("runs", 5)));
    const int k = int(std::max<std::int64_t>(1, cl.intValue("k", 5)));
    std::unique_ptr<DenseIndex> dense;
    double embedSeconds = 0;
    if (cl.has("checkpoint")) {
        QElapsedTimer clock;
        clock.start();
        dense = openDenseIndex(store, base, QString::fromStdString(cl.value("checkpoint")));
        embedSeconds = double(clock.nsecsElapsed()) / 1e9;
        std::printf("vectors: %d chunks embedded in %.1f s (%.0f chunks/s), %d dimensions\n",
                    report.chunks, embedSeconds, report.chunks / embedSeconds, dense->dimension());
    }
    const Retriever retriever(store, *store.base(base), dense.get());
    QStringList json;
    for (RetrievalMode mode :
         {RetrievalMode::Bm25, RetrievalMode::Morph, RetrievalMode::Dense, RetrievalMode::Hybrid}) {
        if (needsVectors(mode) && !dense) {
            std::printf("%-7s skipped (no --checkpoint)\n", qPrintable(retrievalModeName(mode)));
            continue;
        }
        const Latency l = timeQueries(retriever, questions, mode, k, runs);
        std::printf("%-7s median %.2f ms, p95 %.2f ms, mean %.2f ms over %d queries\n",
                    qPrintable(retrievalModeName(mode)), l.median, l.p95, l.mean,
                    int(questions.size()) * runs);
        json << QStringLiteral("\"%1_median_ms\": %2, \"%1_p95_ms\": %3")
                    .arg(retrievalModeName(mode))
                    .arg(l.median, 0, 'f', 3)
                    .arg(l.p95, 0, 'f', 3);
    }
    std::printf("{\"bench\": \"kb\", \"mb\": %.2f, \"documents\": %d, \"chunks\": %d, "
                "\"index_mb_per_s\": %.3f, \"threads\": %d, %s}\n",
                double(bytes) / 1e6, report.added, report.chunks, mbps, threadCount(),
                qPrintable(json.join(QStringLiteral(", "))));
    return 0;
}

} // namespace

std::vector<Command> knowledgeBenchCommands()
{
    return {{"bench-kb", "knowledge bases: indexing MB/s, query latency per mode", runBenchKb}};
}
