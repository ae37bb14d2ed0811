#include "sql_transaction.h"

#include <QSqlError>

#include "studio_database.h"

namespace azllm {

void throwSqlError(const QSqlDatabase &database, const QString &what, const QString &sqliteMessage)
{
    const QString file = database.databaseName();
    if (sqliteMessage.contains(QLatin1String("locked"), Qt::CaseInsensitive) ||
        sqliteMessage.contains(QLatin1String("busy"), Qt::CaseInsensitive))
        throw DatabaseError(
            QString(file +
                    QLatin1String(" is locked by another program (another studio or "
                                  "azllm command?): ") +
                    what +
                    QLatin1String(" was not saved and nothing was lost. Close the other "
                                  "program or try again."))
                .toStdString());
    throw DatabaseError(QString(file + QLatin1String(": ") + what + QLatin1String(" failed (") +
                                sqliteMessage + QLatin1String("); nothing was changed."))
                            .toStdString());
}

QSqlQuery execStatement(const QSqlDatabase &database, const QString &sql,
                        const QVariantList &values, const QString &what)
{
    QSqlQuery q(database);
    if (!q.prepare(sql))
        throwSqlError(database, what, q.lastError().text());
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        throwSqlError(database, what, q.lastError().text());
    return q;
}

SqlTransaction::SqlTransaction(QSqlDatabase database) : m_database(std::move(database))
{
    if (!m_database.transaction())
        throwSqlError(m_database, QStringLiteral("starting a change"),
                      m_database.lastError().text());
    m_open = true;
}

SqlTransaction::~SqlTransaction()
{
    if (m_open)
        m_database.rollback();
}

void SqlTransaction::commit()
{
    if (!m_database.commit()) {
        const QString message = m_database.lastError().text();
        m_database.rollback();
        m_open = false;
        throwSqlError(m_database, QStringLiteral("saving the change"), message);
    }
    m_open = false;
}

} // namespace azllm
