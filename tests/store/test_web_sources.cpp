// studio.db's web sources (schema 5): stored, listed in order, unique by location, removed, and
// still there after the database is opened again.
#include <QTemporaryDir>
#include <QtTest>

#include "studio_database.h"
#include "web_source_store.h"

using namespace azllm;

class TestWebSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storedAcrossRestarts();
    void migratesFromVersion4();
};

void TestWebSources::storedAcrossRestarts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("studio.db"));
    qint64 first = 0;
    {
        StudioDatabase db(path);
        WebSourceStore store(db);
        first = store.add({0, QStringLiteral("feed"), QStringLiteral("https://x.az/rss"),
                           QStringLiteral("CC BY 4.0")});
        store.add({0, QStringLiteral("sitemap"), QStringLiteral("https://y.az/sitemap.xml"), {}});
        QVERIFY_THROWS_EXCEPTION(
            DatabaseError,
            store.add({0, QStringLiteral("feed"), QStringLiteral("https://x.az/rss"), {}}));
        QVERIFY_THROWS_EXCEPTION(
            DatabaseError,
            store.add({0, QStringLiteral("podcast"), QStringLiteral("https://z.az"), {}}));
    }
    StudioDatabase db(path);
    WebSourceStore store(db);
    const QList<WebSource> sources = store.sources();
    QCOMPARE(sources.size(), 2);
    QCOMPARE(sources[0].licence, QStringLiteral("CC BY 4.0"));
    QCOMPARE(sources[1].kind, QStringLiteral("sitemap"));
    store.remove(first);
    QCOMPARE(store.sources().size(), 1);
}

void TestWebSources::migratesFromVersion4()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("studio.db"));
    {
        StudioDatabase old(path, 4);
    }
    StudioDatabase db(path);
    QCOMPARE(db.schemaVersion(), StudioDatabase::currentSchemaVersion());
    QVERIFY(db.schemaVersion() >= 5);
    QCOMPARE(WebSourceStore(db).sources().size(), 0);
}

QTEST_GUILESS_MAIN(TestWebSources)
#include "test_web_sources.moc"
