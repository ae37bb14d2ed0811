#include "chat_page.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "checkpoint.h"
#include "citations.h"
#include "conversation_list.h"
#include "explain_chart.h"
#include "message_view.h"
#include "precision_switch.h"
#include "retrieval_panel.h"
#include "sampler.h"
#include "sampling_panel.h"
#include "workspace.h"

using namespace azllm;

namespace {

// The first words of the first message name a new conversation.
QString titleFrom(const QString &text)
{
    const QString line = text.simplified();
    return line.size() <= 48 ? line : line.left(47) + QStringLiteral("\u2026");
}

QString percent(double p)
{
    return QLocale().toString(100.0 * p, 'f', p < 0.001 ? 3 : 1) + QLatin1Char('%');
}

QVector<double> toDoubles(const std::vector<float> &v)
{
    return QVector<double>(v.begin(), v.end());
}

// pretrain, sft or classify: what a run's checkpoint was trained for ("" when unreadable).
std::string runKind(const std::string &checkpoint)
{
    try {
        return readCheckpointConfig(checkpoint).tuning.kind;
    } catch (const std::exception &) {
        return {};
    }
}

} // namespace

ChatPage::~ChatPage()
{
    // Stop a running answer at its next token, then wait for the worker to return.
    if (m_activeRequest != 0)
        m_worker->stop(m_activeRequest);
    m_thread.quit();
    m_thread.wait();
}

void ChatPage::startWorker()
{
    m_worker = new ChatWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ChatWorker::checkpointLoaded, this, &ChatPage::handleLoaded,
            Qt::QueuedConnection);
    connect(m_worker, &ChatWorker::loadFailed, this, &ChatPage::handleLoadFailed,
            Qt::QueuedConnection);
    connect(m_worker, &ChatWorker::tokenGenerated, this, &ChatPage::handleToken,
            Qt::QueuedConnection);
    connect(m_worker, &ChatWorker::replyFinished, this, &ChatPage::handleReply,
            Qt::QueuedConnection);
    connect(m_worker, &ChatWorker::replyFailed, this, &ChatPage::handleReplyFailed,
            Qt::QueuedConnection);
    connect(m_worker, &ChatWorker::explanationReady, this, &ChatPage::handleExplanation,
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("chat"));
    m_thread.start();
}

// ---- checkpoints -------------------------------------------------------------------------

void ChatPage::refreshCheckpoints()
{
    const QString current = m_checkpoint->currentData().toString();
    m_checkpoint->clear();
    QStringList runDirs;
    for (const RunRecord &run : m_workspace.runs().runs())
        runDirs << run.dir;
    // Runs trained outside the studio (azllm train --out runs/...) have no row in studio.db.
    for (const QFileInfo &dir :
         QDir(m_workspace.runsDir()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (!runDirs.contains(dir.absoluteFilePath()))
            runDirs << dir.absoluteFilePath();
    for (const QString &runDir : runDirs) {
        const QString runName = QFileInfo(runDir).fileName();
        const std::vector<CheckpointInfo> checkpoints = listCheckpoints(runDir.toStdString());
        if (checkpoints.empty())
            continue;
        // Classifiers sort texts into labels; they have nothing to say here.
        const std::string kind = runKind(checkpoints.back().path);
        if (kind == "classify")
            continue;
        const QString tuned = kind == "sft" ? tr(" \u00b7 chat-tuned") : QString();
        for (auto it = checkpoints.rbegin(); it != checkpoints.rend(); ++it) {
            const QString label = tr("%1 \u00b7 step %2 \u00b7 loss %3")
                                      .arg(runName)
                                      .arg(it->state.step)
                                      .arg(it->state.trainLoss, 0, 'f', 3) +
                                  tuned;
            m_checkpoint->addItem(label, QString::fromStdString(it->path));
        }
    }
    // A folder chosen outside the workspace stays in the list while it is the current one.
    if (!current.isEmpty() && m_checkpoint->findData(current) < 0)
        m_checkpoint->addItem(QDir::toNativeSeparators(current), current);
    if (m_checkpoint->count() == 0)
        m_checkpoint->addItem(tr("(no checkpoints yet: train a model on the Train screen)"),
                              QString());
    const int again = m_checkpoint->findData(current);
    m_checkpoint->setCurrentIndex(again >= 0 ? again : 0);
}

void ChatPage::setCheckpoint(const QString &checkpointOrRunDir)
{
    QString path = checkpointOrRunDir;
    if (const auto preferred = preferredCheckpoint(path.toStdString());
        preferred && !QFileInfo::exists(path + QStringLiteral("/state.txt")))
        path = QString::fromStdString(preferred->path);
    int index = m_checkpoint->findData(path);
    if (index < 0) {
        m_checkpoint->addItem(QDir::toNativeSeparators(path), path);
        index = m_checkpoint->count() - 1;
    }
    m_checkpoint->setCurrentIndex(index);
    loadCheckpoint(path);
}

void ChatPage::loadCheckpoint(const QString &path)
{
    if (path.isEmpty() || path == m_loading)
        return;
    if (m_activeRequest != 0)
        stop();
    m_loaded.reset();
    m_loading = path;
    m_modelInfo->setText(tr("Loading %1\u2026").arg(QDir::toNativeSeparators(path)));
    showStatus({});
    updateControls();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, path, precision = m_precision->precision()] {
            worker->load(path, precision);
        },
        Qt::QueuedConnection);
}

