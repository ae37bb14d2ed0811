#include "chat_page.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>

#include "chat_setup_bar.h"
#include "checkpoint.h"
#include "citations.h"
#include "conversation_list.h"
#include "conversation_view.h"
#include "explain_panel.h"
#include "precision_switch.h"
#include "retrieval_panel.h"
#include "sampling_panel.h"
#include "status_line.h"
#include "workspace.h"

namespace azllm::ui {

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
    m_setup->refreshCheckpoints();
}

void ChatPage::setCheckpoint(const QString &checkpointOrRunDir)
{
    QString path = checkpointOrRunDir;
    if (const auto preferred = preferredCheckpoint(path.toStdString());
        preferred && !QFileInfo::exists(path + QStringLiteral("/state.txt")))
        path = QString::fromStdString(preferred->path);
    m_setup->selectCheckpoint(path);
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
    m_setup->setModelInfo(
        [path] { return tr("Loading %1\u2026").arg(QDir::toNativeSeparators(path)); });
    clearStatus();
    updateControls();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, path, precision = m_setup->precision()] {
            worker->load(path, precision);
        },
        Qt::QueuedConnection);
}

void ChatPage::handleLoaded(const CheckpointSummary &summary)
{
    if ((QDir::cleanPath(summary.checkpoint) != QDir::cleanPath(m_loading) &&
         !m_loading.isEmpty()) ||
        summary.precision != m_setup->precision())
        return; // an older load finishing after the learner picked another checkpoint or precision
    m_loading.clear();
    m_loaded = summary;
    m_setup->setModelInfo([summary] {
        return tr("%1 parameters \u00b7 vocabulary %2 \u00b7 sees %3 tokens at a time \u00b7 %4 "
                  "\u00b7 %5")
            .arg(QLocale().toString(summary.parameters))
            .arg(summary.vocabSize)
            .arg(summary.contextLength)
            .arg(PrecisionSwitch::describe(summary.precision))
            .arg(summary.supportsChat
                     ? tr("chat markers present")
                     : tr("no chat markers in its tokenizer: Completion mode only"));
    });
    if (!summary.supportsChat)
        setMode(ChatMode::Completion);
    else if (summary.chatTuned)
        setMode(ChatMode::Chat); // what it was tuned for

    updateControls();
    Q_EMIT checkpointReady(true, m_setup->modelInfo());
}

void ChatPage::handleLoadFailed(const QString &checkpoint, const QString &message)
{
    if (checkpoint != m_loading)
        return;
    m_loading.clear();
    m_loaded.reset();
    m_setup->setModelInfo([] { return tr("Not loaded."); });
    showFailure(message);
    updateControls();
    Q_EMIT checkpointReady(false, message);
}

void ChatPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshCheckpoints(); // a run may have saved new checkpoints since the screen was last open
    // Loading waits until the learner opens the screen: a model can take seconds and memory.
    if (!m_loaded && m_loading.isEmpty())
        loadCheckpoint(m_setup->checkpoint());
}

// ---- mode and settings --------------------------------------------------------------------

void ChatPage::setMode(ChatMode mode)
{
    m_setup->setMode(mode);
}

ChatMode ChatPage::mode() const
{
    return m_setup->mode();
}

void ChatPage::setPrecision(quant::Precision precision)
{
    m_setup->setPrecision(precision);
    if (m_loaded || !m_loading.isEmpty()) {
        const QString path = m_loaded ? m_loaded->checkpoint : m_loading;
        m_loading.clear(); // the same folder again, now in the other precision
        loadCheckpoint(path);
    }
}

quant::Precision ChatPage::precision() const
{
    return m_setup->precision();
}

void ChatPage::setSystemPrompt(const QString &text)
{
    m_setup->setSystemPrompt(text);
}

void ChatPage::handleModeChanged()
{
    m_conversation->setMode(mode());
    showInputPlaceholder();
    updateControls();
}

void ChatPage::showInputPlaceholder()
{
    m_input->setPlaceholderText(
        mode() == ChatMode::Chat
            ? tr("Your message to the assistant (Ctrl+Enter sends)")
            : tr("Text for the model to continue, e.g. \"Azərbaycan\" (Ctrl+Enter sends)"));
}

// ---- sending and streaming ----------------------------------------------------------------

