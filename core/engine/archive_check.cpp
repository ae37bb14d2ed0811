#include "archive_check.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

#include <zlib.h>

namespace azllm {
namespace {

// Zip record signatures and fixed sizes (PKWARE APPNOTE 4.3).
constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kZip64EndOfDirectory = 0x06064b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::uint64_t kLocalHeaderSize = 30;
constexpr std::uint64_t kCentralHeaderSize = 46;
constexpr std::uint64_t kEndOfDirectorySize = 22;
constexpr std::uint64_t kZip64LocatorSize = 20;
constexpr std::uint64_t kZip64EndOfDirectorySize = 56;
constexpr std::uint64_t kMaxCommentSize = 0xFFFF;
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint16_t kStored = 0;
constexpr std::uint16_t kDeflated = 8;

std::uint64_t readLittleEndian(const unsigned char *at, int bytes)
{
    std::uint64_t value = 0;
    for (int i = bytes - 1; i >= 0; --i)
        value = (value << 8) | at[i];
    return value;
}

// Little-endian fields read in order from a buffer that is known to hold them.
class FieldReader
{
public:
    FieldReader(const unsigned char *at, std::size_t size) : m_at(at), m_end(at + size) {}
    std::uint64_t take(int bytes)
    {
        const std::uint64_t value = readLittleEndian(m_at, bytes);
        m_at += bytes;
        return value;
    }
    void skip(std::size_t bytes) { m_at += bytes; }
    std::size_t left() const { return std::size_t(m_end - m_at); }
    const unsigned char *position() const { return m_at; }

private:
    const unsigned char *m_at;
    const unsigned char *m_end;
};

struct Directory
{
    std::uint64_t entries = 0;
    std::uint64_t size = 0;
    std::uint64_t offset = 0;
    std::uint64_t end = 0; // where the directory must stop: the first end-of-directory record
};

struct Entry
{
    std::string name;
    std::uint32_t crc = 0;
    std::uint64_t compressedSize = 0;
    std::uint64_t size = 0;
    std::uint64_t localHeader = 0;
    std::uint16_t method = 0;
};

class Archive
{
public:
    explicit Archive(const std::string &path)
        : m_name(std::filesystem::path(path).filename().string()), m_in(path, std::ios::binary)
    {
        if (!m_in)
            fail("cannot be opened");
        m_in.seekg(0, std::ios::end);
        m_size = std::uint64_t(m_in.tellg());
    }

    [[noreturn]] void fail(const std::string &why) const
    {
        throw std::runtime_error(m_name + " " + why);
    }

    std::uint64_t size() const { return m_size; }

    std::vector<unsigned char> read(std::uint64_t offset, std::uint64_t count, const char *what)
    {
        if (offset > m_size || count > m_size - offset)
            fail("is cut short: its " + std::string(what) + " lies beyond the end of the file");
        std::vector<unsigned char> bytes(count);
        m_in.seekg(std::streamoff(offset));
        m_in.read(reinterpret_cast<char *>(bytes.data()), std::streamsize(count));
        if (!m_in)
            fail("could not be read (" + std::string(what) + ")");
        return bytes;
    }

    // CRC-32 of `count` stored bytes at `offset`.
    std::uint32_t crcOfStored(std::uint64_t offset, std::uint64_t count)
    {
        uLong crc = crc32(0L, Z_NULL, 0);
        forEachChunk(offset, count,
                     [&](const Bytef *bytes, uInt n) { crc = crc32(crc, bytes, n); });
        return std::uint32_t(crc);
    }

