#include "milestone_evaluator.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QTextStream>
#include <QUrl>

#include "knowledge_store.h"
#include "workspace.h"

namespace azllm {
namespace {

// lupdate files a free tr() in this namespace under "azllm"; look the strings up there.
QString tr(const char *text)
{
    return QCoreApplication::translate("azllm", text);
}

// 336128000 -> "336.1M", 2.2e9 -> "2.2B", 1000 -> "1,000": short where the digits would blur.
// In the learner's locale: Azerbaijani writes "336,1M" and "1.000".
QString shortCount(double value)
{
    const QLocale locale;
    if (value >= 1e9)
        return locale.toString(value / 1e9, 'g', 4) + QLatin1Char('B');
    if (value >= 1e6)
        return locale.toString(value / 1e6, 'g', 4) + QLatin1Char('M');
    return locale.toString(qint64(value));
}

// Pretraining milestones measure pretraining: a tuned run's loss is on other data (answers,
// labels), and its size is its base's.
bool pretrains(const RunFact &run)
{
    return run.kind == QLatin1String("pretrain");
}

ConditionCheck checkValidationLoss(double threshold, const WorkspaceFacts &facts)
{
    const RunFact *best = nullptr;
    for (const RunFact &run : facts.runs)
        if (pretrains(run) && run.bestValidationLoss &&
            (!best || *run.bestValidationLoss < *best->bestValidationLoss))
            best = &run;
    if (!best)
        return {false, {}, tr("no run has a validation loss yet")};
    const QString bestText =
        tr("best so far %1 (run %2)")
            .arg(QLocale().toString(*best->bestValidationLoss, 'f', 3), best->name);
    if (*best->bestValidationLoss <= threshold)
        return {true, QStringLiteral("run:") + best->name, bestText};
    return {false, {}, bestText};
}

ConditionCheck checkParameters(double threshold, const WorkspaceFacts &facts)
{
    const RunFact *largest = nullptr;
    for (const RunFact &run : facts.runs)
        if (pretrains(run) && (!largest || run.parameters > largest->parameters))
            largest = &run;
    if (!largest)
        return {false, {}, tr("no training run yet")};
    const QString note = tr("largest so far %1 parameters (run %2)")
                             .arg(shortCount(double(largest->parameters)), largest->name);
    if (double(largest->parameters) >= threshold)
        return {true, QStringLiteral("run:") + largest->name, note};
    return {false, {}, note};
}

ConditionCheck checkClassifierAccuracy(double threshold, const WorkspaceFacts &facts)
{
    const RunFact *best = nullptr;
    for (const RunFact &run : facts.runs)
        if (run.kind == QLatin1String("classify") && run.bestAccuracy &&
            (!best || *run.bestAccuracy > *best->bestAccuracy))
            best = &run;
    if (!best)
        return {false, {}, tr("no classifier trained yet (Fine-tune screen, Classification tab)")};
    const QString note =
        tr("best so far %1% (run %2)").arg(*best->bestAccuracy * 100, 0, 'f', 1).arg(best->name);
    if (*best->bestAccuracy >= threshold)
        return {true, QStringLiteral("run:") + best->name, note};
    return {false, {}, note};
}

ConditionCheck checkCorpus(double threshold, const WorkspaceFacts &facts)
{
    const DatasetFact *largest = nullptr;
    for (const DatasetFact &d : facts.datasets)
        if (!largest || d.tokens > largest->tokens)
            largest = &d;
    if (!largest)
        return {false, {}, tr("no prepared dataset yet")};
    const QString note = tr("largest so far %1 tokens (dataset %2)")
                             .arg(shortCount(double(largest->tokens)), largest->name);
    if (double(largest->tokens) >= threshold)
        return {true, QStringLiteral("dataset:") + largest->name, note};
    return {false, {}, note};
}

ConditionCheck checkKnowledgeBases(double threshold, const WorkspaceFacts &facts)
{
    const KnowledgeBaseFact *largest = nullptr;
    for (const KnowledgeBaseFact &kb : facts.knowledgeBases)
        if (!largest || kb.documents > largest->documents)
            largest = &kb;
    if (!largest)
        return {false, {}, tr("no knowledge base yet")};
    const QString note = tr("largest so far %1 documents (knowledge base %2)")
                             .arg(shortCount(double(largest->documents)), largest->name);
    if (double(largest->documents) >= threshold)
        return {true, QStringLiteral("kb:") + largest->name, note};
    return {false, {}, note};
}

} // namespace

qint64 datasetTokens(const QString &reportPath)
{
    QFile file(reportPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    qint64 tokens = 0;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.startsWith(QLatin1String("train_tokens:")) ||
            line.startsWith(QLatin1String("val_tokens:")))
            tokens += line.section(QLatin1Char(':'), 1).trimmed().toLongLong();
    }
    return tokens;
}

