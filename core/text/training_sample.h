// The text SentencePiece trains on: the training split's non-empty lines, sampled so that the
// file (and with it the trainer's memory, which grows with the bytes it holds) stays under a
// byte budget whatever the corpus's size or line length.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

namespace azllm {

class TrainingSampleWriter
{
public:
    // totalBytes: about how many bytes of text will be offered (an upper estimate); each line
    // is taken with probability budgetBytes / totalBytes, chosen by a seeded hash of its
    // index, so the same corpus and seed give the same sample. When totalBytes fits the
    // budget, every line is taken.
    TrainingSampleWriter(std::string path, std::uint64_t budgetBytes, std::uint64_t totalBytes,
                         unsigned seed);

    // Offers a document's lines, in order.
    void add(std::string_view text);
    // Closes the file; throws std::runtime_error when it could not be written.
    void finish();

    std::uint64_t bytesWritten() const { return m_written; }
    std::uint64_t linesWritten() const { return m_lines; }

private:
    bool take();

    std::string m_path;
    std::ofstream m_out;
    std::uint64_t m_budget;
    std::uint64_t m_threshold; // a line is taken when its hash is at most this
    unsigned m_seed;
    std::uint64_t m_index = 0;
    std::uint64_t m_written = 0;
    std::uint64_t m_lines = 0;
};

} // namespace azllm
