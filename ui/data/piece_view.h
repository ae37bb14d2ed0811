// The tokenizer playground's pieces: one rounded chip per token, laid out like words in a
// paragraph (wrapping, a line break after a newline token), in alternating soft colours so
// neighbouring pieces are told apart; byte-fallback pieces stand out. The id shows on hover.
#pragma once

#include <QList>
#include <QRect>
#include <QString>
#include <QWidget>

namespace azllm::ui {

struct PieceChip
{
    QString piece; // exactly as the vocabulary spells it ("▁kitab", "<0xC3>")
    int id = 0;
    bool byteFallback = false; // a UTF-8 byte of a character the vocabulary lacks
    bool newline = false;      // the byte token <0x0A> that stands for a line break
};

class PieceView final : public QWidget
{
    Q_OBJECT

public:
    explicit PieceView(QWidget *parent = nullptr);

    void setChips(QList<PieceChip> chips);
    const QList<PieceChip> &chips() const { return m_chips; }
    // What a chip shows: "▁" kept (the learner should see word starts), "↵" for a line break.
    static QString labelFor(const PieceChip &chip);
    // The chip under a point, -1 when none (for tooltips and tests).
    int chipAt(const QPoint &point) const;
    QString toolTipFor(int index) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QList<QRect> layoutChips(int width) const;
    int chipWidth(const PieceChip &chip) const;
    void paintChip(QPainter &painter, const PieceChip &chip, const QRect &rect, int index) const;

    QList<PieceChip> m_chips;
    QList<QRect> m_rects; // for the current width
};

} // namespace azllm::ui
