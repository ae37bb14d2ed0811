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
    // Lines sampled (shuffled, seeded) from the input, so huge corpora train in bounded memory:
    // a 1 GB corpus with 2 million took 2.8 GB resident in all; a million lines (about 300 MB
    // of text) is still ample for a vocabulary of thousands of pieces.
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
