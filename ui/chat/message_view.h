// One message of the conversation: who said it, the text (streaming in for an answer), the
// figures under an answer, and its actions (copy, edit and resend, regenerate). In Explain mode
// an answer shows its tokens as clickable chips.
#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QToolButton;

namespace azllm::ui {
class MessageView final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageView)

public:
    enum class Kind
    {
        User,
        Assistant
    };
    MessageView(Kind kind, const QString &title, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    void setTitle(const QString &title);
    QString text() const { return m_text; }
    void setText(const QString &text);
    // Streaming: the text a token completed, and the token as the tokenizer spells it.
    void appendToken(const QString &newText, const QString &piece);
    // The answer's tokens, for Explain (an answer loaded from studio.db has none).
    void setPieces(const QStringList &pieces);
    bool hasPieces() const { return !m_pieces.isEmpty(); }
    void setExplainMode(bool on);
    void setSelectedToken(int index);
    void setFooter(const QString &text);
    void setNote(const QString &text); // a warning line (context left out, stopped, error)
    void setEditable(bool on);
    void setRegenerable(bool on);
    // A grounded answer's sources, "[1] udhr, Maddə 3, sətir 20–22", each a link.
    void setCitations(const QStringList &citations);

Q_SIGNALS:
    void copyRequested();
    void editRequested();
    void regenerateRequested();
    void tokenClicked(int index);
    void citationClicked(int number); // 1-based, as in [1]

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void render();
    QString tokensHtml() const;

    Kind m_kind;
    QString m_text;
    QStringList m_pieces;
    bool m_explain = false;
    int m_selected = -1;
    QLabel *m_who = nullptr;
    QToolButton *m_copy = nullptr;
    QLabel *m_body = nullptr;
    QLabel *m_footer = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_citations = nullptr;
    QToolButton *m_edit = nullptr;
    QToolButton *m_regenerate = nullptr;
};

// A tokenizer piece as a learner should read it: "▁" as a visible space mark, a newline byte as ⏎.
QString displayPiece(const QString &piece);

} // namespace azllm::ui
