#include "retriever.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

#include "azerbaijani_text.h"
#include "dense_index.h"
#include "knowledge_error.h"

namespace azllm {
namespace {

// How many candidates each list gives to the fusion: enough that a chunk ranked low by one
// signal and high by the other still meets itself.
constexpr int kFusionDepth = 50;

// An FTS5 expression: any of the terms, in one column.
QString anyOf(const QString &column, const QStringList &terms)
{
    QStringList quoted;
    for (const QString &term : terms)
        quoted << QLatin1Char('"') +
                      QString(term).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                      QLatin1Char('"');
    return column + QStringLiteral(" : (") + quoted.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

QStringList prefixesOf(const QStringList &words, int length)
{
    QStringList prefixes;
    for (const QString &word : words) {
        const QString prefix = wordPrefix(word, length);
        if (!prefixes.contains(prefix))
            prefixes << prefix;
    }
    return prefixes;
}

// bm25's inverse document frequency (never negative).
double idf(int chunksWithTerm, int chunks)
{
    return std::log(1.0 + (chunks - chunksWithTerm + 0.5) / (chunksWithTerm + 0.5));
}

} // namespace

QString retrievalModeName(RetrievalMode mode)
{
    switch (mode) {
    case RetrievalMode::Bm25:
        return QStringLiteral("bm25");
    case RetrievalMode::Morph:
        return QStringLiteral("morph");
    case RetrievalMode::Dense:
        return QStringLiteral("dense");
    case RetrievalMode::Hybrid:
        return QStringLiteral("hybrid");
    }
    return {};
}

std::optional<RetrievalMode> retrievalModeFromName(const QString &name)
{
    for (RetrievalMode mode :
         {RetrievalMode::Bm25, RetrievalMode::Morph, RetrievalMode::Dense, RetrievalMode::Hybrid})
        if (retrievalModeName(mode) == name)
            return mode;
    return std::nullopt;
}

bool needsVectors(RetrievalMode mode)
{
    return mode == RetrievalMode::Dense || mode == RetrievalMode::Hybrid;
}

QVector<ChunkScore> fuseRankings(const QVector<QVector<ChunkScore>> &rankings)
{
    QVector<ChunkScore> fused;
    QHash<qint64, int> at;
    for (const QVector<ChunkScore> &ranking : rankings)
        for (int rank = 0; rank < ranking.size(); ++rank) {
            const qint64 id = ranking[rank].chunkId;
            if (!at.contains(id)) {
                at.insert(id, int(fused.size()));
                fused.push_back({id, 0.0});
            }
            fused[at.value(id)].score += 1.0 / (kFusionConstant + rank + 1);
        }
    std::stable_sort(fused.begin(), fused.end(),
                     [](const ChunkScore &a, const ChunkScore &b) { return a.score > b.score; });
    return fused;
}

Retriever::Retriever(const KnowledgeStore &store, KnowledgeBaseRecord base, DenseIndex *dense)
    : m_store(store), m_base(std::move(base)), m_dense(dense)
{
}

QVector<ChunkScore> Retriever::lexical(const QString &query, bool prefixes, int limit) const
{
    const QStringList words = queryWords(query);
    if (words.isEmpty())
        return {};
    // Graded matching: the same form counts in all three columns, the same stem in two, the
    // same root in one (chosen on the development questions, docs/knowledge.md).
    const QString expression =
        prefixes ? anyOf(QStringLiteral("words"), words) + QStringLiteral(" OR ") +
                       anyOf(QStringLiteral("stems"), prefixesOf(words, m_base.prefixLength)) +
                       QStringLiteral(" OR ") +
                       anyOf(QStringLiteral("roots"), prefixesOf(words, kRootLength))
                 : anyOf(QStringLiteral("words"), words);
    return m_store.match(m_base.id, expression, limit);
}

QVector<ChunkScore> Retriever::nearest(const QString &query, int limit) const
{
    if (!m_dense)
        throw KnowledgeError("dense retrieval needs vectors from a checkpoint: choose one for "
                             "the base \"" +
                             m_base.name.toStdString() + "\" first");
    return m_dense->nearest(m_store, m_base.id, query, limit);
}

QVector<double> Retriever::coverages(const QString &query, const QVector<ChunkRecord> &chunks) const
{
    const QStringList stems = prefixesOf(queryWords(query), kRootLength);
    const QHash<QString, int> counts =
        m_store.termChunkCounts(m_base.id, QStringLiteral("roots"), stems);
    const int total = std::max(1, m_store.indexedChunkCount(m_base.id));
    double whole = 0;
    for (const QString &stem : stems)
        whole += idf(counts.value(stem), total);
    QVector<double> shares;
    for (const ChunkRecord &chunk : chunks) {
        const QStringList held =
            indexedStems(chunk.heading + QLatin1Char('\n') + chunk.text, kRootLength)
                .split(QLatin1Char(' '));
        const QSet<QString> present(held.begin(), held.end());
        double covered = 0;
        for (const QString &stem : stems)
            if (present.contains(stem))
                covered += idf(counts.value(stem), total);
        shares << (whole > 0 ? covered / whole : 0.0);
    }
    return shares;
}

QVector<RetrievedChunk> Retriever::search(const QString &query, RetrievalMode mode, int k) const
{
    if (k <= 0 || query.trimmed().isEmpty())
        return {};
    QVector<ChunkScore> ranked;
    switch (mode) {
    case RetrievalMode::Bm25:
        ranked = lexical(query, false, k);
        break;
    case RetrievalMode::Morph:
        ranked = lexical(query, true, k);
        break;
    case RetrievalMode::Dense:
        ranked = nearest(query, k);
        break;
    case RetrievalMode::Hybrid: {
        const int depth = std::max(kFusionDepth, 4 * k);
        ranked = fuseRankings({lexical(query, true, depth), nearest(query, depth)});
        ranked.resize(std::min<qsizetype>(ranked.size(), k));
        break;
    }
    }
    QVector<qint64> ids;
    for (const ChunkScore &s : ranked)
        ids << s.chunkId;
    const QVector<ChunkRecord> chunks = m_store.chunksByIds(ids);
    const QVector<double> covered = coverages(query, chunks);
    QVector<RetrievedChunk> results;
    for (int i = 0; i < chunks.size(); ++i) {
        const auto score = std::find_if(ranked.begin(), ranked.end(), [&](const ChunkScore &s) {
            return s.chunkId == chunks[i].id;
        });
        results.push_back({chunks[i], score->score, covered[i]});
    }
    return results;
}

} // namespace azllm
