// Flat binary token files: what the trainer reads and the text pipeline writes.
//
// Layout (little-endian), documented in docs/formats.md:
//   offset  size  field
//   0       8     magic "AZTOKENS"
//   8       4     version (1)
//   12      4     bytes per token: 2 (uint16) or 4 (uint32)
//   16      4     vocabulary size (every token id is below it)
//   20      4     reserved, 0
//   24      8     token count
//   32      ...   the tokens
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace azllm {

inline constexpr char kTokenFileMagic[8] = {'A', 'Z', 'T', 'O', 'K', 'E', 'N', 'S'};
inline constexpr std::uint32_t kTokenFileVersion = 1;
inline constexpr std::size_t kTokenFileHeaderBytes = 32;

// The narrowest token width that holds every id of a vocabulary.
std::uint32_t tokenBytesForVocab(std::uint32_t vocabSize);

// A read-only, memory-mapped token file. Throws std::runtime_error naming the file on a bad
// header, a size that does not match it, or an id outside the vocabulary (with its position).
class TokenFile
{
public:
    explicit TokenFile(const std::string &path);
    ~TokenFile();
    TokenFile(const TokenFile &) = delete;
    TokenFile &operator=(const TokenFile &) = delete;

    const std::string &path() const { return m_path; }
    std::uint32_t vocabSize() const { return m_vocabSize; }
    std::uint32_t tokenBytes() const { return m_tokenBytes; }
    std::uint64_t size() const { return m_count; }
    // Throws std::out_of_range past the end.
    std::uint32_t at(std::uint64_t i) const;
    // Copies count tokens starting at first into out (as int64, what embeddings take).
    void copyTo(std::uint64_t first, std::size_t count, std::int64_t *out) const;

private:
    void checkIds() const;
    std::uint32_t idAt(std::uint64_t i) const; // unchecked: callers check the range once

    std::string m_path;
    const unsigned char *m_map = nullptr;
    std::size_t m_mapBytes = 0;
    std::uint32_t m_vocabSize = 0;
    std::uint32_t m_tokenBytes = 0;
    std::uint64_t m_count = 0;
};

// Streams tokens to "<path>.tmp" and renames it to path on finish(); a writer destroyed
// before finish() (an error, a cancel) removes the temporary file and leaves path untouched.
class TokenFileWriter
{
public:
    TokenFileWriter(const std::string &path, std::uint32_t vocabSize);
    ~TokenFileWriter();
    TokenFileWriter(const TokenFileWriter &) = delete;
    TokenFileWriter &operator=(const TokenFileWriter &) = delete;

    void append(const std::uint32_t *tokens, std::size_t count);
    void append(const std::vector<std::uint32_t> &tokens) { append(tokens.data(), tokens.size()); }
    std::uint64_t count() const { return m_count; }
    void finish();

private:
    void writeHeader();

    std::string m_path;
    std::string m_tempPath;
    std::FILE *m_file = nullptr;
    std::uint32_t m_vocabSize;
    std::uint32_t m_tokenBytes;
    std::uint64_t m_count = 0;
    std::vector<unsigned char> m_buffer;
};

} // namespace azllm
