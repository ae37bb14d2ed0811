#include "compressed_input.h"

#include "parallel_bzip2.h"

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

namespace azllm::sources {
namespace {

constexpr std::size_t kInputChunk = 256 << 10;

std::string lowerExtension(const std::filesystem::path &path)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// A file read in chunks, counting the bytes consumed.
class CompressedFile
{
public:
    explicit CompressedFile(const std::string &path) : m_path(path)
    {
        m_file = std::fopen(path.c_str(), "rb");
        if (!m_file)
            throw InputError(path + ": cannot be opened: " + std::strerror(errno));
        // No bigger than the file (small files are common: a folder of pages).
        std::error_code unknownSize;
        const std::uintmax_t size = std::filesystem::file_size(path, unknownSize);
        m_buffer.resize(unknownSize ? kInputChunk
                                    : std::size_t(std::min<std::uintmax_t>(size + 1, kInputChunk)));
    }
    ~CompressedFile() { std::fclose(m_file); }
    CompressedFile(const CompressedFile &) = delete;
    CompressedFile &operator=(const CompressedFile &) = delete;

    // Refills the buffer when it is used up; false at the end of the file.
    bool refill()
    {
        if (m_available > 0)
            return true;
        m_available = std::fread(m_buffer.data(), 1, m_buffer.size(), m_file);
        m_next = m_buffer.data();
        if (std::ferror(m_file))
            throw InputError(m_path + ": read error");
        return m_available > 0;
    }
    const char *next() const { return m_next; }
    std::size_t available() const { return m_available; }
    void consume(std::size_t n)
    {
        m_next += n;
        m_available -= n;
        m_consumed.fetch_add(n, std::memory_order_relaxed);
    }
    bool atEnd() { return m_available == 0 && (std::feof(m_file) || !refill()); }
    std::uint64_t consumed() const { return m_consumed.load(std::memory_order_relaxed); }
    const std::string &path() const { return m_path; }