void ChatPage::send(const QString &text)
{
    if (text.trimmed().isEmpty() || isGenerating())
        return;
    if (!m_loaded) {
        showError([] { return tr("Load a checkpoint first (top of the screen)."); });
        return;
    }
    try {
        if (m_editing >= 0)
            truncateFrom(m_editing);
        cancelEdit();
        ensureConversation(text);
        saveSettings();
        MessageRecord record;
        record.conversationId = *m_conversationId;
        record.position = m_conversation->count();
        record.role = QStringLiteral("user");
        record.content = text;
        record.id = m_store.appendMessage(record);
        m_conversation->append(record);
        m_input->clear();
        m_conversations->refresh();
        m_conversations->select(m_conversationId);
        startAnswer();
    } catch (const std::exception &e) {
        showFailure(QString::fromStdString(e.what()));
    }
}

ChatRequest ChatPage::buildRequest() const
{
    ChatRequest request;
    request.mode = mode();
    request.systemPrompt = m_setup->systemPrompt().toStdString();
    request.params = m_sampling->generationParams();
    request.turns = m_conversation->turns();
    return request;
}

void ChatPage::startAnswer()
{
    // The conversation so far, taken before the answer's placeholder joins it.
    const ChatRequest request = buildRequest();
    MessageRecord placeholder;
    placeholder.conversationId = m_conversationId.value_or(0);
    placeholder.position = m_conversation->count();
    placeholder.role = QStringLiteral("assistant");
    m_conversation->append(placeholder);

    m_activeRequest = m_nextRequest++;
    m_tokensShown = 0;
    m_activeRetrieval.reset();
    updateControls();
    if (m_retrieval->isActive()) {
        m_pendingRequest = request;
        showStatus([] { return tr("Searching the knowledge base\u2026"); });
        Q_EMIT jobChanged(tr("Chat: searching the knowledge base"));
        m_retrieval->retrieve(m_activeRequest, QString::fromStdString(request.turns.back().text));
        return;
    }
    dispatchAnswer(request);
}

void ChatPage::dispatchAnswer(const ChatRequest &request)
{
    showStatus([] { return tr("Generating\u2026"); });
    Q_EMIT jobChanged(tr("Chat: generating"));
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, id = m_activeRequest, request] { worker->generate(id, request); },
        Qt::QueuedConnection);
}

void ChatPage::handleRetrieval(qint64 requestId, const RetrievalResult &result)
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
void ChatPage::answerNothingFound(qint64 requestId, const RetrievalResult &result)
{
    ReplySummary reply;
    reply.text = nothingFoundAnswer(result.base);
    handleReply(requestId, reply);
}

void ChatPage::keepSources(int position, const ReplySummary &reply)
{
    if (!m_activeRetrieval)
        return;
    const SavedRetrieval sources =
        RetrievalPanel::toSaved(*m_activeRetrieval, reply.sourceUses, reply.promptText);
    m_activeRetrieval.reset();
    m_conversation->setSources(position, sources);
    m_retrieval->showAnswer(sources);
    if (const qint64 id = m_conversation->record(position).id; id != 0)
        m_retrieval->save(id, sources);
}

void ChatPage::showSources(int position, int number)
{
    if (const SavedRetrieval *sources = m_conversation->sources(position))
        m_retrieval->showAnswer(*sources, number);
}

void ChatPage::handleToken(qint64 requestId, int, const QString &piece, const QString &newText)
{
    if (requestId != m_activeRequest || m_conversation->isEmpty())
        return;
    m_conversation->appendToken(newText, piece);
    ++m_tokensShown;
    Q_EMIT tokenShown(m_tokensShown);
}

void ChatPage::handleReply(qint64 requestId, const ReplySummary &reply)
{
    if (requestId != m_activeRequest || m_conversation->isEmpty())
        return;
    m_activeRequest = 0;
    const int position = m_conversation->count() - 1;
    const MessageRecord &record =
        m_conversation->finishAnswer(reply, m_loaded ? m_loaded->contextLength : 0);
    try {
        m_conversation->setMessageId(position, m_store.appendMessage(record));
        keepSources(position, reply);
        m_conversations->refresh();
    } catch (const std::exception &e) {
        showFailure(QString::fromStdString(e.what()));
    }
    clearStatus();
    updateControls();
    Q_EMIT jobChanged(QString());
    Q_EMIT answerFinished(reply);
}

