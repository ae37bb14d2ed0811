// The course's 50 days: lessons/syllabus.json (format in lessons/README.md), embedded in the
// program as the Qt resource :/lessons so the studio finds it wherever it is installed.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace azllm {

// A "try it" button: opens a studio screen in a given state.
struct LessonAction
{
    QString label;    // the button's text, in Azerbaijani like the lessons
    QString screen;   // data, model, train, finetune, chat, roadmap, lessons
    QString argument; // a preset for "model" ("az-300m"), "lesson-41-template" for "roadmap"
};

struct SyllabusDay
{
    int day = 0;
    QString title;
    QString summary;
    QString screen; // the studio screen the day's exercise uses
    QString file;   // the lesson's Markdown, relative to the syllabus; empty: summary only
    QVector<LessonAction> actions;
};

class Syllabus
{
public:
    // The embedded course.
    static QString defaultPath() { return QStringLiteral(":/lessons/syllabus.json"); }
    // The screens an action may open.
    static QStringList screens();

    // Throws std::runtime_error naming the file and the day or field that is wrong.
    static Syllabus load(const QString &path = defaultPath());

    const QVector<SyllabusDay> &days() const { return m_days; }
    const SyllabusDay *day(int number) const;
    // The lesson's Markdown; for a day without a file, its title and summary as Markdown.
    // Throws std::runtime_error naming a listed file that cannot be read.
    QString lessonMarkdown(int number) const;

private:
    QString m_directory;
    QVector<SyllabusDay> m_days;
};

} // namespace azllm
