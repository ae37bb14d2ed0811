// azllm roadmap list|add|done|undo|export: the learner's roadmap from a terminal, on the same
// studio.db the Roadmap screen uses (core/roadmap).
#include <QCoreApplication>
#include <QDate>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "command_line.h"
#include "commands.h"
#include "milestone_evaluator.h"
#include "qt_application.h"
#include "roadmap_markdown.h"
#include "roadmap_store.h"
#include "roadmap_template.h"
#include "workspace.h"

namespace {

const char *kUsage =
    "azllm roadmap <list|add|done|undo|export> --workspace DIR [options]\n\n"
    "  list                                   roadmaps, goals, milestones and sources with ids;\n"
    "                                         ticks the milestones the workspace now meets\n"
    "  add --title T [--start D] [--months N] a new roadmap (3-6 months, from today)\n"
    "  add --template lesson-41 [--start D]   lesson 41's three-part plan\n"
    "  add --roadmap ID --goal T --kind K     a goal: K is target, data or technique\n"
    "  add --goal-id ID --milestone T --due D [--condition \"val_loss<=3.5\"]\n"
    "                                         conditions: val_loss<=X, params>=N, "
    "corpus_tokens>=N,\n"
    "                                         kb_documents>=N, classifier_accuracy>=X\n"
    "  add --goal-id ID --source NAME [--url U] [--source-kind K]\n"
    "  done --milestone ID                    ticks a milestone by hand\n"
    "  undo                                   restores what was deleted last\n"
    "  export [--roadmap ID] --out FILE       Markdown (the newest roadmap by default)";

std::vector<CliOption> roadmapOptions()
{
    return {{"workspace", "DIR", "the workspace folder (holds studio.db)"},
            {"title", "T", "title of a new roadmap"},
            {"start", "YYYY-MM-DD", "start date (default today)"},
            {"months", "N", "horizon in months, 3 to 6 (default 6)"},
            {"template", "NAME", "lesson-41"},
            {"roadmap", "ID", "the roadmap a goal joins, or the one to export"},
            {"goal", "T", "title of a new goal"},
            {"kind", "K", "target, data or technique"},
            {"description", "TEXT", "what the goal is about"},
            {"goal-id", "ID", "the goal a milestone or source joins"},
            {"milestone", "T|ID", "title of a new milestone (add) or its id (done)"},
            {"due", "YYYY-MM-DD", "due date of a milestone"},
            {"condition", "C", "makes the milestone measurable, ticked by the workspace"},
            {"source", "NAME", "name of a new data source"},
            {"url", "U", "its URL or path"},
            {"source-kind", "K", "news site, books, laws, ... (default news site)"},
            {"out", "FILE", "where export writes"}};
}

QString qt(const std::string &s)
{
    return QString::fromStdString(s);
}

// An id option that must be given: a whole number, or a one-line usage error.
qint64 idOption(const CommandLine &cl, const std::string &name)
{
    cl.required(name);
    return cl.intValue(name, 0);
}

QDate dateOption(const CommandLine &cl, const std::string &name, const QDate &fallback)
{
    if (!cl.has(name))
        return fallback;
    const QDate date = QDate::fromString(qt(cl.value(name)), Qt::ISODate);
    if (!date.isValid())
        throw UsageError("--" + name + ": '" + cl.value(name) + "' is not a date like 2026-12-31");
    return date;
}

void printRoadmap(const azllm::Roadmap &r, const QDate &today)
{
    std::printf("roadmap %lld  %s  (%s to %s, %d%% done)\n", r.id, qPrintable(r.title),
                qPrintable(r.start.toString(Qt::ISODate)),
                qPrintable(r.end().toString(Qt::ISODate)), qRound(r.progress() * 100));
    for (const azllm::Goal &g : r.goals) {
        std::printf("  goal %lld  [%s] %s  (%s, %d%%)\n", g.id,
                    qPrintable(azllm::goalKindKey(g.kind)), qPrintable(g.title),
                    qPrintable(g.status), qRound(g.progress() * 100));
        for (const azllm::Milestone &m : g.milestones) {
            const char *state = m.done ? "done" : m.isOverdue(today) ? "OVERDUE" : "open";
            std::printf("    milestone %lld  %s  due %s  %s", m.id, qPrintable(m.title),
                        qPrintable(m.due.toString(Qt::ISODate)), state);
            if (m.condition.isMeasurable())
                std::printf("  [%s]", qPrintable(m.condition.toText()));
            if (!m.metBy.isEmpty())
                std::printf("  met by %s", qPrintable(m.metBy));
            else if (!m.note.isEmpty())
                std::printf("  (%s)", qPrintable(m.note));
            std::printf("\n");
        }
        for (const azllm::DataSource &s : g.sources)
            std::printf("    source %lld  %s  %s  %s  %s\n", s.id, qPrintable(s.name),
                        qPrintable(s.location), qPrintable(s.kind), qPrintable(s.status));
    }
}

int listRoadmaps(azllm::Workspace &workspace, azllm::RoadmapStore &store)
{
    const QVector<qint64> ticked = store.tickMetMilestones(azllm::gatherFacts(workspace));
    if (!ticked.isEmpty())
        std::printf("%lld milestone(s) reached by the workspace were ticked.\n",
                    qint64(ticked.size()));
    const QVector<azllm::Roadmap> roadmaps = store.roadmaps();
    if (roadmaps.isEmpty())
        std::printf("no roadmap yet: azllm roadmap add --workspace DIR --template lesson-41\n");
    for (const azllm::Roadmap &r : roadmaps)
        printRoadmap(r, QDate::currentDate());
    return 0;
}

// Each form of `add` takes its own options; one that belongs to another form is refused rather
// than silently ignored (`add --title T --kind K` would make a roadmap and drop the kind).
void requireOnlyOptionsOf(const CommandLine &cl, const std::string &form,
                          std::vector<std::string> allowed)
{
    allowed.push_back("workspace");
    for (const auto &[name, value] : cl.given()) {
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end())
            continue;
        std::string takes;
        for (std::size_t i = 1; i + 1 < allowed.size(); ++i)
            takes += (takes.empty() ? "--" : ", --") + allowed[i];
        throw UsageError("--" + name + " does not go with 'add --" + form + "'" +
                         (takes.empty() ? std::string() : " (it takes " + takes + ")"));
    }
}

