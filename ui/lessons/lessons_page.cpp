#include "lessons_page.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "workspace.h"

namespace azllm::ui {

namespace {

// How long typing pauses before the notes are written to studio.db.
constexpr int kNotesSaveDelayMs = 700;

QString screenTitle(const QString &screen)
{
    static const QHash<QString, const char *> titles = {
        {QStringLiteral("data"), QT_TRANSLATE_NOOP("azllm::ui::LessonsPage", "Data")},
        {QStringLiteral("model"), QT_TRANSLATE_NOOP("azllm::ui::LessonsPage", "Model")},
        {QStringLiteral("train"), QT_TRANSLATE_NOOP("azllm::ui::LessonsPage", "Train")},
        {QStringLiteral("chat"), QT_TRANSLATE_NOOP("azllm::ui::LessonsPage", "Chat")},
        {QStringLiteral("roadmap"), QT_TRANSLATE_NOOP("azllm::ui::LessonsPage", "Roadmap")},
        {QStringLiteral("lessons"), QT_TRANSLATE_NOOP("azllm::ui::LessonsPage", "Lessons")},
    };
    const char *title = titles.value(screen, nullptr);
    return title ? QCoreApplication::translate("azllm::ui::LessonsPage", title) : screen;
}

} // namespace

LessonsPage::LessonsPage(Workspace &workspace, QWidget *parent, const QString &syllabusPath)
    : QWidget(parent), m_workspace(workspace), m_progressStore(workspace.database())
{
    auto *layout = new QVBoxLayout(this);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("lessonsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(buildSyllabusColumn());
    splitter->addWidget(buildLessonColumn());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({340, 900});
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    m_notesTimer.setSingleShot(true);
    m_notesTimer.setInterval(kNotesSaveDelayMs);
    connect(&m_notesTimer, &QTimer::timeout, this, &LessonsPage::saveNotes);

    try {
        m_syllabus = Syllabus::load(syllabusPath);
        m_done = m_progressStore.doneDays();
    } catch (const std::exception &e) {
        showMessage(QString::fromStdString(e.what()), true);
    }
    retranslate();
    fillSyllabus();
    if (!m_syllabus.days().isEmpty())
        openDay(1);
}

LessonsPage::~LessonsPage()
{
    if (m_notesDirty) {
        try {
            saveNotes();
        } catch (...) {
            // Destruction cannot report; saveNotes() already keeps failures on the page.
        }
    }
}

QWidget *LessonsPage::buildSyllabusColumn()
{
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progressText = new QLabel;
    m_progressText->setObjectName(QStringLiteral("courseProgressText"));
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("courseProgress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(10);
    m_days = new QListWidget;
    m_days->setObjectName(QStringLiteral("syllabusList"));
    m_days->setMinimumWidth(300);
    m_days->setTextElideMode(Qt::ElideRight); // the full title and summary are in the tooltip
    m_days->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_days, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            openDay(row + 1);
    });
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addWidget(m_days, 1);
    return column;
}

QWidget *LessonsPage::buildLessonColumn()
{
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    m_title->setWordWrap(true);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    m_lesson = new QTextBrowser;
    m_lesson->setObjectName(QStringLiteral("lessonText"));
    m_lesson->setOpenExternalLinks(true);

    m_actionsBox = new QWidget;
    m_actionsRow = new QHBoxLayout(m_actionsBox);
    m_actionsRow->setContentsMargins(0, 0, 0, 0);

    m_doneBox = new QCheckBox;
    m_doneBox->setObjectName(QStringLiteral("lessonDone"));
    connect(m_doneBox, &QCheckBox::toggled, this, &LessonsPage::handleDoneToggled);
    m_notes = new QPlainTextEdit;
    m_notes->setObjectName(QStringLiteral("lessonNotes"));
    m_notes->setMaximumHeight(110);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &LessonsPage::handleNotesEdited);

    layout->addWidget(m_title);
    layout->addWidget(m_lesson, 1);
    layout->addWidget(m_actionsBox);
    layout->addWidget(m_doneBox);
    layout->addWidget(m_notes);
    return column;
}

void LessonsPage::fillSyllabus()
{
    const QSignalBlocker block(m_days);
    const int row = m_days->currentRow();
    m_days->clear();
    for (const SyllabusDay &d : m_syllabus.days()) {
        const bool done = m_done.contains(d.day);
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2. %3")
                                             .arg(done ? QStringLiteral("✓") : QStringLiteral("  "))
                                             .arg(d.day)
                                             .arg(d.title));
        item->setToolTip(d.summary);
        if (done)
            item->setForeground(QColor(0x2f, 0x9e, 0x44));
        if (!d.file.isEmpty()) {
            QFont f = item->font();
            f.setBold(true); // written out in full
            item->setFont(f);
        }
        m_days->addItem(item);
    }
    m_days->setCurrentRow(row);
    updateProgress();
}

void LessonsPage::updateProgress()
{
    const int total = int(m_syllabus.days().size());
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(int(m_done.size()));
    m_progressText->setText(tr("%1 of %2 days done · bold lessons are written out in full")
                                .arg(m_done.size())
                                .arg(total));
}

