// The Chat screen's messages and their history: the transcript's views, titles and figures,
// editing, and the conversations kept in studio.db. chat_page.cpp sends and streams.
#include "chat_page.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "chat_setup_bar.h"
#include "conversation_list.h"
#include "explain_panel.h"
#include "message_view.h"
#include "retrieval_panel.h"

namespace azllm::ui {

namespace {

// The first words of the first message name a new conversation.
QString titleFrom(const QString &text)
{
    const QString line = text.simplified();
    return line.size() <= 48 ? line : line.left(47) + QStringLiteral("\u2026");
}

} // namespace

// ---- the conversation in studio.db --------------------------------------------------------

void ChatPage::ensureConversation(const QString &firstMessage)
{
    if (m_conversationId)
        return;
    ConversationRecord record;
    record.title = titleFrom(firstMessage);
    m_conversationId = m_store.createConversation(record);
}

void ChatPage::saveSettings()
{
    if (!m_conversationId)
        return;
    m_store.updateSettings(*m_conversationId,
                           mode() == ChatMode::Chat ? QStringLiteral("chat")
                                                    : QStringLiteral("completion"),
                           m_loaded ? m_loaded->checkpoint : QString(), m_setup->systemPrompt());
}

// ---- the transcript -----------------------------------------------------------------------

MessageView *ChatPage::addMessageView(Entry &entry)
{
    const bool user = entry.record.role == QLatin1String("user");
    auto *view = new MessageView(user ? MessageView::Kind::User : MessageView::Kind::Assistant,
                                 messageTitle(int(&entry - m_entries.data())));
    view->setText(entry.record.content);
    view->setEditable(user);
    view->setExplainMode(m_explain->isOn());
    connect(view, &MessageView::copyRequested, this,
            [this, view] { copyMessage(entryIndex(view)); });
    connect(view, &MessageView::editRequested, this, [this, view] { beginEdit(entryIndex(view)); });
    connect(view, &MessageView::regenerateRequested, this, &ChatPage::regenerate);
    connect(view, &MessageView::tokenClicked, this,
            [this, view](int token) { explainToken(entryIndex(view), token); });
    connect(view, &MessageView::citationClicked, this,
            [this, view](int number) { showSources(entryIndex(view), number); });
    m_messages->insertWidget(m_messages->count() - 1, view); // above the stretch
    m_emptyHint->setVisible(false);
    entry.view = view;
    return view;
}

// Who speaks, in the mode the conversation is in now.
QString ChatPage::messageTitle(int position) const
{
    const bool user = m_entries[std::size_t(position)].record.role == QLatin1String("user");
    const bool completion = mode() == ChatMode::Completion;
    // A continuation often starts mid-word: name the text it continues.
    if (!user && completion && position > 0)
        return tr("Model's continuation of \u201c%1\u201d")
            .arg(titleFrom(m_entries[std::size_t(position - 1)].record.content));
    return user ? (completion ? tr("Your text") : tr("You"))
                : (completion ? tr("Model's continuation") : tr("Model"));
}

int ChatPage::entryIndex(const MessageView *view) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].view == view)
            return int(i);
    return -1;
}

void ChatPage::truncateFrom(int position)
{
    if (m_conversationId)
        m_store.truncate(*m_conversationId, position);
    while (int(m_entries.size()) > position) {
        m_entries.back().view->deleteLater();
        m_entries.pop_back();
    }
    m_explain->forgetFrom(position);
    m_emptyHint->setVisible(m_entries.empty());
}

void ChatPage::clearMessages()
{
    for (Entry &entry : m_entries)
        entry.view->deleteLater();
    m_entries.clear();
    m_explain->clear();
    m_emptyHint->setVisible(true);
    cancelEdit();
}

void ChatPage::newConversation()
{
    if (isGenerating())
        stop();
    m_activeRequest = 0;
    clearMessages();
    m_conversationId.reset();
    m_conversations->select(std::nullopt);
    updateControls();
}

void ChatPage::openConversation(qint64 conversationId)
{
    if (isGenerating() || m_conversationId == conversationId)
        return;
    const std::optional<ConversationRecord> conversation = m_store.conversation(conversationId);
    if (!conversation)
        return;
    clearMessages();
    m_conversationId = conversationId;
    setMode(conversation->mode == QLatin1String("completion") ? ChatMode::Completion
                                                              : ChatMode::Chat);
    m_setup->setSystemPrompt(conversation->systemPrompt);
    for (const MessageRecord &record : m_store.messages(conversationId)) {
        Entry entry;
        entry.record = record;
        m_entries.push_back(entry);
        MessageView *view = addMessageView(m_entries.back());
        if (record.role == QLatin1String("assistant"))
            view->setFooter(footerFor(record));
        if (record.role == QLatin1String("assistant"))
            if (const auto &sources = (m_entries.back().sources = m_retrieval->load(record.id))) {
                view->setCitations(RetrievalPanel::citations(*sources));
                if (!sources->found)
                    view->setFooter(notGeneratedFooter(*sources));
            }
    }
    m_conversations->select(conversationId);
    showStatus({});
    updateControls();
}

