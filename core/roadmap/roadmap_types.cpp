#include "roadmap_types.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <utility>

namespace azllm {
namespace {

const std::array<std::pair<GoalKind, const char *>, 3> kGoalKinds = {{
    {GoalKind::NextTarget, "target"},
    {GoalKind::DataSource, "data"},
    {GoalKind::Technique, "technique"},
}};

// Each measurable kind with its stored key and comparison.
struct ConditionSpelling
{
    ConditionKind kind;
    const char *key;
    const char *comparison;
};

const std::array<ConditionSpelling, 5> kConditions = {{
    {ConditionKind::ValidationLossAtMost, "val_loss", "<="},
    {ConditionKind::ParametersAtLeast, "params", ">="},
    {ConditionKind::CorpusTokensAtLeast, "corpus_tokens", ">="},
    {ConditionKind::KnowledgeBaseDocumentsAtLeast, "kb_documents", ">="},
    {ConditionKind::ClassifierAccuracyAtLeast, "classifier_accuracy", ">="},
}};

} // namespace

QString goalKindKey(GoalKind kind)
{
    for (const auto &[k, key] : kGoalKinds)
        if (k == kind)
            return QString::fromLatin1(key);
    return {};
}

std::optional<GoalKind> goalKindFromKey(const QString &key)
{
    for (const auto &[k, name] : kGoalKinds)
        if (key == QLatin1String(name))
            return k;
    return std::nullopt;
}

QString MilestoneCondition::kindKey(ConditionKind kind)
{
    for (const ConditionSpelling &c : kConditions)
        if (c.kind == kind)
            return QString::fromLatin1(c.key);
    return {};
}

std::optional<ConditionKind> MilestoneCondition::kindFromKey(const QString &key)
{
    if (key.isEmpty())
        return ConditionKind::None;
    for (const ConditionSpelling &c : kConditions)
        if (key == QLatin1String(c.key))
            return c.kind;
    return std::nullopt;
}

QString MilestoneCondition::toText() const
{
    for (const ConditionSpelling &c : kConditions)
        if (c.kind == kind)
            return QLatin1String(c.key) + QLatin1String(c.comparison) +
                   QString::number(threshold, 'g', 12);
    return {};
}

std::optional<MilestoneCondition> MilestoneCondition::fromText(const QString &text)
{
    const QString compact = text.simplified().remove(QLatin1Char(' '));
    if (compact.isEmpty())
        return MilestoneCondition{};
    for (const ConditionSpelling &c : kConditions) {
        const QString prefix = QLatin1String(c.key) + QLatin1String(c.comparison);
        if (!compact.startsWith(prefix))
            continue;
        bool ok = false;
        const double value = compact.mid(prefix.size()).toDouble(&ok);
        if (!ok)
            return std::nullopt;
        return MilestoneCondition{c.kind, value};
    }
    return std::nullopt;
}

QStringList DataSource::statuses()
{
    return {QStringLiteral("planned"), QStringLiteral("collected"), QStringLiteral("imported")};
}

QStringList Goal::statuses()
{
    return {QStringLiteral("planned"), QStringLiteral("active"), QStringLiteral("done"),
            QStringLiteral("dropped")};
}

int Goal::itemCount() const
{
    return int(milestones.size() + sources.size());
}

int Goal::doneItemCount() const
{
    const auto doneMilestones = std::count_if(milestones.begin(), milestones.end(),
                                              [](const Milestone &m) { return m.done; });
    const auto imported = std::count_if(sources.begin(), sources.end(),
                                        [](const DataSource &s) { return s.isImported(); });
    return int(doneMilestones + imported);
}

double Goal::progress() const
{
    if (itemCount() == 0)
        return status == QLatin1String("done") ? 1.0 : 0.0;
    return double(doneItemCount()) / double(itemCount());
}

QDate Goal::lastDue() const
{
    QDate last;
    for (const Milestone &m : milestones)
        if (m.due.isValid() && (!last.isValid() || m.due > last))
            last = m.due;
    return last;
}

double Roadmap::progress() const
{
    int items = 0;
    int done = 0;
    for (const Goal &g : goals) {
        // A goal without items still counts as one item, so it is not invisible in the total.
        items += std::max(1, g.itemCount());
        done += g.itemCount() == 0 ? int(g.progress()) : g.doneItemCount();
    }
    return items == 0 ? 0.0 : double(done) / double(items);
}

const Goal *Roadmap::goal(qint64 goalId) const
{
    for (const Goal &g : goals)
        if (g.id == goalId)
            return &g;
    return nullptr;
}

const Milestone *Roadmap::milestone(qint64 milestoneId) const
{
    for (const Goal &g : goals)
        for (const Milestone &m : g.milestones)
            if (m.id == milestoneId)
                return &m;
    return nullptr;
}

} // namespace azllm
