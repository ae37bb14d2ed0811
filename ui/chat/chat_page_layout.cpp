// The Chat screen's widgets and layout; chat_page.cpp holds its behaviour.
#include "chat_page.h"

#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

#include "chat_setup_bar.h"
#include "conversation_list.h"
#include "conversation_view.h"
#include "explain_panel.h"
#include "retrieval_panel.h"
#include "sampling_panel.h"
#include "status_line.h"
#include "workspace.h"

namespace azllm::ui {

namespace {

QLabel *hint()
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

ChatPage::ChatPage(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_store(workspace.database())
{
    m_conversations = new ConversationList(m_store);
    connect(m_conversations, &ConversationList::conversationChosen, this,
            &ChatPage::openConversation);
    connect(m_conversations, &ConversationList::newConversationRequested, this,
            &ChatPage::newConversation);
    connect(m_conversations, &ConversationList::conversationDeleted, this,
            &ChatPage::handleConversationDeleted);
    connect(m_conversations, &ConversationList::errorOccurred, this, &ChatPage::showFailure);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_conversations);
    splitter->addWidget(buildConversationColumn());
    splitter->addWidget(buildSideColumn());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({230, 640, 360});
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    startWorker();
    retranslate();
    handleModeChanged();
    updateControls();
}

void ChatPage::connectSetupBar()
{
    connect(m_setup, &ChatSetupBar::checkpointChosen, this, &ChatPage::loadCheckpoint);
    connect(m_setup, &ChatSetupBar::folderChosen, this, &ChatPage::setCheckpoint);
    connect(m_setup, &ChatSetupBar::modeChanged, this, &ChatPage::handleModeChanged);
    connect(m_setup, &ChatSetupBar::precisionChanged, this, &ChatPage::setPrecision);
    connect(m_setup, &ChatSetupBar::exportRequested, this, &ChatPage::exportRequested);
}

void ChatPage::retranslate()
{
    m_cancelEdit->setText(tr("Cancel edit"));
    showInputPlaceholder();
    m_send->setText(tr("Send"));
    m_send->setToolTip(tr("Send the message; the answer streams in token by token (Ctrl+Enter)."));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("End the answer now; the tokens so far are kept."));
    m_regenerate->setToolTip(
        tr("Replace the last answer with a new one (the same one again if the seed is fixed)."));
    m_samplingBox->setTitle(tr("Sampling"));
    m_samplingHint->setText(tr("How the next token is chosen from the model's probabilities. "
                               "Hover a control for what it does."));
    m_knowledgeBox->setTitle(tr("Knowledge base"));
    // The conversation and the status line say themselves again (their own LanguageChange).
    if (m_editing >= 0)
        showEditBanner();
    updateControls(); // Regenerate or Answer again
}

void ChatPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QWidget *ChatPage::buildConversationColumn()
{
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(6, 0, 6, 0);
    m_setup = new ChatSetupBar(m_workspace);
    connectSetupBar();
    layout->addWidget(m_setup);

    m_conversation = new ConversationView;
    connect(m_conversation, &ConversationView::editRequested, this, &ChatPage::beginEdit);
    connect(m_conversation, &ConversationView::regenerateRequested, this, &ChatPage::regenerate);
    connect(m_conversation, &ConversationView::tokenClicked, this, &ChatPage::explainToken);
    connect(m_conversation, &ConversationView::citationClicked, this, &ChatPage::showSources);
    layout->addWidget(m_conversation, 1);

    m_status = new StatusLine;
    m_status->setObjectName(QStringLiteral("chatStatus"));
    m_status->setHiddenWhenEmpty(true);
    layout->addWidget(m_status);
    layout->addWidget(buildInputRow());
    return column;
}

QWidget *ChatPage::buildInputRow()
{
    auto *box = new QWidget;
    auto *layout = new QGridLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    m_editBanner = new QLabel;
    m_editBanner->setWordWrap(true);
    m_cancelEdit = new QPushButton;
    connect(m_cancelEdit, &QPushButton::clicked, this, &ChatPage::cancelEdit);
    layout->addWidget(m_editBanner, 0, 0);
    layout->addWidget(m_cancelEdit, 0, 1);
    m_editBanner->setVisible(false);
    m_cancelEdit->setVisible(false);

    m_input = new QPlainTextEdit;
    m_input->setObjectName(QStringLiteral("messageInput"));
    m_input->setMaximumHeight(90);
    layout->addWidget(m_input, 1, 0, 3, 1);

    m_send = new QPushButton;
    m_send->setDefault(true);
    connect(m_send, &QPushButton::clicked, this, [this] { send(m_input->toPlainText()); });
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_input);
    connect(shortcut, &QShortcut::activated, this, [this] { send(m_input->toPlainText()); });
    m_stop = new QPushButton;
    connect(m_stop, &QPushButton::clicked, this, &ChatPage::stop);
    m_regenerate = new QPushButton;
    connect(m_regenerate, &QPushButton::clicked, this, &ChatPage::regenerate);
    layout->addWidget(m_send, 1, 1);
    layout->addWidget(m_stop, 2, 1);
    layout->addWidget(m_regenerate, 3, 1);
    return box;
}

QWidget *ChatPage::buildSideColumn()
{
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);

    m_samplingBox = new QGroupBox;
    auto *samplingLayout = new QVBoxLayout(m_samplingBox);
    m_samplingHint = hint();
    samplingLayout->addWidget(m_samplingHint);
    m_sampling = new SamplingPanel;
    samplingLayout->addWidget(m_sampling);
    layout->addWidget(m_samplingBox);

    m_knowledgeBox = new QGroupBox;
    auto *knowledgeLayout = new QVBoxLayout(m_knowledgeBox);
    m_retrieval = new RetrievalPanel(m_workspace);
    connect(m_retrieval, &RetrievalPanel::retrievalReady, this, &ChatPage::handleRetrieval);
    connect(m_retrieval, &RetrievalPanel::retrievalFailed, this,
            [this](qint64 requestId, const QString &message) {
                if (requestId != m_activeRequest)
                    return;
                m_pendingRequest.reset();
                handleReplyFailed(requestId, message);
            });
    knowledgeLayout->addWidget(m_retrieval);
    // The sources table needs room for three or four rows; the Explain chart reads at less.
    layout->addWidget(m_knowledgeBox, 2);

    m_explain = new ExplainPanel(*m_sampling);
    connect(m_explain, &ExplainPanel::toggled, this, &ChatPage::setExplainMode);
    connect(m_sampling, &SamplingPanel::samplingChanged, m_explain, &ExplainPanel::refresh);
    layout->addWidget(m_explain, 1);
    column->setMinimumWidth(360);
    return column;
}

} // namespace azllm::ui
