#include "roadmap_page.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "milestone_evaluator.h"
#include "roadmap_dialogs.h"
#include "roadmap_markdown.h"
#include "roadmap_template.h"
#include "roadmap_timeline.h"
#include "workspace.h"

namespace azllm::ui {

namespace {

// What a list row stands for.
enum ItemRole
{
    KindRole = Qt::UserRole,
    IdRole,
    LinkRole
};
enum ItemKind
{
    GoalItem,
    MilestoneItem,
    SourceItem
};
enum Column
{
    NameColumn,
    WhenColumn,
    StatusColumn,
    MeasureColumn,
    NoteColumn
};

QString percent(double share)
{
    return QString::number(qRound(share * 100)) + QLatin1Char('%');
}

// "1 goal", "3 goals": English needs no plural rules beyond this until translations arrive.
QString counted(qint64 n, const QString &one, const QString &many)
{
    return QLocale().toString(n) + QLatin1Char(' ') + (n == 1 ? one : many);
}

} // namespace

template <typename Change> bool RoadmapPage::tryChange(Change &&change)
{
    try {
        change();
        return true;
    } catch (const DatabaseError &e) {
        showMessage(QString::fromStdString(e.what()), true);
    } catch (const std::exception &e) {
        showMessage(QString::fromStdString(e.what()), true);
    }
    return false;
}

void RoadmapPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e; font-weight: bold;")
                                   : QString());
    m_message->setVisible(!text.isEmpty());
}

QString RoadmapPage::statusText() const
{
    return m_message->text();
}

void RoadmapPage::setToday(const QDate &today)
{
    m_today = today;
    showRoadmap();
}

void RoadmapPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // runs and datasets may have changed on other screens
}

void RoadmapPage::refresh()
{
    const qint64 keep = currentRoadmapId();
    tryChange([this] {
        const QVector<qint64> ticked = m_store.tickMetMilestones(gatherFacts(m_workspace));
        if (!ticked.isEmpty())
            showMessage(tr("%1 reached by your runs and datasets and ticked.")
                            .arg(counted(ticked.size(), tr("milestone"), tr("milestones"))));
        m_roadmaps = m_store.roadmaps();
    });
    fillRoadmapCombo(keep);
}

void RoadmapPage::fillRoadmapCombo(qint64 selectId)
{
    const QSignalBlocker block(m_roadmapCombo);
    m_roadmapCombo->clear();
    for (const Roadmap &r : m_roadmaps)
        m_roadmapCombo->addItem(r.title, r.id);
    const int index = m_roadmapCombo->findData(selectId);
    m_roadmapCombo->setCurrentIndex(index >= 0 ? index : m_roadmapCombo->count() - 1);
    showRoadmap();
}

qint64 RoadmapPage::currentRoadmapId() const
{
    return m_roadmapCombo->currentIndex() >= 0 ? m_roadmapCombo->currentData().toLongLong() : 0;
}

void RoadmapPage::selectRoadmap(qint64 roadmapId)
{
    fillRoadmapCombo(roadmapId);
}

std::optional<Roadmap> RoadmapPage::currentRoadmap() const
{
    const qint64 id = currentRoadmapId();
    for (const Roadmap &r : m_roadmaps)
        if (r.id == id)
            return r;
    return std::nullopt;
}

void RoadmapPage::showRoadmap()
{
    const std::optional<Roadmap> roadmap = currentRoadmap();
    if (!roadmap) {
        m_timeline->clear();
        m_list->clear();
        m_progress->setValue(0);
        m_summary->setText(tr("No roadmap yet: lesson 41 asks you to plan your next 3-6 months."));
        updateButtons();
        return;
    }
    m_timeline->setRoadmap(*roadmap, m_today);
    fillList(*roadmap);
    m_progress->setValue(qRound(roadmap->progress() * 100));
    int overdue = 0;
    for (const Goal &g : roadmap->goals)
        overdue += int(std::count_if(g.milestones.begin(), g.milestones.end(),
                                     [this](const Milestone &m) { return m.isOverdue(m_today); }));
    QString text = tr("%1 → %2 (%3 months) · %4")
                       .arg(QLocale().toString(roadmap->start, QLocale::ShortFormat),
                            QLocale().toString(roadmap->end(), QLocale::ShortFormat))
                       .arg(roadmap->horizonMonths)
                       .arg(counted(roadmap->goals.size(), tr("goal"), tr("goals")));
    if (overdue > 0)
        text += QStringLiteral(" · <span style='color:#e06c00'><b>") +
                tr("%1 overdue").arg(counted(overdue, tr("milestone"), tr("milestones"))) +
                QLatin1String("</b></span>");
    m_summary->setText(text);
    updateButtons();
}