void ChatPage::handleReplyFailed(qint64 requestId, const QString &message)
{
    if (requestId == m_explain->requestId()) {
        showFailure(message);
        return;
    }
    failAnswer(requestId, StatusLine::verbatim(message));
}

void ChatPage::failAnswer(qint64 requestId, const std::function<QString()> &describe)
{
    if (requestId != m_activeRequest)
        return;
    m_activeRequest = 0;
    // The answer never happened: drop its placeholder; the question stays for another try.
    if (m_conversation->lastIsAnswer())
        m_conversation->truncate(m_conversation->count() - 1);
    showError(describe);
    updateControls();
    Q_EMIT jobChanged(QString());
    Q_EMIT answerFailed(describe());
}

void ChatPage::stop()
{
    if (m_activeRequest != 0 && m_pendingRequest) {
        // Still retrieving: nothing to stop in the model, the answer simply does not start.
        m_pendingRequest.reset();
        failAnswer(m_activeRequest, [] { return tr("Stopped before the answer began."); });
        return;
    }
    if (m_activeRequest != 0)
        m_worker->stop(m_activeRequest);
}

void ChatPage::regenerate()
{
    if (isGenerating() || !m_loaded || m_conversation->isEmpty())
        return;
    try {
        if (m_conversation->lastIsAnswer())
            truncateFrom(m_conversation->count() - 1);
        if (m_conversation->isEmpty())
            return;
        saveSettings();
        startAnswer();
    } catch (const std::exception &e) {
        showFailure(QString::fromStdString(e.what()));
    }
}

void ChatPage::editAndResend(int position, const QString &text)
{
    if (position < 0 || position >= m_conversation->count() ||
        m_conversation->record(position).role != QLatin1String("user"))
        return;
    m_editing = position;
    send(text);
}

// ---- Explain ------------------------------------------------------------------------------

void ChatPage::setExplainMode(bool on)
{
    if (m_explain->isOn() != on)
        m_explain->setOn(on); // comes back here through toggled
    m_conversation->setExplainMode(on);
    m_explain->refresh();
}

void ChatPage::explainToken(int position, int tokenIndex)
{
    if (position < 0 || position >= m_conversation->count())
        return;
    const ReplySummary *reply = m_conversation->reply(position);
    if (!reply || tokenIndex < 0 || tokenIndex >= reply->tokens.size()) {
        m_explain->refuse();
        return;
    }
    if (!m_explain->isOn())
        setExplainMode(true);
    m_conversation->selectToken(position, tokenIndex);
    // The model chose this token after seeing the prompt and the answer's earlier tokens.
    const QVector<int> context = reply->promptTokens + reply->tokens.mid(0, tokenIndex);
    const qint64 requestId = m_nextRequest++;
    m_explain->begin(requestId, position, tokenIndex, reply->tokens[tokenIndex],
                     reply->pieces.value(tokenIndex), context);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, requestId, context] {
            worker->explain(requestId, context, int(context.size()) - 1);
        },
        Qt::QueuedConnection);
}

void ChatPage::handleExplanation(qint64 requestId, const QVector<float> &logits,
                                 const QVector<int> &topIds, const QStringList &topPieces)
{
    if (m_explain->accept(requestId, logits, topIds, topPieces))
        Q_EMIT explanationShown();
}

// ---- state --------------------------------------------------------------------------------

void ChatPage::updateControls()
{
    const bool generating = isGenerating();
    const bool ready = m_loaded.has_value();
    m_send->setEnabled(ready && !generating);
    m_stop->setEnabled(generating);
    const bool empty = m_conversation->isEmpty();
    m_regenerate->setEnabled(ready && !generating && !empty);
    m_regenerate->setText(m_conversation->lastIsAnswer() || empty ? tr("Regenerate")
                                                                  : tr("Answer again"));
    m_setup->setLocked(generating, !ready || m_loaded->supportsChat);
    m_conversation->setRegenerable(!generating && ready);
}

void ChatPage::showError(const std::function<QString()> &describe)
{
    m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_status->say(describe);
}

void ChatPage::showStatus(const std::function<QString()> &describe)
{
    m_status->setStyleSheet(QString());
    m_status->say(describe);
}

void ChatPage::showFailure(const QString &message)
{
    showError(StatusLine::verbatim(message));
}

void ChatPage::clearStatus()
{
    showStatus({});
}

QString ChatPage::statusText() const
{
    return m_status->text();
}

} // namespace azllm::ui
