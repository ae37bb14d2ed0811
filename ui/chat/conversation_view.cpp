#include "conversation_view.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include "message_view.h"
#include "retrieval_panel.h"

namespace azllm::ui {

namespace {

bool isUser(const MessageRecord &record)
{
    return record.role == QLatin1String("user");
}

} // namespace

QString openingWords(const QString &text)
{
    const QString line = text.simplified();
    return line.size() <= 48 ? line : line.left(47) + QStringLiteral("\u2026");
}

ConversationView::ConversationView(QWidget *parent) : QWidget(parent)
{
    auto *messages = new QWidget;
    m_messages = new QVBoxLayout(messages);
    m_messages->setSpacing(8);
    m_emptyHint = new QLabel;
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_messages->addWidget(m_emptyHint);
    m_messages->addStretch(1);
    m_scroll = new QScrollArea;
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(messages);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
    retranslate();
}

void ConversationView::retranslate()
{
    m_emptyHint->setText(
        tr("Write a message below. In Completion mode the model continues what you write; in Chat "
           "mode it answers as the assistant. Turn on Explain (right) and click any token of an "
           "answer to see which tokens the model weighed."));
    // The messages' titles and figures are words too.
    for (int i = 0; i < count(); ++i) {
        const Entry &entry = m_entries[std::size_t(i)];
        entry.view->setTitle(title(i));
        if (!isUser(entry.record) && (entry.reply || entry.record.id != 0)) {
            entry.view->setFooter(footer(i));
            entry.view->setNote(contextNote(i));
        }
    }
}

void ConversationView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

// ---- changing the conversation -----------------------------------------------------------

void ConversationView::append(const MessageRecord &record)
{
    Entry entry;
    entry.record = record;
    m_entries.push_back(entry);
    MessageView *view = addView(m_entries.back(), count() - 1);
    // An answer loaded from studio.db shows its figures; a placeholder has none yet.
    if (!isUser(record) && record.id != 0)
        view->setFooter(footerFor(record));
}

MessageView *ConversationView::addView(const Entry &entry, int position)
{
    const bool user = isUser(entry.record);
    auto *view = new MessageView(user ? MessageView::Kind::User : MessageView::Kind::Assistant,
                                 title(position));
    view->setText(entry.record.content);
    view->setEditable(user);
    view->setExplainMode(m_explain);
    connect(view, &MessageView::copyRequested, this, [this, view] { copy(positionOf(view)); });
    connect(view, &MessageView::editRequested, this,
            [this, view] { Q_EMIT editRequested(positionOf(view)); });
    connect(view, &MessageView::regenerateRequested, this, &ConversationView::regenerateRequested);
    connect(view, &MessageView::tokenClicked, this,
            [this, view](int token) { Q_EMIT tokenClicked(positionOf(view), token); });
    connect(view, &MessageView::citationClicked, this,
            [this, view](int number) { Q_EMIT citationClicked(positionOf(view), number); });
    m_messages->insertWidget(m_messages->count() - 1, view); // above the stretch
    m_emptyHint->setVisible(false);
    m_entries[std::size_t(position)].view = view;
    return view;
}

void ConversationView::appendToken(const QString &newText, const QString &piece)
{
    if (m_entries.empty())
        return;
    m_entries.back().view->appendToken(newText, piece);
    followTheEnd();
}

// Follows the answer as it grows, once the layout has placed it.
void ConversationView::followTheEnd()
{
    QTimer::singleShot(0, this, [this] {
        m_scroll->verticalScrollBar()->setValue(m_scroll->verticalScrollBar()->maximum());
    });
}

const MessageRecord &ConversationView::finishAnswer(const ReplySummary &reply, int contextLength)
{
    Entry &entry = m_entries.back();
    entry.reply = reply;
    entry.contextLength = contextLength;
    entry.record.content = reply.text;
    entry.record.promptTokens = int(reply.promptTokens.size());
    entry.record.generatedTokens = reply.generatedTokens;
    entry.record.tokensPerSecond = reply.tokensPerSecond;
    entry.record.timeToFirstTokenMs = reply.timeToFirstTokenMs;
    entry.record.droppedTurns = reply.droppedTurns;
    entry.view->setText(reply.text);
    entry.view->setPieces(reply.pieces);
    entry.view->setFooter(footerFor(reply));
    entry.view->setNote(noteFor(entry));
    return entry.record;
}

void ConversationView::setMessageId(int position, qint64 id)
{
    if (has(position))
        m_entries[std::size_t(position)].record.id = id;
}

void ConversationView::setSources(int position, const SavedRetrieval &sources)
{
    if (!has(position))
        return;
    Entry &entry = m_entries[std::size_t(position)];
    entry.sources = sources;
    entry.view->setCitations(RetrievalPanel::citations(sources));
    if (!sources.found)
        entry.view->setFooter(notGeneratedFooter(sources));
}

void ConversationView::truncate(int position)
{
    while (count() > std::max(position, 0)) {
        m_entries.back().view->deleteLater();
        m_entries.pop_back();
    }
    m_emptyHint->setVisible(m_entries.empty());
}

void ConversationView::clear()
{
    truncate(0);
}

void ConversationView::setExplainMode(bool on)
{
    m_explain = on;
    for (Entry &entry : m_entries)
        entry.view->setExplainMode(on);
}

void ConversationView::selectToken(int position, int tokenIndex)
{
    for (int i = 0; i < count(); ++i)
        m_entries[std::size_t(i)].view->setSelectedToken(i == position ? tokenIndex : -1);
}

void ConversationView::setRegenerable(bool on)
{
    const bool lastAnswer = lastIsAnswer();
    for (int i = 0; i < count(); ++i)
        m_entries[std::size_t(i)].view->setRegenerable(on && lastAnswer && i + 1 == count());
}

void ConversationView::copy(int position) const
{
    if (has(position))
        QApplication::clipboard()->setText(m_entries[std::size_t(position)].record.content);
}

int ConversationView::positionOf(const MessageView *view) const
{
    for (int i = 0; i < count(); ++i)
        if (m_entries[std::size_t(i)].view == view)
            return i;
    return -1;
}

// ---- what it shows -----------------------------------------------------------------------

bool ConversationView::lastIsAnswer() const
{
    return !m_entries.empty() && !isUser(m_entries.back().record);
}

const MessageRecord &ConversationView::record(int position) const
{
    return m_entries.at(std::size_t(position)).record;
}

QString ConversationView::text(int position) const
{
    return has(position) ? m_entries[std::size_t(position)].view->text() : QString();
}

QString ConversationView::footer(int position) const
{
    if (!has(position))
        return {};
    const Entry &entry = m_entries[std::size_t(position)];
    if (entry.sources && !entry.sources->found)
        return notGeneratedFooter(*entry.sources);
    return entry.reply ? footerFor(*entry.reply) : footerFor(entry.record);
}

QString ConversationView::contextNote(int position) const
{
    return has(position) ? noteFor(m_entries[std::size_t(position)]) : QString();
}

QStringList ConversationView::citations(int position) const
{
    const SavedRetrieval *saved = sources(position);
    return saved ? RetrievalPanel::citations(*saved) : QStringList();
}

const SavedRetrieval *ConversationView::sources(int position) const
{
    if (!has(position) || !m_entries[std::size_t(position)].sources)
        return nullptr;
    return &*m_entries[std::size_t(position)].sources;
}

const ReplySummary *ConversationView::reply(int position) const
{
    if (!has(position) || !m_entries[std::size_t(position)].reply)
        return nullptr;
    return &*m_entries[std::size_t(position)].reply;
}

std::optional<ReplySummary> ConversationView::lastReply() const
{
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it)
        if (it->reply)
            return it->reply;
    return std::nullopt;
}

