#include "retrieval_evaluation.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "knowledge_error.h"

namespace azllm {
namespace {

[[noreturn]] void badLine(const QString &path, int line, const QString &why)
{
    throw KnowledgeError(QString(path + QLatin1Char(':') + QString::number(line) +
                                 QStringLiteral(": ") + why)
                             .toStdString());
}

// "article": 12 or "12-1"; anything else is refused.
QString articleOf(const QJsonValue &value, const QString &path, int line)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble() && value.toDouble() == double(value.toInt()))
        return QString::number(value.toInt());
    badLine(path, line, QStringLiteral("\"article\" must be a whole number or a string like \"12-1\""));
}

} // namespace

QVector<EvalQuestion> readEvalQuestions(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw KnowledgeError(path.toStdString() + ": cannot be opened (" +
                             file.errorString().toStdString() + ")");
    QVector<EvalQuestion> questions;
    int number = 0;
    while (!file.atEnd()) {
        const QByteArray raw = file.readLine().trimmed();
        ++number;
        if (raw.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(raw, &error);
        if (error.error != QJsonParseError::NoError || !json.isObject())
            badLine(path, number, QStringLiteral("not a JSON object (") + error.errorString() +
                                      QLatin1Char(')'));
        const QJsonObject o = json.object();
        EvalQuestion q;
        q.line = number;
        q.question = o.value(QStringLiteral("question")).toString().trimmed();
        if (q.question.isEmpty())
            badLine(path, number, QStringLiteral("\"question\" is missing or empty"));
        q.article = articleOf(o.value(QStringLiteral("article")), path, number);
        q.document = o.value(QStringLiteral("document")).toString().trimmed();
        if (q.article.isEmpty() && q.document.isEmpty())
            badLine(path, number, QStringLiteral("needs \"article\" or \"document\""));
        questions.push_back(q);
    }
    if (questions.isEmpty())
        throw KnowledgeError(path.toStdString() + ": no questions in it");
    return questions;
}

bool answers(const ChunkRecord &chunk, const EvalQuestion &question)
{
    return (question.article.isEmpty() || chunk.holdsArticle(question.article)) &&
           (question.document.isEmpty() || chunk.document == question.document);
}

QString EvalReport::toJson() const
{
    const auto fixed = [](double v) { return QString::number(v, 'f', 4); };
    return QStringLiteral("{\"n\": %1, \"recall_at_1\": %2, \"recall_at_5\": %3, \"mrr\": %4, "
                          "\"mode\": \"%5\", \"k\": %6, \"recall_at_k\": %7}")
        .arg(n)
        .arg(fixed(recallAt1), fixed(recallAt5), fixed(mrr), retrievalModeName(mode))
        .arg(k)
        .arg(fixed(recallAtK));
}

EvalReport evaluateRetrieval(const Retriever &retriever, const QVector<EvalQuestion> &questions,
                             RetrievalMode mode, int k, const std::function<bool(int, int)> &progress)
{
    EvalReport report;
    report.mode = mode;
    report.k = k;
    const int depth = std::max(k, 5);
    int hits1 = 0, hits5 = 0, hitsK = 0;
    double reciprocal = 0;
    for (const EvalQuestion &question : questions) {
        if (progress && !progress(report.n, int(questions.size())))
            break;
        QuestionOutcome outcome{question, 0, {}};
        const QVector<RetrievedChunk> found = retriever.search(question.question, mode, depth);
        for (int r = 0; r < found.size(); ++r) {
            const ChunkRecord &chunk = found[r].chunk;
            outcome.retrieved << chunk.document + QLatin1Char(':') + chunk.articles.join(QLatin1Char(','));
            if (outcome.rank == 0 && answers(chunk, question))
                outcome.rank = r + 1;
        }
        hits1 += outcome.rank == 1;
        hits5 += outcome.rank >= 1 && outcome.rank <= 5;
        hitsK += outcome.rank >= 1 && outcome.rank <= k;
        reciprocal += outcome.rank > 0 ? 1.0 / outcome.rank : 0.0;
        report.outcomes.push_back(outcome);
        ++report.n;
    }
    if (report.n > 0) {
        report.recallAt1 = double(hits1) / report.n;
        report.recallAt5 = double(hits5) / report.n;
        report.recallAtK = double(hitsK) / report.n;
        report.mrr = reciprocal / report.n;
    }
    return report;
}

} // namespace azllm
