// What studio.db holds about knowledge bases (docs/formats.md, version 7): plain values.
#pragma once

#include <QString>
#include <QStringList>

namespace azllm {

// Where a base came from: built at first start from the UDHR, or from the project's law-like
// sample where the UDHR could not be fetched; empty for the learner's own.
inline const QString kOriginUdhr = QStringLiteral("udhr");
inline const QString kOriginLawSample = QStringLiteral("law-sample");

struct KnowledgeBaseRecord
{
    qint64 id = 0;
    QString name;
    QString description;
    QString origin;
    int prefixLength = 5; // letters of each word the morph index keeps
    QString embeddingCheckpoint; // the checkpoint dense vectors come from, empty when none
    QString embeddingSignature;  // which weights exactly (checkpointSignature)
    QString createdAt;
    QString updatedAt;
    // Counted when read.
    int documents = 0;
    int chunks = 0;
    int vectors = 0;
    qint64 bytes = 0;
};

struct KnowledgeDocumentRecord
{
    qint64 id = 0;
    qint64 baseId = 0;
    QString name;  // the file name without extension: what citations call it
    QString title; // its first heading, or the name
    QString path;
    QString format;
    QString contentHash;
    qint64 bytes = 0;
    int lines = 0;
    QString importedAt;
    int chunks = 0; // counted when read
};

struct ChunkRecord
{
    qint64 id = 0;
    qint64 documentId = 0;
    int position = 0; // 0-based, in document order
    QString document; // the document's name
    QString title;    // the document's title
    QString heading;
    QStringList articles;
    int firstLine = 0;
    int lastLine = 0;
    QString text;

    bool holdsArticle(const QString &article) const { return articles.contains(article); }
};

} // namespace azllm
