// Measurable milestones: what the workspace has reached (runs, datasets), and whether a
// milestone's condition holds, with the run or dataset that met it.
#pragma once

#include <QString>
#include <QVector>

#include <optional>

#include "roadmap_types.h"

namespace azllm {

class Workspace;

struct RunFact
{
    QString name;
    qint64 parameters = 0;
    std::optional<double> bestValidationLoss;
    QString kind = QStringLiteral("pretrain"); // pretrain, sft, classify
    std::optional<double> bestAccuracy;        // classify runs
};

// Documents and tokens a dataset holds from one origin (report.txt's "origin:" lines): a site
// for collected pages, an input file otherwise.
struct OriginFact
{
    QString origin;
    qint64 documents = 0;
    qint64 tokens = 0;
};

struct DatasetFact
{
    QString name;
    qint64 tokens = 0; // train + validation tokens from report.txt
    QVector<OriginFact> origins;
};

struct KnowledgeBaseFact
{
    QString name;
    qint64 documents = 0;
};

struct WorkspaceFacts
{
    QVector<RunFact> runs;
    QVector<DatasetFact> datasets;
    QVector<KnowledgeBaseFact> knowledgeBases;
};

// Reads the runs and knowledge bases from studio.db and each dataset's report.txt.
WorkspaceFacts gatherFacts(Workspace &workspace);
// The tokens a dataset's report.txt counts (train_tokens + val_tokens); 0 when unreadable.
qint64 datasetTokens(const QString &reportPath);
// The "origin:" lines of a dataset's report.txt.
QVector<OriginFact> datasetOrigins(const QString &reportPath);
// What the datasets hold from a roadmap data source's location (a site's address matches the
// collected pages of that host, "www." aside; a path matches the files under it): the largest
// amount any one dataset holds, since datasets merged from others repeat their documents.
OriginFact arrivedFrom(const QString &location, const WorkspaceFacts &facts);

struct ConditionCheck
{
    bool met = false;
    QString metBy; // "run:NAME", "dataset:NAME" or "kb:NAME" when met
    QString note;  // the best so far, or why it cannot be measured yet
};

ConditionCheck checkCondition(const MilestoneCondition &condition, const WorkspaceFacts &facts);

// "run “az-100m-1”" for "run:az-100m-1", "dataset “news”" for "dataset:news", "knowledge base
// “udhr”" for "kb:udhr".
QString describeMetBy(const QString &metBy);

// "loss ≤ 3.5", "≥ 300M parameters", "≥ 1.0B corpus tokens", ...: for lists and exports.
QString describeCondition(const MilestoneCondition &condition);

} // namespace azllm
