#include "piece_view.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace azllm::ui {
namespace {

constexpr int kPaddingX = 7;
constexpr int kPaddingY = 4;
constexpr int kSpacingX = 4;
constexpr int kSpacingY = 6;
constexpr int kMargin = 4;
constexpr qreal kRadius = 6.0;
const QChar kWordStart(0x2581); // SentencePiece's "▁"

// Soft enough that dark text stays readable, different enough that neighbours separate.
const QColor kChipColours[] = {QColor(0xdb, 0xea, 0xfe), QColor(0xdc, 0xfc, 0xe7),
                               QColor(0xfe, 0xf3, 0xc7), QColor(0xfc, 0xe7, 0xf3),
                               QColor(0xed, 0xe9, 0xfe)};
const QColor kByteFallbackFill(0xff, 0xed, 0xd5);
const QColor kByteFallbackBorder(0xc2, 0x41, 0x0c);
const QColor kNewlineFill(0xe2, 0xe8, 0xf0);
const QColor kText(0x1f, 0x29, 0x37);
const QColor kMutedText(0x94, 0xa3, 0xb8);

} // namespace

PieceView::PieceView(QWidget *parent) : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setMouseTracking(true);
    QFont larger = font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15); // pieces are what the learner studies here
    setFont(larger);
}

void PieceView::setChips(QList<PieceChip> chips)
{
    m_chips = std::move(chips);
    m_rects = layoutChips(width());
    updateGeometry();
    update();
}

QString PieceView::labelFor(const PieceChip &chip)
{
    if (chip.newline)
        return QStringLiteral("\u21b5");
    return chip.piece;
}

int PieceView::chipWidth(const PieceChip &chip) const
{
    return fontMetrics().horizontalAdvance(labelFor(chip)) + 2 * kPaddingX;
}

QList<QRect> PieceView::layoutChips(int width) const
{
    QList<QRect> rects;
    rects.reserve(m_chips.size());
    const int chipHeight = fontMetrics().height() + 2 * kPaddingY;
    const int right = std::max(width - kMargin, kMargin + 1);
    int x = kMargin, y = kMargin;
    for (const PieceChip &chip : m_chips) {
        const int w = chipWidth(chip);
        if (x > kMargin && x + w > right) {
            x = kMargin;
            y += chipHeight + kSpacingY;
        }
        rects.append(QRect(x, y, w, chipHeight));
        x += w + kSpacingX;
        if (chip.newline) { // the text's own line break starts a new row here too
            x = kMargin;
            y += chipHeight + kSpacingY;
        }
    }
    return rects;
}

int PieceView::heightForWidth(int width) const
{
    const QList<QRect> rects = layoutChips(width);
    const int chipHeight = fontMetrics().height() + 2 * kPaddingY;
    return rects.isEmpty() ? chipHeight + 2 * kMargin : rects.last().bottom() + 1 + kMargin;
}

QSize PieceView::sizeHint() const
{
    const int w = 480;
    return QSize(w, heightForWidth(w));
}

QSize PieceView::minimumSizeHint() const
{
    return QSize(120, fontMetrics().height() + 2 * (kPaddingY + kMargin));
}

int PieceView::chipAt(const QPoint &point) const
{
    for (qsizetype i = 0; i < m_rects.size(); ++i)
        if (m_rects[i].contains(point))
            return int(i);
    return -1;
}

QString PieceView::toolTipFor(int index) const
{
    if (index < 0 || index >= m_chips.size())
        return {};
    const PieceChip &chip = m_chips[index];
    QString tip = tr("%1   id %2").arg(chip.piece).arg(chip.id);
    if (chip.byteFallback)
        tip += QLatin1Char('\n') +
               tr("Byte fallback: the vocabulary has no piece for this character, so it is "
                  "spelled as its UTF-8 bytes.");
    else if (chip.newline)
        tip += QLatin1Char('\n') + tr("A line break.");
    else if (chip.piece.startsWith(kWordStart))
        tip += QLatin1Char('\n') + tr("\u2581 marks the start of a word.");
    return tip;
}

bool PieceView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int index = chipAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), toolTipFor(index), this, m_rects[index]);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void PieceView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_rects = layoutChips(width());
}

void PieceView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    for (qsizetype i = 0; i < m_chips.size() && i < m_rects.size(); ++i)
        paintChip(painter, m_chips[i], m_rects[i], int(i));
}

void PieceView::paintChip(QPainter &painter, const PieceChip &chip, const QRect &rect,
                          int index) const
{
    const QRectF box = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5);
    if (chip.byteFallback) {
        painter.setPen(QPen(kByteFallbackBorder, 1.2, Qt::DashLine));
        painter.setBrush(kByteFallbackFill);
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(chip.newline ? kNewlineFill
                                      : kChipColours[index % std::size(kChipColours)]);
    }
    painter.drawRoundedRect(box, kRadius, kRadius);

    // The word-start mark is drawn muted so the letters themselves read first.
    const QString label = labelFor(chip);
    const QRect textRect = rect.adjusted(kPaddingX, 0, -kPaddingX, 0);
    const bool wordStart = label.startsWith(kWordStart);
    const QString mark = wordStart ? label.left(1) : QString();
    const QString rest = wordStart ? label.mid(1) : label;
    painter.setPen(kMutedText);
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, mark);
    painter.setPen(chip.byteFallback ? kByteFallbackBorder : chip.newline ? kMutedText : kText);
    const int markWidth = fontMetrics().horizontalAdvance(mark);
    painter.drawText(textRect.adjusted(markWidth, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, rest);
}

} // namespace azllm::ui
