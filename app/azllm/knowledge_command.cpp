// azllm kb create|add|list|remove|rename|search|eval|embed: knowledge bases from a terminal, on
// the same studio.db the Knowledge screen uses (core/knowledge).
#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "command_line.h"
#include "commands.h"
#include "default_knowledge_base.h"
#include "dense_index.h"
#include "knowledge_error.h"
#include "knowledge_importer.h"
#include "knowledge_store.h"
#include "qt_application.h"
#include "retrieval_evaluation.h"
#include "retriever.h"
#include "runtime.h"
#include "workspace.h"

using namespace azllm;

namespace {

// One row per action: its synopsis and what it does (the overview), and the options it takes
// (`azllm kb ACTION --help` lists only those).
struct KbAction
{
    const char *name;
    const char *synopsis;
    const char *what;
    std::vector<std::string> options;
};

const std::vector<KbAction> &kbActions()
{
    static const std::vector<KbAction> actions = {
        {"create",
         "--name N [--description D] [--prefix N]",
         "a new, empty knowledge base",
         {"name", "description", "prefix"}},
        {"add",
         "--kb N PATH...",
         "import files and folders (txt, md, html, jsonl, pdf); a changed file replaces its chunks",
         {"kb"}},
        {"list",
         "[--kb N [--document D]]",
         "bases; a base's documents; a document's chunks",
         {"kb", "document"}},
        {"remove",
         "--kb N [--document D]",
         "delete a base, or one document of it",
         {"kb", "document"}},
        {"rename", "--kb N --name NEW", "rename a base", {"kb", "name"}},
        {"search",
         "--kb N --query TEXT [--k 5] [--mode M] [--checkpoint C]",
         "ranked chunks with document, articles, score",
         {"kb", "query", "k", "mode", "checkpoint"}},
        {"eval",
         "--kb N --data FILE [--k 5] [--mode M] [--checkpoint C] [--verbose]",
         "Recall@1, Recall@5 and MRR over JSONL questions",
         {"kb", "data", "k", "mode", "checkpoint", "verbose"}},
        {"embed",
         "--kb N --checkpoint C",
         "dense vectors from a checkpoint's model",
         {"kb", "checkpoint"}}};
    return actions;
}

const KbAction *findAction(const std::string &name)
{
    for (const KbAction &a : kbActions())
        if (name == a.name)
            return &a;
    return nullptr;
}

const char *kModes =
    "modes: bm25 (exact words), morph (word prefixes: inflected forms meet; the default),\n"
    "dense (the model's vectors), hybrid (morph and dense by reciprocal rank fusion).\n";

std::string overviewUsage()
{
    std::string names, lines;
    for (const KbAction &a : kbActions()) {
        names += (names.empty() ? "" : "|") + std::string(a.name);
        lines += "  " + std::string(a.name) + " " + a.synopsis + "\n      " + a.what + "\n";
    }
    return "azllm kb <" + names + "> --workspace DIR [options]\n\n" + lines + "\n" + kModes +
           "The first kb command on a workspace builds its default base (the UDHR in "
           "Azerbaijani).\n`azllm kb ACTION --help` lists one action's options.";
}

std::vector<CliOption> kbOptions()
{
    return {{"workspace", "DIR", "the workspace folder (holds studio.db)"},
            {"kb", "N", "the knowledge base's name"},
            {"name", "N", "name of a new base (create) or the new name (rename)"},
            {"description", "D", "what the base holds"},
            {"document", "D", "a document's name (its file name without extension) or path"},
            {"query", "TEXT", "the question to search for"},
            {"k", "K", "how many chunks to retrieve (default 5)"},
            {"mode", "M", "bm25, morph, dense or hybrid (default morph)"},
            {"checkpoint", "C", "a run or checkpoint folder whose model makes dense vectors"},
            {"data", "FILE", "JSONL questions: {\"question\": ..., \"article\": N}"},
            {"prefix", "N", "create: letters of each word the morph index keeps (default 5)"},
            {"verbose", "", "eval: every question's rank and what was retrieved"}};
}

// The help of one action: its synopsis, what it does, and only the options it takes.
std::string actionHelp(const KbAction &action)
{
    std::vector<CliOption> options;
    for (const CliOption &o : kbOptions())
        if (o.name == "workspace" ||
            std::find(action.options.begin(), action.options.end(), o.name) != action.options.end())
            options.push_back(o);
    const bool searches =
        std::find(action.options.begin(), action.options.end(), "mode") != action.options.end();
    std::string usage = "azllm kb " + std::string(action.name) + " --workspace DIR " +
                        action.synopsis + "\n\n" + action.what;
    if (searches) // helpText() adds the blank line before "options:" itself
        usage += "\n\n" + std::string(kModes, std::strlen(kModes) - 1);
    const CommandLine help(usage, options);
    return help.helpText();
}

QString qt(const std::string &s)
{
    return QString::fromStdString(s);
}

RetrievalMode modeOption(const CommandLine &cl)
{
    if (!cl.has("mode"))
        return kDefaultRetrievalMode;
    if (const auto mode = retrievalModeFromName(qt(cl.value("mode"))))
        return *mode;
    throw UsageError("--mode: '" + cl.value("mode") + "' is not bm25, morph, dense or hybrid");
}

int kOption(const CommandLine &cl)
{
    const std::int64_t k = cl.intValue("k", 5);
    if (k < 1 || k > 1000)
        throw UsageError("--k must be between 1 and 1000");
    return int(k);
}

// One line on stderr per tenth of the work: vectors take minutes on a large base.
std::function<bool(int, int)> vectorProgress()
{
    return [last = -1](int done, int total) mutable {
        const int tenth = total > 0 ? done * 10 / total : 10;
        if (tenth != last)
            std::fprintf(stderr, "vectors: %d of %d chunks\n", done, total);
        last = tenth;
        return true;
    };
}

// The dense index a mode needs, or none.
std::unique_ptr<DenseIndex> denseFor(RetrievalMode mode, const CommandLine &cl,
                                     KnowledgeStore &store, qint64 baseId)
{
    if (!needsVectors(mode))
        return nullptr;
    initializeRuntime();
    return openDenseIndex(store, baseId, qt(cl.value("checkpoint")), vectorProgress());
}

void printReport(const KnowledgeImportReport &r)
{
    for (const FileIssue &issue : r.issues)
        std::fprintf(stderr, "azllm kb add: %s\n", qPrintable(issue.toString()));
    std::printf("%d added, %d replaced, %d unchanged, %d skipped; %d chunks from %.2f MB in %.2f s"
                " (%.2f MB/s)\n",
                r.added, r.replaced, r.unchanged, r.skipped, r.chunks, double(r.bytes) / 1e6,
                r.seconds, r.seconds > 0 ? double(r.bytes) / 1e6 / r.seconds : 0.0);
    if (r.ignored > 0)
        std::printf("%d files of other types in the folders were passed over\n", r.ignored);
}

int addDocuments(const CommandLine &cl, KnowledgeStore &store)
{
    const KnowledgeBaseRecord base = store.requireBase(qt(cl.required("kb")));
    QStringList paths;
    for (const std::string &p : cl.positional())
        paths << qt(p);
    paths.removeFirst(); // the action
    if (paths.isEmpty())
        throw UsageError("add needs at least one file or folder after the options");
    const KnowledgeImportReport report = KnowledgeImporter(store, base.id).import(paths);
    printReport(report);
    return report.issues.isEmpty() ? 0 : 1;
}

int listBases(KnowledgeStore &store)
{
    const QVector<KnowledgeBaseRecord> bases = store.bases();
    if (bases.isEmpty())
        std::printf("no knowledge base yet: azllm kb create --workspace DIR --name N\n");
    for (const KnowledgeBaseRecord &b : bases)
        std::printf("%-20s %4d documents %6d chunks %6d vectors %9.2f MB  %s\n", qPrintable(b.name),
                    b.documents, b.chunks, b.vectors, double(b.bytes) / 1e6,
                    qPrintable(b.description));
    return 0;
}

int listBase(const CommandLine &cl, KnowledgeStore &store)
{
    const KnowledgeBaseRecord base = store.requireBase(qt(cl.value("kb")));
    if (cl.has("document")) {
        const KnowledgeDocumentRecord d = store.requireDocument(base.id, qt(cl.value("document")));
        for (const ChunkRecord &c : store.chunks(d.id))
            std::printf("%3d  lines %d-%d  articles [%s]  %s\n     %s\n", c.position + 1,
                        c.firstLine, c.lastLine, qPrintable(c.articles.join(QLatin1Char(','))),
                        qPrintable(c.heading), qPrintable(c.text.simplified().left(150)));
        return 0;
    }
    std::printf("%s: %s\n", qPrintable(base.name), qPrintable(base.description));
    if (!base.embeddingCheckpoint.isEmpty())
        std::printf("vectors: %d of %d chunks, from %s\n", base.vectors, base.chunks,
                    qPrintable(base.embeddingCheckpoint));
    for (const KnowledgeDocumentRecord &d : store.documents(base.id))
        std::printf("  %-28s %5d chunks %7d lines  %-5s %s\n", qPrintable(d.name), d.chunks,
                    d.lines, qPrintable(d.format), qPrintable(d.path));
    return 0;
}

int removeFromBase(const CommandLine &cl, KnowledgeStore &store)
{
    const KnowledgeBaseRecord base = store.requireBase(qt(cl.required("kb")));
    if (cl.has("document")) {
        const KnowledgeDocumentRecord d = store.requireDocument(base.id, qt(cl.value("document")));
        store.removeDocument(d.id);
        std::printf("removed %s (%d chunks) from %s\n", qPrintable(d.name), d.chunks,
                    qPrintable(base.name));
        return 0;
    }
    store.removeBase(base.id);
    std::printf("removed the knowledge base %s\n", qPrintable(base.name));
    return 0;
}

int search(const CommandLine &cl, KnowledgeStore &store)
{
    const KnowledgeBaseRecord base = store.requireBase(qt(cl.required("kb")));
    const RetrievalMode mode = modeOption(cl);
    const std::unique_ptr<DenseIndex> dense = denseFor(mode, cl, store, base.id);
    const Retriever retriever(store, *store.base(base.id), dense.get());
    const QVector<RetrievedChunk> found =
        retriever.search(qt(cl.required("query")), mode, kOption(cl));
    if (found.isEmpty())
        std::printf("nothing found in %s (%s)\n", qPrintable(base.name),
                    qPrintable(retrievalModeName(mode)));
    for (int i = 0; i < found.size(); ++i) {
        const ChunkRecord &c = found[i].chunk;
        std::printf("%d. %s  articles [%s]  lines %d-%d  score %.4f  coverage %.2f\n   %s\n   %s\n",
                    i + 1, qPrintable(c.document), qPrintable(c.articles.join(QLatin1Char(','))),
                    c.firstLine, c.lastLine, found[i].score, found[i].coverage,
                    qPrintable(c.heading), qPrintable(c.text.simplified().left(200)));
    }
    return 0;
}

int evaluate(const CommandLine &cl, KnowledgeStore &store)
{
    const KnowledgeBaseRecord base = store.requireBase(qt(cl.required("kb")));
    const RetrievalMode mode = modeOption(cl);
    const QVector<EvalQuestion> questions = readEvalQuestions(qt(cl.required("data")));
    const std::unique_ptr<DenseIndex> dense = denseFor(mode, cl, store, base.id);
    const Retriever retriever(store, *store.base(base.id), dense.get());
    const EvalReport report = evaluateRetrieval(retriever, questions, mode, kOption(cl));
    for (const QuestionOutcome &o : report.outcomes)
        if (cl.has("verbose") || o.rank != 1)
            std::printf(
                "%s rank %s  line %d  want %s  got %s  %s\n", o.rank == 1 ? "hit " : "miss",
                o.rank ? qPrintable(QString::number(o.rank)) : "-", o.question.line,
                qPrintable(o.question.article.isEmpty() ? o.question.document : o.question.article),
                qPrintable(o.retrieved.mid(0, 3).join(QLatin1Char(' '))),
                qPrintable(o.question.question));
    std::printf("%s\n", qPrintable(report.toJson()));
    return 0;
}

int embed(const CommandLine &cl, KnowledgeStore &store)
{
    const KnowledgeBaseRecord base = store.requireBase(qt(cl.required("kb")));
    initializeRuntime();
    DenseIndex index(qt(cl.required("checkpoint")));
    const int computed = index.update(store, base.id, vectorProgress());
    std::printf("%d vectors computed (%d dimensions) from %s; the base has %d of %d\n", computed,
                index.dimension(), qPrintable(index.checkpoint()), store.base(base.id)->vectors,
                store.base(base.id)->chunks);
    return 0;
}

int runKb(const std::vector<std::string> &args)
{
    CommandLine cl(overviewUsage(), kbOptions());
    cl.parse(args);
    const KbAction *known = cl.positional().empty() ? nullptr : findAction(cl.positional()[0]);
    if (cl.helpRequested() || cl.positional().empty()) {
        std::printf("%s", known ? actionHelp(*known).c_str() : cl.helpText().c_str());
        return cl.helpRequested() ? 0 : 2;
    }
    const std::string action = cl.positional().front();
    if (!known)
        throw UsageError("unknown action '" + action +
                         "': create, add, list, remove, rename, search, eval or embed");
    if (action != "add" && cl.positional().size() > 1)
        throw UsageError("unexpected argument '" + cl.positional()[1] + "'");
    const auto app = ensureQtApplication();
    Workspace workspace(qt(cl.required("workspace")));
    KnowledgeStore store(workspace.database());
    seedDefaultKnowledgeBase(store);
    try {
        if (action == "create") {
            store.createBase(qt(cl.required("name")), qt(cl.value("description")), {},
                             int(cl.intValue("prefix", 5)));
            std::printf("created the knowledge base %s\n", cl.value("name").c_str());
            return 0;
        }
        if (action == "add")
            return addDocuments(cl, store);
        if (action == "list")
            return cl.has("kb") ? listBase(cl, store) : listBases(store);
        if (action == "remove")
            return removeFromBase(cl, store);
        if (action == "rename") {
            store.renameBase(store.requireBase(qt(cl.required("kb"))).id, qt(cl.required("name")));
            std::printf("renamed %s to %s\n", cl.value("kb").c_str(), cl.value("name").c_str());
            return 0;
        }
        if (action == "search")
            return search(cl, store);
        if (action == "eval")
            return evaluate(cl, store);
        if (action == "embed")
            return embed(cl, store);
    } catch (const KnowledgeError &e) {
        std::fprintf(stderr, "azllm kb %s: %s\n", action.c_str(), e.what());
        return 1;
    }
    throw std::logic_error("azllm kb: kbActions() lists '" + action + "' but nothing runs it");
}

} // namespace

std::vector<Command> knowledgeCommands()
{
    return {
        {"kb", "knowledge bases: create, add, list, remove, search, eval (same studio.db)", runKb}};
}