void ChatPage::handleLoaded(const CheckpointSummary &summary)
{
    if ((QDir::cleanPath(summary.checkpoint) != QDir::cleanPath(m_loading) &&
         !m_loading.isEmpty()) ||
        summary.precision != m_precision->precision())
        return; // an older load finishing after the learner picked another checkpoint or precision
    m_loading.clear();
    m_loaded = summary;
    m_modelInfo->setText(
        tr("%1 parameters \u00b7 vocabulary %2 \u00b7 sees %3 tokens at a time \u00b7 %4 \u00b7 %5")
            .arg(QLocale().toString(summary.parameters))
            .arg(summary.vocabSize)
            .arg(summary.contextLength)
            .arg(azllm::ui::PrecisionSwitch::describe(summary.precision))
            .arg(summary.supportsChat
                     ? tr("chat markers present")
                     : tr("no chat markers in its tokenizer: Completion mode only")));
    if (!summary.supportsChat)
        setMode(ChatMode::Completion);
    else if (summary.chatTuned)
        setMode(ChatMode::Chat); // what it was tuned for

    updateControls();
    Q_EMIT checkpointReady(true, m_modelInfo->text());
}

void ChatPage::handleLoadFailed(const QString &checkpoint, const QString &message)
{
    if (checkpoint != m_loading)
        return;
    m_loading.clear();
    m_loaded.reset();
    m_modelInfo->setText(tr("Not loaded."));
    showError(message);
    updateControls();
    Q_EMIT checkpointReady(false, message);
}

void ChatPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshCheckpoints(); // a run may have saved new checkpoints since the screen was last open
    // Loading waits until the learner opens the screen: a model can take seconds and memory.
    if (!m_loaded && m_loading.isEmpty())
        loadCheckpoint(m_checkpoint->currentData().toString());
}

// ---- mode and settings --------------------------------------------------------------------

void ChatPage::setMode(ChatMode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

ChatMode ChatPage::mode() const
{
    return ChatMode(m_mode->currentData().toInt());
}

void ChatPage::setPrecision(quant::Precision precision)
{
    m_precision->setPrecision(precision);
    if (m_loaded || !m_loading.isEmpty()) {
        const QString path = m_loaded ? m_loaded->checkpoint : m_loading;
        m_loading.clear(); // the same folder again, now in the other precision
        loadCheckpoint(path);
    }
}

quant::Precision ChatPage::precision() const
{
    return m_precision->precision();
}

void ChatPage::setSystemPrompt(const QString &text)
{
    m_systemPrompt->setText(text);
}

void ChatPage::handleModeChanged()
{
    const bool chat = mode() == ChatMode::Chat;
    m_systemPrompt->setEnabled(chat);
    m_systemLabel->setEnabled(chat);
    m_input->setPlaceholderText(
        chat ? tr("Your message to the assistant (Ctrl+Enter sends)")
             : tr("Text for the model to continue, e.g. \"Azərbaycan\" (Ctrl+Enter sends)"));
    updateControls();
}

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
                           m_loaded ? m_loaded->checkpoint : QString(), m_systemPrompt->text());
}

