#include "roadmap_timeline.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace azllm::ui {
namespace {

constexpr int kLabelWidth = 370;  // goal and milestone names on the left
constexpr int kHeaderHeight = 34; // month names
constexpr int kGoalRow = 30;
constexpr int kMilestoneRow = 22;
constexpr int kGoalGap = 8;
constexpr int kLegendHeight = 56; // the key and one line of explanation
constexpr int kMargin = 10;

void drawDiamond(QPainter &painter, QPointF centre, double radius, const QColor &fill)
{
    QPainterPath path;
    path.moveTo(centre.x(), centre.y() - radius);
    path.lineTo(centre.x() + radius, centre.y());
    path.lineTo(centre.x(), centre.y() + radius);
    path.lineTo(centre.x() - radius, centre.y());
    path.closeSubpath();
    painter.setPen(QPen(fill.darker(140), 1));
    painter.setBrush(fill);
    painter.drawPath(path);
}

QString elided(const QPainter &painter, const QString &text, int width)
{
    return painter.fontMetrics().elidedText(text, Qt::ElideRight, width);
}

} // namespace

RoadmapTimeline::RoadmapTimeline(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("roadmapTimeline"));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

QColor RoadmapTimeline::kindColor(GoalKind kind)
{
    switch (kind) {
    case GoalKind::NextTarget:
        return QColor(0x3b, 0x7d, 0xd8);
    case GoalKind::DataSource:
        return QColor(0x2e, 0x9e, 0x8f);
    case GoalKind::Technique:
        return QColor(0x8e, 0x5c, 0xc9);
    }
    return Qt::gray;
}

QColor RoadmapTimeline::doneColor()
{
    return QColor(0x2f, 0x9e, 0x44);
}

QColor RoadmapTimeline::overdueColor()
{
    return QColor(0xe0, 0x6c, 0x00);
}

QColor RoadmapTimeline::openColor()
{
    return QColor(0xa0, 0xa8, 0xb0);
}

void RoadmapTimeline::setRoadmap(const Roadmap &roadmap, const QDate &today)
{
    m_roadmap = roadmap;
    m_today = today;
    m_hasRoadmap = true;
    updateGeometry();
    update();
}

void RoadmapTimeline::clear()
{
    m_hasRoadmap = false;
    m_roadmap = {};
    updateGeometry();
    update();
}

int RoadmapTimeline::contentHeight() const
{
    int height = kHeaderHeight + kLegendHeight + 2 * kMargin;
    for (const Goal &g : m_roadmap.goals)
        height += kGoalRow + kGoalGap + int(g.milestones.size()) * kMilestoneRow;
    return height;
}

QSize RoadmapTimeline::sizeHint() const
{
    return {kLabelWidth + 700, std::max(240, contentHeight())};
}

QSize RoadmapTimeline::minimumSizeHint() const
{
    return {kLabelWidth + 300, std::max(160, contentHeight())};
}

double RoadmapTimeline::xFor(const QDate &date, const QRectF &chart) const
{
    const double days = std::max<qint64>(1, m_roadmap.start.daysTo(m_roadmap.end()));
    const double offset = double(m_roadmap.start.daysTo(date)) / days;
    return chart.left() + std::clamp(offset, 0.0, 1.0) * chart.width();
}

void RoadmapTimeline::paintMonths(QPainter &painter, const QRectF &chart) const
{
    // Calendar months, not "start + n months": a grid line on the 1st reads as the calendar does.
    const QLocale locale;
    QDate month(m_roadmap.start.year(), m_roadmap.start.month(), 1);
    while (month < m_roadmap.end()) {
        const QDate next = month.addMonths(1);
        const double left = xFor(std::max(month, m_roadmap.start), chart);
        const double right = xFor(std::min(next, m_roadmap.end()), chart);
        if (month >= m_roadmap.start) {
            painter.setPen(QPen(palette().color(QPalette::Midlight), 1));
            painter.drawLine(QPointF(left, chart.top() - 6), QPointF(left, chart.bottom()));
        }
        // A short month at either end of the horizon gets its short name, or none if even that
        // does not fit.
        QString name = locale.toString(month, QStringLiteral("MMM yyyy"));
        if (right - left <= painter.fontMetrics().horizontalAdvance(name) + 6)
            name = locale.toString(month, QStringLiteral("MMM"));
        if (right - left > painter.fontMetrics().horizontalAdvance(name) + 6) {
            painter.setPen(palette().color(QPalette::Text));
            painter.drawText(QRectF(left, kMargin, right - left, kHeaderHeight - 10),
                             Qt::AlignCenter, name);
        }
        month = next;
    }
    // The horizon's two ends, so the plan's span is visible even mid-month.
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.drawLine(QPointF(chart.left(), chart.top() - 6), QPointF(chart.left(), chart.bottom()));
    painter.drawLine(QPointF(chart.right(), chart.top() - 6),
                     QPointF(chart.right(), chart.bottom()));
}

