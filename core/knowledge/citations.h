// From retrieved chunks to what the chat shows: the sources quoted in the prompt, the
// citations the studio attaches to the answer itself as [1], [2] (a small model will not write
// them), and the answer given instead of one when the base holds nothing on the question.
#pragma once

#include <QString>
#include <QVector>

#include <vector>

#include "grounded_prompt.h"
#include "retriever.h"

namespace azllm {

// Below this coverage of the question's words (RetrievedChunk::coverage) no chunk is taken as
// an answer: chosen on the UDHR development questions (all kept) against questions neither
// base can answer (bench/knowledge/offtopic_questions.jsonl, 17 of 20 refused),
// docs/knowledge.md.
inline constexpr double kDefaultMinCoverage = 0.25;

// "udhr, Maddə 3" or "qanun, Maddə 12-1, 12-2" or "udhr" (a chunk outside articles).
QString sourceName(const ChunkRecord &chunk);
// "udhr, Maddə 3, sətir 20–22"
QString citationText(const ChunkRecord &chunk);

// The chunks as the prompt quotes them: "[n] udhr, Maddə 3" and the chunk's text.
std::vector<PromptSource> promptSources(const QVector<RetrievedChunk> &chunks);

// Whether the best chunk covers enough of the question to answer from.
bool foundAnswerable(const QVector<RetrievedChunk> &chunks, double minCoverage);

// What the answer says when nothing was found (Azerbaijani: it is the answer's text).
QString nothingFoundAnswer(const QString &baseName);

// The line attached under an answer, naming the sources the model saw:
// "Mənbələr: [1] udhr, Maddə 3, sətir 20–22; [2] ..." (dropped sources are left out).
QString citationsLine(const QVector<RetrievedChunk> &chunks, const std::vector<SourceFit> &fits);

} // namespace azllm
