#include "run_store.h"

#include <QSqlQuery>
#include <QVariant>

#include "sql_transaction.h"
#include "sql_values.h"

namespace azllm {

using sql::execute;
using sql::now;
using sql::nullable;
using sql::optionalDouble;
using sql::text;

namespace {

RunRecord readRun(const QSqlQuery &q)
{
    RunRecord r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.dir = q.value(2).toString();
    r.dataset = q.value(3).toString();
    r.config = q.value(4).toString();
    r.status = q.value(5).toString();
    r.message = q.value(6).toString();
    r.params = q.value(7).toLongLong();
    r.bestValidationLoss = optionalDouble(q.value(8));
    r.createdAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
    r.updatedAt = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    r.kind = q.value(11).toString();
    r.bestAccuracy = optionalDouble(q.value(12));
    return r;
}

const char *kRunColumns = "SELECT id, name, dir, dataset, config, status, message, params, "
                          "best_val_loss, created_at, updated_at, kind, best_accuracy FROM runs ";

} // namespace

qint64 RunStore::createRun(const QString &name, const QString &dir, const QString &dataset,
                           const QString &config, qint64 params, const QString &kind)
{
    // A pretraining run leaves kind to the column's default, so a database of an older schema
    // (before version 6, which has no kind) still takes it.
    const bool pretrain = kind == QLatin1String("pretrain");
    QSqlQuery q(m_database.connection());
    q.prepare(pretrain ? QStringLiteral("INSERT INTO runs (name, dir, dataset, config, params,"
                                        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                       : QStringLiteral("INSERT INTO runs (name, dir, dataset, config, params,"
                                        " created_at, updated_at, kind)"
                                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString stamp = now();
    for (const QVariant &v : {text(name), text(dir), text(dataset), text(config), QVariant(params),
                              QVariant(stamp), QVariant(stamp)})
        q.addBindValue(v);
    if (!pretrain)
        q.addBindValue(text(kind));
    execute(q);
    return q.lastInsertId().toLongLong();
}

void RunStore::appendMetrics(qint64 runId, const QVector<MetricPoint> &points)
{
    if (points.isEmpty())
        return;
    SqlTransaction transaction(m_database.connection());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO metrics (run_id, step, loss, val_loss, lr, grad_norm,"
        " tokens_per_s, elapsed_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const MetricPoint &p : points) {
        for (const QVariant &v :
             {QVariant(runId), QVariant(p.step), QVariant(p.loss), nullable(p.validationLoss),
              QVariant(p.learningRate), QVariant(p.gradNorm), QVariant(p.tokensPerSecond),
              QVariant(p.elapsedSeconds)})
            q.addBindValue(v);
        execute(q);
    }
    QSqlQuery best(m_database.connection());
    best.prepare(
        QStringLiteral("UPDATE runs SET updated_at = ?, best_val_loss ="
                       " (SELECT MIN(val_loss) FROM metrics WHERE run_id = ?) WHERE id = ?"));
    best.addBindValue(now());
    best.addBindValue(runId);
    best.addBindValue(runId);
    execute(best);
    transaction.commit();
}

void RunStore::truncateMetrics(qint64 runId, qint64 step)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM metrics WHERE run_id = ? AND step > ?"));
    q.addBindValue(runId);
    q.addBindValue(step);
    execute(q);
}

void RunStore::setStatus(qint64 runId, const QString &status, const QString &message)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("UPDATE runs SET status = ?, message = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(text(status));
    q.addBindValue(text(message));
    q.addBindValue(now());
    q.addBindValue(runId);
    execute(q);
}

void RunStore::recordAccuracy(qint64 runId, double accuracy)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE runs SET best_accuracy = MAX(COALESCE(best_accuracy, 0), ?),"
                             " updated_at = ? WHERE id = ?"));
    q.addBindValue(accuracy);
    q.addBindValue(now());
    q.addBindValue(runId);
    execute(q);
}

QVector<RunRecord> RunStore::runs() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QLatin1String(kRunColumns) + QLatin1String("ORDER BY id DESC"));
    execute(q);
    QVector<RunRecord> all;
    while (q.next())
        all.push_back(readRun(q));
    return all;
}

std::optional<RunRecord> RunStore::run(qint64 runId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QLatin1String(kRunColumns) + QLatin1String("WHERE id = ?"));
    q.addBindValue(runId);
    azllm::execute(q);
    return q.next() ? std::optional<RunRecord>(readRun(q)) : std::nullopt;
}

std::optional<RunRecord> RunStore::runByDir(const QString &dir) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QLatin1String(kRunColumns) + QLatin1String("WHERE dir = ?"));
    q.addBindValue(dir);
    azllm::execute(q);
    return q.next() ? std::optional<RunRecord>(readRun(q)) : std::nullopt;
}

QVector<MetricPoint> RunStore::metrics(qint64 runId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "SELECT step, loss, val_loss, lr, grad_norm, tokens_per_s, elapsed_s FROM metrics"
        " WHERE run_id = ? ORDER BY step"));
    q.addBindValue(runId);
    azllm::execute(q);
    QVector<MetricPoint> points;
    while (q.next())
        points.push_back({q.value(0).toLongLong(), q.value(1).toDouble(),
                          optionalDouble(q.value(2)), q.value(3).toDouble(), q.value(4).toDouble(),
                          q.value(5).toDouble(), q.value(6).toDouble()});
    return points;
}

void RunStore::deleteRun(qint64 runId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?"));
    q.addBindValue(runId);
    azllm::execute(q);
}

} // namespace azllm
