// The roadmap and course in studio.db: create/edit/delete with undo, migrations from an empty and
// an older schema, lesson 41's template, milestones ticked from runs and datasets, Markdown
// export, the syllabus and its actions, lesson progress, locked and damaged databases.
#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

#include "azerbaijani_interface.h"
#include "knowledge_importer.h"
#include "knowledge_store.h"
#include "lesson_progress_store.h"
#include "milestone_evaluator.h"
#include "model_config.h"
#include "model_sizing.h"
#include "roadmap_markdown.h"
#include "roadmap_store.h"
#include "roadmap_template.h"
#include "syllabus.h"
#include "workspace.h"

using namespace azllm;

namespace {

QByteArray fileBytes(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// A prepared dataset as datasetNames() and gatherFacts() see it: train.tokens and report.txt.
void fakeDataset(Workspace &workspace, const QString &name, qint64 trainTokens, qint64 valTokens)
{
    const QString dir = workspace.datasetDir(name);
    QVERIFY(QDir().mkpath(dir));
    writeFile(dir + QLatin1String("/train.tokens"), QByteArray());
    writeFile(dir + QLatin1String("/report.txt"),
              QStringLiteral("# Az-LLM corpus report, format 1\nfiles: 3\ntrain_tokens: %1\n"
                             "val_tokens: %2\nvocab_size: 8000\n")
                  .arg(trainTokens)
                  .arg(valTokens)
                  .toUtf8());
}

qint64 runWithValidationLoss(Workspace &workspace, const QString &name, qint64 params,
                             double valLoss)
{
    const qint64 id =
        workspace.runs().createRun(name, workspace.runsDir() + QLatin1Char('/') + name,
                                   QStringLiteral("sample"), QStringLiteral("n_layer = 2"), params);
    workspace.runs().appendMetrics(id, {{10, valLoss + 0.5, std::nullopt, 1e-3, 1.0, 100, 1.0},
                                        {20, valLoss + 0.2, valLoss, 1e-3, 0.9, 100, 2.0}});
    return id;
}

int countRows(const QString &file, const QString &table)
{
    int rows = -1;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && q.next())
                rows = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return rows;
}

} // namespace

class TestRoadmap : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }

