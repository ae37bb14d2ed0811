#include "lesson_progress_store.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "sql_transaction.h"
#include "sql_values.h"

namespace azllm {

using sql::now;

void LessonProgressStore::setDone(int day, bool done)
{
    SqlTransaction transaction(m_database.connection());
    const QString stamp = now();
    execStatement(m_database.connection(),
                  QStringLiteral("INSERT INTO lesson_progress (day, done, done_at, updated_at)"
                                 " VALUES (?, ?, ?, ?) ON CONFLICT(day) DO UPDATE SET"
                                 " done = excluded.done, done_at = excluded.done_at,"
                                 " updated_at = excluded.updated_at"),
                  {day, done ? 1 : 0,
                   done ? QVariant(stamp) : QVariant(QMetaType(QMetaType::QString)), stamp},
                  QStringLiteral("saving lesson %1 as done").arg(day));
    transaction.commit();
}

bool LessonProgressStore::isDone(int day) const
{
    return doneDays().contains(day);
}

QSet<int> LessonProgressStore::doneDays() const
{
    QSqlQuery q = execStatement(m_database.connection(),
                                QStringLiteral("SELECT day FROM lesson_progress WHERE done = 1"),
                                {}, QStringLiteral("reading the lesson progress"));
    QSet<int> days;
    while (q.next())
        days.insert(q.value(0).toInt());
    return days;
}

void LessonProgressStore::setNotes(int day, const QString &notes)
{
    SqlTransaction transaction(m_database.connection());
    execStatement(
        m_database.connection(),
        QStringLiteral("INSERT INTO lesson_progress (day, notes, updated_at) VALUES (?, ?, ?)"
                       " ON CONFLICT(day) DO UPDATE SET notes = excluded.notes,"
                       " updated_at = excluded.updated_at"),
        {day, notes.isNull() ? QStringLiteral("") : notes, now()},
        QStringLiteral("saving the notes of lesson %1").arg(day));
    transaction.commit();
}

QString LessonProgressStore::notes(int day) const
{
    QSqlQuery q = execStatement(m_database.connection(),
                                QStringLiteral("SELECT notes FROM lesson_progress WHERE day = ?"),
                                {day}, QStringLiteral("reading the notes"));
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace azllm
