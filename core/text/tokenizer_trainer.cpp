#include "tokenizer_trainer.h"

#include "special_tokens.h"
#include "spm_library.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace azllm {

namespace fs = std::filesystem;

TokenizerModelType tokenizerModelTypeFromString(const std::string &name)
{
    if (name == "bpe")
        return TokenizerModelType::Bpe;
    if (name == "unigram")
        return TokenizerModelType::Unigram;
    throw std::invalid_argument("tokenizer model '" + name + "': expected bpe or unigram");
}

const char *toString(TokenizerModelType type)
{
    return type == TokenizerModelType::Bpe ? "bpe" : "unigram";
}

std::string TokenizerTrainer::trainerFlags(const std::string &inputTextFile,
                                           const std::string &prefix) const
{
    std::string symbols;
    for (const char *symbol : kReservedSymbols)
        symbols += (symbols.empty() ? "" : ",") + std::string(symbol);
    const int threads = m_options.threads > 0
                            ? m_options.threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::ostringstream flags;
    flags << "input=" << inputTextFile << "\n"
          << "model_prefix=" << prefix << "\n"
          << "model_type=" << toString(m_options.modelType) << "\n"
          << "vocab_size=" << m_options.vocabSize << "\n"
          << "character_coverage=" << m_options.characterCoverage << "\n"
          << "byte_fallback=true\n"
          << "split_digits=true\n"
          // Identity: the text is already cleaned (NFC), and NFKC would break exact round trips.
          << "normalization_rule_name=identity\n"
          << "remove_extra_whitespaces=false\n"
          << "unk_id=0\nbos_id=1\neos_id=2\npad_id=-1\n"
          << "user_defined_symbols=" << symbols << "\n"
          << "input_sentence_size=" << m_options.inputSentenceSize << "\n"
          << "shuffle_input_sentence=true\n"
          << "max_sentence_length=" << m_options.maxSentenceLength
          << "\n"
          // A small corpus may not support the asked vocabulary; unigram then stops early.
          << "hard_vocab_limit=false\n"
          << "num_threads=" << threads << "\n";
    return flags.str();
}

void TokenizerTrainer::train(const std::string &inputTextFile, const std::string &modelPath) const
{
    if (m_options.vocabSize < 300)
        throw std::invalid_argument("vocabulary size " + std::to_string(m_options.vocabSize) +
                                    ": at least 300 (256 byte tokens plus the special ones)");
    if (!fs::exists(inputTextFile))
        throw std::runtime_error("tokenizer training input " + inputTextFile + ": not found");
    const auto &api = detail::spmApi();
    const std::string prefix = modelPath + ".tmp-" + std::to_string(::getpid());
    const std::string vocabPath = fs::path(modelPath).replace_extension(".vocab").string();
    const std::string flags = trainerFlags(inputTextFile, prefix);
    const int rc = api.train(flags.c_str(), m_options.seed);
    std::error_code ignored;
    if (rc != 0) {
        fs::remove(prefix + ".model", ignored);
        fs::remove(prefix + ".vocab", ignored);
        throw std::runtime_error("training the tokenizer on " + inputTextFile +
                                 " failed: " + api.lastError());
    }
    fs::rename(prefix + ".vocab", vocabPath, ignored);
    fs::rename(prefix + ".model", modelPath); // throws with both paths named on failure
}

} // namespace azllm