// ---- sending and streaming ----------------------------------------------------------------

void ChatPage::send(const QString &text)
{
    if (text.trimmed().isEmpty() || isGenerating())
        return;
    if (!m_loaded) {
        showError(tr("Load a checkpoint first (top of the screen)."));
        return;
    }
    try {
        if (m_editing >= 0)
            truncateFrom(m_editing);
        cancelEdit();
        ensureConversation(text);
        saveSettings();
        Entry entry;
        entry.record.conversationId = *m_conversationId;
        entry.record.position = int(m_entries.size());
        entry.record.role = QStringLiteral("user");
        entry.record.content = text;
        entry.record.id = m_store.appendMessage(entry.record);
        m_entries.push_back(entry);
        addMessageView(m_entries.back());
        m_input->clear();
        m_conversations->refresh();
        m_conversations->select(m_conversationId);
        startAnswer();
    } catch (const std::exception &e) {
        showError(QString::fromStdString(e.what()));
    }
}

ChatRequest ChatPage::buildRequest() const
{
    ChatRequest request;
    request.mode = mode();
    request.systemPrompt = m_systemPrompt->text().toStdString();
    request.params = m_sampling->generationParams();
    for (const Entry &entry : m_entries)
        request.turns.push_back(
            {roleFromName(entry.record.role.toStdString()), entry.record.content.toStdString()});
    return request;
}

void ChatPage::startAnswer()
{
    // The conversation so far, taken before the answer's placeholder joins it.
    const ChatRequest request = buildRequest();
    Entry entry;
    entry.record.conversationId = m_conversationId.value_or(0);
    entry.record.position = int(m_entries.size());
    entry.record.role = QStringLiteral("assistant");
    m_entries.push_back(entry);
    addMessageView(m_entries.back());

    m_activeRequest = m_nextRequest++;
    m_tokensShown = 0;
    m_activeRetrieval.reset();
    updateControls();
    if (m_retrieval->isActive()) {
        m_pendingRequest = request;
        showStatus(tr("Searching the knowledge base\u2026"));
        Q_EMIT jobChanged(tr("Chat: searching the knowledge base"));
        m_retrieval->retrieve(m_activeRequest, QString::fromStdString(request.turns.back().text));
        return;
    }
    dispatchAnswer(request);
}

void ChatPage::dispatchAnswer(const ChatRequest &request)
{
    showStatus(tr("Generating\u2026"));
    Q_EMIT jobChanged(tr("Chat: generating"));
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, id = m_activeRequest, request] { worker->generate(id, request); },
        Qt::QueuedConnection);
}

void ChatPage::handleRetrieval(qint64 requestId, const azllm::ui::RetrievalResult &result)
{
    if (requestId != m_activeRequest || !m_pendingRequest)
        return;
    ChatRequest request = *m_pendingRequest;
    m_pendingRequest.reset();
    m_activeRetrieval = result;
    if (!result.found) {
        answerNothingFound(requestId, result);
        return;
    }
    request.sources = promptSources(result.chunks);
    dispatchAnswer(request);
}

// The point of grounding: no source, no invented answer. The model is not asked at all.
void ChatPage::answerNothingFound(qint64 requestId, const azllm::ui::RetrievalResult &result)
{
    ReplySummary reply;
    reply.text = nothingFoundAnswer(result.base);
    handleReply(requestId, reply);
}

QString ChatPage::notGeneratedFooter(const SavedRetrieval &sources) const
{
    return tr("Not generated: no chunk of %1 covers enough of the question (%2).")
        .arg(sources.base, sources.mode);
}