QTreeWidgetItem *RoadmapPage::goalItem(const Goal &goal)
{
    auto *item = new QTreeWidgetItem;
    item->setText(NameColumn, goal.title);
    item->setText(WhenColumn, goalKindTitle(goal.kind));
    item->setText(StatusColumn, statusTitle(goal.status));
    item->setText(MeasureColumn, tr("%1 (%2 of %3 done)")
                                     .arg(percent(goal.progress()))
                                     .arg(goal.doneItemCount())
                                     .arg(goal.itemCount()));
    item->setText(NoteColumn, goal.description);
    item->setToolTip(NoteColumn, goal.description);
    QFont bold = item->font(NameColumn);
    bold.setBold(true);
    item->setFont(NameColumn, bold);
    item->setForeground(WhenColumn, RoadmapTimeline::kindColor(goal.kind));
    item->setData(NameColumn, KindRole, GoalItem);
    item->setData(NameColumn, IdRole, goal.id);
    return item;
}

QTreeWidgetItem *RoadmapPage::milestoneItem(const Milestone &m)
{
    auto *item = new QTreeWidgetItem;
    item->setText(NameColumn, (m.done ? QStringLiteral("✓ ") : QStringLiteral("◇ ")) + m.title);
    item->setText(WhenColumn, QLocale().toString(m.due, QLocale::ShortFormat));
    const bool overdue = m.isOverdue(m_today);
    item->setText(StatusColumn, m.done ? tr("done") : overdue ? tr("overdue") : tr("open"));
    item->setForeground(StatusColumn, m.done    ? RoadmapTimeline::doneColor()
                                      : overdue ? RoadmapTimeline::overdueColor()
                                                : palette().color(QPalette::Text));
    if (overdue)
        item->setForeground(WhenColumn, RoadmapTimeline::overdueColor());
    item->setText(MeasureColumn, m.condition.isMeasurable() ? describeCondition(m.condition)
                                                            : tr("ticked by hand"));
    if (!m.metBy.isEmpty()) {
        item->setText(NoteColumn,
                      tr("met by %1 — double-click to open it").arg(describeMetBy(m.metBy)));
        item->setData(NameColumn, LinkRole, m.metBy);
        item->setForeground(NoteColumn, RoadmapTimeline::doneColor());
    } else {
        item->setText(NoteColumn, m.note);
    }
    item->setData(NameColumn, KindRole, MilestoneItem);
    item->setData(NameColumn, IdRole, m.id);
    return item;
}

QTreeWidgetItem *RoadmapPage::sourceItem(const DataSource &s)
{
    auto *item = new QTreeWidgetItem;
    item->setText(NameColumn, QStringLiteral("▤ ") + s.name);
    item->setText(WhenColumn, s.kind);
    item->setText(StatusColumn, statusTitle(s.status));
    if (s.isImported())
        item->setForeground(StatusColumn, RoadmapTimeline::doneColor());
    item->setText(MeasureColumn,
                  s.documents == 0 && s.tokens == 0
                      ? tr("nothing collected yet")
                      : QString(counted(s.documents, tr("document"), tr("documents")) +
                                QLatin1String(", ") +
                                counted(s.tokens, tr("token"), tr("tokens"))));
    item->setText(NoteColumn, s.location);
    item->setData(NameColumn, KindRole, SourceItem);
    item->setData(NameColumn, IdRole, s.id);
    return item;
}

void RoadmapPage::fillList(const Roadmap &roadmap)
{
    m_list->clear();
    for (const Goal &g : roadmap.goals) {
        QTreeWidgetItem *parent = goalItem(g);
        for (const Milestone &m : g.milestones)
            parent->addChild(milestoneItem(m));
        for (const DataSource &s : g.sources)
            parent->addChild(sourceItem(s));
        m_list->addTopLevelItem(parent);
        parent->setExpanded(true);
    }
}

