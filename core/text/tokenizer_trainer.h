// Trains the studio's SentencePiece tokenizer from a text file (one sentence or line per line).
#pragma once

#include <cstdint>
#include <string>

namespace azllm {

enum class TokenizerModelType
{
    Bpe,
    Unigram
};

// "bpe" or "unigram"; throws std::invalid_argument otherwise.
TokenizerModelType tokenizerModelTypeFromString(const std::string &name);
const char *toString(TokenizerModelType type);

struct TokenizerTrainingOptions
{
    // BPE by default: llama.cpp's SentencePiece path merges by score, which matches BPE.
    TokenizerModelType modelType = TokenizerModelType::Bpe;
    int vocabSize = 8000;
    // Azerbaijani uses 32 letters plus punctuation; 0.9999 keeps every letter and leaves
    // rare symbols to byte fallback.
    double characterCoverage = 0.9999;
    // Bytes of training text sampled for the trainer (CorpusPreparer writes at most this many,
    // training_sample.h): SentencePiece holds about 2.7 bytes per byte it trains on, so this,
    // not the corpus, bounds its memory. 200 MB is still ample for thousands of pieces.
    std::uint64_t sampleBytes = 200000000;
    // Lines sampled (shuffled, seeded) from that text: a second bound, for very short lines.
    std::int64_t inputSentenceSize = 1000000;
    // Longer lines (in bytes) are skipped by the trainer.
    int maxSentenceLength = 16384;
    // SentencePiece's thread count; the result depends only on the seed and the input.
    int threads = 0; // 0: all cores
    unsigned seed = 1234;
};

class TokenizerTrainer
{
public:
    explicit TokenizerTrainer(TokenizerTrainingOptions options) : m_options(options) {}

    // Trains on inputTextFile and writes modelPath (and the readable vocabulary next to it,
    // modelPath with ".vocab"). Both are written under temporary names and renamed at the
    // end, so a failure leaves no half-written model. Throws std::runtime_error.
    void train(const std::string &inputTextFile, const std::string &modelPath) const;

    // The SentencePiece trainer flags used (key=value lines), for the report and tests.
    std::string trainerFlags(const std::string &inputTextFile, const std::string &prefix) const;

private:
    TokenizerTrainingOptions m_options;
};

} // namespace azllm
