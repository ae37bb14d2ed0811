// The text of a PDF, through Poppler's Qt 6 binding (laws are published as PDF).
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace azllm {

// The lines of every page in reading order, a blank line between pages. nullopt, with *error
// saying why, for a file Poppler cannot open, a locked (password-protected) one, or one with no
// text layer (a scan: it needs OCR first).
std::optional<QStringList> readPdfLines(const QString &path, QString *error);

} // namespace azllm
