#include "answer_sources.h"

#include "sql_transaction.h"
#include "sql_values.h"

namespace azllm {

void AnswerSourceStore::save(qint64 messageId, const SavedRetrieval &retrieval)
{
    const QSqlDatabase db = m_database.connection();
    SqlTransaction transaction(db);
    const QString what = QStringLiteral("saving the answer's sources");
    execStatement(db, QStringLiteral("DELETE FROM message_sources WHERE message_id = ?"),
                  {messageId}, what);
    execStatement(db,
                  QStringLiteral("INSERT OR REPLACE INTO message_prompts (message_id, kb, mode,"
                                 " found, prompt) VALUES (?, ?, ?, ?, ?)"),
                  {messageId, sql::text(retrieval.base), sql::text(retrieval.mode),
                   int(retrieval.found), sql::text(retrieval.prompt)},
                  what);
    for (const SavedSource &s : retrieval.sources)
        execStatement(db,
                      QStringLiteral("INSERT INTO message_sources (message_id, rank, kb, document,"
                                     " title, heading, articles, first_line, last_line, score, use,"
                                     " text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {messageId, s.rank, sql::text(retrieval.base), sql::text(s.document),
                       sql::text(s.title), sql::text(s.heading), sql::text(s.articles.join(QLatin1Char(','))),
                       s.firstLine, s.lastLine, s.score, sql::text(s.use), sql::text(s.text)},
                      what);
    transaction.commit();
}

std::optional<SavedRetrieval> AnswerSourceStore::load(qint64 messageId) const
{
    const QSqlDatabase db = m_database.connection();
    const QString what = QStringLiteral("reading the answer's sources");
    QSqlQuery head = execStatement(
        db, QStringLiteral("SELECT kb, mode, found, prompt FROM message_prompts WHERE message_id = ?"),
        {messageId}, what);
    if (!head.next())
        return std::nullopt;
    SavedRetrieval r;
    r.base = head.value(0).toString();
    r.mode = head.value(1).toString();
    r.found = head.value(2).toBool();
    r.prompt = head.value(3).toString();
    QSqlQuery q = execStatement(
        db,
        QStringLiteral("SELECT rank, document, title, heading, articles, first_line, last_line,"
                       " score, use, text FROM message_sources WHERE message_id = ? ORDER BY rank"),
        {messageId}, what);
    while (q.next()) {
        SavedSource s;
        s.rank = q.value(0).toInt();
        s.document = q.value(1).toString();
        s.title = q.value(2).toString();
        s.heading = q.value(3).toString();
        const QString articles = q.value(4).toString();
        s.articles = articles.isEmpty() ? QStringList() : articles.split(QLatin1Char(','));
        s.firstLine = q.value(5).toInt();
        s.lastLine = q.value(6).toInt();
        s.score = q.value(7).toDouble();
        s.use = q.value(8).toString();
        s.text = q.value(9).toString();
        r.sources.push_back(s);
    }
    return r;
}

} // namespace azllm
