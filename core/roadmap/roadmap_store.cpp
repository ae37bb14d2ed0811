#include "roadmap_store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

#include "milestone_evaluator.h"
#include "sql_transaction.h"
#include "sql_values.h"

namespace azllm {

using sql::now;
using sql::text;

namespace {

QVariant date(const QDate &d)
{
    return QVariant(d.toString(Qt::ISODate));
}

Milestone readMilestone(const QSqlQuery &q)
{
    Milestone m;
    m.id = q.value(0).toLongLong();
    m.goalId = q.value(1).toLongLong();
    m.title = q.value(2).toString();
    m.due = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    m.done = q.value(4).toString() == QLatin1String("done");
    m.condition.kind =
        MilestoneCondition::kindFromKey(q.value(5).toString()).value_or(ConditionKind::None);
    m.condition.threshold = q.value(6).toDouble();
    m.metBy = q.value(7).toString();
    m.metAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
    m.note = q.value(9).toString();
    return m;
}

const char *const kDeletableTables[] = {"roadmaps", "goals", "milestones", "data_sources"};

} // namespace

QVector<Roadmap> RoadmapStore::roadmaps() const
{
    QSqlQuery q =
        execStatement(m_database.connection(),
                      QStringLiteral("SELECT id, title, start_date, horizon_months FROM roadmaps"
                                     " WHERE deleted_seq IS NULL ORDER BY id"),
                      {}, QStringLiteral("reading the roadmaps"));
    QVector<Roadmap> all;
    while (q.next()) {
        Roadmap r;
        r.id = q.value(0).toLongLong();
        r.title = q.value(1).toString();
        r.start = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        r.horizonMonths = q.value(3).toInt();
        all.push_back(r);
    }
    for (Roadmap &r : all)
        r.goals = goalsOf(r.id);
    return all;
}

std::optional<Roadmap> RoadmapStore::roadmap(qint64 roadmapId) const
{
    for (const Roadmap &r : roadmaps())
        if (r.id == roadmapId)
            return r;
    return std::nullopt;
}

QVector<Goal> RoadmapStore::goalsOf(qint64 roadmapId) const
{
    QSqlQuery q =
        execStatement(m_database.connection(),
                      QStringLiteral("SELECT id, kind, title, description, status FROM goals"
                                     " WHERE roadmap_id = ? AND deleted_seq IS NULL ORDER BY id"),
                      {roadmapId}, QStringLiteral("reading the goals"));
    QVector<Goal> goals;
    while (q.next()) {
        Goal g;
        g.id = q.value(0).toLongLong();
        g.roadmapId = roadmapId;
        g.kind = goalKindFromKey(q.value(1).toString()).value_or(GoalKind::NextTarget);
        g.title = q.value(2).toString();
        g.description = q.value(3).toString();
        g.status = q.value(4).toString();
        goals.push_back(g);
    }
    for (Goal &g : goals) {
        g.milestones = milestonesOf(g.id);
        g.sources = sourcesOf(g.id);
    }
    return goals;
}

QVector<Milestone> RoadmapStore::milestonesOf(qint64 goalId) const
{
    QSqlQuery q =
        execStatement(m_database.connection(),
                      QStringLiteral("SELECT id, goal_id, title, due_date, status, condition_kind,"
                                     " condition_value, met_by, met_at, note FROM milestones"
                                     " WHERE goal_id = ? AND deleted_seq IS NULL"
                                     " ORDER BY due_date, id"),
                      {goalId}, QStringLiteral("reading the milestones"));
    QVector<Milestone> milestones;
    while (q.next())
        milestones.push_back(readMilestone(q));
    return milestones;
}

QVector<DataSource> RoadmapStore::sourcesOf(qint64 goalId) const
{
    QSqlQuery q =
        execStatement(m_database.connection(),
                      QStringLiteral("SELECT id, name, location, kind, status, documents, tokens"
                                     " FROM data_sources WHERE goal_id = ? AND deleted_seq IS NULL"
                                     " ORDER BY id"),
                      {goalId}, QStringLiteral("reading the data sources"));
    QVector<DataSource> sources;
    while (q.next()) {
        DataSource s;
        s.id = q.value(0).toLongLong();
        s.goalId = goalId;
        s.name = q.value(1).toString();
        s.location = q.value(2).toString();
        s.kind = q.value(3).toString();
        s.status = q.value(4).toString();
        s.documents = q.value(5).toLongLong();
        s.tokens = q.value(6).toLongLong();
        sources.push_back(s);
    }
    return sources;
}

qint64 RoadmapStore::insertRoadmap(const QString &title, const QDate &start, int horizonMonths)
{
    const QString stamp = now();
    return execStatement(
               m_database.connection(),
               QStringLiteral("INSERT INTO roadmaps (title, start_date, horizon_months, created_at,"
                              " updated_at) VALUES (?, ?, ?, ?, ?)"),
               {text(title), date(start), std::clamp(horizonMonths, 3, 6), stamp, stamp},
               QStringLiteral("adding the roadmap"))
        .lastInsertId()
        .toLongLong();
}

qint64 RoadmapStore::insertGoal(qint64 roadmapId, GoalKind kind, const QString &title,
                                const QString &description, const QString &status)
{
    return execStatement(
               m_database.connection(),
               QStringLiteral("INSERT INTO goals (roadmap_id, kind, title, description, status)"
                              " VALUES (?, ?, ?, ?, ?)"),
               {roadmapId, goalKindKey(kind), text(title), text(description),
                status.isEmpty() ? QStringLiteral("planned") : status},
               QStringLiteral("adding the goal"))
        .lastInsertId()
        .toLongLong();
}

qint64 RoadmapStore::insertMilestone(qint64 goalId, const Milestone &m)
{
    return execStatement(
               m_database.connection(),
               QStringLiteral("INSERT INTO milestones (goal_id, title, due_date, status,"
                              " condition_kind, condition_value) VALUES (?, ?, ?, ?, ?, ?)"),
               {goalId, text(m.title), date(m.due),
                m.done ? QStringLiteral("done") : QStringLiteral("open"),
                text(MilestoneCondition::kindKey(m.condition.kind)), m.condition.threshold},
               QStringLiteral("adding the milestone"))
        .lastInsertId()
        .toLongLong();
}

qint64 RoadmapStore::insertSource(qint64 goalId, const DataSource &s)
{
    const QString status =
        DataSource::statuses().contains(s.status) ? s.status : QStringLiteral("planned");
    return execStatement(
               m_database.connection(),
               QStringLiteral("INSERT INTO data_sources (goal_id, name, location, kind, status,"
                              " documents, tokens) VALUES (?, ?, ?, ?, ?, ?, ?)"),
               {goalId, text(s.name), text(s.location), text(s.kind), status, s.documents,
                s.tokens},
               QStringLiteral("adding the data source"))
        .lastInsertId()
        .toLongLong();
}

qint64 RoadmapStore::createRoadmap(const QString &title, const QDate &start, int horizonMonths)
{
    SqlTransaction transaction(m_database.connection());
    const qint64 id = insertRoadmap(title, start, horizonMonths);
    transaction.commit();
    return id;
}

qint64 RoadmapStore::createRoadmap(const Roadmap &roadmap)
{
    SqlTransaction transaction(m_database.connection());
    const qint64 id = insertRoadmap(roadmap.title, roadmap.start, roadmap.horizonMonths);
    for (const Goal &g : roadmap.goals) {
        const qint64 goalId = insertGoal(id, g.kind, g.title, g.description, g.status);
        for (const Milestone &m : g.milestones)
            insertMilestone(goalId, m);
        for (const DataSource &s : g.sources)
            insertSource(goalId, s);
    }
    transaction.commit();
    return id;
}

void RoadmapStore::updateRoadmap(qint64 roadmapId, const QString &title, const QDate &start,
                                 int horizonMonths)
{
    SqlTransaction transaction(m_database.connection());
    execStatement(
        m_database.connection(),
        QStringLiteral("UPDATE roadmaps SET title = ?, start_date = ?, horizon_months = ?,"
                       " updated_at = ? WHERE id = ?"),
        {text(title), date(start), std::clamp(horizonMonths, 3, 6), now(), roadmapId},
        QStringLiteral("saving the roadmap"));
    transaction.commit();
}

qint64 RoadmapStore::addGoal(qint64 roadmapId, GoalKind kind, const QString &title,
                             const QString &description)
{
    SqlTransaction transaction(m_database.connection());
    const qint64 id = insertGoal(roadmapId, kind, title, description, {});
    transaction.commit();
    return id;
}

void RoadmapStore::updateGoal(const Goal &goal)
{
    SqlTransaction transaction(m_database.connection());
    execStatement(m_database.connection(),
                  QStringLiteral("UPDATE goals SET kind = ?, title = ?, description = ?, status = ?"
                                 " WHERE id = ?"),
                  {goalKindKey(goal.kind), text(goal.title), text(goal.description),
                   text(goal.status), goal.id},
                  QStringLiteral("saving the goal"));
    transaction.commit();
}

qint64 RoadmapStore::addMilestone(qint64 goalId, const QString &title, const QDate &due,
                                  const MilestoneCondition &condition)
{
    Milestone m;
    m.title = title;
    m.due = due;
    m.condition = condition;
    SqlTransaction transaction(m_database.connection());
    const qint64 id = insertMilestone(goalId, m);
    transaction.commit();
    return id;
}

void RoadmapStore::updateMilestone(const Milestone &m)
{
    SqlTransaction transaction(m_database.connection());
    execStatement(
        m_database.connection(),
        QStringLiteral("UPDATE milestones SET title = ?, due_date = ?, condition_kind = ?,"
                       " condition_value = ? WHERE id = ?"),
        {text(m.title), date(m.due), text(MilestoneCondition::kindKey(m.condition.kind)),
         m.condition.threshold, m.id},
        QStringLiteral("saving the milestone"));
    transaction.commit();
}

void RoadmapStore::setMilestoneDone(qint64 milestoneId, bool done)
{
    SqlTransaction transaction(m_database.connection());
    execStatement(
        m_database.connection(),
        QStringLiteral("UPDATE milestones SET status = ?, met_at = ?, met_by = '' WHERE id = ?"),
        {done ? QStringLiteral("done") : QStringLiteral("open"),
         done ? QVariant(now()) : QVariant(QMetaType(QMetaType::QString)), milestoneId},
        QStringLiteral("ticking the milestone"));
    transaction.commit();
}

qint64 RoadmapStore::addSource(qint64 goalId, const DataSource &source)
{
    SqlTransaction transaction(m_database.connection());
    const qint64 id = insertSource(goalId, source);
    transaction.commit();
    return id;
}

void RoadmapStore::updateSource(const DataSource &s)
{
    if (!DataSource::statuses().contains(s.status))
        throw DatabaseError("data source status '" + s.status.toStdString() +
                            "' is not one of planned, collected, imported");
    SqlTransaction transaction(m_database.connection());
    execStatement(
        m_database.connection(),
        QStringLiteral("UPDATE data_sources SET name = ?, location = ?, kind = ?, status = ?,"
                       " documents = ?, tokens = ? WHERE id = ?"),
        {text(s.name), text(s.location), text(s.kind), s.status, s.documents, s.tokens, s.id},
        QStringLiteral("saving the data source"));
    transaction.commit();
}

qint64 RoadmapStore::lastDeletion() const
{
    QString sql;
    for (const char *table : kDeletableTables)
        sql += (sql.isEmpty() ? QString() : QStringLiteral(" UNION ALL ")) +
               QStringLiteral("SELECT MAX(deleted_seq) FROM ") + QLatin1String(table);
    QSqlQuery q = execStatement(m_database.connection(),
                                QStringLiteral("SELECT MAX(m) FROM (SELECT NULL AS m UNION ALL ") +
                                    sql + QStringLiteral(")"),
                                {}, QStringLiteral("reading the deleted items"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

void RoadmapStore::markDeleted(const char *table, qint64 id)
{
    SqlTransaction transaction(m_database.connection());
    const qint64 seq = lastDeletion() + 1;
    execStatement(
        m_database.connection(),
        QStringLiteral("UPDATE %1 SET deleted_seq = ? WHERE id = ?").arg(QLatin1String(table)),
        {seq, id}, QStringLiteral("deleting"));
    transaction.commit();
}

void RoadmapStore::deleteRoadmap(qint64 roadmapId)
{
    markDeleted("roadmaps", roadmapId);
}

void RoadmapStore::deleteGoal(qint64 goalId)
{
    markDeleted("goals", goalId);
}

void RoadmapStore::deleteMilestone(qint64 milestoneId)
{
    markDeleted("milestones", milestoneId);
}

void RoadmapStore::deleteSource(qint64 sourceId)
{
    markDeleted("data_sources", sourceId);
}

bool RoadmapStore::canUndoDelete() const
{
    return lastDeletion() > 0;
}

bool RoadmapStore::undoDelete()
{
    SqlTransaction transaction(m_database.connection());
    const qint64 seq = lastDeletion();
    if (seq <= 0)
        return false;
    for (const char *table : kDeletableTables)
        execStatement(m_database.connection(),
                      QStringLiteral("UPDATE %1 SET deleted_seq = NULL WHERE deleted_seq = ?")
                          .arg(QLatin1String(table)),
                      {seq}, QStringLiteral("undoing the delete"));
    transaction.commit();
    return true;
}

QVector<qint64> RoadmapStore::tickMetMilestones(const WorkspaceFacts &facts)
{
    SqlTransaction transaction(m_database.connection());
    QSqlQuery open =
        execStatement(m_database.connection(),
                      QStringLiteral("SELECT id, goal_id, title, due_date, status,"
                                     " condition_kind, condition_value, met_by, met_at, note"
                                     " FROM milestones WHERE status = 'open'"
                                     " AND condition_kind != ''"),
                      {}, QStringLiteral("reading the milestones"));
    QVector<Milestone> measurable;
    while (open.next())
        measurable.push_back(readMilestone(open));
    open.finish(); // no statement may stay active while the updates below commit
    QVector<qint64> ticked;
    const QString stamp = now();
    for (const Milestone &m : measurable) {
        const ConditionCheck check = checkCondition(m.condition, facts);
        if (check.met) {
            execStatement(
                m_database.connection(),
                QStringLiteral("UPDATE milestones SET status = 'done', met_by = ?, met_at = ?,"
                               " note = ? WHERE id = ?"),
                {text(check.metBy), stamp, text(check.note), m.id},
                QStringLiteral("ticking the milestone"));
            ticked.push_back(m.id);
        } else if (check.note != m.note) {
            execStatement(m_database.connection(),
                          QStringLiteral("UPDATE milestones SET note = ? WHERE id = ?"),
                          {text(check.note), m.id}, QStringLiteral("saving the milestone's note"));
        }
    }
    refreshArrivedSources(facts);
    transaction.commit();
    return ticked;
}

void RoadmapStore::refreshArrivedSources(const WorkspaceFacts &facts)
{
    QSqlQuery live = execStatement(
        m_database.connection(),
        QStringLiteral("SELECT id, location, documents, tokens, status FROM data_sources"
                       " WHERE deleted_seq IS NULL AND location != ''"),
        {}, QStringLiteral("reading the data sources"));
    struct Row
    {
        qint64 id, documents, tokens;
        QString location, status;
    };
    QVector<Row> rows;
    while (live.next())
        rows.push_back({live.value(0).toLongLong(), live.value(2).toLongLong(),
                        live.value(3).toLongLong(), live.value(1).toString(),
                        live.value(4).toString()});
    live.finish();
    for (const Row &row : rows) {
        const OriginFact arrived = arrivedFrom(row.location, facts);
        if (arrived.documents == 0)
            continue; // nothing arrived: what the learner typed stays
        if (arrived.documents == row.documents && arrived.tokens == row.tokens &&
            row.status == QLatin1String("imported"))
            continue;
        execStatement(m_database.connection(),
                      QStringLiteral("UPDATE data_sources SET documents = ?, tokens = ?,"
                                     " status = 'imported' WHERE id = ?"),
                      {arrived.documents, arrived.tokens, row.id},
                      QStringLiteral("saving what a data source brought"));
    }
}

} // namespace azllm
