#include "roadmap_markdown.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <stdexcept>

#include "milestone_evaluator.h"

namespace azllm {
namespace {

// lupdate files a free tr() in this namespace under "azllm"; look the strings up there.
QString tr(const char *text)
{
    return QCoreApplication::translate("azllm", text);
}

// Table cells may not hold a pipe or a line break.
QString cell(QString text)
{
    return text.replace(QLatin1Char('|'), QLatin1String("\\|"))
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QString percent(double share)
{
    return QString::number(qRound(share * 100)) + QLatin1Char('%');
}

QString milestoneStatus(const Milestone &m, const QDate &today)
{
    if (m.done)
        return m.metBy.isEmpty() ? tr("done") : tr("done (met by %1)").arg(describeMetBy(m.metBy));
    return m.isOverdue(today) ? tr("**overdue**") : tr("open");
}

QString milestonesTable(const Goal &goal, const QDate &today)
{
    if (goal.milestones.isEmpty())
        return {};
    QString md = QLatin1Char('|') + tr(" Milestone | Due | Status | Measured by | Note ") +
                 QLatin1String("|\n| --- | --- | --- | --- | --- |\n");
    for (const Milestone &m : goal.milestones)
        md += QLatin1String("| ") + cell(m.title) + QLatin1String(" | ") +
              m.due.toString(Qt::ISODate) + QLatin1String(" | ") + milestoneStatus(m, today) +
              QLatin1String(" | ") + cell(describeCondition(m.condition)) + QLatin1String(" | ") +
              cell(m.note) + QLatin1String(" |\n");
    return md + QLatin1Char('\n');
}

QString sourcesTable(const Goal &goal)
{
    if (goal.sources.isEmpty())
        return {};
    QString md = QLatin1Char('|') +
                 tr(" Source | URL or path | Kind | Status | Documents | Tokens ") +
                 QLatin1String("|\n| --- | --- | --- | --- | ---: | ---: |\n");
    for (const DataSource &s : goal.sources)
        md += QLatin1String("| ") + cell(s.name) + QLatin1String(" | ") + cell(s.location) +
              QLatin1String(" | ") + cell(s.kind) + QLatin1String(" | ") + statusTitle(s.status) +
              QLatin1String(" | ") + QString::number(s.documents) + QLatin1String(" | ") +
              QString::number(s.tokens) + QLatin1String(" |\n");
    return md + QLatin1Char('\n');
}

} // namespace

QString goalKindTitle(GoalKind kind)
{
    switch (kind) {
    case GoalKind::NextTarget:
        return tr("Next target");
    case GoalKind::DataSource:
        return tr("Data source");
    case GoalKind::Technique:
        return tr("Technique");
    }
    return {};
}

QString statusTitle(const QString &status)
{
    static const struct
    {
        const char *key;
        const char *title;
    } titles[] = {
        {"planned", QT_TRANSLATE_NOOP("azllm", "planned")},
        {"active", QT_TRANSLATE_NOOP("azllm", "active")},
        {"done", QT_TRANSLATE_NOOP("azllm", "done")},
        {"dropped", QT_TRANSLATE_NOOP("azllm", "dropped")},
        {"collected", QT_TRANSLATE_NOOP("azllm", "collected")},
        {"imported", QT_TRANSLATE_NOOP("azllm", "imported")},
    };
    for (const auto &t : titles)
        if (status == QLatin1String(t.key))
            return tr(t.title);
    return status;
}

QString roadmapToMarkdown(const Roadmap &roadmap, const QDate &today)
{
    QString md = QLatin1String("# ") + roadmap.title + QLatin1String("\n\n");
    md += tr("%1 to %2 (%3 months) · overall progress %4 · exported %5")
              .arg(roadmap.start.toString(Qt::ISODate), roadmap.end().toString(Qt::ISODate))
              .arg(roadmap.horizonMonths)
              .arg(percent(roadmap.progress()), today.toString(Qt::ISODate)) +
          QLatin1String("\n\n");
    for (const Goal &g : roadmap.goals) {
        md += QLatin1String("## ") + goalKindTitle(g.kind) + QLatin1String(": ") + g.title +
              QLatin1String("\n\n");
        if (!g.description.isEmpty())
            md += g.description + QLatin1String("\n\n");
        md += tr("Status: %1 · progress %2").arg(statusTitle(g.status), percent(g.progress())) +
              QLatin1String("\n\n");
        md += milestonesTable(g, today) + sourcesTable(g);
    }
    return md;
}

void exportRoadmapMarkdown(const Roadmap &roadmap, const QString &path, const QDate &today)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        throw std::runtime_error("cannot write " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
    file.write(roadmapToMarkdown(roadmap, today).toUtf8());
    if (!file.commit())
        throw std::runtime_error("cannot write " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
}

} // namespace azllm
