#include "batch_preview_view.h"

#include <QEvent>

namespace azllm::ui {
namespace {

// Padding after a row is the same token repeated: shown once with a count, not 200 chips.
QString paddingNote(int count)
{
    return QStringLiteral("<span style='color:#9aa0a6'> &lt;pad&gt; × %1</span>").arg(count);
}

QString chip(const azllm::PreviewToken &t)
{
    const QString piece = QString::fromStdString(t.piece).toHtmlEscaped();
    const bool marker = piece.startsWith(QLatin1String("&lt;"));
    const QString background = t.counted ? QStringLiteral("#bfe8c9") : QStringLiteral("#e8eaed");
    return QStringLiteral("%1<span style='background:%2;%3'>%4</span>")
        .arg(t.startsExample ? QStringLiteral(" <b>│</b> ") : QString(), background,
             marker ? QStringLiteral("font-weight:bold") : QString(), piece);
}

} // namespace

BatchPreviewView::BatchPreviewView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    retranslate();
}

void BatchPreviewView::showRows(const std::vector<azllm::PreviewRow> &rows)
{
    m_data = rows;
    render();
}

void BatchPreviewView::render()
{
    m_rows = int(m_data.size());
    m_counted = 0;
    if (m_data.empty()) {
        setHtml(QStringLiteral("<p style='color:#5f6368'>%1</p>")
                    .arg(tr("Press Preview first batch (or Start) to see the first batch as the "
                            "model sees it.")));
        return;
    }
    QString html = QStringLiteral("<p>%1 <span style='background:#bfe8c9'>%2</span> · "
                                  "<span style='background:#e8eaed'>%3</span> · <b>│</b> %4</p>")
                       .arg(tr("Each token of the first batch:"), tr("counted in the loss"),
                            tr("context only"), tr("a packed row's next example"));
    for (std::size_t r = 0; r < m_data.size(); ++r) {
        QStringList lines;
        for (int line : m_data[r].sourceLines)
            lines << QString::number(line);
        html +=
            QStringLiteral("<p><span style='color:#5f6368'>%1</span><br>")
                .arg(
                    tr("Row %1 (dataset line %2)").arg(r + 1).arg(lines.join(QLatin1String(", "))));
        int padding = 0;
        for (const azllm::PreviewToken &t : m_data[r].tokens) {
            if (t.padding) {
                ++padding;
                continue;
            }
            m_counted += t.counted;
            html += chip(t);
        }
        if (padding > 0)
            html += paddingNote(padding);
        html += QStringLiteral("</p>");
    }
    setHtml(html);
}

void BatchPreviewView::retranslate()
{
    setToolTip(tr("The loss is computed only on the green tokens: the assistant's answers and "
                  "their <|end|>."));
    render();
}

void BatchPreviewView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTextBrowser::changeEvent(event);
}

} // namespace azllm::ui
