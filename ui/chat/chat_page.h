// The Chat screen: talk to any checkpoint of the workspace. Completion mode continues a text
// (a pretrained model); chat mode wraps the conversation in the chat template (a tuned model).
// Tokens stream in from a worker thread; Stop takes effect at the next token. Explain mode
// shows, for any token of an answer, the candidates the model weighed and how the sampling
// controls reshape them. Conversations are kept in studio.db. The page wires the worker, the
// store and its parts, which have their own interfaces: ConversationView (the messages and
// their figures), ChatSetupBar (checkpoint, mode, precision, system prompt), SamplingPanel,
// ExplainPanel (probabilities), ConversationList (history) and RetrievalPanel (knowledge base).
#pragma once

#include <QThread>
#include <QVector>
#include <QWidget>

#include <functional>
#include <optional>

#include "answer_sources.h"
#include "chat_template.h"
#include "chat_worker.h"
#include "conversation_store.h"
#include "knowledge_worker.h"

class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace azllm {
class Workspace;
}
namespace azllm::ui {
class ChatSetupBar;
class ConversationList;
class ConversationView;
class ExplainPanel;
class RetrievalPanel;
class SamplingPanel;
class StatusLine;

class ChatPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatPage)

public:
    explicit ChatPage(azllm::Workspace &workspace, QWidget *parent = nullptr);
    ~ChatPage() override;

    // ---- what the learner does, callable from tests and the screenshot tool
    void refreshCheckpoints();
    // Selects (adding when needed) a checkpoint or run folder and loads it on the worker.
    void setCheckpoint(const QString &checkpointOrRunDir);
    void setMode(azllm::ChatMode mode);
    // fp32 or int8: loads the current checkpoint again in that precision.
    void setPrecision(azllm::quant::Precision precision);
    azllm::quant::Precision precision() const;
    azllm::ChatMode mode() const;
    void setSystemPrompt(const QString &text);
    void send(const QString &text);
    void stop();
    void regenerate();
    // Replaces the user's message at `position` and everything after it, then answers again.
    void editAndResend(int position, const QString &text);
    void newConversation();
    void openConversation(qint64 conversationId);
    void setExplainMode(bool on);
    // Explains token `tokenIndex` of the answer at message `position` (as a click on it does).
    void explainToken(int position, int tokenIndex);

    // ---- what the screen shows
    bool isGenerating() const { return m_activeRequest != 0; }
    bool isCheckpointLoaded() const { return m_loaded.has_value(); }
    std::optional<qint64> conversationId() const { return m_conversationId; }
    // The line under the messages: what runs now, or what went wrong.
    QString statusText() const;
    ChatWorker *worker() const { return m_worker; }
    // Shows the sources of the answer at `position` in the retrieval panel, `number` selected
    // (as a click on its citation does).
    void showSources(int position, int number);

    // ---- the screen's parts
    ConversationView *conversation() const { return m_conversation; }
    ChatSetupBar *setupBar() const { return m_setup; }
    SamplingPanel *samplingPanel() const { return m_sampling; }
    ExplainPanel *explainPanel() const { return m_explain; }
    ConversationList *conversationList() const { return m_conversations; }
    RetrievalPanel *retrievalPanel() const { return m_retrieval; }

Q_SIGNALS:
    void checkpointReady(bool ok, const QString &message);
    void tokenShown(int tokensSoFar);
    void answerFinished(const ReplySummary &reply);
    void answerFailed(const QString &message);
    void explanationShown();
    void jobChanged(const QString &description);
    // The learner asked to export the checkpoint shown (the Export dialog opens).
    void exportRequested(const QString &checkpoint);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // chat_page_layout.cpp
    QWidget *buildConversationColumn();
    QWidget *buildSideColumn();
    QWidget *buildInputRow();
    void connectSetupBar();
    void retranslate();
    void showInputPlaceholder();

    void startWorker();
    void loadCheckpoint(const QString &path);
    void handleLoaded(const CheckpointSummary &summary);
    void handleLoadFailed(const QString &checkpoint, const QString &message);
    void handleToken(qint64 requestId, int token, const QString &piece, const QString &newText);
    void handleReply(qint64 requestId, const ReplySummary &reply);
    void handleReplyFailed(qint64 requestId, const QString &message);
    // The active answer did not happen: its placeholder goes, the status says why.
    void failAnswer(qint64 requestId, const std::function<QString()> &describe);
    void handleExplanation(qint64 requestId, const QVector<float> &logits,
                           const QVector<int> &topIds, const QStringList &topPieces);
    void handleConversationDeleted(qint64 id);
    void handleModeChanged();

    void startAnswer();
    void dispatchAnswer(const azllm::ChatRequest &request);
    // The knowledge base's hooks (retrieval_panel.h): retrieved chunks become the request's
    // sources, or the answer that nothing was found; the answer's sources are kept with it.
    void handleRetrieval(qint64 requestId, const RetrievalResult &result);
    void answerNothingFound(qint64 requestId, const RetrievalResult &result);
    void keepSources(int position, const ReplySummary &reply);
    azllm::ChatRequest buildRequest() const;
    void ensureConversation(const QString &firstMessage);
    void saveSettings();
    void truncateFrom(int position);
    void clearMessages();
    void beginEdit(int position);
    void cancelEdit();
    void showEditBanner();
    void updateControls();
    // The status line: a function that words it, so a language switch says it again.
    void showError(const std::function<QString()> &describe);
    void showStatus(const std::function<QString()> &describe);
    void showFailure(const QString &message); // an error from core/, shown as it is
    void clearStatus();

    azllm::Workspace &m_workspace;
    azllm::ConversationStore m_store;
    QThread m_thread;
    ChatWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    std::optional<CheckpointSummary> m_loaded;
    QString m_loading; // the checkpoint the worker is loading, empty when none
    std::optional<qint64> m_conversationId;
    qint64 m_nextRequest = 1;
    qint64 m_activeRequest = 0; // the answer streaming now, 0 when none
    int m_tokensShown = 0;
    int m_editing = -1; // the position of the user message being edited, -1 when none

    ChatSetupBar *m_setup = nullptr;
    ConversationView *m_conversation = nullptr;
    QLabel *m_editBanner = nullptr;
    QPushButton *m_cancelEdit = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_regenerate = nullptr;
    StatusLine *m_status = nullptr;
    QGroupBox *m_samplingBox = nullptr;
    QLabel *m_samplingHint = nullptr;
    SamplingPanel *m_sampling = nullptr;
    QGroupBox *m_knowledgeBox = nullptr;
    ExplainPanel *m_explain = nullptr;
    ConversationList *m_conversations = nullptr;
    RetrievalPanel *m_retrieval = nullptr;
    // While the panel retrieves for the active request: the request to answer afterwards.
    std::optional<azllm::ChatRequest> m_pendingRequest;
    std::optional<RetrievalResult> m_activeRetrieval;
};

} // namespace azllm::ui
