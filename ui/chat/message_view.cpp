#include "message_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace azllm::ui {

namespace {

QToolButton *actionButton()
{
    auto *button = new QToolButton;
    button->setAutoRaise(true);
    return button;
}

} // namespace

void MessageView::retranslate()
{
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy this message to the clipboard."));
    m_edit->setText(tr("Edit"));
    m_edit->setToolTip(tr("Put this message back in the input box; sending it replaces it and "
                          "everything after it."));
    m_regenerate->setText(tr("Regenerate"));
    m_regenerate->setToolTip(tr("Ask the model for this answer again."));
}

void MessageView::changeEvent(QEvent *event)
{
    // The title, the figures and the sources' heading come from the page's retranslate.
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void MessageView::setTitle(const QString &title)
{
    m_who->setText(title);
}

QString displayPiece(const QString &piece)
{
    if (piece == QLatin1String("<0x0A>"))
        return QStringLiteral("\u23CE");
    QString shown = piece;
    shown.replace(QChar(0x2581), QChar(0x2423)); // SentencePiece's word start "▁" as "␣"
    return shown;
}

MessageView::MessageView(Kind kind, const QString &title, QWidget *parent)
    : QFrame(parent), m_kind(kind)
{
    setObjectName(kind == Kind::User ? QStringLiteral("userMessage")
                                     : QStringLiteral("assistantMessage"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window,
                 kind == Kind::User ? QColor(0xee, 0xf3, 0xfb) : QColor(0xfb, 0xfb, 0xf8));
    setPalette(pal);

    auto *header = new QHBoxLayout;
    m_who = new QLabel(title);
    QFont bold = m_who->font();
    bold.setBold(true);
    m_who->setFont(bold);
    header->addWidget(m_who);
    header->addStretch(1);
    m_copy = actionButton();
    connect(m_copy, &QToolButton::clicked, this, &MessageView::copyRequested);
    m_edit = actionButton();
    connect(m_edit, &QToolButton::clicked, this, &MessageView::editRequested);
    m_regenerate = actionButton();
    connect(m_regenerate, &QToolButton::clicked, this, &MessageView::regenerateRequested);
    retranslate();
    header->addWidget(m_edit);
    header->addWidget(m_regenerate);
    header->addWidget(m_copy);
    m_edit->setVisible(false);
    m_regenerate->setVisible(false);

    m_body = new QLabel;
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_body, &QLabel::linkActivated, this,
            [this](const QString &link) { Q_EMIT tokenClicked(link.toInt()); });
    m_footer = new QLabel;
    m_footer->setForegroundRole(QPalette::PlaceholderText);
    m_footer->setWordWrap(true);
    m_footer->setVisible(false);
    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: #9a5b00;"));
    m_note->setVisible(false);

    m_citations = new QLabel;
    m_citations->setObjectName(QStringLiteral("citations"));
    m_citations->setWordWrap(true);
    m_citations->setVisible(false);
    connect(m_citations, &QLabel::linkActivated, this,
            [this](const QString &link) { Q_EMIT citationClicked(link.mid(7).toInt()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 8);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_body);
    layout->addWidget(m_citations);
    layout->addWidget(m_note);
    layout->addWidget(m_footer);
    render();
}

void MessageView::setText(const QString &text)
{
    m_text = text;
    render();
}

void MessageView::appendToken(const QString &newText, const QString &piece)
{
    m_text += newText;
    m_pieces << piece;
    render();
}

void MessageView::setPieces(const QStringList &pieces)
{
    m_pieces = pieces;
    render();
}

void MessageView::setExplainMode(bool on)
{
    m_explain = on;
    render();
}

void MessageView::setSelectedToken(int index)
{
    m_selected = index;
    render();
}

void MessageView::setCitations(const QStringList &citations)
{
    QStringList links;
    for (int i = 0; i < citations.size(); ++i) {
        const int number = citations[i].mid(1).section(QLatin1Char(']'), 0, 0).toInt();
        links << QStringLiteral("<a href=\"source:%1\">%2</a>")
                     .arg(number)
                     .arg(citations[i].toHtmlEscaped());
    }
    m_citations->setText(citations.isEmpty() ? QString()
                                             : QStringLiteral("<b>%1</b> ").arg(tr("Sources:")) +
                                                   links.join(QStringLiteral("; ")));
    m_citations->setVisible(!citations.isEmpty());
}

void MessageView::setFooter(const QString &text)
{
    m_footer->setText(text);
    m_footer->setVisible(!text.isEmpty());
}

void MessageView::setNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

void MessageView::setEditable(bool on)
{
    m_edit->setVisible(on);
}

void MessageView::setRegenerable(bool on)
{
    m_regenerate->setVisible(on);
}

void MessageView::render()
{
    if (m_explain && !m_pieces.isEmpty()) {
        m_body->setTextFormat(Qt::RichText);
        m_body->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
        m_body->setText(tokensHtml());
        return;
    }
    m_body->setTextFormat(Qt::PlainText);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_body->setText(m_text.isEmpty() && m_kind == Kind::Assistant ? QStringLiteral("\u2026")
                                                                  : m_text);
}

// Each token a link to its index, on alternating shades so the boundaries show.
QString MessageView::tokensHtml() const
{
    QString html;
    for (int i = 0; i < m_pieces.size(); ++i) {
        const QString background = i == m_selected ? QStringLiteral("#3b7dd8")
                                   : i % 2         ? QStringLiteral("#dce6f5")
                                                   : QStringLiteral("#eef2f8");
        const QString color =
            i == m_selected ? QStringLiteral("#ffffff") : QStringLiteral("#1b1b1b");
        html +=
            QStringLiteral(
                "<a href=\"%1\" style=\"text-decoration:none\"><span style=\"background-color:%2;"
                " color:%3\">%4</span></a>&#8203;")
                .arg(i)
                .arg(background, color, displayPiece(m_pieces[i]).toHtmlEscaped());
    }
    return html;
}

} // namespace azllm::ui
