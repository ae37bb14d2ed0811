// Training runs and their metrics in studio.db, so the dashboard's history survives restarts.
#pragma once

#include <QDateTime>
#include <QString>
#include <QVector>

#include <optional>

#include "studio_database.h"

namespace azllm {

struct RunRecord
{
    qint64 id = 0;
    QString name;
    QString dir;     // the run folder: checkpoints and config.txt
    QString dataset; // dataset name in the workspace
    QString config;  // the RunConfig text (config_io.h)
    QString status;  // created, running, paused, stopped, finished, diverged, failed
    QString message; // why it ended
    qint64 params = 0;
    std::optional<double> bestValidationLoss;
    QString kind = QStringLiteral("pretrain"); // pretrain, sft or classify (schema version 5)
    std::optional<double> bestAccuracy;        // classify: the best validation accuracy
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct MetricPoint
{
    qint64 step = 0;
    double loss = 0;
    std::optional<double> validationLoss;
    double learningRate = 0;
    double gradNorm = 0;
    double tokensPerSecond = 0;
    double elapsedSeconds = 0;
};

class RunStore
{
public:
    explicit RunStore(StudioDatabase &database) : m_database(database) {}

    // Throws DatabaseError with the SQLite message on failure.
    qint64 createRun(const QString &name, const QString &dir, const QString &dataset,
                     const QString &config, qint64 params,
                     const QString &kind = QStringLiteral("pretrain"));
    // All points in one transaction; a step already stored (a resumed run repeats none, but a
    // run resumed from an earlier checkpoint does) is replaced.
    void appendMetrics(qint64 runId, const QVector<MetricPoint> &points);
    // Drops the metrics after `step`: resuming from an earlier checkpoint rewrites that future.
    void truncateMetrics(qint64 runId, qint64 step);
    void setStatus(qint64 runId, const QString &status, const QString &message = {});
    // A classifier's validation accuracy; the run keeps the best it reached.
    void recordAccuracy(qint64 runId, double accuracy);

    QVector<RunRecord> runs() const; // newest first
    std::optional<RunRecord> run(qint64 runId) const;
    std::optional<RunRecord> runByDir(const QString &dir) const;
    QVector<MetricPoint> metrics(qint64 runId) const;
    void deleteRun(qint64 runId);

private:
    StudioDatabase &m_database;
};

} // namespace azllm