void ChatPage::keepSources(Entry &entry, const ReplySummary &reply)
{
    if (!m_activeRetrieval)
        return;
    entry.sources =
        azllm::ui::RetrievalPanel::toSaved(*m_activeRetrieval, reply.sourceUses, reply.promptText);
    m_activeRetrieval.reset();
    entry.view->setCitations(azllm::ui::RetrievalPanel::citations(*entry.sources));
    if (!entry.sources->found)
        entry.view->setFooter(notGeneratedFooter(*entry.sources));
    m_retrieval->showAnswer(*entry.sources);
    if (entry.record.id != 0)
        m_retrieval->save(entry.record.id, *entry.sources);
}

QStringList ChatPage::citations(int position) const
{
    if (position < 0 || position >= messageCount() || !m_entries[std::size_t(position)].sources)
        return {};
    return azllm::ui::RetrievalPanel::citations(*m_entries[std::size_t(position)].sources);
}

void ChatPage::showSources(int position, int number)
{
    if (position >= 0 && position < messageCount() && m_entries[std::size_t(position)].sources)
        m_retrieval->showAnswer(*m_entries[std::size_t(position)].sources, number);
}

void ChatPage::handleToken(qint64 requestId, int, const QString &piece, const QString &newText)
{
    if (requestId != m_activeRequest || m_entries.empty())
        return;
    m_entries.back().view->appendToken(newText, piece);
    ++m_tokensShown;
    // Follow the answer as it grows, once the layout has placed it.
    QTimer::singleShot(0, this, [this] {
        m_scroll->verticalScrollBar()->setValue(m_scroll->verticalScrollBar()->maximum());
    });
    Q_EMIT tokenShown(m_tokensShown);
}

void ChatPage::handleReply(qint64 requestId, const ReplySummary &reply)
{
    if (requestId != m_activeRequest || m_entries.empty())
        return;
    m_activeRequest = 0;
    Entry &entry = m_entries.back();
    entry.reply = reply;
    entry.record.content = reply.text;
    entry.record.promptTokens = int(reply.promptTokens.size());
    entry.record.generatedTokens = reply.generatedTokens;
    entry.record.tokensPerSecond = reply.tokensPerSecond;
    entry.record.timeToFirstTokenMs = reply.timeToFirstTokenMs;
    entry.record.droppedTurns = reply.droppedTurns;
    entry.view->setText(reply.text);
    entry.view->setPieces(reply.pieces);
    entry.view->setFooter(footerFor(reply));
    entry.view->setNote(noteFor(reply));
    try {
        entry.record.id = m_store.appendMessage(entry.record);
        keepSources(entry, reply);
        m_conversations->refresh();
    } catch (const std::exception &e) {
        showError(QString::fromStdString(e.what()));
    }
    showStatus({});
    updateControls();
    Q_EMIT jobChanged(QString());
    Q_EMIT answerFinished(reply);
}

void ChatPage::handleReplyFailed(qint64 requestId, const QString &message)
{
    if (requestId == m_explain.requestId) {
        showError(message);
        return;
    }
    if (requestId != m_activeRequest)
        return;
    m_activeRequest = 0;
    // The answer never happened: drop its placeholder; the question stays for another try.
    if (!m_entries.empty() && m_entries.back().record.role == QLatin1String("assistant")) {
        m_entries.back().view->deleteLater();
        m_entries.pop_back();
    }
    showError(message);
    updateControls();
    Q_EMIT jobChanged(QString());
    Q_EMIT answerFailed(message);
}

void ChatPage::stop()
{
    if (m_activeRequest != 0 && m_pendingRequest) {
        // Still retrieving: nothing to stop in the model, the answer simply does not start.
        m_pendingRequest.reset();
        handleReplyFailed(m_activeRequest, tr("Stopped before the answer began."));
        return;
    }
    if (m_activeRequest != 0)
        m_worker->stop(m_activeRequest);
}

void ChatPage::regenerate()
{
    if (isGenerating() || !m_loaded || m_entries.empty())
        return;
    try {
        if (m_entries.back().record.role == QLatin1String("assistant"))
            truncateFrom(int(m_entries.size()) - 1);
        if (m_entries.empty())
            return;
        saveSettings();
        startAnswer();
    } catch (const std::exception &e) {
        showError(QString::fromStdString(e.what()));
    }
}

