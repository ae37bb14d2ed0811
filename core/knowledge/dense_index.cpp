#include "dense_index.h"

#include <QDateTime>
#include <QFileInfo>
#include <QtEndian>

#include <cmath>
#include <numeric>
#include <optional>

#include "chat_engine.h"
#include "checkpoint.h"
#include "knowledge_error.h"
#include "language_model.h"
#include "text_embedder.h"
#include "tokenizer.h"

namespace azllm {
namespace {

// Chunks embedded per batch and saved per transaction: a cancel loses at most one batch.
constexpr int kChunksPerBatch = 32;

void normalize(std::vector<float> &v)
{
    const double norm = std::sqrt(std::inner_product(v.begin(), v.end(), v.begin(), 0.0));
    if (norm > 0)
        for (float &x : v)
            x = float(x / norm);
}

} // namespace

QString checkpointSignature(const QString &checkpointDir)
{
    const QFileInfo weights(checkpointDir + QStringLiteral("/model.pt"));
    if (!weights.exists())
        return {};
    return QFileInfo(checkpointDir).absoluteFilePath() + QLatin1Char('|') +
           QString::number(weights.size()) + QLatin1Char('|') +
           QString::number(weights.lastModified().toMSecsSinceEpoch());
}

struct DenseIndex::State
{
    QString checkpoint;
    QString signature;
    Tokenizer tokenizer;
    TextEmbedder embedder;
    // The base whose vectors are loaded, centred and normalised, one row per chunk.
    qint64 loadedBase = -1;
    int loadedCount = -1;
    QVector<qint64> ids;
    std::vector<float> mean;
    std::vector<float> matrix;

