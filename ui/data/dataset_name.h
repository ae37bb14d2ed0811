// A dataset's name becomes a folder of the workspace: the rule it must follow, and the name the
// Data screen proposes from the first input's file name.
#pragma once

#include <QString>

namespace azllm::ui {

// Latin letters, digits, '-' and '_', at most 64, starting with a letter or digit: safe on every
// file system and in a shell.
bool isSafeDatasetName(const QString &name);

// "Xəbərlər 2024" -> "xeberler-2024": a name isSafeDatasetName accepts, from a file or folder name.
QString datasetNameFrom(const QString &text);

} // namespace azllm::ui
