// How well a base's retrieval finds the right chunk: questions in JSONL, one per line,
//   {"question": "...", "article": 12}  or  {"question": "...", "article": "12-1"}
//   {"question": "...", "document": "reqemsal_tehsil_qanunu"}  (both: both must match)
// A question is a hit at rank r when the r-th retrieved chunk holds that article (compared as
// text) or belongs to that document. Recall@1, Recall@5 and mean reciprocal rank over the
// questions.
#pragma once

#include <QString>
#include <QVector>

#include <functional>

#include "retriever.h"

namespace azllm {

struct EvalQuestion
{
    QString question;
    QString article;  // empty when the question names a document only
    QString document; // empty when it names an article only
    int line = 0;     // in the file
};

// Throws KnowledgeError naming the file and line for a line that is not such an object.
QVector<EvalQuestion> readEvalQuestions(const QString &path);

struct QuestionOutcome
{
    EvalQuestion question;
    int rank = 0; // of the first chunk that answers it, 1-based; 0 when none of those retrieved
    QStringList retrieved; // "document:articles" of each chunk retrieved, best first
};

struct EvalReport
{
    RetrievalMode mode = kDefaultRetrievalMode;
    int k = 5;
    int n = 0;
    double recallAt1 = 0;
    double recallAt5 = 0;
    double recallAtK = 0;
    double mrr = 0; // over the max(k, 5) chunks retrieved per question
    QVector<QuestionOutcome> outcomes;

    // {"n": ..., "recall_at_1": ..., "recall_at_5": ..., "mrr": ..., "mode": "..."}
    QString toJson() const;
};

// Whether a chunk answers the question.
bool answers(const ChunkRecord &chunk, const EvalQuestion &question);

// progress(done, total) returning false stops early (the report covers the questions done).
EvalReport evaluateRetrieval(const Retriever &retriever, const QVector<EvalQuestion> &questions,
                             RetrievalMode mode, int k,
                             const std::function<bool(int, int)> &progress = {});

} // namespace azllm
