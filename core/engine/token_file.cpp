#include "token_file.h"

#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace azllm {
namespace {

std::uint32_t readU32(const unsigned char *p)
{
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
           std::uint32_t(p[3]) << 24;
}

std::uint64_t readU64(const unsigned char *p)
{
    return std::uint64_t(readU32(p)) | std::uint64_t(readU32(p + 4)) << 32;
}

void putU32(unsigned char *p, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<unsigned char>(v >> (8 * i));
}

void putU64(unsigned char *p, std::uint64_t v)
{
    putU32(p, static_cast<std::uint32_t>(v));
    putU32(p + 4, static_cast<std::uint32_t>(v >> 32));
}

std::runtime_error badFile(const std::string &path, const std::string &why)
{
    return std::runtime_error("token file " + path + ": " + why);
}

// The ids as the host reads them: the file is little-endian, and so are the machines we build
// for; a big-endian host goes through the byte-wise reader.
constexpr bool kLittleEndianHost = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;

// The largest id, in one pass the compiler vectorises (about 10 GB/s here; docs/formats.md).
template <typename Id> std::uint32_t largestId(const unsigned char *tokens, std::uint64_t count)
{
    const Id *ids = reinterpret_cast<const Id *>(tokens); // 32 bytes into a page: aligned
    Id largest = 0;
    for (std::uint64_t i = 0; i < count; ++i)
        largest = ids[i] > largest ? ids[i] : largest;
    return largest;
}

} // namespace

std::uint32_t tokenBytesForVocab(std::uint32_t vocabSize)
{
    return vocabSize <= 65536 ? 2 : 4;
}

TokenFile::TokenFile(const std::string &path) : m_path(path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw badFile(path, std::strerror(errno));
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(kTokenFileHeaderBytes)) {
        ::close(fd);
        throw badFile(path, "too short to hold the 32-byte header");
    }
    m_mapBytes = static_cast<std::size_t>(st.st_size);
    void *map = ::mmap(nullptr, m_mapBytes, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED)
        throw badFile(path, std::string("cannot map: ") + std::strerror(errno));
    m_map = static_cast<const unsigned char *>(map);

    const auto fail = [&](const std::string &why) {
        ::munmap(const_cast<unsigned char *>(m_map), m_mapBytes);
        m_map = nullptr;
        return badFile(path, why);
    };
    if (std::memcmp(m_map, kTokenFileMagic, sizeof kTokenFileMagic) != 0)
        throw fail("not a token file (magic is not AZTOKENS)");
    if (readU32(m_map + 8) != kTokenFileVersion)
        throw fail("unsupported version " + std::to_string(readU32(m_map + 8)));
    m_tokenBytes = readU32(m_map + 12);
    if (m_tokenBytes != 2 && m_tokenBytes != 4)
        throw fail("token width " + std::to_string(m_tokenBytes) + " bytes (must be 2 or 4)");
    m_vocabSize = readU32(m_map + 16);
    if (m_vocabSize == 0 || (m_tokenBytes == 2 && m_vocabSize > 65536))
        throw fail("vocabulary size " + std::to_string(m_vocabSize) +
                   " does not fit the token width");
    m_count = readU64(m_map + 24);
    // Compared by division: a forged count times the width could wrap around to the file size.
    const std::uint64_t dataBytes = m_mapBytes - kTokenFileHeaderBytes;
    if (m_count != dataBytes / m_tokenBytes || dataBytes % m_tokenBytes != 0)
        throw fail("header says " + std::to_string(m_count) + " tokens of " +
                   std::to_string(m_tokenBytes) + " bytes but the file holds " +
                   std::to_string(dataBytes) + " bytes of tokens");
    try {
        checkIds();
    } catch (const std::runtime_error &e) {
        throw fail(e.what());
    }
}