int addToRoadmap(const CommandLine &cl, azllm::RoadmapStore &store)
{
    const QDate today = QDate::currentDate();
    if (cl.has("template")) {
        requireOnlyOptionsOf(cl, "template", {"template", "start"});
        if (cl.value("template") != "lesson-41")
            throw UsageError("--template: the only template is lesson-41");
        const qint64 id =
            store.createRoadmap(azllm::lesson41Template(dateOption(cl, "start", today)));
        std::printf("roadmap %lld created from lesson 41\n", id);
    } else if (cl.has("title")) {
        requireOnlyOptionsOf(cl, "title", {"title", "start", "months"});
        const qint64 id = store.createRoadmap(qt(cl.value("title")), dateOption(cl, "start", today),
                                              int(cl.intValue("months", 6)));
        std::printf("roadmap %lld created\n", id);
    } else if (cl.has("goal")) {
        requireOnlyOptionsOf(cl, "goal", {"goal", "roadmap", "kind", "description"});
        const auto kind = azllm::goalKindFromKey(qt(cl.required("kind")));
        if (!kind)
            throw UsageError("--kind: '" + cl.value("kind") + "' is not target, data or technique");
        const qint64 id = store.addGoal(idOption(cl, "roadmap"), *kind, qt(cl.value("goal")),
                                        qt(cl.value("description")));
        std::printf("goal %lld added\n", id);
    } else if (cl.has("milestone")) {
        requireOnlyOptionsOf(cl, "milestone", {"milestone", "goal-id", "due", "condition"});
        const auto condition = azllm::MilestoneCondition::fromText(qt(cl.value("condition")));
        if (!condition)
            throw UsageError("--condition: '" + cl.value("condition") +
                             "' is not like val_loss<=3.5 or params>=300000000");
        const qint64 id = store.addMilestone(idOption(cl, "goal-id"), qt(cl.value("milestone")),
                                             dateOption(cl, "due", today.addMonths(1)), *condition);
        std::printf("milestone %lld added\n", id);
    } else if (cl.has("source")) {
        requireOnlyOptionsOf(cl, "source", {"source", "goal-id", "url", "source-kind"});
        azllm::DataSource source;
        source.name = qt(cl.value("source"));
        source.location = qt(cl.value("url"));
        source.kind = qt(cl.value("source-kind", "news site"));
        const qint64 id = store.addSource(idOption(cl, "goal-id"), source);
        std::printf("source %lld added\n", id);
    } else {
        throw UsageError(
            "add needs --title, --template, --goal, --milestone or --source (see --help)");
    }
    return 0;
}

int exportRoadmap(const CommandLine &cl, azllm::RoadmapStore &store)
{
    const QVector<azllm::Roadmap> roadmaps = store.roadmaps();
    if (roadmaps.isEmpty())
        throw std::runtime_error("there is no roadmap to export in this workspace");
    const qint64 wanted = cl.has("roadmap") ? cl.intValue("roadmap", 0) : roadmaps.last().id;
    for (const azllm::Roadmap &r : roadmaps) {
        if (r.id != wanted)
            continue;
        azllm::exportRoadmapMarkdown(r, qt(cl.required("out")), QDate::currentDate());
        std::printf("wrote %s\n", cl.value("out").c_str());
        return 0;
    }
    throw std::runtime_error("no roadmap with id " + std::to_string(wanted));
}

int runRoadmap(const std::vector<std::string> &args)
{
    CommandLine cl(kUsage, roadmapOptions());
    cl.parse(args);
    if (cl.helpRequested() || cl.positional().empty()) {
        std::printf("%s", cl.helpText().c_str());
        return cl.helpRequested() ? 0 : 2;
    }
    const std::string action = cl.positional().front();
    const auto app = ensureQtApplication();
    azllm::Workspace workspace(qt(cl.required("workspace")));
    azllm::RoadmapStore store(workspace.database());
    if (action == "list")
        return listRoadmaps(workspace, store);
    if (action == "add")
        return addToRoadmap(cl, store);
    if (action == "done") {
        store.setMilestoneDone(idOption(cl, "milestone"), true);
        std::printf("milestone %s done\n", cl.value("milestone").c_str());
        return 0;
    }
    if (action == "undo") {
        std::puts(store.undoDelete() ? "restored what was deleted last" : "nothing to undo");
        return 0;
    }
    if (action == "export")
        return exportRoadmap(cl, store);
    throw UsageError("unknown action '" + action + "': list, add, done, undo or export");
}

} // namespace

std::vector<Command> roadmapCommands()
{
    return {{"roadmap", "your 3-6 month plan: list, add, done, undo, export (same studio.db)",
             runRoadmap}};
}
