// Which course days the learner has finished, and their own notes per day, in studio.db.
#pragma once

#include <QSet>
#include <QString>

#include "studio_database.h"

namespace azllm {

class LessonProgressStore
{
public:
    explicit LessonProgressStore(StudioDatabase &database) : m_database(database) {}

    // All methods throw DatabaseError naming studio.db (and saying so when it is locked).
    void setDone(int day, bool done);
    bool isDone(int day) const;
    QSet<int> doneDays() const;
    void setNotes(int day, const QString &notes);
    QString notes(int day) const;

private:
    StudioDatabase &m_database;
};

} // namespace azllm
