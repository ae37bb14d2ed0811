// A conversation as Markdown, for sharing or keeping outside the studio.
#pragma once

#include <QString>
#include <QVector>

#include "conversation_store.h"

namespace azllm {

QString conversationToMarkdown(const ConversationRecord &conversation,
                               const QVector<MessageRecord> &messages);

// Written atomically (QSaveFile): a failed export never leaves half a file under path.
// Throws std::runtime_error naming the file.
void writeConversationMarkdown(const QString &path, const ConversationRecord &conversation,
                               const QVector<MessageRecord> &messages);

} // namespace azllm
