// The Chat screen's conversation: its messages, one MessageView each, in a scrolling column. It
// keeps what each message is (its studio.db record, the reply generated in this session, a
// grounded answer's sources) and words their titles, figures and notes in the interface's
// language. It changes only in memory: ChatPage saves to studio.db and drives the worker.
#pragma once

#include <QStringList>
#include <QWidget>

#include <optional>
#include <vector>

#include "answer_sources.h"
#include "chat_template.h"
#include "chat_worker.h"
#include "conversation_store.h"

class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace azllm::ui {
class MessageView;

class ConversationView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationView)

public:
    explicit ConversationView(QWidget *parent = nullptr);

    // ---- changing the conversation
    // Appends a message (a user's, an answer loaded from studio.db, or the placeholder of an
    // answer about to stream in); its position is count() - 1.
    void append(const azllm::MessageRecord &record);
    // Streaming into the last message: the text a token completed, and the token's piece.
    void appendToken(const QString &newText, const QString &piece);
    // The last message's answer is complete: its text, tokens and figures. `contextLength` is
    // the window of the model that answered (for the note on what was left out).
    const azllm::MessageRecord &finishAnswer(const ReplySummary &reply, int contextLength);
    void setMessageId(int position, qint64 id);
    // A grounded answer's sources: its citations, and the footer of one that was not generated.
    void setSources(int position, const azllm::SavedRetrieval &sources);
    // Drops the messages from `position` on.
    void truncate(int position);
    void clear();
    // Titles name the speakers of the mode the conversation is in (set before appending).
    void setMode(azllm::ChatMode mode) { m_mode = mode; }
    void setExplainMode(bool on);
    // Marks token `tokenIndex` of the message at `position`, and no other.
    void selectToken(int position, int tokenIndex);
    // Whether the last message, when it is an answer, offers Regenerate.
    void setRegenerable(bool on);

    // ---- what it shows
    int count() const { return int(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    bool lastIsAnswer() const;
    const azllm::MessageRecord &record(int position) const;
    QString text(int position) const;
    QString footer(int position) const;
    QString contextNote(int position) const;
    // The sources shown under the answer at `position` ("[1] udhr, Maddə 3, sətir 20–22").
    QStringList citations(int position) const;
    const azllm::SavedRetrieval *sources(int position) const;
    // The answer generated in this session at `position` (Explain needs its token ids).
    const ReplySummary *reply(int position) const;
    std::optional<ReplySummary> lastReply() const;
    std::vector<azllm::ChatTurn> turns() const;

Q_SIGNALS:
    void editRequested(int position);
    void regenerateRequested();
    void tokenClicked(int position, int tokenIndex);
    void citationClicked(int position, int number);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Entry
    {
        azllm::MessageRecord record;
        MessageView *view = nullptr;
        std::optional<ReplySummary> reply;            // answers generated in this session
        int contextLength = 0;                        // of the model that generated `reply`
        std::optional<azllm::SavedRetrieval> sources; // a grounded answer's sources
    };

    void retranslate();
    bool has(int position) const { return position >= 0 && position < count(); }
    MessageView *addView(const Entry &entry, int position);
    QString title(int position) const;
    int positionOf(const MessageView *view) const;
    void copy(int position) const;
    void followTheEnd();
    QString footerFor(const ReplySummary &reply) const;
    QString footerFor(const azllm::MessageRecord &record) const;
    QString notGeneratedFooter(const azllm::SavedRetrieval &sources) const;
    QString noteFor(const Entry &entry) const;

    std::vector<Entry> m_entries;
    azllm::ChatMode m_mode = azllm::ChatMode::Completion;
    bool m_explain = false;
    QScrollArea *m_scroll = nullptr;
    QVBoxLayout *m_messages = nullptr;
    QLabel *m_emptyHint = nullptr;
};

// The first words of a message (a conversation's title, what a continuation continues).
QString openingWords(const QString &text);

} // namespace azllm::ui