void RoadmapTimeline::paintToday(QPainter &painter, const QRectF &chart) const
{
    if (m_today < m_roadmap.start || m_today > m_roadmap.end())
        return;
    const double x = xFor(m_today, chart);
    painter.setPen(QPen(QColor(0xd0, 0x30, 0x30), 2, Qt::DashLine));
    painter.drawLine(QPointF(x, chart.top() - 4), QPointF(x, chart.bottom()));
    painter.setPen(QColor(0xd0, 0x30, 0x30));
    painter.drawText(QRectF(x + 4, chart.bottom() - 18, 120, 16), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("today"));
}

void RoadmapTimeline::paintMilestone(QPainter &painter, const Milestone &m, const QRectF &chart,
                                     int top) const
{
    const bool overdue = m.isOverdue(m_today);
    const QColor colour = m.done ? doneColor() : overdue ? overdueColor() : openColor();
    QString label = (m.done ? QStringLiteral("✓ ") : QStringLiteral("◇ ")) + m.title;
    if (overdue)
        label += tr(" (overdue)");
    painter.setPen(overdue ? overdueColor() : palette().color(QPalette::Text));
    painter.drawText(QRect(kMargin + 18, top, kLabelWidth - 28, kMilestoneRow),
                     Qt::AlignLeft | Qt::AlignVCenter, elided(painter, label, kLabelWidth - 28));
    const QPointF centre(xFor(m.due, chart), top + kMilestoneRow / 2.0);
    drawDiamond(painter, centre, 6, colour);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRectF(centre.x() + 9, top, 90, kMilestoneRow),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QLocale().toString(m.due, QStringLiteral("d MMM")));
}

int RoadmapTimeline::paintGoal(QPainter &painter, const Goal &goal, const QRectF &chart,
                               int top) const
{
    const QColor colour = kindColor(goal.kind);
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(palette().color(QPalette::Text));
    const QString label = tr("%1 · %2%").arg(goal.title).arg(qRound(goal.progress() * 100));
    painter.drawText(QRect(kMargin, top, kLabelWidth - 16, kGoalRow),
                     Qt::AlignLeft | Qt::AlignVCenter, elided(painter, label, kLabelWidth - 16));
    painter.setFont(font());

    // The bar runs from the roadmap's start to the goal's last milestone (or the horizon).
    const QDate last = goal.lastDue().isValid() ? goal.lastDue() : m_roadmap.end();
    const QRectF bar(chart.left(), top + 7, std::max(4.0, xFor(last, chart) - chart.left()),
                     kGoalRow - 14);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour.lighter(170));
    painter.drawRoundedRect(bar, 4, 4);
    painter.setBrush(colour);
    painter.drawRoundedRect(
        QRectF(bar.topLeft(), QSizeF(bar.width() * goal.progress(), bar.height())), 4, 4);

    int y = top + kGoalRow;
    for (const Milestone &m : goal.milestones) {
        paintMilestone(painter, m, chart, y);
        y += kMilestoneRow;
    }
    return y + kGoalGap;
}

void RoadmapTimeline::paintLegend(QPainter &painter, int top) const
{
    struct Entry
    {
        QColor colour;
        QString text;
    };
    const Entry entries[] = {{doneColor(), tr("done")},
                             {openColor(), tr("open")},
                             {overdueColor(), tr("overdue")},
                             {kindColor(GoalKind::NextTarget), tr("next target")},
                             {kindColor(GoalKind::DataSource), tr("data source")},
                             {kindColor(GoalKind::Technique), tr("technique")}};
    int x = kMargin;
    for (const Entry &e : entries) {
        drawDiamond(painter, QPointF(x + 6, top + kLegendHeight / 4.0), 5, e.colour);
        painter.setPen(palette().color(QPalette::Text));
        const int width = painter.fontMetrics().horizontalAdvance(e.text);
        painter.drawText(QRect(x + 16, top, width + 4, kLegendHeight / 2), Qt::AlignVCenter,
                         e.text);
        x += width + 40;
    }
    painter.setPen(QPen(QColor(0xd0, 0x30, 0x30), 2, Qt::DashLine));
    painter.drawLine(x, top + 6, x, top + kLegendHeight / 2 - 6);
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRect(x + 8, top, 120, kLegendHeight / 2), Qt::AlignVCenter, tr("today"));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(
        QRect(kMargin, top + kLegendHeight / 2, width() - 2 * kMargin, kLegendHeight / 2),
        Qt::AlignVCenter,
        tr("A goal's bar runs to its last milestone and fills as its milestones are done "
           "(and, for data, its sources imported). Measured milestones tick themselves."));
}

void RoadmapTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (!m_hasRoadmap) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(
            rect(), Qt::AlignCenter,
            tr("No roadmap yet. Press “Start from lesson 41” for a ready plan, or “New "
               "roadmap…” to begin with an empty one."));
        return;
    }
    const int bodyBottom = contentHeight() - kLegendHeight - kMargin;
    const QRectF chart(kLabelWidth, kMargin + kHeaderHeight, width() - kLabelWidth - 60,
                       bodyBottom - kMargin - kHeaderHeight);
    paintMonths(painter, chart);
    int top = int(chart.top());
    for (const Goal &g : m_roadmap.goals)
        top = paintGoal(painter, g, chart, top);
    paintToday(painter, chart);
    paintLegend(painter, bodyBottom);
}

} // namespace azllm::ui