void RoadmapPage::updateButtons()
{
    const bool hasRoadmap = currentRoadmap().has_value();
    const QTreeWidgetItem *item = m_list->currentItem();
    const bool selected = item && item->isSelected();
    const int kind = selected ? item->data(NameColumn, KindRole).toInt() : -1;
    m_editRoadmap->setEnabled(hasRoadmap);
    m_export->setEnabled(hasRoadmap);
    m_addGoal->setEnabled(hasRoadmap);
    m_addMilestone->setEnabled(selectedGoalId() != 0);
    m_addSource->setEnabled(selectedGoalId() != 0);
    m_edit->setEnabled(selected);
    m_toggleDone->setEnabled(kind == MilestoneItem);
    m_delete->setEnabled(hasRoadmap);
    m_delete->setText(selected ? tr("Delete") : tr("Delete roadmap"));
    bool canUndo = false;
    try {
        canUndo = m_store.canUndoDelete();
    } catch (const DatabaseError &) {
        canUndo = false; // the message line already tells why the database cannot be read
    }
    m_undo->setEnabled(canUndo);
    if (kind == MilestoneItem) {
        const std::optional<Roadmap> roadmap = currentRoadmap();
        const Milestone *m =
            roadmap ? roadmap->milestone(item->data(NameColumn, IdRole).toLongLong()) : nullptr;
        m_toggleDone->setText(m && m->done ? tr("Reopen") : tr("Mark done"));
    }
}

qint64 RoadmapPage::selectedGoalId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !item->isSelected())
        return 0;
    if (item->data(NameColumn, KindRole).toInt() != GoalItem)
        item = item->parent();
    return item ? item->data(NameColumn, IdRole).toLongLong() : 0;
}

void RoadmapPage::startFromLesson41()
{
    qint64 id = 0;
    if (tryChange([this, &id] { id = m_store.createRoadmap(lesson41Template(m_today)); })) {
        showMessage(tr("Lesson 41's plan is ready: change the dates, name your five news sites, "
                       "and make the goals yours."));
        refresh();
        selectRoadmap(id);
        Q_EMIT roadmapChanged();
    }
}

void RoadmapPage::openArgument(const QString &argument)
{
    if (argument != QLatin1String(kLesson41TemplateKey))
        return;
    const QString templateTitle = lesson41Template(m_today).title;
    for (const Roadmap &r : m_roadmaps) {
        if (r.title == templateTitle) { // opened from the lesson before: show it, no duplicate
            selectRoadmap(r.id);
            showMessage(tr("This is the roadmap you started from lesson 41. “Start from lesson "
                           "41” makes another one."));
            return;
        }
    }
    startFromLesson41();
}

void RoadmapPage::handleNewRoadmap()
{
    const auto header =
        azllm::ui::editRoadmapHeader(this, {tr("My roadmap"), m_today, 6}, tr("New roadmap"));
    qint64 id = 0;
    if (header && tryChange([&] {
            id = m_store.createRoadmap(header->title, header->start, header->horizonMonths);
        })) {
        refresh();
        selectRoadmap(id);
        Q_EMIT roadmapChanged();
    }
}

void RoadmapPage::handleEditRoadmap()
{
    const std::optional<Roadmap> r = currentRoadmap();
    if (!r)
        return;
    const auto header = azllm::ui::editRoadmapHeader(this, {r->title, r->start, r->horizonMonths},
                                                     tr("Edit roadmap"));
    if (header && tryChange([&] {
            m_store.updateRoadmap(r->id, header->title, header->start, header->horizonMonths);
        })) {
        refresh();
        Q_EMIT roadmapChanged();
    }
}

bool RoadmapPage::exportMarkdown(const QString &path)
{
    const std::optional<Roadmap> r = currentRoadmap();
    if (!r)
        return false;
    if (!tryChange([&] { exportRoadmapMarkdown(*r, path, m_today); }))
        return false;
    showMessage(tr("Exported to %1").arg(path));
    return true;
}

void RoadmapPage::handleExportClicked()
{
    const std::optional<Roadmap> r = currentRoadmap();
    if (!r)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export roadmap"), m_workspace.root() + QLatin1String("/roadmap.md"),
        tr("Markdown (*.md)"));
    if (!path.isEmpty())
        exportMarkdown(path);
}

void RoadmapPage::handleAddGoal()
{
    const std::optional<Roadmap> r = currentRoadmap();
    if (!r)
        return;
    const auto goal = azllm::ui::editGoal(this, Goal{}, tr("Add goal"));
    if (goal && tryChange([&] {
            const qint64 id = m_store.addGoal(r->id, goal->kind, goal->title, goal->description);
            Goal stored = *goal;
            stored.id = id;
            m_store.updateGoal(stored); // the status chosen in the form
        })) {
        refresh();
        Q_EMIT roadmapChanged();
    }
}

void RoadmapPage::handleAddMilestone()
{
    const qint64 goalId = selectedGoalId();
    if (goalId == 0)
        return;
    Milestone initial;
    initial.due = m_today.addMonths(1);
    const auto m = azllm::ui::editMilestone(this, initial, tr("Add milestone"));
    if (m && tryChange([&] { m_store.addMilestone(goalId, m->title, m->due, m->condition); })) {
        refresh();
        Q_EMIT roadmapChanged();
    }
}

