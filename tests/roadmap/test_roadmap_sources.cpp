// Data sources tick from what actually arrived: a dataset's origins (report.txt) fill in the
// documents and tokens of the roadmap source whose location they match.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "milestone_evaluator.h"
#include "roadmap_store.h"
#include "studio_database.h"

using namespace azllm;

class TestRoadmapSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void originsReadFromTheReport();
    void sourcesFilledFromDatasets();
};

void TestRoadmapSources::originsReadFromTheReport()
{
    QTemporaryDir dir;
    const QString report = dir.filePath(QStringLiteral("report.txt"));
    QFile file(report);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("documents_read: 5\norigin: xeber.example.az\t40\t12000\n"
               "origin: /data/azwiki.xml.bz2\t7\t900\nissue: x: y\n");
    file.close();
    const QVector<OriginFact> origins = datasetOrigins(report);
    QCOMPARE(origins.size(), 2);
    QCOMPARE(origins[0].origin, QStringLiteral("xeber.example.az"));
    QCOMPARE(origins[0].tokens, qint64(12000));
    WorkspaceFacts facts;
    facts.datasets.push_back({QStringLiteral("news"), 12900, origins});
    facts.datasets.push_back(
        {QStringLiteral("merged"), 99, {{QStringLiteral("xeber.example.az"), 41, 12300}}});
    const OriginFact site = arrivedFrom(QStringLiteral("https://www.Xeber.example.az/rss"), facts);
    QCOMPARE(site.documents, qint64(41)); // the larger dataset, not the sum of both
    QCOMPARE(site.tokens, qint64(12300));
    QCOMPARE(arrivedFrom(QStringLiteral("/data"), facts).documents, qint64(7));
    QCOMPARE(arrivedFrom(QStringLiteral("https://other.az"), facts).documents, qint64(0));
    QCOMPARE(arrivedFrom(QString(), facts).documents, qint64(0));
}

void TestRoadmapSources::sourcesFilledFromDatasets()
{
    QTemporaryDir dir;
    StudioDatabase db(dir.filePath(QStringLiteral("studio.db")));
    RoadmapStore store(db);
    const qint64 roadmap = store.createRoadmap(QStringLiteral("Plan"), QDate(2025, 1, 1), 6);
    const qint64 goal = store.addGoal(roadmap, GoalKind::DataSource, QStringLiteral("Xəbərlər"));
    DataSource site;
    site.name = QStringLiteral("Xəbər saytı");
    site.location = QStringLiteral("https://xeber.example.az");
    store.addSource(goal, site);
    DataSource planned;
    planned.name = QStringLiteral("Hələ yox");
    planned.location = QStringLiteral("https://gelecek.example.az");
    planned.documents = 5; // typed by hand: stays while nothing arrives
    store.addSource(goal, planned);
    WorkspaceFacts facts;
    facts.datasets.push_back(
        {QStringLiteral("news"), 12000, {{QStringLiteral("xeber.example.az"), 40, 12000}}});
    store.tickMetMilestones(facts);
    const Goal g = *store.roadmap(roadmap)->goal(goal);
    QCOMPARE(g.sources.size(), 2);
    QCOMPARE(g.sources[0].documents, qint64(40));
    QCOMPARE(g.sources[0].tokens, qint64(12000));
    QVERIFY(g.sources[0].isImported());
    QCOMPARE(g.sources[1].documents, qint64(5));
    QVERIFY(!g.sources[1].isImported());
}

QTEST_GUILESS_MAIN(TestRoadmapSources)
#include "test_roadmap_sources.moc"
