// Knowledge bases in the workspace's studio.db: bases, their documents, the documents' chunks
// and each base's own full-text index, kb_fts_<id> (schema version 7, docs/formats.md). Every
// change is one transaction, so a crash or a cancel never leaves a document half imported.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QVector>

#include <optional>
#include <utility>

#include "document_chunker.h"
#include "knowledge_types.h"
#include "studio_database.h"

namespace azllm {

// One row of an FTS5 match: the chunk and its bm25 score (higher is better).
struct ChunkScore
{
    qint64 chunkId = 0;
    double score = 0;
};

class KnowledgeStore
{
public:
    explicit KnowledgeStore(StudioDatabase &database) : m_database(database) {}

    // ---- bases. Names are unique; a bad or taken name throws KnowledgeError, SQLite failures
    // DatabaseError.
    qint64 createBase(const QString &name, const QString &description = {},
                      const QString &origin = {}, int prefixLength = 5);
    void renameBase(qint64 baseId, const QString &name);
    void removeBase(qint64 baseId);
    QVector<KnowledgeBaseRecord> bases() const;
    std::optional<KnowledgeBaseRecord> base(qint64 baseId) const;
    std::optional<KnowledgeBaseRecord> baseNamed(const QString &name) const;
    // The base by name, or KnowledgeError listing the bases there are.
    KnowledgeBaseRecord requireBase(const QString &name) const;

    // ---- documents and chunks
    QVector<KnowledgeDocumentRecord> documents(qint64 baseId) const;
    std::optional<KnowledgeDocumentRecord> documentAt(qint64 baseId, const QString &path) const;
    // By name (the file name without extension) or path; KnowledgeError when there is none, or
    // when the name is shared by documents from different folders.
    KnowledgeDocumentRecord requireDocument(qint64 baseId, const QString &nameOrPath) const;
    // Inserts the document with its chunks and their index rows, replacing the document at the
    // same path (its chunks, index rows and vectors go with it). Returns the document's id.
    qint64 replaceDocument(KnowledgeDocumentRecord document, const QVector<DocumentChunk> &chunks,
                           int prefixLength);
    void removeDocument(qint64 documentId);
    // The name citations show; re-importing the file keeps it.
    void renameDocument(qint64 documentId, const QString &name);

    QVector<ChunkRecord> chunks(qint64 documentId) const;
    std::optional<ChunkRecord> chunk(qint64 chunkId) const;
    // In the order of the ids given; ids that no longer exist are left out.
    QVector<ChunkRecord> chunksByIds(const QVector<qint64> &ids) const;
    // Chunk ids of a base with their heading and text, for computing vectors: only those
    // without a vector when onlyMissingVectors.
    QVector<std::pair<qint64, QString>> chunkTexts(qint64 baseId, bool onlyMissingVectors) const;

    // ---- the full-text index
    // The best `limit` chunks of a base for an FTS5 expression over the words and stems columns.
    QVector<ChunkScore> match(qint64 baseId, const QString &expression, int limit) const;
    // In how many of a base's chunks each term occurs in `column` ("words", "stems" or "roots"),
    // and how
    // many chunks the base's index holds: the inverse document frequencies of a query's words.
    QHash<QString, int> termChunkCounts(qint64 baseId, const QString &column,
                                        const QStringList &terms) const;
    int indexedChunkCount(qint64 baseId) const;

    // ---- dense vectors
    // Records the checkpoint vectors come from; when its signature differs from the stored one,
    // every vector of the base is deleted (they belong to other weights).
    void setEmbeddingModel(qint64 baseId, const QString &checkpoint, const QString &signature);
    void storeVectors(const QVector<std::pair<qint64, QByteArray>> &vectors);
    QVector<std::pair<qint64, QByteArray>> vectors(qint64 baseId) const;
    int vectorCount(qint64 baseId) const;

    StudioDatabase &database() const { return m_database; }

private:
    StudioDatabase &m_database;
};

// A chunk's index row: the words of its text folded, and their prefixes of prefixLength and of
// kRootLength letters, each joined by spaces.
QString indexedWords(const QString &text);
QString indexedStems(const QString &text, int prefixLength);

} // namespace azllm