    // CRC-32 of what `count` deflated bytes at `offset` inflate to; fails unless that is exactly
    // `size` bytes and the stream ends there.
    std::uint32_t crcOfDeflated(std::uint64_t offset, std::uint64_t count, std::uint64_t size,
                                const std::string &entry)
    {
        z_stream stream{};
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) // raw deflate, as zip stores it
            fail("could not be checked: zlib's decompressor did not start");
        const auto end = std::unique_ptr<z_stream, int (*)(z_stream *)>(&stream, inflateEnd);
        std::vector<Bytef> out(1 << 16);
        uLong crc = crc32(0L, Z_NULL, 0);
        std::uint64_t produced = 0;
        int result = Z_OK;
        forEachChunk(offset, count, [&](const Bytef *bytes, uInt n) {
            stream.next_in = const_cast<Bytef *>(bytes);
            stream.avail_in = n;
            while (stream.avail_in > 0 && result == Z_OK) {
                stream.next_out = out.data();
                stream.avail_out = uInt(out.size());
                result = inflate(&stream, Z_NO_FLUSH);
                const uInt made = uInt(out.size()) - stream.avail_out;
                produced += made;
                if (produced > size)
                    fail("has an entry '" + entry + "' that inflates to more than its stated size");
                crc = crc32(crc, out.data(), made);
            }
        });
        if (result != Z_STREAM_END || produced != size)
            fail("has an entry '" + entry +
                 "' that does not inflate to its stated size (the file is damaged)");
        return std::uint32_t(crc);
    }

private:
    template <typename Consume>
    void forEachChunk(std::uint64_t offset, std::uint64_t count, Consume consume)
    {
        constexpr std::uint64_t kChunk = 1 << 20;
        std::vector<char> chunk(std::min(count, kChunk));
        m_in.seekg(std::streamoff(offset));
        for (std::uint64_t left = count; left > 0;) {
            const std::uint64_t n = std::min(left, kChunk);
            m_in.read(chunk.data(), std::streamsize(n));
            if (!m_in)
                fail("could not be read (an entry's bytes)");
            consume(reinterpret_cast<const Bytef *>(chunk.data()), uInt(n));
            left -= n;
        }
    }

