// A built-in training set for when no real text is at hand (tests, benchmarks, `azllm train`
// without --data): arithmetic runs like 17 20 23 26 ... ended by end-of-text. A model that
// learns the stride predicts them almost perfectly, so its loss visibly falls far below ln(V).
#pragma once

#include <cstdint>
#include <string>

namespace azllm {

// Writes count tokens over vocabSize ids (ids 0-2 are reserved as in SentencePiece) to path.
void writeSyntheticTokens(const std::string &path, std::uint32_t vocabSize, std::uint64_t count,
                          std::uint64_t seed);

} // namespace azllm
