#include "grounded_chat.h"

#include <QDir>
#include <QFileInfo>

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "checkpoint.h"
#include "citations.h"
#include "default_knowledge_base.h"
#include "dense_index.h"
#include "knowledge_store.h"
#include "qt_application.h"
#include "retriever.h"
#include "runtime.h"
#include "sampling_options.h"
#include "workspace.h"

using namespace azllm;

namespace {

QString qt(const std::string &s)
{
    return QString::fromStdString(s);
}

// Without --checkpoint: the newest checkpoint of the workspace's runs, preferring a model that
// sees at least 256 tokens (room for sources and the question).
std::string workspaceCheckpoint(const Workspace &workspace)
{
    std::string best;
    bool bestWide = false;
    for (const QFileInfo &run :
         QDir(workspace.runsDir()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time)) {
        const auto latest = latestCheckpoint(run.absoluteFilePath().toStdString());
        if (!latest)
            continue;
        const bool wide = readCheckpointConfig(latest->path).model.contextLength >= 256;
        if (best.empty() || (wide && !bestWide)) {
            best = latest->path;
            bestWide = wide;
        }
    }
    if (best.empty())
        throw UsageError("--checkpoint DIR is needed: the workspace has no trained run yet");
    return best;
}

struct Grounding
{
    KnowledgeBaseRecord base;
    RetrievalMode mode = kDefaultRetrievalMode;
    int k = 3;
    double minCoverage = kDefaultMinCoverage;
    bool showPrompt = false;
};

Grounding groundingFrom(const CommandLine &cl, const KnowledgeStore &store)
{
    Grounding g;
    g.base = store.requireBase(qt(cl.required("kb")));
    if (cl.has("mode")) {
        const auto mode = retrievalModeFromName(qt(cl.value("mode")));
        if (!mode)
            throw UsageError("--mode: '" + cl.value("mode") +
                             "' is not bm25, morph, dense or hybrid");
        g.mode = *mode;
    }
    g.k = int(cl.intValue("k", 3));
    if (g.k < 1 || g.k > 20)
        throw UsageError("--k must be between 1 and 20");
    g.minCoverage = cl.doubleValue("min-coverage", kDefaultMinCoverage);
    if (g.minCoverage < 0 || g.minCoverage > 1)
        throw UsageError("--min-coverage must be between 0 and 1");
    g.showPrompt = cl.has("show-prompt");
    return g;
}

// One question: retrieve, then answer from the sources or say that there are none.
void answerGrounded(ChatEngine &engine, const Retriever &retriever, const Grounding &g,
                    ChatRequest &request)
{
    const std::string question = request.turns.back().text;
    const QVector<RetrievedChunk> found = retriever.search(qt(question), g.mode, g.k);
    for (int i = 0; i < found.size(); ++i)
        std::fprintf(stderr, "[%d] %s  score %.3f  coverage %.2f\n", i + 1,
                     qPrintable(citationText(found[i].chunk)), found[i].score, found[i].coverage);
    if (!foundAnswerable(found, g.minCoverage)) {
        const std::string text = nothingFoundAnswer(g.base.name).toStdString();
        std::printf("%s\n", text.c_str());
        request.turns.push_back({ChatRole::Assistant, text});
        return;
    }
    request.sources = promptSources(found);
    const ChatReply reply = streamAnswer(engine, request);
    request.sources.clear(); // later turns retrieve for themselves
    if (g.showPrompt)
        std::fprintf(stderr, "--- prompt ---\n%s\n--- end of prompt ---\n",
                     promptText(engine.tokenizer(), reply.promptTokens).c_str());
    const QString cited = citationsLine(found, reply.sourceFits);
    std::printf("%s\n",
                qPrintable(cited.isEmpty() ? QStringLiteral("(no source fitted the model's window)")
                                           : cited));
    request.turns.push_back({ChatRole::Assistant, reply.text});
}

} // namespace

std::vector<CliOption> groundingOptions()
{
    return {{"workspace", "DIR", "with --kb: the workspace whose knowledge base answers"},
            {"kb", "N", "look each question up in this knowledge base first; cite the sources"},
            {"mode", "M", "retrieval: bm25, morph (default), dense or hybrid"},
            {"k", "K", "chunks to retrieve (default 3)"},
            {"min-coverage", "X",
             "answer only when a chunk covers this share of the question "
             "(default 0.25)"},
            {"show-prompt", "", "print the exact prompt sent (stderr)"}};
}

int runGroundedChat(const CommandLine &cl)
{
    const auto app = ensureQtApplication();
    Workspace workspace(qt(cl.required("workspace")));
    KnowledgeStore store(workspace.database());
    seedDefaultKnowledgeBase(store);
    const Grounding g = groundingFrom(cl, store);
    initializeRuntime();
    ChatRequest request;
    request.mode = cl.has("completion") ? ChatMode::Completion : ChatMode::Chat;
    request.systemPrompt = cl.value("system");
    request.params = generationParamsFrom(cl);
    const std::string checkpoint =
        cl.has("checkpoint") ? cl.value("checkpoint") : workspaceCheckpoint(workspace);
    ChatEngine engine = ChatEngine::load(checkpoint, cl.value("device", "auto"),
                                         cl.has("int8") ? Precision::Int8 : Precision::Fp32);
    if (request.mode == ChatMode::Chat && !engine.supportsChat())
        request.mode = ChatMode::Completion; // a pretrained model: sources, question, answer
    std::unique_ptr<DenseIndex> dense;
    if (needsVectors(g.mode))
        dense = openDenseIndex(store, g.base.id, {}, {});
    const Retriever retriever(store, *store.base(g.base.id), dense.get());

    if (isatty(STDIN_FILENO))
        std::printf("%s, %s mode, sources from %s (%s). /quit ends.\n",
                    engine.checkpointDir().c_str(),
                    request.mode == ChatMode::Chat ? "chat" : "completion", qPrintable(g.base.name),
                    qPrintable(retrievalModeName(g.mode)));
    std::string line;
    while (std::getline(std::cin, line) && line != "/quit") {
        if (line.empty())
            continue;
        if (!isatty(STDIN_FILENO))
            std::printf("> %s\n", line.c_str());
        if (request.mode == ChatMode::Completion)
            request.turns.clear();
        request.turns.push_back({ChatRole::User, line});
        try {
            answerGrounded(engine, retriever, g, request);
        } catch (const ContextOverflow &e) {
            request.turns.pop_back();
            std::fprintf(stderr, "azllm chat: %s\n", e.what());
        }
        ++request.params.seed;
    }
    return 0;
}
