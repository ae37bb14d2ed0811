// The small forms of the Roadmap screen: a roadmap's title and horizon, a goal, a milestone
// (with its optional measurable condition), a data source. Each returns the edited value, or
// std::nullopt when the learner cancels.
#pragma once

#include <QDate>
#include <QString>

#include <optional>

#include "roadmap_types.h"

class QWidget;

namespace azllm::ui {

struct RoadmapHeader
{
    QString title;
    QDate start;
    int horizonMonths = 6;
};

std::optional<RoadmapHeader> editRoadmapHeader(QWidget *parent, const RoadmapHeader &initial,
                                               const QString &caption);
std::optional<Goal> editGoal(QWidget *parent, const Goal &initial, const QString &caption);
std::optional<Milestone> editMilestone(QWidget *parent, const Milestone &initial,
                                       const QString &caption);
std::optional<DataSource> editSource(QWidget *parent, const DataSource &initial,
                                     const QString &caption);

} // namespace azllm::ui
