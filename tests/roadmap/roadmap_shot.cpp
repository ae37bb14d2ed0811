// Renders the Roadmap screen (timeline and list) and the Lessons screen on day 41 to PNG files,
// so a person can look at them:  QT_QPA_PLATFORM=offscreen roadmap_shot OUTDIR [--lang en]
// In Azerbaijani, as the studio starts, unless --lang en asks for the English source texts.
// The workspace is a temporary one: lesson 41's template started ten weeks ago (so one milestone
// is overdue), two sources collected, and a 100M run whose validation loss ticks a milestone.
#include <QApplication>
#include <QDir>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextStream>

#include <optional>

#include "azerbaijani_interface.h"
#include "lessons_page.h"
#include "roadmap_page.h"
#include "roadmap_store.h"
#include "roadmap_template.h"
#include "workspace.h"

using namespace azllm::ui;

namespace {

void seed(azllm::Workspace &workspace, const QDate &today)
{
    azllm::RoadmapStore store(workspace.database());
    const qint64 id = store.createRoadmap(azllm::lesson41Template(today.addDays(-75)));
    const azllm::Roadmap roadmap = *store.roadmap(id);
    // Two sources already collected and imported, the first listing milestone done by hand.
    azllm::DataSource first = roadmap.goals[1].sources[0];
    first.name = QStringLiteral("report.az");
    first.location = QStringLiteral("https://report.az");
    first.status = QStringLiteral("imported");
    first.documents = 12'400;
    first.tokens = 5'800'000;
    store.updateSource(first);
    azllm::DataSource second = roadmap.goals[1].sources[1];
    second.name = QStringLiteral("apa.az");
    second.location = QStringLiteral("https://apa.az");
    second.status = QStringLiteral("collected");
    store.updateSource(second);
    store.setMilestoneDone(roadmap.goals[1].milestones[0].id, true);
    const qint64 run = workspace.runs().createRun(
        QStringLiteral("az-100m-1"), workspace.runsDir() + QLatin1String("/az-100m-1"),
        QStringLiteral("news"), QStringLiteral("preset = az-100m"), 110'418'432);
    workspace.runs().appendMetrics(run, {{2000, 3.52, 3.41, 3e-4, 0.7, 9000, 3600}});
}

bool save(QWidget &widget, const QString &file)
{
    QApplication::processEvents();
    const bool ok = widget.grab().save(file);
    QTextStream(stdout) << (ok ? "wrote " : "could not write ") << file << '\n';
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool english =
        args.removeAll(QStringLiteral("--lang")) > 0 && args.removeAll(QStringLiteral("en")) > 0;
    if (args.size() != 1) {
        QTextStream(stderr) << "usage: roadmap_shot OUTDIR [--lang en]\n";
        return 2;
    }
    std::optional<AzerbaijaniInterface> azerbaijani;
    if (!english)
        azerbaijani.emplace();
    QDir().mkpath(args[0]);
    QTemporaryDir dir;
    azllm::Workspace workspace(dir.path() + QLatin1String("/workspace"));
    seed(workspace, QDate::currentDate());

    RoadmapPage roadmap(workspace);
    roadmap.resize(1280, 800);
    roadmap.show();
    roadmap.refresh();
    roadmap.showTimeline();
    bool ok = save(roadmap, args[0] + QLatin1String("/roadmap_timeline.png"));
    roadmap.showList();
    ok = save(roadmap, args[0] + QLatin1String("/roadmap_list.png")) && ok;

    LessonsPage lessons(workspace);
    lessons.resize(1280, 800);
    lessons.show();
    lessons.openDay(41);
    ok = save(lessons, args[0] + QLatin1String("/lessons_day41.png")) && ok;
    // The same lesson scrolled to the 100M/300M/700M table.
    auto *text = lessons.findChild<QTextBrowser *>(QStringLiteral("lessonText"));
    QTextCursor table = text->document()->find(QStringLiteral("Daha böyük model"));
    text->setTextCursor(table);
    text->ensureCursorVisible();
    table.clearSelection(); // the search found the heading; the picture needs no highlight
    text->setTextCursor(table);
    text->verticalScrollBar()->setValue(text->verticalScrollBar()->value() + text->height() / 2 -
                                        40);
    ok = save(lessons, args[0] + QLatin1String("/lessons_day41_table.png")) && ok;
    return ok ? 0 : 1;
}
