// The learner's roadmap as plain values: a 3-6 month plan of goals (next target, data source,
// technique), each with milestones and, for data goals, the sources to collect. Stored in
// studio.db by RoadmapStore; the tables are described in docs/formats.md (schema version 3).
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace azllm {

enum class GoalKind
{
    NextTarget,
    DataSource,
    Technique
};

// "target", "data", "technique": the names stored in studio.db and typed in `azllm roadmap`.
QString goalKindKey(GoalKind kind);
std::optional<GoalKind> goalKindFromKey(const QString &key);

// A fact about the workspace that ticks a milestone by itself once it holds.
enum class ConditionKind
{
    None,
    ValidationLossAtMost,          // some run's best validation loss <= threshold
    ParametersAtLeast,             // some run's model has >= threshold parameters
    CorpusTokensAtLeast,           // some dataset holds >= threshold tokens (train + validation)
    KnowledgeBaseDocumentsAtLeast, // a knowledge base with >= threshold documents (not built yet)
    ClassifierAccuracyAtLeast,     // a fine-tuned classifier with accuracy >= threshold (not yet)
};

struct MilestoneCondition
{
    ConditionKind kind = ConditionKind::None;
    double threshold = 0;

    bool isMeasurable() const { return kind != ConditionKind::None; }
    // "val_loss<=3.5", "params>=300000000", "corpus_tokens>=1e9", "kb_documents>=1000",
    // "classifier_accuracy>=0.9"; empty for None.
    QString toText() const;
    // Parses toText()'s form; std::nullopt for anything else. An empty text is None.
    static std::optional<MilestoneCondition> fromText(const QString &text);
    // The stored key of a kind ("val_loss", ...), empty for None.
    static QString kindKey(ConditionKind kind);
    static std::optional<ConditionKind> kindFromKey(const QString &key);
};

struct Milestone
{
    qint64 id = 0;
    qint64 goalId = 0;
    QString title;
    QDate due;
    bool done = false;
    MilestoneCondition condition;
    QString metBy;   // "run:az-100m-1" or "dataset:news" when ticked by the workspace
    QDateTime metAt; // when it was ticked (by hand or by the workspace)
    QString note;    // why a measurable milestone is not met yet, or how far it is

    bool isOverdue(const QDate &today) const { return !done && due.isValid() && due < today; }
};

struct DataSource
{
    qint64 id = 0;
    qint64 goalId = 0;
    QString name;
    QString location;                           // a URL or a path
    QString kind;                               // "news site", "books", "laws", ...
    QString status = QStringLiteral("planned"); // planned, collected, imported
    qint64 documents = 0;
    qint64 tokens = 0;

    bool isImported() const { return status == QLatin1String("imported"); }
    static QStringList statuses();
};

struct Goal
{
    qint64 id = 0;
    qint64 roadmapId = 0;
    GoalKind kind = GoalKind::NextTarget;
    QString title;
    QString description;
    QString status = QStringLiteral("planned"); // planned, active, done, dropped
    QVector<Milestone> milestones;
    QVector<DataSource> sources;

    // Done items over all items (milestones, and imported sources for data goals); a goal
    // without items counts as done only when its status says so.
    int itemCount() const;
    int doneItemCount() const;
    double progress() const;
    // The last milestone's due date, or an invalid date without milestones.
    QDate lastDue() const;
    static QStringList statuses();
};

struct Roadmap
{
    qint64 id = 0;
    QString title;
    QDate start;
    int horizonMonths = 6; // 3 to 6
    QVector<Goal> goals;

    QDate end() const { return start.addMonths(horizonMonths); }
    // Done items over all items of all goals.
    double progress() const;
    const Goal *goal(qint64 goalId) const;
    const Milestone *milestone(qint64 milestoneId) const;
};

} // namespace azllm
