// The Roadmap screen's widgets and layout; roadmap_page.cpp holds its behaviour.
#include "roadmap_page.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "roadmap_timeline.h"
#include "workspace.h"

namespace azllm::ui {

RoadmapPage::RoadmapPage(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_store(workspace.database()),
      m_today(QDate::currentDate())
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());
    layout->addWidget(buildSummary());
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("roadmapMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_tabs = new QTabWidget;
    m_timeline = new RoadmapTimeline;
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_timeline);
    scroll->setWidgetResizable(true);
    m_tabs->addTab(scroll, QString());
    m_tabs->addTab(buildListTab(), QString());
    layout->addWidget(m_tabs, 1);

    auto *undo = new QShortcut(QKeySequence::Undo, this);
    connect(undo, &QShortcut::activated, this, &RoadmapPage::undoDelete);
    retranslate();
    refresh();
}

void RoadmapPage::retranslate()
{
    m_texts.retranslate();
    m_tabs->setTabText(0, tr("Timeline"));
    m_tabs->setTabText(1, tr("List"));
    m_list->setHeaderLabels({tr("Goal, milestone or source"), tr("Due / kind"), tr("Status"),
                             tr("Progress / measured by"), tr("Met by / note")});
}

void RoadmapPage::changeEvent(QEvent *event)
{
    // The summary, the list's rows and the buttons that change with the selection are words too.
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showRoadmap();
    }
    QWidget::changeEvent(event);
}

QLabel *RoadmapPage::caption(const char *source)
{
    auto *label = new QLabel;
    m_texts.set(label, "text", source);
    return label;
}

RoadmapPage::~RoadmapPage() = default;

QWidget *RoadmapPage::buildToolbar()
{
    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(caption(QT_TR_NOOP("Roadmap:")));
    m_roadmapCombo = new QComboBox;
    m_roadmapCombo->setObjectName(QStringLiteral("roadmapCombo"));
    m_roadmapCombo->setMinimumWidth(260);
    connect(m_roadmapCombo, &QComboBox::currentIndexChanged, this, [this] { showRoadmap(); });
    row->addWidget(m_roadmapCombo);

    const auto button = [this, row](const char *text, const char *tip, auto slot) {
        auto *b = new QPushButton;
        m_texts.set(b, "text", text);
        m_texts.set(b, "toolTip", tip);
        connect(b, &QPushButton::clicked, this, slot);
        row->addWidget(b);
        return b;
    };
    auto *lesson =
        button(QT_TR_NOOP("Start from lesson 41"),
               QT_TR_NOOP("A ready plan with lesson 41's three parts: a 300M model, five news "
                          "sites, RAG over Azerbaijan's laws. Edit it to make it yours."),
               &RoadmapPage::startFromLesson41);
    lesson->setObjectName(QStringLiteral("lesson41Button"));
    button(QT_TR_NOOP("New roadmap…"),
           QT_TR_NOOP("An empty roadmap with a title and a 3-6 month horizon"),
           &RoadmapPage::handleNewRoadmap);
    m_editRoadmap = button(QT_TR_NOOP("Title and dates…"),
                           QT_TR_NOOP("Title, start date and horizon of this roadmap"),
                           &RoadmapPage::handleEditRoadmap);
    m_export =
        button(QT_TR_NOOP("Export Markdown…"), QT_TR_NOOP("Save this roadmap as a Markdown file"),
               &RoadmapPage::handleExportClicked);
    row->addStretch(1);
    m_undo =
        button(QT_TR_NOOP("Undo delete"), QT_TR_NOOP("Bring back what was deleted last (Ctrl+Z)"),
               &RoadmapPage::undoDelete);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    return bar;
}

QWidget *RoadmapPage::buildSummary()
{
    auto *box = new QWidget;
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(caption(QT_TR_NOOP("Overall progress:")));
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("overallProgress"));
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(260);
    m_texts.set(m_progress, "toolTip",
                QT_TR_NOOP("Done milestones and imported sources over all of them"));
    row->addWidget(m_progress);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("roadmapSummary"));
    row->addWidget(m_summary, 1);
    return box;
}

QWidget *RoadmapPage::buildListTab()
{
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("roadmapList"));
    m_list->setAlternatingRowColors(true);
    m_list->setRootIsDecorated(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &RoadmapPage::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, &RoadmapPage::handleItemActivated);
    layout->addWidget(m_list, 1);

    auto *buttons = new QHBoxLayout;
    const auto button = [this, buttons](const char *text, auto slot) {
        auto *b = new QPushButton;
        m_texts.set(b, "text", text);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        return b;
    };
    m_addGoal = button(QT_TR_NOOP("Add goal…"), &RoadmapPage::handleAddGoal);
    m_addMilestone = button(QT_TR_NOOP("Add milestone…"), &RoadmapPage::handleAddMilestone);
    m_addSource = button(QT_TR_NOOP("Add source…"), &RoadmapPage::handleAddSource);
    m_edit = button(QT_TR_NOOP("Edit…"), &RoadmapPage::handleEditSelected);
    m_toggleDone = button(QT_TR_NOOP("Mark done"), &RoadmapPage::handleToggleDone);
    m_delete = button(QT_TR_NOOP("Delete"), &RoadmapPage::deleteSelected);
    m_texts.set(m_delete, "toolTip",
                QT_TR_NOOP("Deletes the selected item, or the roadmap when nothing is selected; "
                           "Undo delete brings it back"));
    buttons->addStretch(1);
    auto *hint = new QLabel();
    m_texts.set(hint, "text",
                QT_TR_NOOP("Select a goal to add milestones or sources to it; double-click "
                           "an item to edit it."));
    hint->setForegroundRole(QPalette::PlaceholderText);
    buttons->addWidget(hint);
    layout->addLayout(buttons);
    return tab;
}

} // namespace azllm::ui
