#include "roadmap_template.h"

#include <QCoreApplication>

namespace azllm {
namespace {

// lupdate files a free tr() in this namespace under "azllm"; look the strings up there.
QString tr(const char *text)
{
    return QCoreApplication::translate("azllm", text);
}

Milestone milestone(const QString &title, const QDate &due, MilestoneCondition condition = {})
{
    Milestone m;
    m.title = title;
    m.due = due;
    m.condition = condition;
    return m;
}

Goal nextTarget(const QDate &start)
{
    Goal g;
    g.kind = GoalKind::NextTarget;
    g.title = tr("Train a 300M model (az-300m)");
    g.description = tr("1024 wide, 24 layers, 16 heads: 336.1M parameters at vocabulary 32000 and "
                       "context 1024. About 6.7B tokens is compute-optimal (20 per parameter); "
                       "rent a GPU for it and plan the budget first on the Model screen.");
    g.milestones = {
        milestone(tr("Validation loss ≤ 3.5 with the current 100M model"), start.addMonths(1),
                  {ConditionKind::ValidationLossAtMost, 3.5}),
        milestone(tr("Start a run with at least 300M parameters"), start.addMonths(4),
                  {ConditionKind::ParametersAtLeast, 300e6}),
        milestone(tr("300M model reaches validation loss ≤ 3.0"), start.addMonths(6),
                  {ConditionKind::ValidationLossAtMost, 3.0}),
    };
    return g;
}

DataSource newsSite(const QString &name, const QString &url)
{
    DataSource s;
    s.name = name;
    s.location = url;
    s.kind = tr("news site");
    return s;
}

Goal newSources(const QDate &start)
{
    Goal g;
    g.kind = GoalKind::DataSource;
    g.title = tr("Collect five Azerbaijani news sites");
    g.description = tr("Fresh, edited text in modern Azerbaijani. Check each site's terms of use "
                       "before collecting; keep the source of every document.");
    // Placeholders the learner replaces with the sites they choose.
    for (int n = 1; n <= 5; ++n)
        g.sources.push_back(newsSite(tr("News site %1").arg(n), QString()));
    g.milestones = {
        milestone(tr("List the five sites and check their terms"), start.addDays(14)),
        milestone(tr("A dataset of at least 100M tokens"), start.addMonths(3),
                  {ConditionKind::CorpusTokensAtLeast, 100e6}),
    };
    return g;
}

Goal rag(const QDate &start)
{
    Goal g;
    g.kind = GoalKind::Technique;
    g.title = tr("RAG over Azerbaijan's laws");
    g.description = tr("Retrieval-augmented generation: find the relevant articles of the law and "
                       "let the model answer with citations, instead of from memory.");
    g.milestones = {
        milestone(tr("Collect the texts of the laws"), start.addMonths(2)),
        milestone(tr("A knowledge base with at least 1000 documents"), start.addMonths(4),
                  {ConditionKind::KnowledgeBaseDocumentsAtLeast, 1000}),
        milestone(tr("Answer 20 test questions with correct citations"), start.addMonths(5)),
    };
    return g;
}

} // namespace

Roadmap lesson41Template(const QDate &start)
{
    Roadmap r;
    r.title = tr("My next six months with Az-LLM");
    r.start = start;
    r.horizonMonths = 6;
    r.goals = {nextTarget(start), newSources(start), rag(start)};
    return r;
}

} // namespace azllm