    [[noreturn]] void corrupt(const char *format, const std::string &why) const
    {
        throw InputError(m_path + ": " + format + " data corrupt near byte " +
                         std::to_string(consumed()) + " (" + why + ")");
    }
    [[noreturn]] void truncated(const char *format) const
    {
        throw InputError(m_path + ": " + format + " data ends early (truncated file?)");
    }

private:
    std::string m_path;
    std::FILE *m_file = nullptr;
    std::vector<char> m_buffer;
    const char *m_next = nullptr;
    std::size_t m_available = 0;
    std::atomic<std::uint64_t> m_consumed{0};
};

class PlainStream final : public InputStream
{
public:
    explicit PlainStream(const std::string &path) : m_file(path) {}
    std::size_t read(char *buffer, std::size_t size) override
    {
        if (!m_file.refill())
            return 0;
        const std::size_t n = std::min(size, m_file.available());
        std::memcpy(buffer, m_file.next(), n);
        m_file.consume(n);
        return n;
    }
    std::uint64_t fileBytesRead() const override { return m_file.consumed(); }

private:
    CompressedFile m_file;
};

class GzipStream final : public InputStream
{
public:
    explicit GzipStream(const std::string &path) : m_file(path)
    {
        if (inflateInit2(&m_zs, 15 + 32) != Z_OK) // 15 + 32: gzip or zlib header, detected
            throw InputError(path + ": zlib could not start");
    }
    ~GzipStream() override { inflateEnd(&m_zs); }
    std::size_t read(char *buffer, std::size_t size) override
    {
        m_zs.next_out = reinterpret_cast<Bytef *>(buffer);
        m_zs.avail_out = static_cast<uInt>(size);
        while (m_zs.avail_out == size && !m_ended) {
            if (!m_file.refill()) {
                if (!m_inMember)
                    break;
                m_file.truncated("gzip");
            }
            m_zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(m_file.next()));
            m_zs.avail_in = static_cast<uInt>(m_file.available());
            const int rc = inflate(&m_zs, Z_NO_FLUSH);
            m_file.consume(m_file.available() - m_zs.avail_in);
            m_inMember = true;
            if (rc == Z_STREAM_END) {
                // Concatenated members (gzip -c a >> f) continue in the same file.
                inflateReset(&m_zs);
                m_inMember = false;
                m_ended = m_file.atEnd();
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                m_file.corrupt("gzip", m_zs.msg ? m_zs.msg : "inflate error");
            }
        }
        return size - m_zs.avail_out;
    }
    std::uint64_t fileBytesRead() const override { return m_file.consumed(); }

private:
    CompressedFile m_file;
    z_stream m_zs{};
    bool m_inMember = false;
    bool m_ended = false;
};

class XzStream final : public InputStream
{
public:
    explicit XzStream(const std::string &path) : m_file(path)
    {
        if (lzma_stream_decoder(&m_xz, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
            throw InputError(path + ": liblzma could not start");
    }
    ~XzStream() override { lzma_end(&m_xz); }
    std::size_t read(char *buffer, std::size_t size) override
    {
        m_xz.next_out = reinterpret_cast<std::uint8_t *>(buffer);
        m_xz.avail_out = size;
        while (m_xz.avail_out == size && !m_ended) {
            const bool more = m_file.refill();
            m_xz.next_in = reinterpret_cast<const std::uint8_t *>(m_file.next());
            m_xz.avail_in = m_file.available();
            const lzma_ret rc = lzma_code(&m_xz, more ? LZMA_RUN : LZMA_FINISH);
            m_file.consume(m_file.available() - m_xz.avail_in);
            if (rc == LZMA_STREAM_END)
                m_ended = true;
            else if (rc == LZMA_BUF_ERROR && !more)
                m_file.truncated("xz");
            else if (rc != LZMA_OK)
                m_file.corrupt("xz", "liblzma error " + std::to_string(int(rc)));
        }
        return size - m_xz.avail_out;
    }
    std::uint64_t fileBytesRead() const override { return m_file.consumed(); }

private:
    CompressedFile m_file;
    lzma_stream m_xz = LZMA_STREAM_INIT;
    bool m_ended = false;
};

class ZstdStream final : public InputStream
{
public:
    explicit ZstdStream(const std::string &path) : m_file(path), m_zs(ZSTD_createDStream())
    {
        if (!m_zs)
            throw InputError(path + ": libzstd could not start");
    }
    ~ZstdStream() override { ZSTD_freeDStream(m_zs); }
    std::size_t read(char *buffer, std::size_t size) override
    {
        ZSTD_outBuffer out{buffer, size, 0};
        while (out.pos == 0) {
            if (!m_file.refill()) {
                if (m_inFrame)
                    m_file.truncated("zstd");
                break;
            }
            ZSTD_inBuffer in{m_file.next(), m_file.available(), 0};
            const std::size_t rc = ZSTD_decompressStream(m_zs, &out, &in);
            m_file.consume(in.pos);
            if (ZSTD_isError(rc))
                m_file.corrupt("zstd", ZSTD_getErrorName(rc));
            m_inFrame = rc != 0; // 0: a frame ended exactly here
        }
        return out.pos;
    }
    std::uint64_t fileBytesRead() const override { return m_file.consumed(); }

private:
    CompressedFile m_file;
    ZSTD_DStream *m_zs = nullptr;
    bool m_inFrame = false;
};

class Bzip2Stream final : public InputStream
{
public:
    explicit Bzip2Stream(const std::string &path) : m_file(path) { start(); }
    ~Bzip2Stream() override { BZ2_bzDecompressEnd(&m_bz); }
    std::size_t read(char *buffer, std::size_t size) override
    {
        m_bz.next_out = buffer;
        m_bz.avail_out = static_cast<unsigned>(size);
        while (m_bz.avail_out == size) {
            if (!m_file.refill()) {
                if (m_inStream)
                    m_file.truncated("bzip2");
                break;
            }
            m_bz.next_in = const_cast<char *>(m_file.next());
            m_bz.avail_in = static_cast<unsigned>(m_file.available());
            const int rc = BZ2_bzDecompress(&m_bz);
            m_file.consume(m_file.available() - m_bz.avail_in);
            m_inStream = true;
            if (rc == BZ_STREAM_END) {
                // Multistream files: the next stream follows at once.
                char *nextOut = m_bz.next_out;
                const unsigned availOut = m_bz.avail_out;
                BZ2_bzDecompressEnd(&m_bz);
                start();
                m_bz.next_out = nextOut;
                m_bz.avail_out = availOut;
                if (availOut < size)
                    break; // hand out what this stream gave first
            } else if (rc != BZ_OK) {
                m_file.corrupt("bzip2", "libbz2 error " + std::to_string(rc));
            }
        }
        return size - m_bz.avail_out;
    }
    std::uint64_t fileBytesRead() const override { return m_file.consumed(); }

private:
    void start()
    {
        m_bz = bz_stream{};
        if (BZ2_bzDecompressInit(&m_bz, 0, 0) != BZ_OK)
            throw InputError(m_file.path() + ": libbz2 could not start");
        m_inStream = false;
    }
    CompressedFile m_file;
    bz_stream m_bz{};
    bool m_inStream = false;
};

// Runs another stream on a background thread, a few chunks ahead of the reader.
class PrefetchStream final : public InputStream
{
public:
    explicit PrefetchStream(std::unique_ptr<InputStream> inner)
        : m_inner(std::move(inner)), m_thread([this] { produce(); })
    {
    }
    ~PrefetchStream() override
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }
    std::size_t read(char *buffer, std::size_t size) override
    {
        if (m_position == m_current.size() && !takeChunk())
            return 0;
        const std::size_t n = std::min(size, m_current.size() - m_position);
        std::memcpy(buffer, m_current.data() + m_position, n);
        m_position += n;
        return n;
    }
    std::uint64_t fileBytesRead() const override { return m_fileBytes.load(); }

private:
    static constexpr std::size_t kFirstChunk = 64 << 10;
    static constexpr std::size_t kChunk = 1 << 20;
    static constexpr std::size_t kAhead = 8;

    void produce()
    {
        try {
            // Chunks grow from 64 KiB to 1 MiB, as BufferedReader's reads do: a small file must
            // not zero (and fault in) a megabyte.
            for (std::size_t size = kFirstChunk;; size = std::min(size * 2, kChunk)) {
                std::string chunk(size, '\0');
                std::size_t filled = 0;
                while (filled < chunk.size()) {
                    const std::size_t n =
                        m_inner->read(chunk.data() + filled, chunk.size() - filled);
                    if (n == 0)
                        break;
                    filled += n;
                }
                chunk.resize(filled);
                m_fileBytes.store(m_inner->fileBytesRead());
                std::unique_lock<std::mutex> lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || m_chunks.size() < kAhead; });
                if (m_stop)
                    return;
                const bool last = chunk.empty();
                m_chunks.push_back(std::move(chunk));
                m_changed.notify_all();
                if (last)
                    return;
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_error = std::current_exception();
            m_chunks.push_back({});
            m_changed.notify_all();
        }
    }
    bool takeChunk()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_chunks.empty(); });
        m_current = std::move(m_chunks.front());
        m_position = 0;
        if (m_current.empty()) {
            if (m_error)
                std::rethrow_exception(m_error);
            return false; // the end marker stays for later calls
        }
        m_chunks.pop_front();
        m_changed.notify_all();
        return true;
    }

    std::unique_ptr<InputStream> m_inner;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::string> m_chunks;
    std::exception_ptr m_error;
    bool m_stop = false;
    std::atomic<std::uint64_t> m_fileBytes{0};
    std::string m_current;
    std::size_t m_position = 0;
    std::thread m_thread; // last: starts once everything above exists
};

} // namespace

