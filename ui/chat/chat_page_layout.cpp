// The Chat screen's widgets and layout; chat_page.cpp holds its behaviour.
#include "chat_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

#include "conversation_list.h"
#include "explain_chart.h"
#include "precision_switch.h"
#include "retrieval_panel.h"
#include "sampling_panel.h"
#include "workspace.h"

using namespace azllm;

namespace {

QLabel *hint(const QString &text)
{
    auto *label = new QLabel(text);
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
    connect(m_conversations, &ConversationList::errorOccurred, this, &ChatPage::showError);

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
    refreshCheckpoints();
    handleModeChanged();
    updateControls();
}

QWidget *ChatPage::buildTopBar()
{
    auto *bar = new QWidget;
    auto *layout = new QGridLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);

    m_checkpoint = new QComboBox;
    m_checkpoint->setObjectName(QStringLiteral("checkpointPicker"));
    m_checkpoint->setToolTip(
        tr("Every checkpoint of every run in the workspace; the run's tokenizer comes with it."));
    m_checkpoint->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_checkpoint->setMinimumContentsLength(24);
    connect(m_checkpoint, &QComboBox::activated, this,
            [this](int index) { loadCheckpoint(m_checkpoint->itemData(index).toString()); });
    auto *browse = new QPushButton(tr("Other folder\u2026"));
    browse->setToolTip(
        tr("Talk to a checkpoint or run folder outside the workspace (for example azllm demo's)."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Checkpoint or run folder"));
        if (!dir.isEmpty())
            setCheckpoint(dir);
    });

    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("modePicker"));
    m_mode->addItem(tr("Completion: the model continues your text"), int(ChatMode::Completion));
    m_mode->addItem(tr("Chat: turns with the chat template (for chat-tuned models)"),
                    int(ChatMode::Chat));
    m_mode->setToolTip(
        tr("A pretrained model only knows how to continue text: use Completion. A model tuned on "
           "conversations answers in Chat mode (docs/chat_template.md)."));
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ChatPage::handleModeChanged);

    m_modelInfo = hint(tr("Pick a checkpoint to start."));
    m_modelInfo->setObjectName(QStringLiteral("modelInfo"));

    m_precision = new azllm::ui::PrecisionSwitch;
    connect(m_precision, &azllm::ui::PrecisionSwitch::precisionChanged, this,
            &ChatPage::setPrecision);
    auto *exportButton = new QPushButton(tr("Export\u2026"));
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setToolTip(tr("Write this checkpoint as GGUF (llama.cpp, Ollama, LM Studio) or "
                                "safetensors (Hugging Face)."));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        if (!m_checkpoint->currentData().toString().isEmpty())
            Q_EMIT exportRequested(m_checkpoint->currentData().toString());
    });

    layout->addWidget(new QLabel(tr("Checkpoint")), 0, 0);
    layout->addWidget(m_checkpoint, 0, 1);
    layout->addWidget(browse, 0, 2);
    layout->addWidget(exportButton, 0, 3);
    layout->addWidget(new QLabel(tr("Mode")), 1, 0);
    layout->addWidget(m_mode, 1, 1, 1, 3);
    layout->addWidget(m_precision, 2, 1, 1, 3);
    layout->addWidget(m_modelInfo, 3, 1, 1, 3);
    layout->setColumnStretch(1, 1);

    m_systemLabel = new QLabel(tr("System prompt"));
    m_systemPrompt = new QLineEdit;
    m_systemPrompt->setObjectName(QStringLiteral("systemPrompt"));
    m_systemPrompt->setPlaceholderText(
        tr("Optional: how the assistant should behave, e.g. \"Qısa cavab ver.\""));
    m_systemPrompt->setToolTip(
        tr("Sent first, in the <|system|> turn, and always kept when old turns are left out."));
    layout->addWidget(m_systemLabel, 4, 0);
    layout->addWidget(m_systemPrompt, 4, 1, 1, 3);
    return bar;
}

