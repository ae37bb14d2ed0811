#include "knowledge_store.h"

#include <QSqlQuery>

#include "azerbaijani_text.h"
#include "knowledge_error.h"
#include "sql_transaction.h"
#include "sql_values.h"

namespace azllm {
namespace {

// The columns every chunk query reads, with its document's name and title.
const QString kChunkColumns =
    QStringLiteral("SELECT c.id, c.document_id, c.position, d.name, d.title, c.heading, c.articles,"
                   " c.first_line, c.last_line, c.text FROM kb_chunks c JOIN kb_documents d"
                   " ON d.id = c.document_id");

ChunkRecord chunkFrom(const QSqlQuery &q)
{
    ChunkRecord c;
    c.id = q.value(0).toLongLong();
    c.documentId = q.value(1).toLongLong();
    c.position = q.value(2).toInt();
    c.document = q.value(3).toString();
    c.title = q.value(4).toString();
    c.heading = q.value(5).toString();
    const QString articles = q.value(6).toString();
    c.articles = articles.isEmpty() ? QStringList() : articles.split(QLatin1Char(','));
    c.firstLine = q.value(7).toInt();
    c.lastLine = q.value(8).toInt();
    c.text = q.value(9).toString();
    return c;
}

const QString kBaseColumns = QStringLiteral(
    "SELECT b.id, b.name, b.description, b.origin, b.prefix_length, b.embedding_checkpoint,"
    " b.embedding_signature, b.created_at, b.updated_at,"
    " (SELECT COUNT(*) FROM kb_documents d WHERE d.kb_id = b.id),"
    " (SELECT COUNT(*) FROM kb_chunks c JOIN kb_documents d ON d.id = c.document_id"
    "  WHERE d.kb_id = b.id),"
    " (SELECT COUNT(*) FROM kb_vectors v JOIN kb_chunks c ON c.id = v.chunk_id"
    "  JOIN kb_documents d ON d.id = c.document_id WHERE d.kb_id = b.id),"
    " (SELECT COALESCE(SUM(bytes), 0) FROM kb_documents d WHERE d.kb_id = b.id)"
    " FROM knowledge_bases b");

KnowledgeBaseRecord baseFrom(const QSqlQuery &q)
{
    KnowledgeBaseRecord b;
    b.id = q.value(0).toLongLong();
    b.name = q.value(1).toString();
    b.description = q.value(2).toString();
    b.origin = q.value(3).toString();
    b.prefixLength = q.value(4).toInt();
    b.embeddingCheckpoint = q.value(5).toString();
    b.embeddingSignature = q.value(6).toString();
    b.createdAt = q.value(7).toString();
    b.updatedAt = q.value(8).toString();
    b.documents = q.value(9).toInt();
    b.chunks = q.value(10).toInt();
    b.vectors = q.value(11).toInt();
    b.bytes = q.value(12).toLongLong();
    return b;
}

const QString kDocumentColumns = QStringLiteral(
    "SELECT d.id, d.kb_id, d.name, d.title, d.path, d.format, d.content_hash, d.bytes, d.lines,"
    " d.imported_at, (SELECT COUNT(*) FROM kb_chunks c WHERE c.document_id = d.id)"
    " FROM kb_documents d");

KnowledgeDocumentRecord documentFrom(const QSqlQuery &q)
{
    KnowledgeDocumentRecord d;
    d.id = q.value(0).toLongLong();
    d.baseId = q.value(1).toLongLong();
    d.name = q.value(2).toString();
    d.title = q.value(3).toString();
    d.path = q.value(4).toString();
    d.format = q.value(5).toString();
    d.contentHash = q.value(6).toString();
    d.bytes = q.value(7).toLongLong();
    d.lines = q.value(8).toInt();
    d.importedAt = q.value(9).toString();
    d.chunks = q.value(10).toInt();
    return d;
}

// Each base's full-text index and its vocabulary (docs/formats.md, version 7).
QString ftsTable(qint64 baseId)
{
    return QStringLiteral("kb_fts_%1").arg(baseId);
}

QString termsTable(qint64 baseId)
{
    return QStringLiteral("kb_terms_%1").arg(baseId);
}

// Deletes the index rows of a document's chunks (before the chunks themselves go).
void unindexDocument(const QSqlDatabase &db, qint64 baseId, qint64 documentId)
{
    execStatement(db,
                  QStringLiteral("DELETE FROM %1 WHERE rowid IN (SELECT id FROM kb_chunks WHERE"
                                 " document_id = ?)")
                      .arg(ftsTable(baseId)),
                  {documentId}, QStringLiteral("removing the document from the index"));
}

QString checkedName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw KnowledgeError("a knowledge base needs a name");
    if (trimmed.size() > 80)
        throw KnowledgeError("the name \"" + trimmed.left(40).toStdString() +
                             "...\" is too long (80 characters at most)");
    return trimmed;
}

} // namespace