// Every id below the vocabulary, or the first one that is not, by position.
void TokenFile::checkIds() const
{
    const unsigned char *tokens = m_map + kTokenFileHeaderBytes;
    if (kLittleEndianHost) {
        const std::uint32_t largest = m_tokenBytes == 2
                                          ? largestId<std::uint16_t>(tokens, m_count)
                                          : largestId<std::uint32_t>(tokens, m_count);
        if (largest < m_vocabSize)
            return;
    }
    for (std::uint64_t i = 0; i < m_count; ++i)
        if (const std::uint32_t id = idAt(i); id >= m_vocabSize)
            throw std::runtime_error("the token at position " + std::to_string(i) + " has id " +
                                     std::to_string(id) + ", outside the file's vocabulary of " +
                                     std::to_string(m_vocabSize) +
                                     " (a damaged file, or one written for another tokenizer)");
}

TokenFile::~TokenFile()
{
    if (m_map)
        ::munmap(const_cast<unsigned char *>(m_map), m_mapBytes);
}

std::uint32_t TokenFile::idAt(std::uint64_t i) const
{
    const unsigned char *p = m_map + kTokenFileHeaderBytes + i * m_tokenBytes;
    return m_tokenBytes == 2 ? std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 : readU32(p);
}

std::uint32_t TokenFile::at(std::uint64_t i) const
{
    if (i >= m_count)
        throw std::out_of_range("token file " + m_path + ": position " + std::to_string(i) +
                                " is past its " + std::to_string(m_count) + " tokens");
    return idAt(i);
}

void TokenFile::copyTo(std::uint64_t first, std::size_t count, std::int64_t *out) const
{
    if (count > m_count || first > m_count - count)
        throw badFile(m_path, "read past the end");
    for (std::size_t i = 0; i < count; ++i)
        out[i] = idAt(first + i);
}

TokenFileWriter::TokenFileWriter(const std::string &path, std::uint32_t vocabSize)
    : m_path(path), m_tempPath(path + ".tmp"), m_vocabSize(vocabSize),
      m_tokenBytes(tokenBytesForVocab(vocabSize))
{
    m_file = std::fopen(m_tempPath.c_str(), "wb");
    if (!m_file)
        throw badFile(m_tempPath, std::strerror(errno));
    writeHeader();
}

TokenFileWriter::~TokenFileWriter()
{
    if (m_file) {
        std::fclose(m_file);
        std::remove(m_tempPath.c_str());
    }
}

void TokenFileWriter::writeHeader()
{
    unsigned char header[kTokenFileHeaderBytes] = {};
    std::memcpy(header, kTokenFileMagic, sizeof kTokenFileMagic);
    putU32(header + 8, kTokenFileVersion);
    putU32(header + 12, m_tokenBytes);
    putU32(header + 16, m_vocabSize);
    putU64(header + 24, m_count);
    if (std::fseek(m_file, 0, SEEK_SET) != 0 ||
        std::fwrite(header, 1, sizeof header, m_file) != sizeof header)
        throw badFile(m_tempPath, "cannot write the header");
}

void TokenFileWriter::append(const std::uint32_t *tokens, std::size_t count)
{
    m_buffer.resize(count * m_tokenBytes);
    for (std::size_t i = 0; i < count; ++i) {
        if (tokens[i] >= m_vocabSize)
            throw badFile(m_path, "token id " + std::to_string(tokens[i]) +
                                      " is outside the vocabulary of " +
                                      std::to_string(m_vocabSize));
        for (std::uint32_t b = 0; b < m_tokenBytes; ++b)
            m_buffer[i * m_tokenBytes + b] = static_cast<unsigned char>(tokens[i] >> (8 * b));
    }
    if (std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
        throw badFile(m_tempPath, "write failed (disk full?)");
    m_count += count;
}

void TokenFileWriter::finish()
{
    writeHeader();
    const bool flushed = std::fflush(m_file) == 0 && ::fsync(::fileno(m_file)) == 0;
    const bool closed = std::fclose(m_file) == 0;
    m_file = nullptr;
    if (!flushed || !closed || std::rename(m_tempPath.c_str(), m_path.c_str()) != 0) {
        std::remove(m_tempPath.c_str());
        throw badFile(m_path, "cannot finish writing");
    }
}

} // namespace azllm
