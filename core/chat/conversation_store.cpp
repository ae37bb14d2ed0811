#include "conversation_store.h"

#include "sql_transaction.h"
#include "sql_values.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace azllm {

using sql::execute;
using sql::now;
using sql::text;

namespace {

QSqlQuery prepared(const StudioDatabase &database, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(database.connection());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q;
}

const char *kConversationColumns =
    "SELECT c.id, c.title, c.mode, c.checkpoint, c.system_prompt, c.created_at, c.updated_at,"
    " (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) FROM conversations c ";

ConversationRecord readConversation(const QSqlQuery &q)
{
    ConversationRecord c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.mode = q.value(2).toString();
    c.checkpoint = q.value(3).toString();
    c.systemPrompt = q.value(4).toString();
    c.createdAt = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
    c.updatedAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
    c.messageCount = q.value(7).toInt();
    return c;
}

MessageRecord readMessage(const QSqlQuery &q)
{
    MessageRecord m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.position = q.value(2).toInt();
    m.role = q.value(3).toString();
    m.content = q.value(4).toString();
    m.promptTokens = q.value(5).toInt();
    m.generatedTokens = q.value(6).toInt();
    m.tokensPerSecond = q.value(7).toDouble();
    m.timeToFirstTokenMs = q.value(8).toDouble();
    m.droppedTurns = q.value(9).toInt();
    m.createdAt = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    return m;
}

// The trigram tokenizer matches substrings of 3 characters or more: right for Azerbaijani,
// where one stem takes many suffixes (kitab, kitablar, kitabları). Each word becomes a quoted
// phrase, so the learner's punctuation is never read as FTS5 syntax.
QString ftsQuery(const QStringList &words)
{
    QStringList phrases;
    for (QString word : words)
        phrases << QString(QLatin1Char('"') +
                           word.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                           QLatin1Char('"'));
    return phrases.join(QStringLiteral(" AND "));
}

} // namespace

