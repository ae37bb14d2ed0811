// The Chat screen's conversations in studio.db: starting, opening, truncating and editing them
// (ConversationView shows the messages). chat_page.cpp sends and streams.
#include "chat_page.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "chat_setup_bar.h"
#include "conversation_list.h"
#include "conversation_view.h"
#include "explain_panel.h"
#include "retrieval_panel.h"

namespace azllm::ui {

// ---- the conversation in studio.db --------------------------------------------------------

void ChatPage::ensureConversation(const QString &firstMessage)
{
    if (m_conversationId)
        return;
    ConversationRecord record;
    record.title = openingWords(firstMessage); // names the new conversation
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

void ChatPage::truncateFrom(int position)
{
    if (m_conversationId)
        m_store.truncate(*m_conversationId, position);
    m_conversation->truncate(position);
    m_explain->forgetFrom(position);
}

void ChatPage::clearMessages()
{
    m_conversation->clear();
    m_explain->clear();
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
        m_conversation->append(record);
        if (record.role == QLatin1String("assistant"))
            if (const std::optional<SavedRetrieval> sources = m_retrieval->load(record.id))
                m_conversation->setSources(m_conversation->count() - 1, *sources);
    }
    m_conversations->select(conversationId);
    clearStatus();
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
    m_input->setPlainText(m_conversation->record(position).content);
    showEditBanner();
    m_editBanner->setVisible(true);
    m_cancelEdit->setVisible(true);
    m_input->setFocus();
}

void ChatPage::showEditBanner()
{
    m_editBanner->setText(
        tr("Editing message %1: Send replaces it and every message after it.").arg(m_editing + 1));
}

void ChatPage::cancelEdit()
{
    m_editing = -1;
    m_editBanner->setVisible(false);
    m_cancelEdit->setVisible(false);
}

} // namespace azllm::ui
