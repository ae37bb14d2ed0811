#include "pdf_text.h"

#include <poppler-qt6.h>

#include <QRectF>

namespace azllm {
namespace {

// Poppler reports every syntax problem of a damaged file on the debug output; the importer
// reports the file once instead.
void quietPoppler(const QString &, const QVariant &) {}

} // namespace

std::optional<QStringList> readPdfLines(const QString &path, QString *error)
{
    Poppler::setDebugErrorFunction(quietPoppler, QVariant());
    const std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
    if (!document) {
        *error = QStringLiteral("not a readable PDF (damaged, or not a PDF at all); skipped");
        return std::nullopt;
    }
    if (document->isLocked()) {
        *error = QStringLiteral("the PDF is password-protected; skipped");
        return std::nullopt;
    }
    QStringList lines;
    bool anyText = false;
    for (int i = 0; i < document->numPages(); ++i) {
        const std::unique_ptr<Poppler::Page> page = document->page(i);
        const QString text = page ? page->text(QRectF()) : QString();
        anyText = anyText || !text.trimmed().isEmpty();
        if (i > 0)
            lines << QString();
        lines += text.split(QLatin1Char('\n'));
    }
    if (!anyText) {
        *error = QStringLiteral(
            "the PDF has no text layer (a scanned image?); run OCR on it first; skipped");
        return std::nullopt;
    }
    return lines;
}

} // namespace azllm
