// The roadmap over its months, Gantt-like: a bar per goal (filled as far as it has progressed),
// a diamond per milestone at its due date, today as a vertical line, overdue in a warning colour.
#pragma once

#include <QDate>
#include <QWidget>

#include "roadmap_types.h"

namespace azllm::ui {

class RoadmapTimeline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoadmapTimeline)

public:
    explicit RoadmapTimeline(QWidget *parent = nullptr);

    void setRoadmap(const Roadmap &roadmap, const QDate &today);
    void clear();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The colours, shared with the list so both views speak the same language.
    static QColor kindColor(GoalKind kind);
    static QColor doneColor();
    static QColor overdueColor();
    static QColor openColor();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int contentHeight() const;
    double xFor(const QDate &date, const QRectF &chart) const;
    void paintMonths(QPainter &painter, const QRectF &chart) const;
    void paintToday(QPainter &painter, const QRectF &chart) const;
    void paintLegend(QPainter &painter, int top) const;
    int paintGoal(QPainter &painter, const Goal &goal, const QRectF &chart, int top) const;
    void paintMilestone(QPainter &painter, const Milestone &milestone, const QRectF &chart,
                        int top) const;

    Roadmap m_roadmap;
    QDate m_today;
    bool m_hasRoadmap = false;
};

} // namespace azllm::ui
