#include "conversation_list.h"

#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include "conversation_markdown.h"
#include "conversation_store.h"

namespace azllm::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;

QString safeFileName(QString title)
{
    title.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]+")), QStringLiteral(""));
    title = title.simplified().replace(QLatin1Char(' '), QLatin1Char('-'));
    return title.isEmpty() ? QStringLiteral("conversation") : title.left(60);
}

} // namespace

ConversationList::ConversationList(ConversationStore &store, QWidget *parent)
    : QWidget(parent), m_store(store)
{
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("conversationSearch"));
    m_texts.set(m_search, "placeholderText", QT_TR_NOOP("Search all messages\u2026"));
    m_search->setClearButtonEnabled(true);
    m_texts.set(m_search, "toolTip",
                QT_TR_NOOP("Finds messages containing every word you type, parts of words too "
                           "(\"kitab\" finds \"kitablar\")."));
    connect(m_search, &QLineEdit::textChanged, this, &ConversationList::search);

    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setWordWrap(true);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT conversationChosen(item->data(kIdRole).toLongLong());
    });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        Q_EMIT conversationChosen(item->data(kIdRole).toLongLong());
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &ConversationList::updateButtons);

    auto *newButton = new QPushButton();
    m_texts.set(newButton, "text", QT_TR_NOOP("New"));
    m_texts.set(newButton, "toolTip",
                QT_TR_NOOP("Start a new conversation (the current one stays saved)."));
    connect(newButton, &QPushButton::clicked, this, &ConversationList::newConversationRequested);
    m_rename = new QPushButton();
    m_texts.set(m_rename, "text", QT_TR_NOOP("Rename\u2026"));
    connect(m_rename, &QPushButton::clicked, this, &ConversationList::handleRename);
    m_delete = new QPushButton();
    m_texts.set(m_delete, "text", QT_TR_NOOP("Delete"));
    connect(m_delete, &QPushButton::clicked, this, &ConversationList::handleDelete);
    m_export = new QPushButton();
    m_texts.set(m_export, "text", QT_TR_NOOP("Export\u2026"));
    m_texts.set(m_export, "toolTip", QT_TR_NOOP("Save the conversation as a Markdown file."));
    connect(m_export, &QPushButton::clicked, this, &ConversationList::handleExport);

    auto *buttons = new QGridLayout;
    buttons->addWidget(newButton, 0, 0);
    buttons->addWidget(m_rename, 0, 1);
    buttons->addWidget(m_delete, 1, 0);
    buttons->addWidget(m_export, 1, 1);

    auto *title = new QLabel();
    m_texts.set(title, "text", QT_TR_NOOP("Conversations"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    refresh();
}

void ConversationList::refresh()
{
    search(m_search->text());
}

void ConversationList::search(const QString &query)
{
    const std::optional<qint64> selected = selectedId();
    const QSignalBlocker block(m_list);
    m_list->clear();
    try {
        if (query.trimmed().isEmpty()) {
            for (const ConversationRecord &c : m_store.conversations()) {
                auto *item = new QListWidgetItem(
                    tr("%1\n%2 messages \u00b7 %3")
                        .arg(c.title)
                        .arg(c.messageCount)
                        .arg(QLocale().toString(c.updatedAt.toLocalTime(), QLocale::ShortFormat)));
                item->setData(kIdRole, c.id);
                m_list->addItem(item);
            }
        } else {
            for (const SearchHit &hit : m_store.search(query)) {
                auto *item =
                    new QListWidgetItem(QStringLiteral("%1\n%2").arg(hit.title, hit.snippet));
                item->setData(kIdRole, hit.conversationId);
                m_list->addItem(item);
            }
        }
    } catch (const std::exception &e) {
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
    }
    select(selected);
    updateButtons();
}

void ConversationList::select(std::optional<qint64> conversationId)
{
    const QSignalBlocker block(m_list);
    m_list->setCurrentRow(-1);
    for (int row = 0; conversationId && row < m_list->count(); ++row)
        if (m_list->item(row)->data(kIdRole).toLongLong() == *conversationId) {
            m_list->setCurrentRow(row);
            break;
        }
    updateButtons();
}

std::optional<qint64> ConversationList::selectedId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? std::optional<qint64>(item->data(kIdRole).toLongLong()) : std::nullopt;
}

int ConversationList::rowCount() const
{
    return m_list->count();
}

void ConversationList::renameConversation(qint64 id, const QString &title)
{
    m_store.rename(id, title);
    refresh();
}

void ConversationList::deleteConversation(qint64 id)
{
    m_store.deleteConversation(id);
    refresh();
    Q_EMIT conversationDeleted(id);
}

void ConversationList::exportConversation(qint64 id, const QString &path)
{
    const std::optional<ConversationRecord> conversation = m_store.conversation(id);
    if (!conversation)
        throw std::runtime_error("conversation " + std::to_string(id) + " no longer exists");
    writeConversationMarkdown(path, *conversation, m_store.messages(id));
}

void ConversationList::handleRename()
{
    const std::optional<qint64> id = selectedId();
    const std::optional<ConversationRecord> current = id ? m_store.conversation(*id) : std::nullopt;
    if (!current)
        return;
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("Rename conversation"), tr("Title:"),
                                                QLineEdit::Normal, current->title, &ok);
    if (!ok || title.trimmed().isEmpty())
        return;
    try {
        renameConversation(*id, title.trimmed());
    } catch (const std::exception &e) {
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
    }
}

void ConversationList::handleDelete()
{
    const std::optional<qint64> id = selectedId();
    if (!id)
        return;
    if (QMessageBox::question(
            this, tr("Delete conversation"),
            tr("Delete this conversation and all its messages? This cannot be undone.")) !=
        QMessageBox::Yes)
        return;
    try {
        deleteConversation(*id);
    } catch (const std::exception &e) {
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
    }
}

void ConversationList::handleExport()
{
    const std::optional<qint64> id = selectedId();
    const std::optional<ConversationRecord> current = id ? m_store.conversation(*id) : std::nullopt;
    if (!current)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export conversation"), safeFileName(current->title) + QStringLiteral(".md"),
        tr("Markdown (*.md)"));
    if (path.isEmpty())
        return;
    try {
        exportConversation(*id, path);
    } catch (const std::exception &e) {
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
    }
}

void ConversationList::updateButtons()
{
    const bool any = selectedId().has_value();
    m_rename->setEnabled(any);
    m_delete->setEnabled(any);
    m_export->setEnabled(any);
}

void ConversationList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_texts.retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace azllm::ui
