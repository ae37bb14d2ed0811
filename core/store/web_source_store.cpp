#include "web_source_store.h"

#include "sql_values.h"

namespace azllm {

QList<WebSource> WebSourceStore::sources() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT id, kind, location, licence FROM web_sources ORDER BY id"));
    sql::execute(q);
    QList<WebSource> sources;
    while (q.next())
        sources.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString()});
    return sources;
}

qint64 WebSourceStore::add(const WebSource &source)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO web_sources (kind, location, licence, created_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(sql::text(source.kind));
    q.addBindValue(sql::text(source.location.trimmed()));
    q.addBindValue(sql::text(source.licence.trimmed()));
    q.addBindValue(sql::now());
    sql::execute(q);
    return q.lastInsertId().toLongLong();
}

void WebSourceStore::remove(qint64 id)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM web_sources WHERE id = ?"));
    q.addBindValue(id);
    sql::execute(q);
}

} // namespace azllm