const char *toString(Compression compression)
{
    switch (compression) {
    case Compression::None:
        return "none";
    case Compression::Gzip:
        return "gzip";
    case Compression::Xz:
        return "xz";
    case Compression::Zstd:
        return "zstd";
    case Compression::Bzip2:
        return "bzip2";
    }
    return "none";
}

Compression detectCompression(const std::string &path)
{
    unsigned char magic[6] = {};
    std::FILE *file = std::fopen(path.c_str(), "rb");
    if (!file)
        return Compression::None;
    const std::size_t n = std::fread(magic, 1, sizeof magic, file);
    std::fclose(file);
    if (n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        return Compression::Gzip;
    if (n >= 6 && std::memcmp(magic,
                              "\xFD"
                              "7zXZ\0",
                              6) == 0)
        return Compression::Xz;
    if (n >= 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd)
        return Compression::Zstd;
    if (n >= 4 && std::memcmp(magic, "BZh", 3) == 0 && magic[3] >= '1' && magic[3] <= '9')
        return Compression::Bzip2;
    return Compression::None;
}

Compression compressionFromName(const std::string &path)
{
    const std::string ext = lowerExtension(path);
    if (ext == ".gz" || ext == ".gzip")
        return Compression::Gzip;
    if (ext == ".xz")
        return Compression::Xz;
    if (ext == ".zst" || ext == ".zstd")
        return Compression::Zstd;
    if (ext == ".bz2")
        return Compression::Bzip2;
    return Compression::None;
}

std::string contentExtension(const std::string &path)
{
    std::filesystem::path p(path);
    if (compressionFromName(path) != Compression::None)
        p = p.stem();
    return lowerExtension(p);
}

std::unique_ptr<InputStream> openInput(const std::string &path, unsigned threads)
{
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    std::unique_ptr<InputStream> stream;
    switch (detectCompression(path)) {
    case Compression::None:
        return std::make_unique<PlainStream>(path);
    case Compression::Gzip:
        stream = std::make_unique<GzipStream>(path);
        break;
    case Compression::Xz:
        stream = std::make_unique<XzStream>(path);
        break;
    case Compression::Zstd:
        stream = std::make_unique<ZstdStream>(path);
        break;
    case Compression::Bzip2:
        if (threads > 1 && isMultistreamBzip2(path))
            return openParallelBzip2(path, threads);
        stream = std::make_unique<Bzip2Stream>(path);
        break;
    }
    return std::make_unique<PrefetchStream>(std::move(stream));
}

bool BufferedReader::fill()
{
    if (m_ended)
        return false;
    if (m_position > 0) {
        m_buffer.erase(0, m_position);
        m_position = 0;
    }
    // Reads start at 64 KiB and double up to 1 MiB: a folder of many small files would otherwise
    // zero (and fault in) a whole megabyte per file, and per end-of-file read.
    const std::size_t readBytes = m_readBytes;
    m_readBytes = std::min<std::size_t>(m_readBytes * 2, 1 << 20);
    const std::size_t old = m_buffer.size();
    m_buffer.resize(old + readBytes);
    const std::size_t n = m_input.read(m_buffer.data() + old, readBytes);
    m_buffer.resize(old + n);
    m_filled += n;
    m_ended = n == 0;
    return n > 0;
}

bool LineReader::next(std::string &line)
{
    for (std::size_t searched = m_position;;) {
        const std::size_t end = m_buffer.find('\n', searched);
        if (end != std::string::npos) {
            line.assign(m_buffer, m_position, end - m_position);
            m_bytes += end - m_position + 1;
            m_position = end + 1;
            return true;
        }
        searched = m_buffer.size() - m_position; // after fill() the data starts at 0
        if (!fill()) {
            if (m_position == m_buffer.size())
                return false;
            line.assign(m_buffer, m_position, std::string::npos);
            m_bytes += line.size();
            m_position = m_buffer.size();
            return true;
        }
    }
}

} // namespace azllm::sources