    std::vector<float> embed(const QString &text) const
    {
        return embedder.embed({tokenizer.encode(text.toStdString())}).front();
    }
};

DenseIndex::DenseIndex(const QString &checkpointOrRunDir)
{
    try {
        const std::string checkpoint = resolveCheckpointDir(checkpointOrRunDir.toStdString());
        Tokenizer tokenizer = Tokenizer::load(tokenizerPathFor(checkpoint));
        LanguageModel model = LanguageModel::fromCheckpoint(checkpoint, "cpu");
        if (tokenizer.vocabSize() > model.config().vocabSize)
            throw KnowledgeError("the tokenizer next to " + checkpoint +
                                 " has more pieces than the model has ids");
        const QString dir = QString::fromStdString(checkpoint);
        m_state = std::make_unique<State>(State{dir,
                                                checkpointSignature(dir),
                                                std::move(tokenizer),
                                                TextEmbedder(std::move(model)),
                                                -1,
                                                -1,
                                                {},
                                                {},
                                                {}});
    } catch (const KnowledgeError &) {
        throw;
    } catch (const std::exception &e) {
        throw KnowledgeError(std::string("dense vectors need a checkpoint with its tokenizer: ") +
                             e.what());
    }
}

DenseIndex::~DenseIndex() = default;

QString DenseIndex::checkpoint() const
{
    return m_state->checkpoint;
}

QString DenseIndex::signature() const
{
    return m_state->signature;
}

int DenseIndex::dimension() const
{
    return m_state->embedder.dimension();
}

bool DenseIndex::isCurrent(const KnowledgeBaseRecord &base) const
{
    return base.embeddingSignature == m_state->signature && base.vectors == base.chunks;
}

int DenseIndex::update(KnowledgeStore &store, qint64 baseId,
                       const std::function<bool(int, int)> &progress)
{
    store.setEmbeddingModel(baseId, m_state->checkpoint, m_state->signature);
    const QVector<std::pair<qint64, QString>> missing = store.chunkTexts(baseId, true);
    int done = 0;
    for (int first = 0; first < missing.size(); first += kChunksPerBatch) {
        if (progress && !progress(done, int(missing.size())))
            break;
        const int count = std::min<int>(kChunksPerBatch, int(missing.size()) - first);
        std::vector<std::vector<int>> texts;
        for (int i = 0; i < count; ++i)
            texts.push_back(m_state->tokenizer.encode(missing[first + i].second.toStdString()));
        const std::vector<std::vector<float>> vectors = m_state->embedder.embed(texts);
        QVector<std::pair<qint64, QByteArray>> rows;
        for (int i = 0; i < count; ++i)
            rows.push_back({missing[first + i].first, toBlob(vectors[std::size_t(i)])});
        store.storeVectors(rows);
        done += count;
    }
    if (progress && done == missing.size())
        progress(done, done);
    m_state->loadedBase = -1; // the next search reads the vectors again
    return done;
}

void DenseIndex::loadMatrix(const KnowledgeStore &store, qint64 baseId)
{
    State &s = *m_state;
    if (s.loadedBase == baseId && s.loadedCount == store.vectorCount(baseId))
        return;
    const QVector<std::pair<qint64, QByteArray>> stored = store.vectors(baseId);
    const std::size_t C = std::size_t(dimension());
    s.ids.clear();
    s.matrix.clear();
    s.mean.assign(C, 0.0f);
    std::vector<std::vector<float>> rows;
    for (const auto &[id, blob] : stored) {
        std::vector<float> v = fromBlob(blob);
        if (v.size() != C)
            continue; // from a model of another width: not comparable, recomputed on update
        for (std::size_t c = 0; c < C; ++c)
            s.mean[c] += v[c];
        s.ids << id;
        rows.push_back(std::move(v));
    }
    for (float &m : s.mean)
        m /= float(std::max<std::size_t>(1, rows.size()));
    for (std::vector<float> &v : rows) {
        for (std::size_t c = 0; c < C; ++c)
            v[c] -= s.mean[c];
        normalize(v);
        s.matrix.insert(s.matrix.end(), v.begin(), v.end());
    }
    s.loadedBase = baseId;
    s.loadedCount = int(stored.size());
}

QVector<ChunkScore> DenseIndex::nearest(const KnowledgeStore &store, qint64 baseId,
                                        const QString &query, int limit)
{
    loadMatrix(store, baseId);
    State &s = *m_state;
    const std::size_t C = std::size_t(dimension());
    std::vector<float> q = s.embed(query);
    for (std::size_t c = 0; c < C; ++c)
        q[c] -= s.mean[c];
    normalize(q);
    QVector<ChunkScore> scores;
    scores.reserve(s.ids.size());
    for (int row = 0; row < s.ids.size(); ++row) {
        const float *v = s.matrix.data() + std::size_t(row) * C;
        scores.push_back({s.ids[row], std::inner_product(q.begin(), q.end(), v, 0.0)});
    }
    const auto best = scores.begin() + std::min<qsizetype>(limit, scores.size());
    std::partial_sort(scores.begin(), best, scores.end(),
                      [](const ChunkScore &a, const ChunkScore &b) { return a.score > b.score; });
    scores.resize(best - scores.begin());
    return scores;
}

QByteArray DenseIndex::toBlob(const std::vector<float> &vector)
{
    QByteArray blob(qsizetype(vector.size() * sizeof(float)), Qt::Uninitialized);
    qToLittleEndian<float>(vector.data(), qsizetype(vector.size()), blob.data());
    return blob;
}

std::vector<float> DenseIndex::fromBlob(const QByteArray &blob)
{
    std::vector<float> vector(std::size_t(blob.size()) / sizeof(float));
    qFromLittleEndian<float>(blob.constData(), qsizetype(vector.size()), vector.data());
    return vector;
}

std::unique_ptr<DenseIndex> openDenseIndex(KnowledgeStore &store, qint64 baseId,
                                           const QString &checkpoint,
                                           const std::function<bool(int, int)> &progress)
{
    const std::optional<KnowledgeBaseRecord> base = store.base(baseId);
    if (!base)
        throw KnowledgeError("the knowledge base no longer exists");
    const QString chosen = checkpoint.isEmpty() ? base->embeddingCheckpoint : checkpoint;
    if (chosen.isEmpty())
        throw KnowledgeError("the base \"" + base->name.toStdString() +
                             "\" has no vectors yet: choose a checkpoint (a run folder or one of "
                             "its checkpoints) whose model computes them");
    auto index = std::make_unique<DenseIndex>(chosen);
    if (!index->isCurrent(*store.base(baseId)))
        index->update(store, baseId, progress);
    return index;
}

} // namespace azllm