QString indexedWords(const QString &text)
{
    return foldedWords(text).join(QLatin1Char(' '));
}

QString indexedStems(const QString &text, int prefixLength)
{
    QStringList stems;
    for (const QString &word : foldedWords(text))
        stems << wordPrefix(word, prefixLength);
    return stems.join(QLatin1Char(' '));
}

// ---- bases ---------------------------------------------------------------------------------

qint64 KnowledgeStore::createBase(const QString &name, const QString &description,
                                  const QString &origin, int prefixLength)
{
    const QString checked = checkedName(name);
    if (baseNamed(checked))
        throw KnowledgeError("a knowledge base named \"" + checked.toStdString() +
                             "\" already exists");
    const QString now = sql::now();
    const QSqlDatabase db = m_database.connection();
    const QString what = QStringLiteral("creating the knowledge base");
    SqlTransaction transaction(db);
    const qint64 id = execStatement(db,
                                    QStringLiteral("INSERT INTO knowledge_bases (name, description,"
                                                   " origin, prefix_length, created_at, updated_at)"
                                                   " VALUES (?, ?, ?, ?, ?, ?)"),
                                    {checked, sql::text(description), sql::text(origin),
                                     qBound(0, prefixLength, 20), now, now},
                                    what)
                          .lastInsertId()
                          .toLongLong();
    // FTS5 splits the stored words at spaces only: they are folded and cut here already.
    execStatement(db,
                  QStringLiteral("CREATE VIRTUAL TABLE %1 USING fts5(words, stems, roots,"
                                 " tokenize='unicode61 remove_diacritics 0')")
                      .arg(ftsTable(id)),
                  {}, what);
    execStatement(db,
                  QStringLiteral("CREATE VIRTUAL TABLE %1 USING fts5vocab(%2, 'col')")
                      .arg(termsTable(id), ftsTable(id)),
                  {}, what);
    transaction.commit();
    return id;
}

void KnowledgeStore::renameBase(qint64 baseId, const QString &name)
{
    const QString checked = checkedName(name);
    if (const auto other = baseNamed(checked); other && other->id != baseId)
        throw KnowledgeError("a knowledge base named \"" + checked.toStdString() +
                             "\" already exists");
    execStatement(
        m_database.connection(),
        QStringLiteral("UPDATE knowledge_bases SET name = ?, updated_at = ? WHERE id = ?"),
        {checked, sql::now(), baseId}, QStringLiteral("renaming the knowledge base"));
}

void KnowledgeStore::removeBase(qint64 baseId)
{
    const QSqlDatabase db = m_database.connection();
    const QString what = QStringLiteral("deleting the knowledge base");
    SqlTransaction transaction(db);
    execStatement(db, QStringLiteral("DROP TABLE IF EXISTS %1").arg(termsTable(baseId)), {}, what);
    execStatement(db, QStringLiteral("DROP TABLE IF EXISTS %1").arg(ftsTable(baseId)), {}, what);
    execStatement(db, QStringLiteral("DELETE FROM knowledge_bases WHERE id = ?"), {baseId}, what);
    transaction.commit();
}

QVector<KnowledgeBaseRecord> KnowledgeStore::bases() const
{
    QSqlQuery q =
        execStatement(m_database.connection(), kBaseColumns + QStringLiteral(" ORDER BY b.name"),
                      {}, QStringLiteral("listing the knowledge bases"));
    QVector<KnowledgeBaseRecord> all;
    while (q.next())
        all.push_back(baseFrom(q));
    return all;
}

std::optional<KnowledgeBaseRecord> KnowledgeStore::base(qint64 baseId) const
{
    QSqlQuery q =
        execStatement(m_database.connection(), kBaseColumns + QStringLiteral(" WHERE b.id = ?"),
                      {baseId}, QStringLiteral("reading the knowledge base"));
    return q.next() ? std::optional(baseFrom(q)) : std::nullopt;
}

