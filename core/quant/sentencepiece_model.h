// The parts of a SentencePiece .model file (a protobuf ModelProto) that travel inside a GGUF:
// the pieces with their scores and types, and the few normaliser settings an encoder needs.
// Read and written here with a small protobuf codec of our own, so exporting needs neither the
// tokenizer library nor protobuf (field numbers from sentencepiece_model.proto).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace azllm::quant {

// SentencePiece's piece types; GGUF's tokenizer.ggml.token_type uses the same numbers.
enum class PieceType : std::int32_t
{
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6
};

struct SentencePieceVocabulary
{
    std::vector<std::string> pieces;
    std::vector<float> scores;
    std::vector<PieceType> types;
    bool bpe = true;            // trainer's model_type: BPE, or unigram when false
    bool byteFallback = true;   // unknown characters become <0xNN> byte pieces
    bool addDummyPrefix = true; // "▁" before the first word of a text
    bool removeExtraWhitespaces = false;

    std::size_t size() const { return pieces.size(); }
};

// Throws std::runtime_error naming the file when it is not a SentencePiece model.
SentencePieceVocabulary readSentencePieceModel(const std::string &path);
SentencePieceVocabulary parseSentencePieceModel(const std::string &bytes,
                                                const std::string &source);

// A ModelProto that SentencePiece loads: the pieces, a trainer spec with the special ids
// (<unk> 0, <s> 1, </s> 2, no padding id), an identity normaliser.
std::string serializeSentencePieceModel(const SentencePieceVocabulary &vocabulary);

// A stand-in vocabulary for a model trained without a tokenizer (synthetic ids): <unk>, <s>,
// </s>, the 256 byte pieces, then "[id N]" pieces up to `size`, so llama.cpp can load the file.
SentencePieceVocabulary placeholderVocabulary(std::int64_t size);

} // namespace azllm::quant
