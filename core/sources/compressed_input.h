// Reading files that may be compressed: gzip (zlib), xz (liblzma), zstd (libzstd) and bzip2
// (libbz2), recognised by their magic bytes (the extension only names the inner format:
// "news.jsonl.zst" is JSONL). Decompression runs on other threads than the caller's: a bzip2
// file made of many streams (Wikipedia's "multistream" dumps) is decoded on every core, the
// other formats on one background thread, so decoding overlaps the caller's parsing.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace azllm::sources {

enum class Compression
{
    None,
    Gzip,
    Xz,
    Zstd,
    Bzip2
};

const char *toString(Compression compression);

// From the first bytes of the file; None for anything else (plain text).
Compression detectCompression(const std::string &path);
// From the name: ".gz", ".xz", ".zst", ".bz2" (case-insensitive).
Compression compressionFromName(const std::string &path);
// The extension of the content, lower case: "a.jsonl.gz" -> ".jsonl", "b.TXT" -> ".txt".
std::string contentExtension(const std::string &path);

// A corrupt or truncated compressed file: the message names the file and the format.
class InputError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A stream of decompressed bytes.
class InputStream
{
public:
    virtual ~InputStream() = default;
    // Up to size bytes into buffer; 0 only at the end. Throws InputError.
    virtual std::size_t read(char *buffer, std::size_t size) = 0;
    // Bytes of the file consumed so far (compressed bytes for a compressed file): progress.
    virtual std::uint64_t fileBytesRead() const = 0;
};

// Opens path, decompressing by its magic bytes. threads: decoder threads for multistream
// bzip2 (0: one per core). Throws InputError when the file cannot be opened.
std::unique_ptr<InputStream> openInput(const std::string &path, unsigned threads = 0);

// A window over an InputStream for readers that cut it into pieces: m_buffer from m_position
// on is not handed out yet.
class BufferedReader
{
protected:
    explicit BufferedReader(InputStream &input) : m_input(input) {}
    // Drops what was handed out and appends up to 1 MiB; false at the end of the input.
    bool fill();

    InputStream &m_input;
    std::string m_buffer;
    std::size_t m_readBytes = 64 << 10; // the next read's size
    std::size_t m_position = 0;
    std::uint64_t m_filled = 0; // bytes read from the input so far
    bool m_ended = false;
};

// Lines of an InputStream, '\n' removed (a '\r' before it is kept, as std::getline does).
class LineReader : private BufferedReader
{
public:
    explicit LineReader(InputStream &input) : BufferedReader(input) {}
    bool next(std::string &line);
    // Bytes handed out so far, line breaks included.
    std::uint64_t bytesRead() const { return m_bytes; }

private:
    std::uint64_t m_bytes = 0;
};

} // namespace azllm::sources
