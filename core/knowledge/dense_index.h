// Dense vectors for a knowledge base from the learner's own model: each chunk's mean-pooled
// hidden states (TextEmbedder), stored in studio.db with the checkpoint they came from, and
// recomputed when that checkpoint's weights change. Search is cosine similarity after
// subtracting the base's mean vector (a small GPT's hidden states share one large common
// direction that would otherwise make every chunk look alike).
#pragma once

#include <QString>
#include <QVector>

#include <functional>
#include <memory>

#include "knowledge_store.h"

namespace azllm {

// Which weights a checkpoint holds: its folder, step, and model.pt's size and time. Empty when
// the folder holds no checkpoint.
QString checkpointSignature(const QString &checkpointDir);

class DenseIndex
{
public:
    // Loads the checkpoint (or a run folder's newest) on the CPU with its run's tokenizer.
    // Throws KnowledgeError naming the folder or file when either cannot be used.
    explicit DenseIndex(const QString &checkpointOrRunDir);
    ~DenseIndex();
    DenseIndex(const DenseIndex &) = delete;
    DenseIndex &operator=(const DenseIndex &) = delete;

    QString checkpoint() const; // the checkpoint folder itself
    QString signature() const;
    int dimension() const;

    // Whether the base's vectors came from these weights and every chunk has one.
    bool isCurrent(const KnowledgeBaseRecord &base) const;
    // Brings the base's vectors up to these weights: all of them when they came from other
    // weights, else the chunks that have none (new documents). Saved in batches, so a cancel
    // (progress returning false) keeps what was done. Returns the number computed.
    int update(KnowledgeStore &store, qint64 baseId,
               const std::function<bool(int done, int total)> &progress = {});

    // The `limit` chunks of the base nearest to the query, best first (cosine).
    QVector<ChunkScore> nearest(const KnowledgeStore &store, qint64 baseId, const QString &query,
                                int limit);

    // A vector as stored: float32, little-endian.
    static QByteArray toBlob(const std::vector<float> &vector);
    static std::vector<float> fromBlob(const QByteArray &blob);

private:
    struct State;
    void loadMatrix(const KnowledgeStore &store, qint64 baseId);
    std::unique_ptr<State> m_state;
};

// The dense index of a base, its vectors brought up to date: from `checkpoint`, or when that is
// empty from the checkpoint the base's vectors came from last. Throws KnowledgeError when there
// is neither, or the checkpoint cannot be loaded. progress as DenseIndex::update.
std::unique_ptr<DenseIndex> openDenseIndex(KnowledgeStore &store, qint64 baseId,
                                           const QString &checkpoint,
                                           const std::function<bool(int, int)> &progress = {});

} // namespace azllm
