// Chat conversations in studio.db: listed, renamed, searched (full text), deleted; each message
// of an answer keeps the figures shown under it. Schema: docs/chat_template.md.
#pragma once

#include <QDateTime>
#include <QString>
#include <QVector>

#include <optional>

#include "studio_database.h"

namespace azllm {

struct ConversationRecord
{
    qint64 id = 0;
    QString title;
    QString mode = QStringLiteral("chat"); // "chat" or "completion"
    QString checkpoint;                    // the checkpoint folder it talked to last
    QString systemPrompt;
    QDateTime createdAt;
    QDateTime updatedAt;
    int messageCount = 0;
};

struct MessageRecord
{
    qint64 id = 0;
    qint64 conversationId = 0;
    int position = 0;                      // 0, 1, 2 ... in the conversation
    QString role = QStringLiteral("user"); // "user" or "assistant"
    QString content;
    // An answer's figures (zero for the user's messages).
    int promptTokens = 0;
    int generatedTokens = 0;
    double tokensPerSecond = 0;
    double timeToFirstTokenMs = 0;
    int droppedTurns = 0;
    QDateTime createdAt;
};

struct SearchHit
{
    qint64 conversationId = 0;
    qint64 messageId = 0;
    QString title;
    QString snippet; // the matching words in [brackets]
};

class ConversationStore
{
public:
    explicit ConversationStore(StudioDatabase &database) : m_database(database) {}

    // Every method throws DatabaseError with SQLite's message on failure.
    qint64 createConversation(const ConversationRecord &conversation);
    void rename(qint64 conversationId, const QString &title);
    void updateSettings(qint64 conversationId, const QString &mode, const QString &checkpoint,
                        const QString &systemPrompt);
    // Appends at the next position (the record's position is ignored); returns the message id.
    qint64 appendMessage(const MessageRecord &message);
    // Deletes the messages at position >= from: editing a past message or regenerating an answer
    // rewrites the conversation from there.
    void truncate(qint64 conversationId, int from);
    void deleteConversation(qint64 conversationId);

    QVector<ConversationRecord> conversations() const; // most recently changed first
    std::optional<ConversationRecord> conversation(qint64 conversationId) const;
    QVector<MessageRecord> messages(qint64 conversationId) const;
    // Messages containing every word of query (substrings too: "kitab" finds "kitabları"),
    // case-insensitive, newest conversations first; at most limit hits.
    QVector<SearchHit> search(const QString &query, int limit = 50) const;

private:
    void touch(qint64 conversationId);
    StudioDatabase &m_database;
};

} // namespace azllm
