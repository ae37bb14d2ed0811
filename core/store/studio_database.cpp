#include "studio_database.h"

#include "studio_schema.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <functional>
#include <vector>

namespace azllm {
namespace {

std::string text(const QString &s)
{
    return s.toStdString();
}

// SQLITE_BUSY and SQLITE_LOCKED: another connection holds the lock (Qt gives SQLite's code).
bool isBusy(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt();
    return (code & 0xff) == 5 || (code & 0xff) == 6;
}

bool looksLikeSqlite(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return true; // SQLite writes a new database into an empty file
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

} // namespace

StudioDatabase::StudioDatabase(const QString &path) : StudioDatabase(path, currentSchemaVersion())
{
}

int StudioDatabase::currentSchemaVersion()
{
    return int(schemaMigrations().size());
}

StudioDatabase::StudioDatabase(const QString &path, int version)
    : m_path(path), m_connectionName(QStringLiteral("studio-") +
                                     QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    if (!looksLikeSqlite(path))
        throw DatabaseError(text(path) +
                            " is not a studio database (not SQLite). It was left untouched; "
                            "move it away or choose another workspace.");
    open();
    try {
        checkIntegrity();
        migrate(version);
    } catch (...) {
        QSqlDatabase::database(m_connectionName).close();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw;
    }
}

StudioDatabase::~StudioDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void StudioDatabase::open()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    // Another studio writing at the same moment waits up to 5 s instead of failing at once.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        throw DatabaseError("cannot open " + text(m_path) + ": " + text(db.lastError().text()));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
}

void StudioDatabase::throwBusyOr(const QSqlError &error, const std::string &message) const
{
    if (isBusy(error))
        throw DatabaseBusyError(text(m_path) +
                                " is in use by another program (another Az-LLM Studio, azllm, or "
                                "an SQLite tool) that kept it locked. Nothing was changed; close "
                                "that program, or wait for it, and try again.");
    throw DatabaseError(message);
}

void StudioDatabase::checkIntegrity()
{
    QSqlQuery check(connection());
    if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next() ||
        check.value(0).toString() != QLatin1String("ok")) {
        const QString why =
            check.lastError().isValid() ? check.lastError().text() : check.value(0).toString();
        throwBusyOr(check.lastError(),
                    text(m_path) + " is damaged (" + text(why) +
                        "). It was left untouched; restore a backup or choose another workspace.");
    }
}

int StudioDatabase::schemaVersion() const
{
    QSqlQuery query(connection());
    query.exec(QStringLiteral("PRAGMA user_version"));
    return query.next() ? query.value(0).toInt() : -1;
}

void StudioDatabase::migrate(int target)
{
    const int current = schemaVersion();
    if (current < 0)
        throw DatabaseError(text(m_path) + " has schema version " + std::to_string(current) +
                            ", which no Az-LLM Studio writes: it is not a studio database, or "
                            "it is damaged. It was left untouched; restore a backup or choose "
                            "another workspace.");
    if (current > currentSchemaVersion())
        throw DatabaseError(text(m_path) + " has schema version " + std::to_string(current) +
                            ", newer than this studio understands (" +
                            std::to_string(currentSchemaVersion()) +
                            "). Update Az-LLM Studio; the file was left untouched.");
    if (current >= target)
        return;
    QSqlDatabase db = connection();
    if (!db.transaction())
        throwBusyOr(db.lastError(),
                    "cannot migrate " + text(m_path) + ": " + text(db.lastError().text()));
    for (int version = current; version < target; ++version) {
        for (const char *statement : schemaMigrations()[std::size_t(version)]) {
            QSqlQuery query(db);
            if (!query.exec(QString::fromLatin1(statement))) {
                const QSqlError error = query.lastError();
                db.rollback();
                throwBusyOr(error, "migrating " + text(m_path) + " to version " +
                                       std::to_string(version + 1) + " failed (" +
                                       text(error.text()) + "); nothing was changed");
            }
        }
    }
    QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = %1").arg(target));
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        throwBusyOr(error, "cannot migrate " + text(m_path) + ": " + text(error.text()));
    }
}

} // namespace azllm
