// studio.db: one SQLite database per workspace, with versioned migrations (PRAGMA user_version).
// The schema is documented in docs/formats.md.
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <stdexcept>

namespace azllm {

// A database that cannot be used, with a message for the user naming the file and what to do.
class DatabaseError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The database is sound but another program (a second studio, `azllm roadmap`, an SQLite tool)
// holds it locked beyond the busy timeout. Trying again later is the remedy.
class DatabaseBusyError : public DatabaseError
{
public:
    using DatabaseError::DatabaseError;
};

class StudioDatabase
{
public:
    // The newest schema version: one per migration in studio_schema.cpp.
    static int currentSchemaVersion();

    // Opens path, creating it when absent, and migrates an older schema in one transaction.
    // A file that is not a SQLite database, is damaged, or is newer than this studio is refused
    // with DatabaseError and left exactly as it was; one that another program keeps locked for
    // longer than the busy timeout (5 s) with DatabaseBusyError.
    explicit StudioDatabase(const QString &path);
    // Brings a database only up to `version`: for tests of migrations from older schemas.
    StudioDatabase(const QString &path, int version);
    ~StudioDatabase();
    StudioDatabase(const StudioDatabase &) = delete;
    StudioDatabase &operator=(const StudioDatabase &) = delete;

    QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName); }
    QString path() const { return m_path; }
    int schemaVersion() const;

private:
    [[noreturn]] void throwBusyOr(const QSqlError &error, const std::string &damagedMessage) const;
    void open();
    void checkIntegrity();
    void migrate(int target);

    QString m_path;
    QString m_connectionName;
};

} // namespace azllm