void ChatPage::editAndResend(int position, const QString &text)
{
    if (position < 0 || position >= messageCount() ||
        m_entries[std::size_t(position)].record.role != QLatin1String("user"))
        return;
    m_editing = position;
    send(text);
}

// ---- the transcript -----------------------------------------------------------------------

MessageView *ChatPage::addMessageView(Entry &entry)
{
    const bool user = entry.record.role == QLatin1String("user");
    const bool completion = mode() == ChatMode::Completion;
    QString title = user ? (completion ? tr("Your text") : tr("You"))
                         : (completion ? tr("Model's continuation") : tr("Model"));
    // A continuation often starts mid-word: name the text it continues.
    const int position = int(&entry - m_entries.data());
    if (!user && completion && position > 0)
        title = tr("Model's continuation of \u201c%1\u201d")
                    .arg(titleFrom(m_entries[std::size_t(position - 1)].record.content));
    auto *view =
        new MessageView(user ? MessageView::Kind::User : MessageView::Kind::Assistant, title);
    view->setText(entry.record.content);
    view->setEditable(user);
    view->setExplainMode(m_explainToggle->isChecked());
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
    if (m_explain.position >= position) {
        m_explain = Explanation{};
        updateExplainChart();
    }
    m_emptyHint->setVisible(m_entries.empty());
}

