// studio.db and the workspace: migrations, damaged files, runs and metrics across restarts.
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "workspace.h"

using namespace azllm;

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }

    static QByteArray fileBytes(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void newDatabaseHasTheCurrentSchema()
    {
        StudioDatabase db(path(QStringLiteral("new.db")));
        QCOMPARE(db.schemaVersion(), StudioDatabase::currentSchemaVersion());
    }

    void olderSchemaIsMigratedKeepingItsRows()
    {
        const QString file = path(QStringLiteral("old.db"));
        {
            StudioDatabase v1(file, 1);
            QCOMPARE(v1.schemaVersion(), 1);
            QSqlQuery q(v1.connection());
            QVERIFY(
                q.exec(QStringLiteral("INSERT INTO runs (name, dir, config, created_at, updated_at)"
                                      " VALUES ('old', '/r/old', 'n_layer = 2', 'x', 'x')")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO metrics VALUES (1, 10, 3.5, 3.7, 0.001, 0.9, 100, 1)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO metrics VALUES (1, 20, 3.1, 3.2, 0.001, 0.8, 100, 2)")));
        }
        StudioDatabase migrated(file);
        QCOMPARE(migrated.schemaVersion(), StudioDatabase::currentSchemaVersion());
        RunStore runs(migrated);
        QCOMPARE(runs.runs().size(), 1);
        QCOMPARE(runs.runs().first().name, QStringLiteral("old"));
        QCOMPARE(*runs.runs().first().bestValidationLoss, 3.2); // filled in by the migration
        QCOMPARE(runs.metrics(1).size(), 2);
    }

    // Another program holding studio.db locked is not damage: the message says it is in use, the
    // file is left alone, and once the lock is gone the same call succeeds.
    void aLockedDatabaseIsReportedAsInUse()
    {
        const QString file = path(QStringLiteral("locked.db"));
        {
            StudioDatabase created(file);
        }
        const QByteArray before = fileBytes(file);
        const QString name = QStringLiteral("other-program");
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            other.setDatabaseName(file);
            QVERIFY(other.open());
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("BEGIN EXCLUSIVE")));
            try {
                StudioDatabase busy(file);
                QFAIL("opened a database another connection holds exclusively");
            } catch (const DatabaseBusyError &e) {
                const QString message = QString::fromStdString(e.what());
                QVERIFY2(message.contains(QLatin1String("in use by another program")) &&
                             message.contains(file) && !message.contains(QLatin1String("damaged")),
                         e.what());
            }
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("ROLLBACK")));
            other.close();
        }
        QSqlDatabase::removeDatabase(name);
        QCOMPARE(fileBytes(file), before);
        StudioDatabase again(file);
        QCOMPARE(again.schemaVersion(), StudioDatabase::currentSchemaVersion());
    }

    void foreignFileIsRefusedAndUntouched()
    {
        const QString file = path(QStringLiteral("notes.db"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Bu fayl verilənlər bazası deyil, sadəcə qeydlərdir.\n");
        f.close();
        const QByteArray before = fileBytes(file);
        try {
            StudioDatabase db(file);
            QFAIL("a text file was opened as a database");
        } catch (const DatabaseError &e) {
            QVERIFY2(
                QString::fromStdString(e.what()).contains(QLatin1String("not a studio database")),
                e.what());
            QVERIFY(QString::fromStdString(e.what()).contains(file));
        }
        QCOMPARE(fileBytes(file), before);
    }

    void damagedDatabaseIsRefusedAndUntouched()
    {
        const QString file = path(QStringLiteral("damaged.db"));
        {
            StudioDatabase db(file);
            RunStore runs(db);
            const qint64 id = runs.createRun(QStringLiteral("r"), QStringLiteral("/r"), {},
                                             QStringLiteral("c"), 1);
            QVector<MetricPoint> points;
            for (int step = 1; step <= 2000; ++step)
                points.push_back({step, 1.0, std::nullopt, 0.1, 0.5, 10, double(step)});
            runs.appendMetrics(id, points);
        }
        // Scribble over the middle of the file, keeping its SQLite header.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() / 2);
        f.write(QByteArray(8192, '\x5a'));
        f.close();
        const QByteArray before = fileBytes(file);
        QVERIFY_THROWS_EXCEPTION(DatabaseError, StudioDatabase{file});
        QCOMPARE(fileBytes(file), before);
    }

    void newerSchemaIsRefused()
    {
        const QString file = path(QStringLiteral("future.db"));
        {
            StudioDatabase db(file);
            QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA user_version = 99"));
        }
        QVERIFY_THROWS_EXCEPTION(DatabaseError, StudioDatabase{file});
    }

    // A schema version below 0, which no studio writes, was used as an index into the
    // migrations (found by fuzz/studio_db; UBSan: pointer overflow). Refused, file untouched.
    void negativeSchemaIsRefusedAndUntouched()
    {
        const QString file = path(QStringLiteral("negative.db"));
        {
            StudioDatabase db(file);
            QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA user_version = -5"));
        }
        const QByteArray before = fileBytes(file);
        try {
            StudioDatabase db(file);
            QFAIL("a negative schema version was accepted");
        } catch (const DatabaseError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("schema version -5")),
                     e.what());
        }
        QCOMPARE(fileBytes(file), before);
    }

    void runsAndMetricsSurviveARestart()
    {
        const QString root = path(QStringLiteral("workspace"));
        qint64 id = 0;
        {
            Workspace workspace(root);
            id = workspace.runs().createRun(
                QStringLiteral("az-tiny-1"), root + QLatin1String("/runs/az-tiny-1"),
                QStringLiteral("sample"), QStringLiteral("n_layer = 4"), 5'000'000);
            workspace.runs().appendMetrics(id, {{1, 7.5, std::nullopt, 1e-4, 1.2, 900, 0.5},
                                                {2, 7.1, 7.3, 2e-4, 1.1, 950, 1.0},
                                                {3, 6.8, std::nullopt, 3e-4, 1.0, 990, 1.5}});
            workspace.runs().setStatus(id, QStringLiteral("stopped"),
                                       QStringLiteral("stopped at step 3"));
        }
        Workspace reopened(root);
        const auto run = reopened.runs().run(id);
        QVERIFY(run.has_value());
        QCOMPARE(run->status, QStringLiteral("stopped"));
        QCOMPARE(run->params, 5'000'000);
        QCOMPARE(*run->bestValidationLoss, 7.3);
        const QVector<MetricPoint> points = reopened.runs().metrics(id);
        QCOMPARE(points.size(), 3);
        QCOMPARE(points[1].validationLoss, std::optional<double>(7.3));
        QVERIFY(!points[2].validationLoss.has_value());
        reopened.runs().truncateMetrics(id, 1);
        QCOMPARE(reopened.runs().metrics(id).size(), 1);
    }

    void newRunDirsNeverCollide()
    {
        Workspace workspace(path(QStringLiteral("dirs")));
        const QString first = workspace.newRunDir(QStringLiteral("az-tiny"));
        QVERIFY(QDir().mkpath(first));
        QVERIFY(workspace.newRunDir(QStringLiteral("az-tiny")) != first);
    }

    void seedsTheSampleDataset()
    {
        Workspace workspace(path(QStringLiteral("seeded")));
        QVERIFY(!workspace.hasSampleDataset());
        double last = -1;
        workspace.seedSampleDataset([&](double share) {
            last = share;
            return true;
        });
        QVERIFY(workspace.hasSampleDataset());
        QVERIFY(last > 0.5);
        QVERIFY(QFile::exists(workspace.datasetDir(QStringLiteral("sample")) +
                              QLatin1String("/tokenizer.model")));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
