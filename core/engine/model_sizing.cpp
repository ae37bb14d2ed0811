#include "model_sizing.h"

#include <algorithm>

namespace azllm {

ParameterCount countParameters(const ModelConfig &m)
{
    const std::int64_t C = m.nEmbd, L = m.nLayer, V = m.vocabSize, T = m.contextLength;
    ParameterCount p;
    p.embeddings = V * C + T * C;
    p.attention = L * ((C * 3 * C + 3 * C) + (C * C + C));
    p.mlp = L * ((C * 4 * C + 4 * C) + (4 * C * C + C));
    p.norms = L * 2 * (2 * C) + 2 * C;
    p.matmul = V * C + p.attention + p.mlp;
    return p;
}

WeightBytes weightBytes(const ModelConfig &m)
{
    const ParameterCount p = countParameters(m);
    const std::int64_t C = m.nEmbd, L = m.nLayer;
    // Q8_0 rows: ceil(cols / 32) blocks of 34 bytes each.
    const auto q8Row = [](std::int64_t cols) { return (cols + 31) / 32 * 34; };
    const std::int64_t q8Matrices =
        m.vocabSize * q8Row(C) + L * ((3 * C + C + 4 * C) * q8Row(C) + C * q8Row(4 * C));
    const std::int64_t q8Values = m.vocabSize * C + L * (3 * C * C + C * C + 8 * C * C);
    WeightBytes b;
    b.fp32 = 4 * p.total();
    b.bf16 = 2 * p.total();
    b.int8 = q8Matrices + 4 * (p.total() - q8Values);
    return b;
}

namespace {

// Floats each block keeps for backward in our implementation, per sequence: the LayerNorm
// inputs and outputs, q/k/v, the attention probabilities (heads x T x T: the scores before the
// softmax are freed), the attention output, the MLP's hidden layer before and after GELU; plus
// dropout masks when dropout is on.
std::int64_t blockActivationFloats(const ModelConfig &m, std::int64_t T)
{
    const std::int64_t C = m.nEmbd, H = m.nHead;
    std::int64_t floats = 16 * T * C + H * T * T;
    if (m.dropout > 0)
        floats += H * T * T + 2 * T * C;
    return floats;
}

} // namespace

std::int64_t headLossChunkRows(std::int64_t vocabSize, std::int64_t rows)
{
    constexpr std::int64_t logitsPerChunk = std::int64_t(8) << 20, minimumRows = 64;
    const std::int64_t byMemory =
        std::max(minimumRows,
                 logitsPerChunk / std::max<std::int64_t>(1, vocabSize) / minimumRows * minimumRows);
    return std::max<std::int64_t>(1, std::min(rows, byMemory));
}

TrainingMemory trainingMemory(const ModelConfig &m, std::int64_t batch, std::int64_t context,
                              bool activationCheckpointing)
{
    const std::int64_t N = countParameters(m).total();
    const std::int64_t C = m.nEmbd, V = m.vocabSize, T = context;
    TrainingMemory t;
    t.weights = 4 * N;
    t.gradients = 4 * N;
    t.optimizer = 8 * N;
    const std::int64_t perBlock = blockActivationFloats(m, T);
    // Backward through one block holds its gradients, about as many floats again, and the
    // attention's two H T^2 gradients (of the probabilities and of the scores).
    const std::int64_t backwardOfOneBlock = perBlock + 2 * m.nHead * T * T;
    // Plain: every block's activations. Checkpointed: each block's input and 3 T C more per
    // block that the heap keeps between the inputs once the forward pass has freed the rest
    // (measured, docs/sizing.md), then one block recomputed.
    const std::int64_t blocks =
        (activationCheckpointing ? 4 * m.nLayer * T * C + perBlock : m.nLayer * perBlock) +
        backwardOfOneBlock;
    // The final LayerNorm's input and output per sequence; one block of the chunked loss's
    // logits; the tied token table's dense gradient that the head builds while the loss is
    // computed (on a CPU the embedding adds its gradient into it, tied_embedding.h).
    const std::int64_t headFloats = headLossChunkRows(V, batch * T) * V + V * C;
    t.activations = 4 * (batch * (blocks + 2 * T * C) + headFloats);
    return t;
}

InferenceMemory inferenceMemory(const ModelConfig &m, std::int64_t batch, std::int64_t context,
                                int bytesPerValue)
{
    InferenceMemory i;
    i.weights = 4 * countParameters(m).total();
    i.kvCache = std::int64_t(bytesPerValue) * 2 * m.nLayer * batch * context * m.nEmbd;
    i.logits = 4 * batch * m.vocabSize;
    return i;
}

double forwardFlopsPerToken(const ModelConfig &m, std::int64_t context)
{
    return 2.0 * double(countParameters(m).matmul) + 4.0 * double(m.nLayer * context * m.nEmbd);
}

double trainingFlopsPerToken(const ModelConfig &m, std::int64_t context)
{
    return 3.0 * forwardFlopsPerToken(m, context);
}

} // namespace azllm