void ChatPage::clearMessages()
{
    for (Entry &entry : m_entries)
        entry.view->deleteLater();
    m_entries.clear();
    m_explain = Explanation{};
    updateExplainChart();
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
    m_systemPrompt->setText(conversation->systemPrompt);
    for (const MessageRecord &record : m_store.messages(conversationId)) {
        Entry entry;
        entry.record = record;
        m_entries.push_back(entry);
        MessageView *view = addMessageView(m_entries.back());
        if (record.role == QLatin1String("assistant"))
            view->setFooter(footerFor(record));
        if (record.role == QLatin1String("assistant"))
            if (const auto &sources = (m_entries.back().sources = m_retrieval->load(record.id))) {
                view->setCitations(azllm::ui::RetrievalPanel::citations(*sources));
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

// ---- Explain ------------------------------------------------------------------------------

QString ChatPage::defaultExplainCaption() const
{
    return tr(
        "Grey bars: the model's own probabilities (temperature 1). Blue bars: the probabilities "
        "generation samples from with the settings above; move them and watch. \u2423 marks "
        "the start of a word.");
}

void ChatPage::setExplainMode(bool on)
{
    if (m_explainToggle->isChecked() != on)
        m_explainToggle->setChecked(on); // comes back here through toggled
    for (Entry &entry : m_entries)
        entry.view->setExplainMode(on);
    updateExplainChart();
}

void ChatPage::explainToken(int position, int tokenIndex)
{
    if (position < 0 || position >= messageCount())
        return;
    Entry &entry = m_entries[std::size_t(position)];
    if (!entry.reply || tokenIndex < 0 || tokenIndex >= entry.reply->tokens.size()) {
        m_explainCaption->setText(
            tr("Explain works on answers generated since the screen opened: the model's "
               "exact tokens are not stored. Regenerate the answer to explore it."));
        return;
    }
    if (!m_explainToggle->isChecked())
        setExplainMode(true);
    for (Entry &other : m_entries)
        other.view->setSelectedToken(&other == &entry ? tokenIndex : -1);
    m_explain = Explanation{};
    m_explain.requestId = m_nextRequest++;
    m_explain.position = position;
    m_explain.tokenIndex = tokenIndex;
    m_explain.chosen = entry.reply->tokens[tokenIndex];
    // The model chose this token after seeing the prompt and the answer's earlier tokens.
    m_explain.context = entry.reply->promptTokens + entry.reply->tokens.mid(0, tokenIndex);
    m_explainCaption->setText(tr("Computing\u2026"));
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, id = m_explain.requestId, context = m_explain.context] {
            worker->explain(id, context, int(context.size()) - 1);
        },
        Qt::QueuedConnection);
}

void ChatPage::handleExplanation(qint64 requestId, const QVector<float> &logits,
                                 const QVector<int> &topIds, const QStringList &topPieces)
{
    if (requestId != m_explain.requestId)
        return;
    m_explain.logits = logits;
    m_explain.topIds = topIds;
    m_explain.topPieces = topPieces;
    updateExplainChart();
    Q_EMIT explanationShown();
}

QVector<double> ChatPage::explainedRawProbabilities() const
{
    if (m_explain.logits.isEmpty())
        return {};
    return toDoubles(
        softmax(std::vector<float>(m_explain.logits.begin(), m_explain.logits.end()), 1.0));
}

QVector<double> ChatPage::explainedSampledProbabilities() const
{
    if (m_explain.logits.isEmpty())
        return {};
    // The repetition penalty sees the same history generation gave it: every token before the
    // choice.
    return toDoubles(
        samplingDistribution(std::vector<float>(m_explain.logits.begin(), m_explain.logits.end()),
                             m_sampling->sampling(),
                             std::vector<int>(m_explain.context.begin(), m_explain.context.end())));
}

void ChatPage::updateExplainChart()
{
    if (m_explain.logits.isEmpty()) {
        m_chart->clear();
        m_explainCaption->setText(defaultExplainCaption());
        return;
    }
    const QVector<double> raw = explainedRawProbabilities();
    const QVector<double> sampled = explainedSampledProbabilities();
    QStringList labels;
    QVector<double> rawTop, sampledTop;
    double rawMass = 0;
    int chosenRow = -1;
    for (int i = 0; i < m_explain.topIds.size(); ++i) {
        const int id = m_explain.topIds[i];
        labels << displayPiece(m_explain.topPieces.value(i));
        rawTop << raw[id];
        sampledTop << sampled[id];
        rawMass += raw[id];
        if (id == m_explain.chosen)
            chosenRow = i;
    }
    m_chart->setCandidates(labels, rawTop, sampledTop, chosenRow);
    const int possible =
        int(std::count_if(sampled.begin(), sampled.end(), [](double p) { return p > 0; }));
    const Entry &entry = m_entries[std::size_t(m_explain.position)];
    const QString chosen = displayPiece(entry.reply->pieces.value(m_explain.tokenIndex));
    m_explainCaption->setText(
        tr("Token %1 of the answer: the model chose \u201c%2\u201d (\u25B6), %3 likely on its own, "
           "%4 with your "
           "settings. These %5 candidates hold %6 of its probability; your settings leave %7 of %8 "
           "tokens "
           "possible.")
            .arg(m_explain.tokenIndex + 1)
            .arg(chosen, percent(raw[m_explain.chosen]), percent(sampled[m_explain.chosen]))
            .arg(labels.size())
            .arg(percent(rawMass))
            .arg(possible)
            .arg(raw.size()));
}

// ---- state --------------------------------------------------------------------------------

void ChatPage::updateControls()
{
    const bool generating = isGenerating();
    const bool ready = m_loaded.has_value();
    m_send->setEnabled(ready && !generating);
    m_stop->setEnabled(generating);
    const bool lastIsAnswer =
        !m_entries.empty() && m_entries.back().record.role == QLatin1String("assistant");
    m_regenerate->setEnabled(ready && !generating && !m_entries.empty());
    m_regenerate->setText(lastIsAnswer || m_entries.empty() ? tr("Regenerate")
                                                            : tr("Answer again"));
    m_mode->setEnabled(!generating);
    m_precision->setEnabled(!generating);
    m_checkpoint->setEnabled(!generating);
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        m_entries[i].view->setRegenerable(!generating && ready && i + 1 == m_entries.size() &&
                                          lastIsAnswer);
    if (ready && !m_loaded->supportsChat)
        m_mode->setEnabled(false);
}

void ChatPage::showError(const QString &message)
{
    m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_status->setText(message);
    m_status->setVisible(!message.isEmpty());
}

void ChatPage::showStatus(const QString &message)
{
    m_status->setStyleSheet(QString());
    m_status->setText(message);
    m_status->setVisible(!message.isEmpty());
}

QString ChatPage::statusText() const
{
    return m_status->text();
}

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
