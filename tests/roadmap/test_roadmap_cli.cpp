// `azllm roadmap` on a workspace's studio.db, as a learner types it.
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "azllm_process.h"
#include "roadmap_store.h"
#include "workspace.h"

namespace {

// The number after `word` in azllm's "word N added/created" line.
qint64 idAfter(const QString &output, const QString &word)
{
    const auto match = QRegularExpression(word + QStringLiteral(" (\\d+)")).match(output);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

} // namespace

class TestRoadmapCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList withWorkspace(QStringList args) const
    {
        return QStringList{QStringLiteral("roadmap")} + args +
               QStringList{QStringLiteral("--workspace"), m_dir.path()};
    }

private Q_SLOTS:
    void addDoneListExport()
    {
        AzllmRun r = runAzllm(withWorkspace({QStringLiteral("add"), QStringLiteral("--template"),
                                             QStringLiteral("lesson-41"), QStringLiteral("--start"),
                                             QStringLiteral("2026-11-01")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runAzllm(withWorkspace({QStringLiteral("add"), QStringLiteral("--title"),
                                    QStringLiteral("Mənim planım"), QStringLiteral("--months"),
                                    QStringLiteral("3")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const qint64 roadmap = idAfter(r.out, QStringLiteral("roadmap"));
        r = runAzllm(withWorkspace({QStringLiteral("add"), QStringLiteral("--roadmap"),
                                    QString::number(roadmap), QStringLiteral("--goal"),
                                    QStringLiteral("Dialoq modeli"), QStringLiteral("--kind"),
                                    QStringLiteral("technique")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const qint64 goal = idAfter(r.out, QStringLiteral("goal"));
        r = runAzllm(withWorkspace({QStringLiteral("add"), QStringLiteral("--goal-id"),
                                    QString::number(goal), QStringLiteral("--milestone"),
                                    QStringLiteral("Loss 3-dən aşağı"), QStringLiteral("--due"),
                                    QStringLiteral("2027-01-31"), QStringLiteral("--condition"),
                                    QStringLiteral("val_loss<=3")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const qint64 milestone = idAfter(r.out, QStringLiteral("milestone"));
        QVERIFY(milestone > 0);
        r = runAzllm(withWorkspace(
            {QStringLiteral("done"), QStringLiteral("--milestone"), QString::number(milestone)}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        r = runAzllm(withWorkspace({QStringLiteral("list")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Mənim planım")));
        QVERIFY(r.out.contains(QStringLiteral("[val_loss<=3]")));
        QVERIFY(r.out.contains(QLatin1String("News site 5")));

        {
            azllm::Workspace workspace(m_dir.path()); // the studio sees the same rows
            azllm::RoadmapStore store(workspace.database());
            QCOMPARE(store.roadmaps().size(), 2);
            QVERIFY(store.roadmap(roadmap)->milestone(milestone)->done);
        }

        const QString file = m_dir.path() + QLatin1String("/plan.md");
        r = runAzllm(withWorkspace({QStringLiteral("export"), QStringLiteral("--roadmap"),
                                    QString::number(roadmap), QStringLiteral("--out"), file}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile md(file);
        QVERIFY(md.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(md.readAll());
        QVERIFY(text.startsWith(QStringLiteral("# Mənim planım")));
        QVERIFY(text.contains(QStringLiteral("Dialoq modeli")));
    }

    void mistakesGetOneClearLine()
    {
        AzllmRun r = runAzllm(
            withWorkspace({QStringLiteral("add"), QStringLiteral("--goal-id"), QStringLiteral("1"),
                           QStringLiteral("--milestone"), QStringLiteral("x"),
                           QStringLiteral("--condition"), QStringLiteral("loss<3")}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--condition")), qPrintable(r.err));
        r = runAzllm(withWorkspace({QStringLiteral("fly")}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("unknown action")));
        r = runAzllm(withWorkspace({QStringLiteral("add"), QStringLiteral("--start"),
                                    QStringLiteral("tomorrow"), QStringLiteral("--title"),
                                    QStringLiteral("x")}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("not a date")));
    }

    // `--kind` belongs to a goal: with --title it used to make a roadmap and drop the kind.
    void anOptionOfAnotherFormIsRefusedNotIgnored()
    {
        const int before = [this] {
            azllm::Workspace workspace(m_dir.path());
            return int(azllm::RoadmapStore(workspace.database()).roadmaps().size());
        }();
        const AzllmRun r = runAzllm(
            withWorkspace({QStringLiteral("add"), QStringLiteral("--title"), QStringLiteral("T"),
                           QStringLiteral("--kind"), QStringLiteral("data")}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--kind does not go with 'add --title'")),
                 qPrintable(r.err));
        azllm::Workspace workspace(m_dir.path());
        QCOMPARE(int(azllm::RoadmapStore(workspace.database()).roadmaps().size()), before);
    }
};

QTEST_GUILESS_MAIN(TestRoadmapCli)
#include "test_roadmap_cli.moc"
