// The saved conversations of the workspace (studio.db): a list, a full-text search box, and
// New, Rename, Delete and Export Markdown.
#pragma once

#include <QWidget>

#include "translated_texts.h"
#include <optional>

namespace azllm {
class ConversationStore;
}
class QLineEdit;
class QListWidget;
class QPushButton;

namespace azllm::ui {
class ConversationList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationList)

public:
    explicit ConversationList(azllm::ConversationStore &store, QWidget *parent = nullptr);

    void refresh();
    void select(std::optional<qint64> conversationId);
    std::optional<qint64> selectedId() const;
    int rowCount() const;
    // Shows search hits instead of all conversations; an empty query shows all again.
    void search(const QString &query);

    // What the buttons do, without their dialogs (tests, scripts). Throw DatabaseError or
    // std::runtime_error.
    void renameConversation(qint64 id, const QString &title);
    void deleteConversation(qint64 id);
    void exportConversation(qint64 id, const QString &path);

Q_SIGNALS:
    void conversationChosen(qint64 id);
    void newConversationRequested();
    void conversationDeleted(qint64 id);
    void errorOccurred(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void handleRename();
    void handleDelete();
    void handleExport();
    void updateButtons();

    azllm::ConversationStore &m_store;
    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_export = nullptr;
    TranslatedTexts m_texts{staticMetaObject.className()};
};

} // namespace azllm::ui
