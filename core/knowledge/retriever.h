// Finds the chunks of a knowledge base that answer a question, four ways:
//   bm25    FTS5's bm25 over the folded words (exact word forms only)
//   morph   bm25 over the words, their 5-letter prefixes and 3-letter roots together, so
//           inflected forms meet (hüquq, hüququ, hüquqlarının) and exact forms count most
//   dense   cosine similarity of the model's mean-pooled hidden states (dense_index.h)
//   hybrid  morph and dense fused by reciprocal rank fusion
// Every result also carries its coverage of the question, which decides "nothing found".
#pragma once

#include <QString>
#include <QVector>

#include <optional>

#include "knowledge_store.h"

namespace azllm {

class DenseIndex;

enum class RetrievalMode
{
    Bm25,
    Morph,
    Dense,
    Hybrid
};

// Chosen by measurement on the development questions (docs/benchmarks.md).
inline constexpr RetrievalMode kDefaultRetrievalMode = RetrievalMode::Morph;

QString retrievalModeName(RetrievalMode mode); // "bm25", "morph", "dense", "hybrid"
std::optional<RetrievalMode> retrievalModeFromName(const QString &name);
bool needsVectors(RetrievalMode mode);

struct RetrievedChunk
{
    ChunkRecord chunk;
    double score = 0; // the mode's own: bm25 (higher is better), cosine, or fused rank score
    // The share of the question's words (by inverse document frequency, 3-letter roots
    // compared) the chunk holds, 0 to 1: below a threshold the base has nothing on it.
    double coverage = 0;
};

// Reciprocal rank fusion's constant: a document's fused score is the sum of 1 / (k + rank).
inline constexpr int kFusionConstant = 60;

class Retriever
{
public:
    // dense may be null; then dense and hybrid searches throw KnowledgeError.
    Retriever(const KnowledgeStore &store, KnowledgeBaseRecord base, DenseIndex *dense = nullptr);

    // The best k chunks, best first. An empty question, or one made of stopwords only, finds
    // nothing.
    QVector<RetrievedChunk> search(const QString &query, RetrievalMode mode, int k) const;

    const KnowledgeBaseRecord &base() const { return m_base; }

private:
    QVector<ChunkScore> lexical(const QString &query, bool prefixes, int limit) const;
    QVector<ChunkScore> nearest(const QString &query, int limit) const;
    QVector<double> coverages(const QString &query, const QVector<ChunkRecord> &chunks) const;

    const KnowledgeStore &m_store;
    KnowledgeBaseRecord m_base;
    DenseIndex *m_dense;
};

// Fuses ranked lists: each id scores the sum of 1 / (kFusionConstant + rank) over the lists it
// is in (rank from 1); best first, ties by first appearance.
QVector<ChunkScore> fuseRankings(const QVector<QVector<ChunkScore>> &rankings);

} // namespace azllm