std::vector<ChatTurn> ConversationView::turns() const
{
    std::vector<ChatTurn> turns;
    for (const Entry &entry : m_entries)
        turns.push_back(
            {roleFromName(entry.record.role.toStdString()), entry.record.content.toStdString()});
    return turns;
}

// ---- the words around the messages -------------------------------------------------------

// Who speaks, in the mode the conversation is in now.
QString ConversationView::title(int position) const
{
    const bool user = isUser(m_entries[std::size_t(position)].record);
    const bool completion = m_mode == ChatMode::Completion;
    // A continuation often starts mid-word: name the text it continues.
    if (!user && completion && position > 0)
        return tr("Model's continuation of \u201c%1\u201d")
            .arg(openingWords(m_entries[std::size_t(position - 1)].record.content));
    return user ? (completion ? tr("Your text") : tr("You"))
                : (completion ? tr("Model's continuation") : tr("Model"));
}

QString ConversationView::footerFor(const ReplySummary &reply) const
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

QString ConversationView::footerFor(const MessageRecord &record) const
{
    return tr("%1 tokens \u00b7 %2 tokens/s \u00b7 first token after %3 ms \u00b7 prompt %4 tokens")
        .arg(record.generatedTokens)
        .arg(record.tokensPerSecond, 0, 'f', 1)
        .arg(record.timeToFirstTokenMs, 0, 'f', 0)
        .arg(record.promptTokens);
}

QString ConversationView::notGeneratedFooter(const SavedRetrieval &sources) const
{
    return tr("Not generated: no chunk of %1 covers enough of the question (%2).")
        .arg(sources.base, sources.mode);
}

QString ConversationView::noteFor(const Entry &entry) const
{
    if (!entry.reply)
        return {};
    const ReplySummary &reply = *entry.reply;
    if (reply.droppedTurns == 1)
        return tr("\u26A0 The conversation is longer than the %1 tokens this model sees, so its "
                  "oldest "
                  "message was left out of this answer's prompt (the system prompt was kept).")
            .arg(entry.contextLength);
    if (reply.droppedTurns > 1)
        return tr("\u26A0 The conversation is longer than the %1 tokens this model sees, so its %2 "
                  "oldest "
                  "messages were left out of this answer's prompt (the system prompt was kept).")
            .arg(entry.contextLength)
            .arg(reply.droppedTurns);
    if (reply.droppedTokens > 0)
        return tr("\u26A0 The text is longer than the %1 tokens this model sees (with room for the "
                  "answer), so its first %2 tokens were left out.")
            .arg(entry.contextLength)
            .arg(reply.droppedTokens);
    return {};
}

} // namespace azllm::ui