void LessonsPage::openDay(int number)
{
    const SyllabusDay *day = m_syllabus.day(number);
    if (!day)
        return;
    if (m_notesDirty) {
        saveNotes();
        if (m_notesDirty) { // studio.db refused them: stay, so the typed notes are not lost
            const QSignalBlocker block(m_days);
            m_days->setCurrentRow(m_day - 1);
            return;
        }
    }
    m_day = number;
    {
        const QSignalBlocker block(m_days);
        m_days->setCurrentRow(number - 1);
    }
    showDayTitle(*day);
    try {
        m_lesson->setMarkdown(m_syllabus.lessonMarkdown(number));
    } catch (const std::exception &e) {
        m_lesson->setMarkdown(QStringLiteral("# ") + day->title + QStringLiteral("\n\n") +
                              day->summary);
        showMessage(QString::fromStdString(e.what()), true);
    }
    showActions(*day);
    {
        const QSignalBlocker blockDone(m_doneBox);
        const QSignalBlocker blockNotes(m_notes);
        m_doneBox->setChecked(m_done.contains(number));
        QString notes;
        try {
            notes = m_progressStore.notes(number);
        } catch (const DatabaseError &e) {
            showMessage(QString::fromStdString(e.what()), true);
        }
        m_notes->setPlainText(notes);
    }
    m_notesDirty = false;
}

// The lesson's own heading carries its title; this line says where it sits and where to work.
void LessonsPage::showDayTitle(const SyllabusDay &day)
{
    m_title->setText(tr("Day %1 of %2 · exercise on the %3 screen")
                         .arg(day.day)
                         .arg(m_syllabus.days().size())
                         .arg(screenTitle(day.screen)));
}

void LessonsPage::retranslate()
{
    m_doneBox->setText(tr("I have finished this lesson"));
    m_notes->setPlaceholderText(tr("My notes for this lesson (saved automatically)"));
    updateProgress();
    if (const SyllabusDay *day = m_syllabus.day(m_day)) {
        showDayTitle(*day);
        translateActions(*day);
    }
}

// The row shows "Try it:" and then one button per action, in order.
void LessonsPage::translateActions(const SyllabusDay &day)
{
    for (int i = 0; i < m_actionsRow->count(); ++i) {
        QWidget *widget = m_actionsRow->itemAt(i)->widget();
        if (auto *label = qobject_cast<QLabel *>(widget))
            label->setText(tr("Try it:"));
        else if (widget && i - 1 < day.actions.size())
            widget->setToolTip(
                tr("Opens the %1 screen").arg(screenTitle(day.actions[i - 1].screen)));
    }
}

void LessonsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LessonsPage::openArgument(const QString &argument)
{
    QString digits = argument;
    digits.remove(QLatin1String("day-"));
    bool ok = false;
    const int day = digits.toInt(&ok);
    if (ok)
        openDay(day);
}

void LessonsPage::showActions(const SyllabusDay &day)
{
    while (QLayoutItem *item = m_actionsRow->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        delete item; // the layout item itself: the layout gave up ownership with takeAt()
    }
    if (day.actions.isEmpty()) {
        m_actionsBox->hide();
        return;
    }
    m_actionsRow->addWidget(new QLabel);
    for (int i = 0; i < day.actions.size(); ++i) {
        auto *button = new QPushButton(QStringLiteral("▶ ") + day.actions[i].label);
        button->setObjectName(QStringLiteral("tryIt%1").arg(i));
        connect(button, &QPushButton::clicked, this, [this, i] { triggerAction(i); });
        m_actionsRow->addWidget(button);
    }
    m_actionsRow->addStretch(1);
    translateActions(day);
    m_actionsBox->show();
}

QStringList LessonsPage::actionLabels() const
{
    QStringList labels;
    if (const SyllabusDay *day = m_syllabus.day(m_day))
        for (const LessonAction &a : day->actions)
            labels << a.label;
    return labels;
}

void LessonsPage::triggerAction(int index)
{
    const SyllabusDay *day = m_syllabus.day(m_day);
    if (!day || index < 0 || index >= day->actions.size())
        return;
    Q_EMIT openScreenRequested(day->actions[index].screen, day->actions[index].argument);
}

void LessonsPage::handleDoneToggled(bool done)
{
    try {
        m_progressStore.setDone(m_day, done);
    } catch (const DatabaseError &e) {
        showMessage(QString::fromStdString(e.what()), true);
        const QSignalBlocker block(m_doneBox);
        m_doneBox->setChecked(!done); // show what studio.db holds
        return;
    }
    if (done)
        m_done.insert(m_day);
    else
        m_done.remove(m_day);
    fillSyllabus();
    showMessage({}, false);
}

void LessonsPage::handleNotesEdited()
{
    m_notesDirty = true;
    m_notesTimer.start();
}

void LessonsPage::saveNotes()
{
    m_notesTimer.stop();
    if (!m_notesDirty || m_day == 0)
        return;
    try {
        m_progressStore.setNotes(m_day, m_notes->toPlainText());
        m_notesDirty = false;
    } catch (const DatabaseError &e) {
        // The text stays in the editor and stays dirty: the next pause in typing tries again.
        showMessage(QString::fromStdString(e.what()), true);
    }
}

void LessonsPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e; font-weight: bold;")
                                   : QString());
    m_message->setVisible(!text.isEmpty());
}

QString LessonsPage::statusText() const
{
    return m_message->text();
}

} // namespace azllm::ui