void ChatPage::handleConversationDeleted(qint64 id)
{
    if (m_conversationId == id)
        newConversation();
}

void ChatPage::beginEdit(int position)
{
    if (position < 0 || isGenerating())
        return;
    m_editing = position;
    m_input->setPlainText(m_entries[std::size_t(position)].record.content);
    m_editBanner->setText(
        tr("Editing message %1: Send replaces it and every message after it.").arg(position + 1));
    m_editBanner->setVisible(true);
    m_cancelEdit->setVisible(true);
    m_input->setFocus();
}

void ChatPage::cancelEdit()
{
    m_editing = -1;
    m_editBanner->setVisible(false);
    m_cancelEdit->setVisible(false);
}

void ChatPage::copyMessage(int position)
{
    if (position >= 0)
        QApplication::clipboard()->setText(m_entries[std::size_t(position)].record.content);
}

QString ChatPage::footerFor(const ReplySummary &reply) const
{
    QString text = tr("%1 tokens \u00b7 %2 tokens/s \u00b7 first token after %3 ms \u00b7 prompt "
                      "%4 tokens \u00b7 seed %5")
                       .arg(reply.generatedTokens)
                       .arg(reply.tokensPerSecond, 0, 'f', 1)
                       .arg(reply.timeToFirstTokenMs, 0, 'f', 0)
                       .arg(reply.promptTokens.size())
                       .arg(reply.seed);
    if (reply.stoppedByCaller)
        text += tr(" \u00b7 stopped by you");
    else if (!reply.endedBy.isEmpty())
        text += tr(" \u00b7 the model ended it with %1").arg(reply.endedBy);
    else
        text += tr(" \u00b7 reached max new tokens");
    return text;
}

QString ChatPage::footerFor(const MessageRecord &record) const
{
    return tr("%1 tokens \u00b7 %2 tokens/s \u00b7 first token after %3 ms \u00b7 prompt %4 tokens")
        .arg(record.generatedTokens)
        .arg(record.tokensPerSecond, 0, 'f', 1)
        .arg(record.timeToFirstTokenMs, 0, 'f', 0)
        .arg(record.promptTokens);
}

QString ChatPage::noteFor(const ReplySummary &reply) const
{
    const int window = m_loaded ? m_loaded->contextLength : 0;
    if (reply.droppedTurns == 1)
        return tr("\u26A0 The conversation is longer than the %1 tokens this model sees, so its "
                  "oldest "
                  "message was left out of this answer's prompt (the system prompt was kept).")
            .arg(window);
    if (reply.droppedTurns > 1)
        return tr("\u26A0 The conversation is longer than the %1 tokens this model sees, so its %2 "
                  "oldest "
                  "messages were left out of this answer's prompt (the system prompt was kept).")
            .arg(window)
            .arg(reply.droppedTurns);
    if (reply.droppedTokens > 0)
        return tr("\u26A0 The text is longer than the %1 tokens this model sees (with room for the "
                  "answer), so its first %2 tokens were left out.")
            .arg(window)
            .arg(reply.droppedTokens);
    return {};
}

// ---- what the transcript shows -----------------------------------------------------------

QString ChatPage::messageText(int position) const
{
    return position >= 0 && position < messageCount()
               ? m_entries[std::size_t(position)].view->text()
               : QString();
}

QString ChatPage::messageFooter(int position) const
{
    if (position < 0 || position >= messageCount())
        return {};
    const Entry &entry = m_entries[std::size_t(position)];
    if (entry.sources && !entry.sources->found)
        return notGeneratedFooter(*entry.sources);
    return entry.reply ? footerFor(*entry.reply) : footerFor(entry.record);
}

QString ChatPage::contextNote(int position) const
{
    if (position < 0 || position >= messageCount())
        return {};
    const Entry &entry = m_entries[std::size_t(position)];
    return entry.reply ? noteFor(*entry.reply) : QString();
}

std::optional<ReplySummary> ChatPage::lastReply() const
{
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it)
        if (it->reply)
            return it->reply;
    return std::nullopt;
}

} // namespace azllm::ui