void RoadmapPage::handleAddSource()
{
    const qint64 goalId = selectedGoalId();
    if (goalId == 0)
        return;
    DataSource initial;
    initial.kind = tr("news site");
    const auto s = azllm::ui::editSource(this, initial, tr("Add data source"));
    if (s && tryChange([&] { m_store.addSource(goalId, *s); })) {
        refresh();
        Q_EMIT roadmapChanged();
    }
}

void RoadmapPage::handleEditSelected()
{
    const std::optional<Roadmap> r = currentRoadmap();
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!r || !item)
        return;
    const qint64 id = item->data(NameColumn, IdRole).toLongLong();
    bool changed = false;
    for (const Goal &g : r->goals) {
        if (item->data(NameColumn, KindRole).toInt() == GoalItem && g.id == id) {
            if (const auto edited = azllm::ui::editGoal(this, g, tr("Edit goal")))
                changed = tryChange([&] { m_store.updateGoal(*edited); });
        }
        for (const Milestone &m : g.milestones)
            if (item->data(NameColumn, KindRole).toInt() == MilestoneItem && m.id == id)
                if (const auto edited = azllm::ui::editMilestone(this, m, tr("Edit milestone")))
                    changed = tryChange([&] { m_store.updateMilestone(*edited); });
        for (const DataSource &s : g.sources)
            if (item->data(NameColumn, KindRole).toInt() == SourceItem && s.id == id)
                if (const auto edited = azllm::ui::editSource(this, s, tr("Edit data source")))
                    changed = tryChange([&] { m_store.updateSource(*edited); });
    }
    if (changed) {
        refresh();
        Q_EMIT roadmapChanged();
    }
}

void RoadmapPage::handleToggleDone()
{
    const std::optional<Roadmap> r = currentRoadmap();
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!r || !item || item->data(NameColumn, KindRole).toInt() != MilestoneItem)
        return;
    const Milestone *m = r->milestone(item->data(NameColumn, IdRole).toLongLong());
    if (m && tryChange([&] { m_store.setMilestoneDone(m->id, !m->done); })) {
        refresh();
        Q_EMIT roadmapChanged();
    }
}

void RoadmapPage::deleteSelected()
{
    const std::optional<Roadmap> r = currentRoadmap();
    if (!r)
        return;
    const QTreeWidgetItem *item = m_list->currentItem();
    const bool selected = item && item->isSelected();
    const qint64 id = selected ? item->data(NameColumn, IdRole).toLongLong() : r->id;
    const int kind = selected ? item->data(NameColumn, KindRole).toInt() : -1;
    const QString name = selected ? item->text(NameColumn) : r->title;
    const bool ok = tryChange([&] {
        switch (kind) {
        case GoalItem:
            m_store.deleteGoal(id);
            break;
        case MilestoneItem:
            m_store.deleteMilestone(id);
            break;
        case SourceItem:
            m_store.deleteSource(id);
            break;
        default:
            m_store.deleteRoadmap(id);
        }
    });
    if (!ok)
        return;
    refresh();
    showMessage(tr("Deleted “%1”. Press Undo delete (Ctrl+Z) to bring it back.").arg(name));
    Q_EMIT roadmapChanged();
}

void RoadmapPage::undoDelete()
{
    bool restored = false;
    if (!tryChange([&] { restored = m_store.undoDelete(); }))
        return;
    refresh();
    showMessage(restored ? tr("Restored.") : tr("Nothing to undo."));
    if (restored)
        Q_EMIT roadmapChanged();
}

void RoadmapPage::handleItemActivated(QTreeWidgetItem *item)
{
    const QString link = item ? item->data(NameColumn, LinkRole).toString() : QString();
    if (link.startsWith(QLatin1String("run:")))
        Q_EMIT openScreenRequested(QStringLiteral("train"), link.mid(4));
    else if (link.startsWith(QLatin1String("dataset:")))
        Q_EMIT openScreenRequested(QStringLiteral("data"), link.mid(8));
    else if (link.startsWith(QLatin1String("kb:")))
        Q_EMIT openScreenRequested(QStringLiteral("knowledge"), link.mid(3));
    else if (item)
        handleEditSelected();
}

void RoadmapPage::showTimeline()
{
    m_tabs->setCurrentIndex(0);
}

void RoadmapPage::showList()
{
    m_tabs->setCurrentIndex(1);
}

} // namespace azllm::ui
