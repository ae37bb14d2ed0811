// A roadmap as Markdown, to share or print: goals, milestones (with what met them), sources.
#pragma once

#include <QDate>
#include <QString>

#include "roadmap_types.h"

namespace azllm {

QString roadmapToMarkdown(const Roadmap &roadmap, const QDate &today);
// Writes atomically (QSaveFile): a failed write leaves an existing file as it was.
// Throws std::runtime_error naming the file.
void exportRoadmapMarkdown(const Roadmap &roadmap, const QString &path, const QDate &today);

// "Next target", "Data source", "Technique".
QString goalKindTitle(GoalKind kind);
// The learner's word for a stored status key (Goal::statuses(), DataSource::statuses()):
// "planned" -> "planned" in English, "planlaşdırılıb" in Azerbaijani; an unknown key as it is.
QString statusTitle(const QString &status);

} // namespace azllm