    std::string m_name;
    std::ifstream m_in;
    std::uint64_t m_size = 0;
};

// The end-of-directory record is the last 22 bytes plus a comment of at most 64 KiB; the
// signature is searched from the end, and only where the comment length it states ends the file.
std::uint64_t findEndOfDirectory(Archive &archive)
{
    if (archive.size() < kEndOfDirectorySize)
        archive.fail("is too short to be a LibTorch archive");
    const std::uint64_t tailSize = std::min(archive.size(), kEndOfDirectorySize + kMaxCommentSize);
    const std::uint64_t tailStart = archive.size() - tailSize;
    const std::vector<unsigned char> tail = archive.read(tailStart, tailSize, "the file's end");
    for (std::uint64_t at = tailSize - kEndOfDirectorySize + 1; at-- > 0;) {
        const unsigned char *record = tail.data() + at;
        if (readLittleEndian(record, 4) == kEndOfDirectory &&
            at + kEndOfDirectorySize + readLittleEndian(record + 20, 2) == tailSize)
            return tailStart + at;
    }
    archive.fail("is not a LibTorch archive (no zip directory at its end)");
}

void readZip64Directory(Archive &archive, std::uint64_t endOfDirectory, Directory &directory)
{
    if (endOfDirectory < kZip64LocatorSize)
        archive.fail("has a zip64 directory without its locator");
    const std::vector<unsigned char> locator =
        archive.read(endOfDirectory - kZip64LocatorSize, kZip64LocatorSize, "the zip64 locator");
    if (readLittleEndian(locator.data(), 4) != kZip64Locator)
        archive.fail("has a zip64 directory without its locator");
    const std::uint64_t recordAt = readLittleEndian(locator.data() + 8, 8);
    const std::vector<unsigned char> record =
        archive.read(recordAt, kZip64EndOfDirectorySize, "the zip64 directory record");
    if (readLittleEndian(record.data(), 4) != kZip64EndOfDirectory)
        archive.fail("has a damaged zip64 directory record");
    directory.entries = readLittleEndian(record.data() + 32, 8);
    directory.size = readLittleEndian(record.data() + 40, 8);
    directory.offset = readLittleEndian(record.data() + 48, 8);
    directory.end = recordAt;
}

Directory readDirectoryLocation(Archive &archive)
{
    const std::uint64_t at = findEndOfDirectory(archive);
    const std::vector<unsigned char> record = archive.read(at, kEndOfDirectorySize, "directory");
    Directory directory;
    directory.entries = readLittleEndian(record.data() + 10, 2);
    directory.size = readLittleEndian(record.data() + 12, 4);
    directory.offset = readLittleEndian(record.data() + 16, 4);
    directory.end = at;
    if (directory.entries == 0xFFFF || directory.size == 0xFFFFFFFF ||
        directory.offset == 0xFFFFFFFF)
        readZip64Directory(archive, at, directory);
    if (directory.offset > directory.end || directory.size > directory.end - directory.offset)
        archive.fail("has a zip directory that overlaps its own end record");
    return directory;
}

// Sizes and offsets too large for 32 bits are 0xFFFFFFFF in the header and follow, in this
// order and only when so marked, in the zip64 extra field.
void applyZip64Extra(Archive &archive, FieldReader extra, Entry &entry)
{
    while (extra.left() >= 4) {
        const std::uint64_t id = extra.take(2);
        const std::uint64_t length = extra.take(2);
        if (length > extra.left())
            archive.fail("has a damaged extra field in entry '" + entry.name + "'");
        if (id != kZip64ExtraId) {
            extra.skip(length);
            continue;
        }
        FieldReader fields(extra.position(), length);
        for (std::uint64_t *value : {&entry.size, &entry.compressedSize, &entry.localHeader}) {
            if (*value != 0xFFFFFFFF)
                continue;
            if (fields.left() < 8)
                archive.fail("has a damaged zip64 field in entry '" + entry.name + "'");
            *value = fields.take(8);
        }
        return;
    }
}

Entry readEntry(Archive &archive, FieldReader &directory)
{
    if (directory.left() < kCentralHeaderSize || directory.take(4) != kCentralHeader)
        archive.fail("has a damaged zip directory");
    Entry entry;
    directory.skip(6); // versions, flags
    entry.method = std::uint16_t(directory.take(2));
    directory.skip(4); // time, date
    entry.crc = std::uint32_t(directory.take(4));
    entry.compressedSize = directory.take(4);
    entry.size = directory.take(4);
    const std::uint64_t nameLength = directory.take(2);
    const std::uint64_t extraLength = directory.take(2);
    const std::uint64_t commentLength = directory.take(2);
    directory.skip(8); // disk, attributes
    entry.localHeader = directory.take(4);
    if (nameLength + extraLength + commentLength > directory.left())
        archive.fail("has a damaged zip directory");
    entry.name.assign(reinterpret_cast<const char *>(directory.position()), nameLength);
    directory.skip(nameLength);
    applyZip64Extra(archive, FieldReader(directory.position(), extraLength), entry);
    directory.skip(extraLength + commentLength);
    return entry;
}

void verifyEntry(Archive &archive, const Entry &entry, std::uint64_t dataEnd)
{
    // LibTorch stores tensors as they are (read in place) and deflates its code and pickles.
    if (entry.method != kStored && entry.method != kDeflated)
        archive.fail("has an entry '" + entry.name + "' compressed in a way LibTorch never writes");
    if (entry.method == kStored && entry.compressedSize != entry.size)
        archive.fail("has an entry '" + entry.name + "' with two different sizes");
    const std::vector<unsigned char> header =
        archive.read(entry.localHeader, kLocalHeaderSize, "an entry's header");
    if (readLittleEndian(header.data(), 4) != kLocalHeader)
        archive.fail("has no header for entry '" + entry.name + "' where its directory says");
    const std::uint64_t dataStart = entry.localHeader + kLocalHeaderSize +
                                    readLittleEndian(header.data() + 26, 2) +
                                    readLittleEndian(header.data() + 28, 2);
    if (dataStart > dataEnd || entry.compressedSize > dataEnd - dataStart)
        archive.fail("has an entry '" + entry.name +
                     "' that runs past the data into the directory");
    const std::uint32_t crc =
        entry.method == kStored
            ? archive.crcOfStored(dataStart, entry.size)
            : archive.crcOfDeflated(dataStart, entry.compressedSize, entry.size, entry.name);
    if (crc != entry.crc)
        archive.fail("has an entry '" + entry.name +
                     "' that fails its checksum (the file is damaged)");
}

} // namespace

void verifyTorchArchive(const std::string &path)
{
    Archive archive(path);
    const Directory location = readDirectoryLocation(archive);
    const std::vector<unsigned char> bytes =
        archive.read(location.offset, location.size, "the zip directory");
    FieldReader directory(bytes.data(), bytes.size());
    std::uint64_t count = 0;
    while (directory.left() > 0) {
        verifyEntry(archive, readEntry(archive, directory), location.offset);
        ++count;
    }
    if (count != location.entries)
        archive.fail("has a zip directory of " + std::to_string(count) + " entries where " +
                     std::to_string(location.entries) + " are declared");
}

void verifyCheckpointArchive(const std::string &dir, const std::string &name)
{
    try {
        verifyTorchArchive((std::filesystem::path(dir) / name).string());
    } catch (const std::runtime_error &e) {
        throw std::runtime_error("checkpoint " + dir + ": " + e.what());
    }
}

} // namespace azllm
