// The Roadmap screen: the learner's 3-6 month plan (lesson 41's task). A timeline and a list of
// goals, milestones and data sources; progress per goal and overall; measurable milestones
// ticked from the workspace's runs and datasets; Markdown export; deletes that can be undone.
#pragma once

#include <QDate>
#include <QWidget>

#include <memory>

#include "roadmap_store.h"
#include "translated_texts.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace azllm {
class Workspace;
}

namespace azllm::ui {
class RoadmapTimeline;
}

namespace azllm::ui {
class RoadmapPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoadmapPage)

public:
    explicit RoadmapPage(azllm::Workspace &workspace, QWidget *parent = nullptr);
    ~RoadmapPage() override;

    // What a lesson's "try it" passes: "lesson-41-template" shows the roadmap made from the
    // template (creating it the first time); anything else just shows the page.
    void openArgument(const QString &argument);
    // Creates a new roadmap from lesson 41's template and shows it.
    void startFromLesson41();
    // Re-reads studio.db and ticks the measurable milestones the workspace now meets.
    void refresh();

    qint64 currentRoadmapId() const;
    void selectRoadmap(qint64 roadmapId);
    void showTimeline();
    void showList();
    // Exports the current roadmap; false (and a message on the page) when it fails.
    bool exportMarkdown(const QString &path);
    // Soft-deletes the selected list item (goal, milestone or source) or, with none selected,
    // the roadmap; undoDelete() brings it back.
    void deleteSelected();
    void undoDelete();
    // The message line under the toolbar, for tests: errors name studio.db.
    QString statusText() const;
    // Today, for the timeline and overdue marks; tests pin it.
    void setToday(const QDate &today);

    azllm::RoadmapStore &store() { return m_store; }

Q_SIGNALS:
    // Opens another screen: ("train", run name) or ("data", dataset name) from a milestone the
    // workspace met, ("lessons", "41") from the header link.
    void openScreenRequested(const QString &screen, const QString &argument);
    // The roadmaps changed (created, edited, deleted, ticked).
    void roadmapChanged();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    // A label whose text is `source`, translated.
    QLabel *caption(const char *source);
    QWidget *buildToolbar();
    QWidget *buildSummary();
    QWidget *buildListTab();
    void fillRoadmapCombo(qint64 selectId);
    void showRoadmap();
    void fillList(const azllm::Roadmap &roadmap);
    QTreeWidgetItem *goalItem(const azllm::Goal &goal);
    QTreeWidgetItem *milestoneItem(const azllm::Milestone &milestone);
    QTreeWidgetItem *sourceItem(const azllm::DataSource &source);
    void updateButtons();

    void handleNewRoadmap();
    void handleEditRoadmap();
    void handleExportClicked();
    void handleAddGoal();
    void handleAddMilestone();
    void handleAddSource();
    void handleEditSelected();
    void handleToggleDone();
    void handleItemActivated(QTreeWidgetItem *item);

    // Runs a store change; a DatabaseError becomes a message on the page instead of a crash.
    template <typename Change> bool tryChange(Change &&change);
    void showMessage(const QString &text, bool error = false);
    std::optional<azllm::Roadmap> currentRoadmap() const;
    qint64 selectedGoalId() const;

    azllm::Workspace &m_workspace;
    azllm::RoadmapStore m_store;
    QVector<azllm::Roadmap> m_roadmaps;
    QDate m_today;

    QComboBox *m_roadmapCombo = nullptr;
    QPushButton *m_editRoadmap = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_undo = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    QTabWidget *m_tabs = nullptr;
    azllm::ui::RoadmapTimeline *m_timeline = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_addGoal = nullptr;
    QPushButton *m_addMilestone = nullptr;
    QPushButton *m_addSource = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_toggleDone = nullptr;
    QPushButton *m_delete = nullptr;
    TranslatedTexts m_texts{staticMetaObject.className()};
};

} // namespace azllm::ui