std::optional<KnowledgeBaseRecord> KnowledgeStore::baseNamed(const QString &name) const
{
    QSqlQuery q =
        execStatement(m_database.connection(), kBaseColumns + QStringLiteral(" WHERE b.name = ?"),
                      {name.trimmed()}, QStringLiteral("reading the knowledge base"));
    return q.next() ? std::optional(baseFrom(q)) : std::nullopt;
}

KnowledgeBaseRecord KnowledgeStore::requireBase(const QString &name) const
{
    if (const auto found = baseNamed(name))
        return *found;
    QStringList names;
    for (const KnowledgeBaseRecord &b : bases())
        names << QLatin1Char('"') + b.name + QLatin1Char('"');
    throw KnowledgeError("no knowledge base named \"" + name.toStdString() + "\" (" +
                         (names.isEmpty()
                              ? std::string("there are none yet")
                              : "there are " + names.join(QStringLiteral(", ")).toStdString()) +
                         ")");
}

// ---- documents and chunks ------------------------------------------------------------------

QVector<KnowledgeDocumentRecord> KnowledgeStore::documents(qint64 baseId) const
{
    QSqlQuery q = execStatement(m_database.connection(),
                                kDocumentColumns +
                                    QStringLiteral(" WHERE d.kb_id = ? ORDER BY d.name, d.path"),
                                {baseId}, QStringLiteral("listing the documents"));
    QVector<KnowledgeDocumentRecord> all;
    while (q.next())
        all.push_back(documentFrom(q));
    return all;
}

std::optional<KnowledgeDocumentRecord> KnowledgeStore::documentAt(qint64 baseId,
                                                                  const QString &path) const
{
    QSqlQuery q =
        execStatement(m_database.connection(),
                      kDocumentColumns + QStringLiteral(" WHERE d.kb_id = ? AND d.path = ?"),
                      {baseId, path}, QStringLiteral("reading the document"));
    return q.next() ? std::optional(documentFrom(q)) : std::nullopt;
}

KnowledgeDocumentRecord KnowledgeStore::requireDocument(qint64 baseId,
                                                        const QString &nameOrPath) const
{
    QVector<KnowledgeDocumentRecord> named;
    for (const KnowledgeDocumentRecord &d : documents(baseId)) {
        if (d.path == nameOrPath)
            return d;
        if (d.name == nameOrPath)
            named.push_back(d);
    }
    if (named.size() == 1)
        return named.front();
    if (named.isEmpty())
        throw KnowledgeError("the base has no document named \"" + nameOrPath.toStdString() + "\"");
    throw KnowledgeError("several documents are named \"" + nameOrPath.toStdString() +
                         "\"; give the path instead (" + named.front().path.toStdString() +
                         ", ...)");
}

