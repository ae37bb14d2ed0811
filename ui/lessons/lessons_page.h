// The Lessons screen: the 50-day syllabus with done marks, the selected lesson rendered from its
// Markdown, "try it" buttons that open the screen the lesson uses, and the learner's progress and
// notes, kept in studio.db.
#pragma once

#include <QTimer>
#include <QWidget>

#include "lesson_progress_store.h"
#include "syllabus.h"

class QCheckBox;
class QHBoxLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QTextBrowser;

namespace azllm {
class Workspace;
}

namespace azllm::ui {
class LessonsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LessonsPage)

public:
    // Reads the embedded syllabus (Syllabus::defaultPath()) unless another path is given.
    explicit LessonsPage(azllm::Workspace &workspace, QWidget *parent = nullptr,
                         const QString &syllabusPath = azllm::Syllabus::defaultPath());
    ~LessonsPage() override;

    void openDay(int day);
    // "41" or "day-41": what another screen passes to open a lesson.
    void openArgument(const QString &argument);
    int currentDay() const { return m_day; }
    const azllm::Syllabus &syllabus() const { return m_syllabus; }
    // The message line, for tests: errors name the file.
    QString statusText() const;
    // The "try it" buttons of the open lesson, in order.
    QStringList actionLabels() const;
    // Presses the open lesson's action number `index` (what its button does).
    void triggerAction(int index);
    // Saves notes typed but not saved yet (also done on a short timer and when leaving a day).
    void saveNotes();

Q_SIGNALS:
    // A "try it" action: screen is data, model, train, chat, roadmap or lessons; argument a
    // preset ("az-300m"), "lesson-41-template" or empty.
    void openScreenRequested(const QString &screen, const QString &argument);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showDayTitle(const azllm::SyllabusDay &day);
    void translateActions(const azllm::SyllabusDay &day);
    QWidget *buildSyllabusColumn();
    QWidget *buildLessonColumn();
    void fillSyllabus();
    void updateProgress();
    void showActions(const azllm::SyllabusDay &day);
    void showMessage(const QString &text, bool error);
    void handleDoneToggled(bool done);
    void handleNotesEdited();

    azllm::Workspace &m_workspace;
    azllm::LessonProgressStore m_progressStore;
    azllm::Syllabus m_syllabus;
    QSet<int> m_done;
    int m_day = 0;
    bool m_notesDirty = false;
    QTimer m_notesTimer;

    QListWidget *m_days = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QLabel *m_title = nullptr;
    QTextBrowser *m_lesson = nullptr;
    QWidget *m_actionsBox = nullptr;
    QHBoxLayout *m_actionsRow = nullptr;
    QCheckBox *m_doneBox = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace azllm::ui
