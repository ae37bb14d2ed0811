// One SQLite transaction as a scope: rolled back unless commit() is reached, so a throw in the
// middle of a multi-row change leaves studio.db as it was.
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace azllm {

class SqlTransaction
{
public:
    // Throws DatabaseError (naming the file) when the transaction cannot begin.
    explicit SqlTransaction(QSqlDatabase database);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    // Throws DatabaseError when SQLite refuses the commit (the change is rolled back).
    void commit();

private:
    QSqlDatabase m_database;
    bool m_open = false;
};

// A DatabaseError for a failed statement: names the file, and says plainly when another
// program holds the database locked (nothing was saved, try again).
[[noreturn]] void throwSqlError(const QSqlDatabase &database, const QString &what,
                                const QString &sqliteMessage);

// Prepares sql, binds values in order and runs it; throws as throwSqlError, `what` saying what
// the statement was for ("adding the goal").
QSqlQuery execStatement(const QSqlDatabase &database, const QString &sql,
                        const QVariantList &values, const QString &what);

} // namespace azllm