qint64 KnowledgeStore::replaceDocument(KnowledgeDocumentRecord document,
                                       const QVector<DocumentChunk> &chunks, int prefixLength)
{
    const QSqlDatabase db = m_database.connection();
    SqlTransaction transaction(db);
    if (const auto old = documentAt(document.baseId, document.path)) {
        unindexDocument(db, document.baseId, old->id);
        execStatement(db, QStringLiteral("DELETE FROM kb_documents WHERE id = ?"), {old->id},
                      QStringLiteral("replacing the document"));
    }
    const qint64 documentId =
        execStatement(db,
                      QStringLiteral("INSERT INTO kb_documents (kb_id, name, title, path, format,"
                                     " content_hash, bytes, lines, imported_at)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {document.baseId, sql::text(document.name), sql::text(document.title),
                       document.path, sql::text(document.format), sql::text(document.contentHash),
                       document.bytes, document.lines, sql::now()},
                      QStringLiteral("adding the document"))
            .lastInsertId()
            .toLongLong();
    QSqlQuery insertChunk(db);
    insertChunk.prepare(QStringLiteral(
        "INSERT INTO kb_chunks (document_id, position, heading, articles, first_line, last_line,"
        " text) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery insertIndex(db);
    insertIndex.prepare(
        QStringLiteral("INSERT INTO %1 (rowid, words, stems, roots) VALUES (?, ?, ?, ?)")
            .arg(ftsTable(document.baseId)));
    for (int position = 0; position < chunks.size(); ++position) {
        const DocumentChunk &c = chunks[position];
        for (const QVariant &v : QVariantList{documentId, position, sql::text(c.heading),
                                              sql::text(c.articles.join(QLatin1Char(','))),
                                              c.firstLine, c.lastLine, sql::text(c.text)})
            insertChunk.addBindValue(v);
        sql::execute(insertChunk);
        const qint64 chunkId = insertChunk.lastInsertId().toLongLong();
        for (const QVariant &v : QVariantList{chunkId, indexedWords(c.indexText),
                                              indexedStems(c.indexText, prefixLength),
                                              indexedStems(c.indexText, kRootLength)})
            insertIndex.addBindValue(v);
        sql::execute(insertIndex);
    }
    execStatement(db, QStringLiteral("UPDATE knowledge_bases SET updated_at = ? WHERE id = ?"),
                  {sql::now(), document.baseId}, QStringLiteral("updating the knowledge base"));
    transaction.commit();
    return documentId;
}

void KnowledgeStore::removeDocument(qint64 documentId)
{
    const QSqlDatabase db = m_database.connection();
    const QString what = QStringLiteral("removing the document");
    QSqlQuery base = execStatement(
        db, QStringLiteral("SELECT kb_id FROM kb_documents WHERE id = ?"), {documentId}, what);
    if (!base.next())
        return;
    SqlTransaction transaction(db);
    unindexDocument(db, base.value(0).toLongLong(), documentId);
    execStatement(db, QStringLiteral("DELETE FROM kb_documents WHERE id = ?"), {documentId}, what);
    transaction.commit();
}

void KnowledgeStore::renameDocument(qint64 documentId, const QString &name)
{
    if (name.trimmed().isEmpty())
        throw KnowledgeError("a document needs a name");
    execStatement(m_database.connection(),
                  QStringLiteral("UPDATE kb_documents SET name = ? WHERE id = ?"),
                  {name.trimmed(), documentId}, QStringLiteral("renaming the document"));
}

QVector<ChunkRecord> KnowledgeStore::chunks(qint64 documentId) const
{
    QSqlQuery q = execStatement(m_database.connection(),
                                kChunkColumns +
                                    QStringLiteral(" WHERE c.document_id = ? ORDER BY c.position"),
                                {documentId}, QStringLiteral("reading the chunks"));
    QVector<ChunkRecord> all;
    while (q.next())
        all.push_back(chunkFrom(q));
    return all;
}

std::optional<ChunkRecord> KnowledgeStore::chunk(qint64 chunkId) const
{
    QSqlQuery q =
        execStatement(m_database.connection(), kChunkColumns + QStringLiteral(" WHERE c.id = ?"),
                      {chunkId}, QStringLiteral("reading the chunk"));
    return q.next() ? std::optional(chunkFrom(q)) : std::nullopt;
}

QVector<ChunkRecord> KnowledgeStore::chunksByIds(const QVector<qint64> &ids) const
{
    QVector<ChunkRecord> found;
    for (qint64 id : ids)
        if (const auto c = chunk(id))
            found.push_back(*c);
    return found;
}

QVector<std::pair<qint64, QString>> KnowledgeStore::chunkTexts(qint64 baseId,
                                                               bool onlyMissingVectors) const
{
    QSqlQuery q = execStatement(
        m_database.connection(),
        QStringLiteral("SELECT c.id, c.heading, c.text FROM kb_chunks c JOIN kb_documents d"
                       " ON d.id = c.document_id WHERE d.kb_id = ?") +
            (onlyMissingVectors
                 ? QStringLiteral(
                       " AND NOT EXISTS (SELECT 1 FROM kb_vectors v WHERE v.chunk_id = c.id)")
                 : QString()) +
            QStringLiteral(" ORDER BY c.id"),
        {baseId}, QStringLiteral("reading the chunks"));
    QVector<std::pair<qint64, QString>> texts;
    while (q.next())
        texts.push_back({q.value(0).toLongLong(),
                         q.value(1).toString().isEmpty()
                             ? q.value(2).toString()
                             : q.value(1).toString() + QLatin1Char('\n') + q.value(2).toString()});
    return texts;
}

// ---- the full-text index -------------------------------------------------------------------

QVector<ChunkScore> KnowledgeStore::match(qint64 baseId, const QString &expression, int limit) const
{
    // bm25() is lower for better matches; the sign is turned so that higher is better.
    QSqlQuery q =
        execStatement(m_database.connection(),
                      QStringLiteral("SELECT rowid, -bm25(%1) AS score FROM %1 WHERE %1 MATCH ?"
                                     " ORDER BY score DESC LIMIT ?")
                          .arg(ftsTable(baseId)),
                      {expression, limit}, QStringLiteral("searching the knowledge base"));
    QVector<ChunkScore> scores;
    while (q.next())
        scores.push_back({q.value(0).toLongLong(), q.value(1).toDouble()});
    return scores;
}

QHash<QString, int> KnowledgeStore::termChunkCounts(qint64 baseId, const QString &column,
                                                    const QStringList &terms) const
{
    QHash<QString, int> counts;
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("SELECT doc FROM %1 WHERE term = ? AND col = ?").arg(termsTable(baseId)));
    for (const QString &term : terms) {
        q.addBindValue(term);
        q.addBindValue(column);
        sql::execute(q);
        counts.insert(term, q.next() ? q.value(0).toInt() : 0);
    }
    return counts;
}

int KnowledgeStore::indexedChunkCount(qint64 baseId) const
{
    // Every chunk gets its index row in the transaction that writes it, so counting kb_chunks
    // through its document index gives the same number; COUNT(*) over the FTS5 table reads the
    // whole index instead (60 ms of every 75 ms morph query on a 20 MB base).
    QSqlQuery q = execStatement(m_database.connection(),
                                QStringLiteral("SELECT SUM((SELECT COUNT(*) FROM kb_chunks c"
                                               " WHERE c.document_id = d.id))"
                                               " FROM kb_documents d WHERE d.kb_id = ?"),
                                {baseId}, QStringLiteral("counting the chunks"));
    return q.next() ? q.value(0).toInt() : 0;
}

// ---- dense vectors -------------------------------------------------------------------------

void KnowledgeStore::setEmbeddingModel(qint64 baseId, const QString &checkpoint,
                                       const QString &signature)
{
    const QSqlDatabase db = m_database.connection();
    const std::optional<KnowledgeBaseRecord> current = base(baseId);
    if (!current)
        throw KnowledgeError("the knowledge base no longer exists");
    SqlTransaction transaction(db);
    if (current->embeddingSignature != signature)
        execStatement(db,
                      QStringLiteral("DELETE FROM kb_vectors WHERE chunk_id IN (SELECT c.id FROM"
                                     " kb_chunks c JOIN kb_documents d ON d.id = c.document_id"
                                     " WHERE d.kb_id = ?)"),
                      {baseId}, QStringLiteral("clearing the old vectors"));
    execStatement(db,
                  QStringLiteral("UPDATE knowledge_bases SET embedding_checkpoint = ?,"
                                 " embedding_signature = ?, updated_at = ? WHERE id = ?"),
                  {sql::text(checkpoint), sql::text(signature), sql::now(), baseId},
                  QStringLiteral("recording the embedding model"));
    transaction.commit();
}

void KnowledgeStore::storeVectors(const QVector<std::pair<qint64, QByteArray>> &vectors)
{
    const QSqlDatabase db = m_database.connection();
    SqlTransaction transaction(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO kb_vectors (chunk_id, vector) VALUES (?, ?)"));
    for (const auto &[chunkId, vector] : vectors) {
        q.addBindValue(chunkId);
        q.addBindValue(vector);
        sql::execute(q);
    }
    transaction.commit();
}

QVector<std::pair<qint64, QByteArray>> KnowledgeStore::vectors(qint64 baseId) const
{
    QSqlQuery q = execStatement(
        m_database.connection(),
        QStringLiteral("SELECT v.chunk_id, v.vector FROM kb_vectors v JOIN kb_chunks c"
                       " ON c.id = v.chunk_id JOIN kb_documents d ON d.id = c.document_id"
                       " WHERE d.kb_id = ? ORDER BY v.chunk_id"),
        {baseId}, QStringLiteral("reading the vectors"));
    QVector<std::pair<qint64, QByteArray>> all;
    while (q.next())
        all.push_back({q.value(0).toLongLong(), q.value(1).toByteArray()});
    return all;
}

int KnowledgeStore::vectorCount(qint64 baseId) const
{
    QSqlQuery q = execStatement(
        m_database.connection(),
        QStringLiteral("SELECT COUNT(*) FROM kb_vectors v JOIN kb_chunks c ON c.id = v.chunk_id"
                       " JOIN kb_documents d ON d.id = c.document_id WHERE d.kb_id = ?"),
        {baseId}, QStringLiteral("counting the vectors"));
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace azllm
