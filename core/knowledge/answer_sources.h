// What a grounded chat answer was built from, kept in studio.db beside the message (schema
// version 5): the retrieved sources as they were then (a later re-import does not rewrite an
// old answer's citations), whether the base found anything, and the exact prompt sent.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

#include "studio_database.h"

namespace azllm {

struct SavedSource
{
    int rank = 0; // 1-based: the [n] of the citation
    QString document;
    QString title;
    QString heading;
    QStringList articles;
    int firstLine = 0;
    int lastLine = 0;
    double score = 0;
    QString use; // "included", "trimmed", "dropped"
    QString text;
};

struct SavedRetrieval
{
    QString base;
    QString mode;
    bool found = false;
    QString prompt; // decoded, markers spelled out
    QVector<SavedSource> sources;
};

class AnswerSourceStore
{
public:
    explicit AnswerSourceStore(StudioDatabase &database) : m_database(database) {}

    // Replaces what is kept for the message, in one transaction.
    void save(qint64 messageId, const SavedRetrieval &retrieval);
    std::optional<SavedRetrieval> load(qint64 messageId) const;

private:
    StudioDatabase &m_database;
};

} // namespace azllm