qint64 ConversationStore::createConversation(const ConversationRecord &c)
{
    const QString stamp = now();
    QSqlQuery q = prepared(
        m_database,
        QStringLiteral("INSERT INTO conversations (title, mode, checkpoint, system_prompt,"
                       " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {text(c.title), text(c.mode), text(c.checkpoint), text(c.systemPrompt), stamp, stamp});
    execute(q);
    return q.lastInsertId().toLongLong();
}

void ConversationStore::rename(qint64 conversationId, const QString &title)
{
    QSqlQuery q =
        prepared(m_database,
                 QStringLiteral("UPDATE conversations SET title = ?, updated_at = ? WHERE id = ?"),
                 {text(title), now(), conversationId});
    execute(q);
}

void ConversationStore::updateSettings(qint64 conversationId, const QString &mode,
                                       const QString &checkpoint, const QString &systemPrompt)
{
    QSqlQuery q = prepared(
        m_database,
        QStringLiteral("UPDATE conversations SET mode = ?, checkpoint = ?, system_prompt = ?,"
                       " updated_at = ? WHERE id = ?"),
        {text(mode), text(checkpoint), text(systemPrompt), now(), conversationId});
    execute(q);
}

qint64 ConversationStore::appendMessage(const MessageRecord &m)
{
    SqlTransaction transaction(m_database.connection());
    QSqlQuery q = prepared(
        m_database,
        QStringLiteral(
            "INSERT INTO messages (conversation_id, position, role, content, prompt_tokens,"
            " generated_tokens, tokens_per_s, ttft_ms, dropped_turns, created_at)"
            " VALUES (?, (SELECT COUNT(*) FROM messages WHERE conversation_id = ?), ?, ?, ?, "
            "?, ?, ?, ?, ?)"),
        {m.conversationId, m.conversationId, text(m.role), text(m.content), m.promptTokens,
         m.generatedTokens, m.tokensPerSecond, m.timeToFirstTokenMs, m.droppedTurns, now()});
    execute(q);
    const qint64 id = q.lastInsertId().toLongLong();
    touch(m.conversationId);
    transaction.commit();
    return id;
}

void ConversationStore::truncate(qint64 conversationId, int from)
{
    SqlTransaction transaction(m_database.connection());
    QSqlQuery q =
        prepared(m_database,
                 QStringLiteral("DELETE FROM messages WHERE conversation_id = ? AND position >= ?"),
                 {conversationId, from});
    execute(q);
    touch(conversationId);
    transaction.commit();
}

void ConversationStore::deleteConversation(qint64 conversationId)
{
    // Messages first, so their full-text entries go through the delete trigger.
    SqlTransaction transaction(m_database.connection());
    QSqlQuery messages =
        prepared(m_database, QStringLiteral("DELETE FROM messages WHERE conversation_id = ?"),
                 {conversationId});
    execute(messages);
    QSqlQuery conversation = prepared(
        m_database, QStringLiteral("DELETE FROM conversations WHERE id = ?"), {conversationId});
    execute(conversation);
    transaction.commit();
}

QVector<ConversationRecord> ConversationStore::conversations() const
{
    QSqlQuery q = prepared(m_database,
                           QLatin1String(kConversationColumns) +
                               QLatin1String("ORDER BY c.updated_at DESC, c.id DESC"),
                           {});
    execute(q);
    QVector<ConversationRecord> all;
    while (q.next())
        all.push_back(readConversation(q));
    return all;
}

std::optional<ConversationRecord> ConversationStore::conversation(qint64 conversationId) const
{
    QSqlQuery q =
        prepared(m_database, QLatin1String(kConversationColumns) + QLatin1String("WHERE c.id = ?"),
                 {conversationId});
    execute(q);
    return q.next() ? std::optional<ConversationRecord>(readConversation(q)) : std::nullopt;
}

QVector<MessageRecord> ConversationStore::messages(qint64 conversationId) const
{
    QSqlQuery q = prepared(
        m_database,
        QStringLiteral("SELECT id, conversation_id, position, role, content, prompt_tokens,"
                       " generated_tokens, tokens_per_s, ttft_ms, dropped_turns, created_at"
                       " FROM messages WHERE conversation_id = ? ORDER BY position"),
        {conversationId});
    execute(q);
    QVector<MessageRecord> all;
    while (q.next())
        all.push_back(readMessage(q));
    return all;
}

QVector<SearchHit> ConversationStore::search(const QString &query, int limit) const
{
    const QStringList words = query.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    const bool trigramsOnly =
        std::all_of(words.begin(), words.end(), [](const QString &w) { return w.size() >= 3; });
    QString sql;
    QVariantList values;
    if (trigramsOnly) {
        sql = QStringLiteral(
            "SELECT m.conversation_id, m.id, c.title,"
            " snippet(messages_fts, 0, '[', ']', '\u2026', 10)"
            " FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid"
            " JOIN conversations c ON c.id = m.conversation_id"
            " WHERE messages_fts MATCH ? ORDER BY c.updated_at DESC, m.position LIMIT ?");
        values = {ftsQuery(words), limit};
    } else {
        // A word under 3 characters has no trigram: fall back to a plain scan (ASCII-only case
        // folding).
        sql = QStringLiteral("SELECT m.conversation_id, m.id, c.title, m.content FROM messages m"
                             " JOIN conversations c ON c.id = m.conversation_id WHERE 1");
        for (const QString &word : words) {
            sql += QStringLiteral(" AND m.content LIKE ? ESCAPE '\\'");
            QString escaped = word;
            escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                .replace(QLatin1Char('%'), QStringLiteral("\\%"))
                .replace(QLatin1Char('_'), QStringLiteral("\\_"));
            values << QString(QLatin1Char('%') + escaped + QLatin1Char('%'));
        }
        sql += QStringLiteral(" ORDER BY c.updated_at DESC, m.position LIMIT ?");
        values << limit;
    }
    QSqlQuery q = prepared(m_database, sql, values);
    execute(q);
    QVector<SearchHit> hits;
    while (q.next())
        hits.push_back({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                        q.value(3).toString().left(200)});
    return hits;
}

void ConversationStore::touch(qint64 conversationId)
{
    QSqlQuery q =
        prepared(m_database, QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = ?"),
                 {now(), conversationId});
    execute(q);
}

} // namespace azllm