QWidget *ChatPage::buildConversationColumn()
{
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(buildTopBar());

    auto *messages = new QWidget;
    m_messages = new QVBoxLayout(messages);
    m_messages->setSpacing(8);
    m_emptyHint = hint(
        tr("Write a message below. In Completion mode the model continues what you write; in Chat "
           "mode it answers as the assistant. Turn on Explain (right) and click any token of an "
           "answer to see which tokens the model weighed."));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_messages->addWidget(m_emptyHint);
    m_messages->addStretch(1);
    m_scroll = new QScrollArea;
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(messages);
    layout->addWidget(m_scroll, 1);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("chatStatus"));
    m_status->setWordWrap(true);
    m_status->setVisible(false);
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
    m_cancelEdit = new QPushButton(tr("Cancel edit"));
    connect(m_cancelEdit, &QPushButton::clicked, this, &ChatPage::cancelEdit);
    layout->addWidget(m_editBanner, 0, 0);
    layout->addWidget(m_cancelEdit, 0, 1);
    m_editBanner->setVisible(false);
    m_cancelEdit->setVisible(false);

    m_input = new QPlainTextEdit;
    m_input->setObjectName(QStringLiteral("messageInput"));
    m_input->setPlaceholderText(tr("Your message (Ctrl+Enter sends)"));
    m_input->setMaximumHeight(90);
    layout->addWidget(m_input, 1, 0, 3, 1);

    m_send = new QPushButton(tr("Send"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send the message; the answer streams in token by token (Ctrl+Enter)."));
    connect(m_send, &QPushButton::clicked, this, [this] { send(m_input->toPlainText()); });
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_input);
    connect(shortcut, &QShortcut::activated, this, [this] { send(m_input->toPlainText()); });
    m_stop = new QPushButton(tr("Stop"));
    m_stop->setToolTip(tr("End the answer now; the tokens so far are kept."));
    connect(m_stop, &QPushButton::clicked, this, &ChatPage::stop);
    m_regenerate = new QPushButton(tr("Regenerate"));
    m_regenerate->setToolTip(
        tr("Replace the last answer with a new one (the same one again if the seed is fixed)."));
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

    auto *samplingBox = new QGroupBox(tr("Sampling"));
    auto *samplingLayout = new QVBoxLayout(samplingBox);
    samplingLayout->addWidget(
        hint(tr("How the next token is chosen from the model's probabilities. Hover a "
                "control for what it does.")));
    m_sampling = new SamplingPanel;
    samplingLayout->addWidget(m_sampling);
    connect(m_sampling, &SamplingPanel::samplingChanged, this, &ChatPage::updateExplainChart);
    layout->addWidget(samplingBox);

    auto *knowledgeBox = new QGroupBox(tr("Knowledge base"));
    auto *knowledgeLayout = new QVBoxLayout(knowledgeBox);
    m_retrieval = new azllm::ui::RetrievalPanel(m_workspace);
    connect(m_retrieval, &azllm::ui::RetrievalPanel::retrievalReady, this,
            &ChatPage::handleRetrieval);
    connect(m_retrieval, &azllm::ui::RetrievalPanel::retrievalFailed, this,
            [this](qint64 requestId, const QString &message) {
                if (requestId != m_activeRequest)
                    return;
                m_pendingRequest.reset();
                handleReplyFailed(requestId, message);
            });
    knowledgeLayout->addWidget(m_retrieval);
    layout->addWidget(knowledgeBox, 1);

    auto *explainBox = new QGroupBox(tr("Explain"));
    auto *explainLayout = new QVBoxLayout(explainBox);
    m_explainToggle = new QCheckBox(tr("Explain: click a token of an answer"));
    m_explainToggle->setObjectName(QStringLiteral("explainToggle"));
    m_explainToggle->setToolTip(
        tr("Shows the answers' tokens as chips; click one to see the 10 candidates the model "
           "weighed at that position."));
    connect(m_explainToggle, &QCheckBox::toggled, this, &ChatPage::setExplainMode);
    m_explainCaption = hint(defaultExplainCaption());
    m_explainCaption->setObjectName(QStringLiteral("explainCaption"));
    m_chart = new ExplainChart;
    explainLayout->addWidget(m_explainToggle);
    explainLayout->addWidget(m_explainCaption);
    explainLayout->addWidget(m_chart, 1);
    layout->addWidget(explainBox, 1);
    column->setMinimumWidth(360);
    return column;
}