private Q_SLOTS:
    void emptyDatabaseGetsTheRoadmapTables()
    {
        StudioDatabase db(path(QStringLiteral("empty.db")));
        QCOMPARE(db.schemaVersion(), StudioDatabase::currentSchemaVersion());
        RoadmapStore store(db);
        QVERIFY(store.roadmaps().isEmpty());
        QVERIFY(!store.canUndoDelete());
        LessonProgressStore lessons(db);
        QVERIFY(lessons.doneDays().isEmpty());
    }

    void olderSchemaIsMigratedKeepingItsRuns()
    {
        const QString file = path(QStringLiteral("v2.db"));
        {
            StudioDatabase v2(file, 2);
            QCOMPARE(v2.schemaVersion(), 2);
            RunStore(v2).createRun(QStringLiteral("old"), QStringLiteral("/r/old"), {},
                                   QStringLiteral("c"), 42);
            QVERIFY(!QSqlQuery(v2.connection()).exec(QStringLiteral("SELECT * FROM roadmaps")));
        }
        StudioDatabase migrated(file);
        QCOMPARE(migrated.schemaVersion(), StudioDatabase::currentSchemaVersion());
        QCOMPARE(RunStore(migrated).runs().size(), 1);
        RoadmapStore store(migrated);
        const qint64 id =
            store.createRoadmap(QStringLiteral("after migration"), QDate(2026, 12, 1), 3);
        QCOMPARE(store.roadmap(id)->title, QStringLiteral("after migration"));
    }

    void createEditDeleteAndUndo()
    {
        StudioDatabase db(path(QStringLiteral("crud.db")));
        RoadmapStore store(db);
        const qint64 r = store.createRoadmap(QStringLiteral("Plan"), QDate(2026, 12, 1), 9);
        QCOMPARE(store.roadmap(r)->horizonMonths, 6); // clamped to the course's 3-6 months
        const qint64 g =
            store.addGoal(r, GoalKind::Technique, QStringLiteral("RAG"), QStringLiteral("laws"));
        const qint64 m = store.addMilestone(g, QStringLiteral("Index the laws"), QDate(2027, 2, 1));
        DataSource source;
        source.name = QStringLiteral("e-qanun");
        const qint64 s = store.addSource(g, source);

        Goal goal = *store.roadmap(r)->goal(g);
        goal.title = QStringLiteral("RAG over the laws");
        goal.status = QStringLiteral("active");
        store.updateGoal(goal);
        Milestone milestone = *store.roadmap(r)->milestone(m);
        milestone.due = QDate(2027, 3, 1);
        milestone.condition = {ConditionKind::KnowledgeBaseDocumentsAtLeast, 500};
        store.updateMilestone(milestone);
        store.updateRoadmap(r, QStringLiteral("Plan B"), QDate(2026, 12, 2), 4);

        Roadmap read = *store.roadmap(r);
        QCOMPARE(read.title, QStringLiteral("Plan B"));
        QCOMPARE(read.end(), QDate(2027, 4, 2));
        QCOMPARE(read.goals.size(), 1);
        QCOMPARE(read.goals[0].title, QStringLiteral("RAG over the laws"));
        QCOMPARE(read.goals[0].status, QStringLiteral("active"));
        QCOMPARE(read.goals[0].milestones[0].due, QDate(2027, 3, 1));
        QCOMPARE(read.goals[0].milestones[0].condition.threshold, 500.0);
        QCOMPARE(read.goals[0].sources[0].id, s);

        store.setMilestoneDone(m, true);
        QVERIFY(store.roadmap(r)->milestone(m)->done);
        QCOMPARE(store.roadmap(r)->goals[0].progress(),
                 0.5); // 1 of 2 items (the source is planned)

        store.deleteMilestone(m);
        store.deleteGoal(g);
        QVERIFY(store.roadmap(r)->goals.isEmpty());
        QVERIFY(store.undoDelete()); // the goal comes back, the milestone is still deleted
        QCOMPARE(store.roadmap(r)->goals.size(), 1);
        QVERIFY(store.roadmap(r)->goals[0].milestones.isEmpty());
        QVERIFY(store.undoDelete());
        QCOMPARE(store.roadmap(r)->goals[0].milestones.size(), 1);
        QVERIFY(!store.undoDelete());

        store.deleteRoadmap(r);
        QVERIFY(store.roadmaps().isEmpty());
        QVERIFY(store.canUndoDelete());
        QVERIFY(store.undoDelete());
        QCOMPARE(store.roadmaps().size(), 1);
    }

    void roadmapSurvivesARestart()
    {
        const QString root = path(QStringLiteral("restart"));
        {
            Workspace workspace(root);
            RoadmapStore(workspace.database()).createRoadmap(lesson41Template(QDate(2026, 11, 1)));
            RoadmapStore(workspace.database()).deleteRoadmap(1);
        }
        Workspace reopened(root);
        RoadmapStore store(reopened.database());
        QVERIFY(store.roadmaps().isEmpty());
        QVERIFY(store.undoDelete()); // undo survives the restart too
        QCOMPARE(store.roadmaps().size(), 1);
        QCOMPARE(store.roadmaps()[0].goals.size(), 3);
    }

    void lesson41TemplateHasTheThreeParts()
    {
        StudioDatabase db(path(QStringLiteral("template.db")));
        RoadmapStore store(db);
        const QDate start(2026, 11, 26);
        const Roadmap r = *store.roadmap(store.createRoadmap(lesson41Template(start)));
        QCOMPARE(r.horizonMonths, 6);
        QCOMPARE(r.start, start);
        QCOMPARE(r.goals.size(), 3);
        QCOMPARE(r.goals[0].kind, GoalKind::NextTarget);
        QVERIFY(r.goals[0].title.contains(QLatin1String("300M")));
        QVERIFY(r.goals[0].description.contains(QLatin1String("336.1M")));
        QCOMPARE(r.goals[1].kind, GoalKind::DataSource);
        QCOMPARE(r.goals[1].sources.size(), 5);
        for (const DataSource &s : r.goals[1].sources) {
            QCOMPARE(s.kind, QStringLiteral("news site"));
            QCOMPARE(s.status, QStringLiteral("planned"));
        }
        QCOMPARE(r.goals[2].kind, GoalKind::Technique);
        QVERIFY(r.goals[2].title.contains(QLatin1String("RAG")));
        QVERIFY(r.goals[2].title.contains(QLatin1String("laws")));
        bool measurable = false;
        for (const Goal &g : r.goals)
            for (const Milestone &m : g.milestones) {
                QVERIFY2(m.due >= start && m.due <= r.end(), qPrintable(m.title));
                measurable = measurable || m.condition.isMeasurable();
            }
        QVERIFY(measurable);
        QCOMPARE(r.progress(), 0.0);
    }

    // The studio is Azerbaijani by default, so lesson 41's plan must be too: every title,
    // description, milestone and source of it, and the measured milestones' conditions.
    void lesson41TemplateReadsInAzerbaijani()
    {
        const QDate start(2026, 11, 26);
        const Roadmap english = lesson41Template(start);
        const AzerbaijaniInterface az;
        QVERIFY(az.loaded());
        const Roadmap r = lesson41Template(start);
        QCOMPARE(r.title, QStringLiteral("Az-LLM ilə növbəti altı ayım"));
        QCOMPARE(r.goals.size(), english.goals.size());
        for (qsizetype g = 0; g < r.goals.size(); ++g) {
            const Goal &goal = r.goals[g];
            const Goal &source = english.goals[g];
            QVERIFY2(goal.title != source.title, qPrintable(goal.title));
            QVERIFY2(goal.description != source.description, qPrintable(goal.description));
            QCOMPARE(goal.milestones.size(), source.milestones.size());
            for (qsizetype m = 0; m < goal.milestones.size(); ++m)
                QVERIFY2(goal.milestones[m].title != source.milestones[m].title,
                         qPrintable(goal.milestones[m].title));
            for (qsizetype i = 0; i < goal.sources.size(); ++i)
                QVERIFY2(goal.sources[i].name != source.sources[i].name,
                         qPrintable(goal.sources[i].name));
        }
        QCOMPARE(describeCondition({ConditionKind::ValidationLossAtMost, 3.5}),
                 QStringLiteral("validasiya itkisi ≤ 3,5"));
    }

    void runsTickValidationLossMilestonesOnlyWhenReached()
    {
        Workspace workspace(path(QStringLiteral("ticks")));
        RoadmapStore store(workspace.database());
        const qint64 r = store.createRoadmap(QStringLiteral("Loss"), QDate(2026, 11, 1), 3);
        const qint64 g = store.addGoal(r, GoalKind::NextTarget, QStringLiteral("Better model"));
        const qint64 m = store.addMilestone(g, QStringLiteral("loss under 3"), QDate(2026, 12, 1),
                                            {ConditionKind::ValidationLossAtMost, 3.0});
        const qint64 big = store.addMilestone(g, QStringLiteral("300M run"), QDate(2027, 1, 1),
                                              {ConditionKind::ParametersAtLeast, 300e6});

        runWithValidationLoss(workspace, QStringLiteral("az-tiny-1"), 5'000'000, 3.4);
        QVERIFY(store.tickMetMilestones(gatherFacts(workspace)).isEmpty());
        // A copy: roadmap() returns a temporary, and a pointer into it would dangle (ASan).
        const Milestone open = *store.roadmap(r)->milestone(m);
        QVERIFY(!open.done);
        QVERIFY2(open.note.contains(QLatin1String("3.400")), qPrintable(open.note));
        QVERIFY(open.note.contains(QLatin1String("az-tiny-1")));

        runWithValidationLoss(workspace, QStringLiteral("az-mini-1"), 20'000'000, 2.95);
        QCOMPARE(store.tickMetMilestones(gatherFacts(workspace)), QVector<qint64>{m});
        const Milestone met = *store.roadmap(r)->milestone(m);
        QVERIFY(met.done);
        QCOMPARE(met.metBy, QStringLiteral("run:az-mini-1"));
        QVERIFY(met.metAt.isValid());
        QVERIFY(!store.roadmap(r)->milestone(big)->done);

        runWithValidationLoss(workspace, QStringLiteral("az-300m-1"), 336'128'000, 4.0);
        QCOMPARE(store.tickMetMilestones(gatherFacts(workspace)), QVector<qint64>{big});
        QCOMPARE(store.roadmap(r)->milestone(big)->metBy, QStringLiteral("run:az-300m-1"));
        QCOMPARE(store.roadmap(r)->milestone(m)->metBy, QStringLiteral("run:az-mini-1")); // kept
    }

    void datasetsTickCorpusMilestones()
    {
        Workspace workspace(path(QStringLiteral("corpus")));
        RoadmapStore store(workspace.database());
        const qint64 r = store.createRoadmap(QStringLiteral("Data"), QDate(2026, 11, 1), 3);
        const qint64 g = store.addGoal(r, GoalKind::DataSource, QStringLiteral("News"));
        const qint64 million =
            store.addMilestone(g, QStringLiteral("1M tokens"), QDate(2026, 12, 1),
                               {ConditionKind::CorpusTokensAtLeast, 1e6});
        const qint64 two = store.addMilestone(g, QStringLiteral("2M tokens"), QDate(2027, 1, 1),
                                              {ConditionKind::CorpusTokensAtLeast, 2e6});
        const qint64 kb = store.addMilestone(g, QStringLiteral("laws base"), QDate(2027, 1, 1),
                                             {ConditionKind::KnowledgeBaseDocumentsAtLeast, 10});
        const qint64 cls = store.addMilestone(g, QStringLiteral("classifier"), QDate(2027, 1, 1),
                                              {ConditionKind::ClassifierAccuracyAtLeast, 0.9});
        fakeDataset(workspace, QStringLiteral("news"), 900'000, 100'000);
        fakeDataset(workspace, QStringLiteral("small"), 1'000, 10);
        QCOMPARE(datasetTokens(workspace.datasetDir(QStringLiteral("news")) +
                               QLatin1String("/report.txt")),
                 1'000'000);
        QCOMPARE(store.tickMetMilestones(gatherFacts(workspace)), QVector<qint64>{million});
        const Roadmap read = *store.roadmap(r);
        QCOMPARE(read.milestone(million)->metBy, QStringLiteral("dataset:news"));
        QVERIFY(!read.milestone(two)->done);
        QVERIFY(!read.milestone(kb)->done);
        QVERIFY2(read.milestone(kb)->note.contains(QLatin1String("no knowledge base yet")),
                 qPrintable(read.milestone(kb)->note));
        QVERIFY(!read.milestone(cls)->done);
        QVERIFY2(read.milestone(cls)->note.contains(QLatin1String("no classifier")),
                 qPrintable(read.milestone(cls)->note));
    }

    // Tuned runs measure answers or labels, not pretraining: an SFT run with a low loss ticks no
    // loss milestone and its (base's) size no parameter milestone; a classifier's best
    // validation accuracy ticks classifier_accuracy.
    void tunedRunsTickOnlyTheirOwnMilestones()
    {
        Workspace workspace(path(QStringLiteral("tuned")));
        RoadmapStore store(workspace.database());
        const qint64 r = store.createRoadmap(QStringLiteral("Tuning"), QDate(2026, 11, 1), 3);
        const qint64 g = store.addGoal(r, GoalKind::Technique, QStringLiteral("Fine-tuning"));
        const qint64 loss =
            store.addMilestone(g, QStringLiteral("loss under 3"), QDate(2026, 12, 1),
                               {ConditionKind::ValidationLossAtMost, 3.0});
        const qint64 size = store.addMilestone(g, QStringLiteral("1M run"), QDate(2026, 12, 1),
                                               {ConditionKind::ParametersAtLeast, 1e6});
        const qint64 cls = store.addMilestone(g, QStringLiteral("news"), QDate(2027, 1, 1),
                                              {ConditionKind::ClassifierAccuracyAtLeast, 0.8});
        RunStore &runs = workspace.runs();
        const qint64 sft =
            runs.createRun(QStringLiteral("sft-1"), path(QStringLiteral("sft-1")), {},
                           QStringLiteral("kind = sft"), 5'000'000, QStringLiteral("sft"));
        runs.appendMetrics(sft, {{20, 1.2, 1.1, 1e-3, 0.9, 100, 2.0}});
        const qint64 classify = runs.createRun(
            QStringLiteral("news-1"), path(QStringLiteral("news-1")), {},
            QStringLiteral("kind = classify"), 5'000'000, QStringLiteral("classify"));
        runs.recordAccuracy(classify, 0.7);
        QVERIFY(store.tickMetMilestones(gatherFacts(workspace)).isEmpty());
        QCOMPARE(runs.run(sft)->kind, QStringLiteral("sft"));
        QVERIFY2(store.roadmap(r)->milestone(cls)->note.contains(QLatin1String("70.0")),
                 qPrintable(store.roadmap(r)->milestone(cls)->note));

        runs.recordAccuracy(classify, 0.85);
        runs.recordAccuracy(classify, 0.6); // the best is kept
        QCOMPARE(*runs.run(classify)->bestAccuracy, 0.85);
        QCOMPARE(store.tickMetMilestones(gatherFacts(workspace)), QVector<qint64>{cls});
        QCOMPARE(store.roadmap(r)->milestone(cls)->metBy, QStringLiteral("run:news-1"));
        QVERIFY(!store.roadmap(r)->milestone(loss)->done);
        QVERIFY(!store.roadmap(r)->milestone(size)->done);
    }

    void knowledgeBasesTickTheirMilestones()
    {
        Workspace workspace(path(QStringLiteral("kb")));
        RoadmapStore store(workspace.database());
        const qint64 r = store.createRoadmap(QStringLiteral("RAG"), QDate(2026, 11, 1), 3);
        const qint64 g = store.addGoal(r, GoalKind::Technique, QStringLiteral("Laws"));
        const qint64 three = store.addMilestone(g, QStringLiteral("3 laws"), QDate(2026, 12, 1),
                                                {ConditionKind::KnowledgeBaseDocumentsAtLeast, 3});
        const qint64 ten = store.addMilestone(g, QStringLiteral("10 laws"), QDate(2027, 1, 1),
                                              {ConditionKind::KnowledgeBaseDocumentsAtLeast, 10});
        KnowledgeStore knowledge(workspace.database());
        const qint64 base = knowledge.createBase(QStringLiteral("qanunlar"));
        QDir().mkpath(path(QStringLiteral("laws")));
        for (int i = 1; i <= 4; ++i) {
            QFile file(path(QStringLiteral("laws/qanun-%1.md").arg(i)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("Maddə 1. Qayda %1\nBu qanun %1-ci qaydanı müəyyən edir.\n")
                           .arg(i)
                           .toUtf8());
        }
        QCOMPARE(KnowledgeImporter(knowledge, base).import({path(QStringLiteral("laws"))}).added,
                 4);
        QCOMPARE(store.tickMetMilestones(gatherFacts(workspace)), QVector<qint64>{three});
        const Roadmap read = *store.roadmap(r);
        QCOMPARE(read.milestone(three)->metBy, QStringLiteral("kb:qanunlar"));
        QCOMPARE(describeMetBy(read.milestone(three)->metBy),
                 QStringLiteral("knowledge base “qanunlar”"));
        QVERIFY(!read.milestone(ten)->done);
        QVERIFY2(read.milestone(ten)->note.contains(QLatin1String("largest so far 4 documents")),
                 qPrintable(read.milestone(ten)->note));
    }

    void conditionsRoundTripAsText()
    {
        for (const QString &text :
             {QStringLiteral("val_loss<=3.5"), QStringLiteral("params>=300000000"),
              QStringLiteral("corpus_tokens>=1000000000"), QStringLiteral("kb_documents>=1000"),
              QStringLiteral("classifier_accuracy>=0.9")}) {
            const auto parsed = MilestoneCondition::fromText(text);
            QVERIFY2(parsed && parsed->isMeasurable(), qPrintable(text));
            QCOMPARE(parsed->toText(), text);
        }
        QVERIFY(!MilestoneCondition::fromText(QStringLiteral("val_loss>=3")).has_value());
        QVERIFY(!MilestoneCondition::fromText(QStringLiteral("params>=many")).has_value());
        QVERIFY(!MilestoneCondition::fromText(QString())->isMeasurable());
    }

    void exportsMarkdownAtomically()
    {
        StudioDatabase db(path(QStringLiteral("export.db")));
        RoadmapStore store(db);
        const QDate start(2026, 11, 1);
        const qint64 id = store.createRoadmap(lesson41Template(start));
        const Roadmap r = *store.roadmap(id);
        store.setMilestoneDone(r.goals[1].milestones[0].id, true);
        const QString file = path(QStringLiteral("roadmap.md"));
        exportRoadmapMarkdown(*store.roadmap(id), file, QDate(2027, 1, 15));
        const QString md = QString::fromUtf8(fileBytes(file));
        QVERIFY(md.startsWith(QLatin1String("# ") + r.title));
        QVERIFY(md.contains(QLatin1String("## Next target: ")));
        QVERIFY(md.contains(QLatin1String("## Data source: ")));
        QVERIFY(md.contains(QLatin1String("## Technique: ")));
        QVERIFY(md.contains(QLatin1String("| News site 5 |")));
        QVERIFY(
            md.contains(QLatin1String("**overdue**"))); // the first 100M-loss milestone is past due
        QVERIFY(md.contains(QLatin1String("| done |")));

        // A write that cannot happen leaves the existing export as it was.
        const QByteArray before = fileBytes(file);
        QVERIFY_THROWS_EXCEPTION(
            std::runtime_error,
            exportRoadmapMarkdown(r, path(QStringLiteral("missing/dir/x.md")), start));
        QCOMPARE(fileBytes(file), before);
    }

    void syllabusHasFiftyDaysAndValidActions()
    {
        const Syllabus syllabus = Syllabus::load();
        QCOMPARE(syllabus.days().size(), 50);
        QStringList presets;
        for (const ModelPreset &p : modelPresets())
            presets << QString::fromStdString(p.name);
        for (const SyllabusDay &d : syllabus.days()) {
            QVERIFY2(Syllabus::screens().contains(d.screen), qPrintable(d.title));
            QVERIFY2(d.summary.size() > 80,
                     qPrintable(QStringLiteral("day %1 summary is too short").arg(d.day)));
            const QString markdown = syllabus.lessonMarkdown(d.day);
            QVERIFY2(markdown.startsWith(QLatin1String("# ")), qPrintable(QString::number(d.day)));
            for (const LessonAction &a : d.actions) {
                const QString where = QStringLiteral("day %1 action '%2'").arg(d.day).arg(a.label);
                QVERIFY2(Syllabus::screens().contains(a.screen), qPrintable(where));
                if (a.screen == QLatin1String("model"))
                    QVERIFY2(presets.contains(a.argument),
                             qPrintable(where + QLatin1String(": no such preset")));
                else if (a.screen == QLatin1String("roadmap"))
                    QVERIFY2(a.argument.isEmpty() ||
                                 a.argument == QLatin1String(kLesson41TemplateKey),
                             qPrintable(where));
                else if (a.screen == QLatin1String("finetune")) // the tab to open
                    QVERIFY2(a.argument == QLatin1String("chat") ||
                                 a.argument == QLatin1String("classify"),
                             qPrintable(where + QLatin1String(": no such tab")));
                else if (a.screen == QLatin1String("chat"))
                    QVERIFY2(a.argument.isEmpty() || a.argument == QLatin1String("knowledge"),
                             qPrintable(where + QLatin1String(": chat takes \"knowledge\"")));
                else if (a.screen == QLatin1String("knowledge"))
                    QVERIFY2(!a.argument.contains(QLatin1Char(' ')),
                             qPrintable(where + QLatin1String(": a base's name")));
                else
                    QVERIFY2(a.argument.isEmpty(),
                             qPrintable(where + QLatin1String(": unexpected argument")));
            }
        }
        const SyllabusDay *day41 = syllabus.day(41);
        QVERIFY(day41->title.contains(QStringLiteral("LLM-lərin gələcəyi")));
        QCOMPARE(day41->actions.size(), 2);
        QCOMPARE(day41->actions[0].screen, QStringLiteral("model"));
        QCOMPARE(day41->actions[0].argument, QStringLiteral("az-300m"));
        QCOMPARE(day41->actions[1].screen, QStringLiteral("roadmap"));
        QCOMPARE(day41->actions[1].argument, QString::fromLatin1(kLesson41TemplateKey));
    }

    void lesson41QuotesTheEnginesParameterCounts()
    {
        const QString text = Syllabus::load().lessonMarkdown(41);
        const QLocale azerbaijani(QLocale::Azerbaijani); // the lesson's decimal comma: 110,4M
        for (const char *name : {"az-100m", "az-300m", "az-700m"}) {
            const double millions = double(countParameters(presetConfig(name)).total()) / 1e6;
            const QString figure = azerbaijani.toString(millions, 'f', 1) + QLatin1Char('M');
            QVERIFY2(text.contains(figure),
                     qPrintable(QLatin1String(name) + QLatin1String(" ") + figure));
        }
        for (const char *topic :
             {"Multimodallıq", "Agentlər", "kvantlaşdırma", "RAG", "yol xəritə"})
            QVERIFY2(text.contains(QString::fromUtf8(topic), Qt::CaseInsensitive), topic);
    }

    void brokenSyllabusNamesTheFileAndDay()
    {
        const QString file = path(QStringLiteral("syllabus.json"));
        writeFile(file,
                  R"({"days": [{"day": 1, "title": "Bir", "summary": "x", "screen": "kitchen"}]})");
        try {
            Syllabus::load(file);
            QFAIL("an unknown screen was accepted");
        } catch (const std::runtime_error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(file), e.what());
            QVERIFY(QString::fromUtf8(e.what()).contains(QLatin1String("kitchen")));
        }
    }

    void lessonProgressAndNotesPersist()
    {
        const QString file = path(QStringLiteral("progress.db"));
        {
            StudioDatabase db(file);
            LessonProgressStore lessons(db);
            lessons.setDone(3, true);
            lessons.setDone(41, true);
            lessons.setDone(3, false);
            lessons.setNotes(41, QStringLiteral("300M üçün GPU icarəsini soruşmaq"));
        }
        StudioDatabase db(file);
        LessonProgressStore lessons(db);
        QCOMPARE(lessons.doneDays(), QSet<int>{41});
        QCOMPARE(lessons.notes(41), QStringLiteral("300M üçün GPU icarəsini soruşmaq"));
        QVERIFY(lessons.notes(5).isEmpty());
    }

    void lockedDatabaseSaysSoAndLosesNothing()
    {
        const QString file = path(QStringLiteral("locked.db"));
        StudioDatabase db(file);
        RoadmapStore store(db);
        store.createRoadmap(lesson41Template(QDate(2026, 11, 1)));
        const QString locker = QStringLiteral("locker");
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), locker);
            other.setDatabaseName(file);
            QVERIFY(other.open());
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("BEGIN EXCLUSIVE")));
            try {
                store.createRoadmap(lesson41Template(QDate(2026, 12, 1)));
                QFAIL("a locked database accepted a write");
            } catch (const DatabaseError &e) {
                const QString message = QString::fromStdString(e.what());
                QVERIFY2(message.contains(QLatin1String("locked")), e.what());
                QVERIFY2(message.contains(file), e.what());
                QVERIFY2(message.contains(QLatin1String("nothing was lost")), e.what());
            }
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("ROLLBACK")));
            other.close();
        }
        QSqlDatabase::removeDatabase(locker);
        const QVector<Roadmap> after = store.roadmaps();
        QCOMPARE(after.size(), 1); // the old roadmap whole, no half-written new one
        QCOMPARE(after[0].goals.size(), 3);
        QCOMPARE(countRows(file, QStringLiteral("goals")), 3);
    }

    void damagedDatabaseIsRefusedUntouched()
    {
        const QString root = path(QStringLiteral("damaged"));
        {
            Workspace workspace(root);
            RoadmapStore store(workspace.database());
            const qint64 r = store.createRoadmap(lesson41Template(QDate(2026, 11, 1)));
            const qint64 g = store.addGoal(r, GoalKind::Technique, QStringLiteral("many"));
            for (int i = 0; i < 600; ++i)
                store.addMilestone(
                    g, QStringLiteral("milestone %1 with a longer title to fill pages").arg(i),
                    QDate(2026, 12, 1));
        }
        const QString file = root + QLatin1String("/studio.db");
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() / 2);
        f.write(QByteArray(8192, '\x5a'));
        f.close();
        const QByteArray before = fileBytes(file);
        try {
            Workspace broken(root);
            QFAIL("a damaged studio.db was opened");
        } catch (const DatabaseError &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(file), e.what());
            QVERIFY2(QString::fromStdString(e.what()).contains(QLatin1String("damaged")), e.what());
        }
        QCOMPARE(fileBytes(file), before);
    }
};

QTEST_GUILESS_MAIN(TestRoadmap)
#include "test_roadmap.moc"
