// The learner's roadmaps in studio.db. Every change runs in one transaction; deletes are soft
// (a deletion number on the row) so the last delete can be undone, even after a restart.
#pragma once

#include <QVector>

#include <optional>

#include "roadmap_types.h"
#include "studio_database.h"

namespace azllm {

struct WorkspaceFacts;

class RoadmapStore
{
public:
    explicit RoadmapStore(StudioDatabase &database) : m_database(database) {}

    // All methods throw DatabaseError naming studio.db (and saying so when it is locked).

    // Live roadmaps, oldest first, each with its goals, milestones and sources.
    QVector<Roadmap> roadmaps() const;
    std::optional<Roadmap> roadmap(qint64 roadmapId) const;

    // horizonMonths is clamped to 3..6, the course's range.
    qint64 createRoadmap(const QString &title, const QDate &start, int horizonMonths);
    // Creates a whole roadmap (its goals, milestones, sources) in one transaction; ids in
    // `roadmap` are ignored. Returns the new roadmap's id.
    qint64 createRoadmap(const Roadmap &roadmap);
    void updateRoadmap(qint64 roadmapId, const QString &title, const QDate &start,
                       int horizonMonths);

    qint64 addGoal(qint64 roadmapId, GoalKind kind, const QString &title,
                   const QString &description = {});
    void updateGoal(const Goal &goal); // title, kind, description, status

    qint64 addMilestone(qint64 goalId, const QString &title, const QDate &due,
                        const MilestoneCondition &condition = {});
    void updateMilestone(const Milestone &milestone); // title, due, condition
    // Ticks or unticks by hand; unticking clears what met it.
    void setMilestoneDone(qint64 milestoneId, bool done);

    qint64 addSource(qint64 goalId, const DataSource &source);
    void updateSource(const DataSource &source);

    // Soft deletes: hidden at once, restored by undoDelete().
    void deleteRoadmap(qint64 roadmapId);
    void deleteGoal(qint64 goalId);
    void deleteMilestone(qint64 milestoneId);
    void deleteSource(qint64 sourceId);
    bool canUndoDelete() const;
    // Restores the most recent delete; false when there is nothing to undo.
    bool undoDelete();

    // Ticks every open measurable milestone the workspace now meets (recording the run or
    // dataset that met it) and refreshes the note of those it does not; data sources whose
    // location matches a dataset's origins get the documents and tokens that arrived from them
    // and the status "imported". Returns the ids ticked.
    QVector<qint64> tickMetMilestones(const WorkspaceFacts &facts);

private:
    void refreshArrivedSources(const WorkspaceFacts &facts);
    qint64 insertRoadmap(const QString &title, const QDate &start, int horizonMonths);
    qint64 insertGoal(qint64 roadmapId, GoalKind kind, const QString &title,
                      const QString &description, const QString &status);
    qint64 insertMilestone(qint64 goalId, const Milestone &milestone);
    qint64 insertSource(qint64 goalId, const DataSource &source);
    QVector<Goal> goalsOf(qint64 roadmapId) const;
    QVector<Milestone> milestonesOf(qint64 goalId) const;
    QVector<DataSource> sourcesOf(qint64 goalId) const;
    void markDeleted(const char *table, qint64 id);
    qint64 lastDeletion() const;

    StudioDatabase &m_database;
};

} // namespace azllm
