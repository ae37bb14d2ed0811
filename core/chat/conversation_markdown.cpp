#include "conversation_markdown.h"

#include <QSaveFile>

#include <stdexcept>

namespace azllm {
namespace {

// Quoted as a Markdown block quote so the model's text can never turn into headings or lists.
QString quoted(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.isEmpty() ? QStringLiteral(">") : QString(QStringLiteral("> ") + line);
    return lines.join(QLatin1Char('\n'));
}

QString figures(const MessageRecord &m)
{
    QString line =
        QStringLiteral("*%1 tokens, %2 tokens/s, first token after %3 ms, prompt %4 tokens")
            .arg(m.generatedTokens)
            .arg(m.tokensPerSecond, 0, 'f', 1)
            .arg(m.timeToFirstTokenMs, 0, 'f', 0)
            .arg(m.promptTokens);
    if (m.droppedTurns > 0)
        line += QStringLiteral("; %1 oldest turns left out to fit the context").arg(m.droppedTurns);
    return line + QLatin1Char('*');
}

} // namespace

QString conversationToMarkdown(const ConversationRecord &conversation,
                               const QVector<MessageRecord> &messages)
{
    QString md = QStringLiteral("# %1\n\n").arg(conversation.title);
    md += QStringLiteral("- Mode: %1\n- Checkpoint: `%2`\n- Started: %3\n\n")
              .arg(conversation.mode, conversation.checkpoint,
                   conversation.createdAt.toString(Qt::ISODate));
    if (!conversation.systemPrompt.isEmpty())
        md += QStringLiteral("## System\n\n%1\n\n").arg(quoted(conversation.systemPrompt));
    for (const MessageRecord &m : messages) {
        const bool answer = m.role == QLatin1String("assistant");
        md += QStringLiteral("## %1\n\n%2\n\n")
                  .arg(answer ? QStringLiteral("Model") : QStringLiteral("You"), quoted(m.content));
        if (answer && m.generatedTokens > 0)
            md += figures(m) + QStringLiteral("\n\n");
    }
    return md;
}

void writeConversationMarkdown(const QString &path, const ConversationRecord &conversation,
                               const QVector<MessageRecord> &messages)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        throw std::runtime_error("cannot write " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
    file.write(conversationToMarkdown(conversation, messages).toUtf8());
    if (!file.commit())
        throw std::runtime_error("cannot write " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
}

} // namespace azllm
