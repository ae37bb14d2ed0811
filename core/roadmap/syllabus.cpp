#include "syllabus.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>

namespace azllm {
namespace {

[[noreturn]] void fail(const QString &path, const QString &why)
{
    throw std::runtime_error(QString(path + QLatin1String(": ") + why).toStdString());
}

QString requiredText(const QJsonObject &o, const char *field, const QString &path, int day)
{
    const QString value = o.value(QLatin1String(field)).toString();
    if (value.trimmed().isEmpty())
        fail(path, QStringLiteral("day %1: field '%2' is missing or empty")
                       .arg(day)
                       .arg(QLatin1String(field)));
    return value;
}

QVector<LessonAction> readActions(const QJsonObject &o, const QString &path, int day)
{
    QVector<LessonAction> actions;
    for (const QJsonValue &v : o.value(QLatin1String("actions")).toArray()) {
        const QJsonObject a = v.toObject();
        LessonAction action{requiredText(a, "label", path, day),
                            requiredText(a, "screen", path, day),
                            a.value(QLatin1String("argument")).toString()};
        if (!Syllabus::screens().contains(action.screen))
            fail(path, QStringLiteral("day %1: action '%2' opens an unknown screen '%3'")
                           .arg(QString::number(day), action.label, action.screen));
        // The Fine-tune screen opens on a tab: chat or classify.
        if (action.screen == QLatin1String("finetune") &&
            !QStringList{QString(), QStringLiteral("chat"), QStringLiteral("classify")}.contains(
                action.argument))
            fail(path, QStringLiteral("day %1: action '%2' asks the Fine-tune screen for tab "
                                      "'%3' (chat or classify)")
                           .arg(QString::number(day), action.label, action.argument));
        actions.push_back(action);
    }
    return actions;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(path, QStringLiteral("cannot read it (%1)").arg(file.errorString()));
    return file.readAll();
}

} // namespace

QStringList Syllabus::screens()
{
    return {QStringLiteral("data"),     QStringLiteral("model"),    QStringLiteral("train"),
            QStringLiteral("chat"),     QStringLiteral("roadmap"),  QStringLiteral("lessons"),
            QStringLiteral("finetune"), QStringLiteral("knowledge")};
}

Syllabus Syllabus::load(const QString &path)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(readFile(path), &error);
    if (doc.isNull())
        fail(path, QStringLiteral("not valid JSON at offset %1 (%2)")
                       .arg(error.offset)
                       .arg(error.errorString()));
    Syllabus syllabus;
    syllabus.m_directory = QFileInfo(path).path();
    for (const QJsonValue &v : doc.object().value(QLatin1String("days")).toArray()) {
        const QJsonObject o = v.toObject();
        SyllabusDay d;
        d.day = o.value(QLatin1String("day")).toInt();
        if (d.day != int(syllabus.m_days.size()) + 1)
            fail(path,
                 QStringLiteral("days must be numbered 1, 2, 3 ... in order; found %1 after %2")
                     .arg(d.day)
                     .arg(syllabus.m_days.size()));
        d.title = requiredText(o, "title", path, d.day);
        d.summary = requiredText(o, "summary", path, d.day);
        d.screen = requiredText(o, "screen", path, d.day);
        if (!screens().contains(d.screen))
            fail(path, QStringLiteral("day %1: unknown screen '%2'")
                           .arg(QString::number(d.day), d.screen));
        d.file = o.value(QLatin1String("file")).toString();
        d.actions = readActions(o, path, d.day);
        syllabus.m_days.push_back(d);
    }
    if (syllabus.m_days.isEmpty())
        fail(path, QStringLiteral("no days listed"));
    return syllabus;
}

const SyllabusDay *Syllabus::day(int number) const
{
    return number >= 1 && number <= m_days.size() ? &m_days[number - 1] : nullptr;
}

QString Syllabus::lessonMarkdown(int number) const
{
    const SyllabusDay *d = day(number);
    if (!d)
        return {};
    if (d->file.isEmpty())
        return QStringLiteral("# %1. %2\n\n%3\n\n*%4*\n")
            .arg(QString::number(d->day), d->title, d->summary,
                 // The course's own language, like the lesson files.
                 QStringLiteral("Bu dərsin tam mətni hələ yazılmayıb; yuxarıdakı xülasə günün "
                                "mövzusunu göstərir."));
    return QString::fromUtf8(readFile(m_directory + QLatin1Char('/') + d->file));
}

} // namespace azllm
