// The small conversions every store of studio.db needs between C++ values and SQLite's.
#pragma once

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

#include "studio_database.h"

namespace azllm::sql {

// Runs a prepared query; a failure becomes a DatabaseError with SQLite's message.
inline void execute(QSqlQuery &query)
{
    if (!query.exec())
        throw DatabaseError("studio.db: " + query.lastError().text().toStdString());
}

// Timestamps are stored as ISO 8601 UTC with milliseconds, so they sort as text.
inline QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Text columns are NOT NULL, and a null QString would bind as NULL: bind "" instead.
inline QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

inline QVariant nullable(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}

inline std::optional<double> optionalDouble(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

} // namespace azllm::sql