QVector<OriginFact> datasetOrigins(const QString &reportPath)
{
    QVector<OriginFact> origins;
    QFile file(reportPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return origins;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (!line.startsWith(QLatin1String("origin: ")))
            continue;
        const QStringList fields = line.mid(8).split(QLatin1Char('\t'));
        if (fields.size() == 3)
            origins.push_back({fields[0], fields[1].toLongLong(), fields[2].toLongLong()});
    }
    return origins;
}

namespace {

QString bareHost(QString host)
{
    host = host.toLower();
    return host.startsWith(QLatin1String("www.")) ? host.mid(4) : host;
}

bool originMatches(const QString &location, const QString &origin)
{
    const QUrl url = QUrl::fromUserInput(location);
    if (url.isLocalFile() || location.startsWith(QLatin1Char('/')))
        return origin.startsWith(location);
    return !url.host().isEmpty() && bareHost(url.host()) == bareHost(origin);
}

} // namespace

OriginFact arrivedFrom(const QString &location, const WorkspaceFacts &facts)
{
    OriginFact best;
    if (location.trimmed().isEmpty())
        return best;
    for (const DatasetFact &dataset : facts.datasets) {
        OriginFact sum{location, 0, 0};
        for (const OriginFact &origin : dataset.origins)
            if (originMatches(location.trimmed(), origin.origin)) {
                sum.documents += origin.documents;
                sum.tokens += origin.tokens;
            }
        if (sum.tokens > best.tokens ||
            (sum.tokens == best.tokens && sum.documents > best.documents))
            best = sum;
    }
    return best;
}

WorkspaceFacts gatherFacts(Workspace &workspace)
{
    WorkspaceFacts facts;
    for (const RunRecord &run : workspace.runs().runs())
        facts.runs.push_back(
            {run.name, run.params, run.bestValidationLoss, run.kind, run.bestAccuracy});
    for (const QString &name : workspace.datasetNames()) {
        const QString report = workspace.datasetDir(name) + QLatin1String("/report.txt");
        facts.datasets.push_back({name, datasetTokens(report), datasetOrigins(report)});
    }
    for (const KnowledgeBaseRecord &kb : KnowledgeStore(workspace.database()).bases())
        facts.knowledgeBases.push_back({kb.name, kb.documents});
    return facts;
}

ConditionCheck checkCondition(const MilestoneCondition &condition, const WorkspaceFacts &facts)
{
    switch (condition.kind) {
    case ConditionKind::None:
        return {};
    case ConditionKind::ValidationLossAtMost:
        return checkValidationLoss(condition.threshold, facts);
    case ConditionKind::ParametersAtLeast:
        return checkParameters(condition.threshold, facts);
    case ConditionKind::CorpusTokensAtLeast:
        return checkCorpus(condition.threshold, facts);
    case ConditionKind::KnowledgeBaseDocumentsAtLeast:
        return checkKnowledgeBases(condition.threshold, facts);
    case ConditionKind::ClassifierAccuracyAtLeast:
        return checkClassifierAccuracy(condition.threshold, facts);
    }
    return {};
}

QString describeMetBy(const QString &metBy)
{
    if (metBy.startsWith(QLatin1String("run:")))
        return tr("run “%1”").arg(metBy.mid(4));
    if (metBy.startsWith(QLatin1String("dataset:")))
        return tr("dataset “%1”").arg(metBy.mid(8));
    if (metBy.startsWith(QLatin1String("kb:")))
        return tr("knowledge base “%1”").arg(metBy.mid(3));
    return metBy;
}

QString describeCondition(const MilestoneCondition &condition)
{
    const double x = condition.threshold;
    switch (condition.kind) {
    case ConditionKind::None:
        return {};
    case ConditionKind::ValidationLossAtMost:
        return tr("validation loss ≤ %1").arg(QLocale().toString(x));
    case ConditionKind::ParametersAtLeast:
        return tr("a run with ≥ %1 parameters").arg(shortCount(x));
    case ConditionKind::CorpusTokensAtLeast:
        return tr("a dataset with ≥ %1 tokens").arg(shortCount(x));
    case ConditionKind::KnowledgeBaseDocumentsAtLeast:
        return tr("a knowledge base with ≥ %1 documents").arg(shortCount(x));
    case ConditionKind::ClassifierAccuracyAtLeast:
        return tr("a classifier with accuracy ≥ %1%").arg(x * 100, 0, 'f', 0);
    }
    return {};
}

} // namespace azllm
