#include "parallel_bzip2.h"

#include <bzlib.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace azllm::sources {
namespace {

constexpr char kBlockMagic[] = "\x31\x41\x59\x26\x53\x59";
constexpr std::size_t kSignatureSize = 10; // "BZh9" + 6 magic bytes
constexpr std::size_t kReadChunk = 4 << 20;
constexpr std::size_t kProbeBytes = 8 << 20;

bool isStreamStart(const char *p)
{
    return p[0] == 'B' && p[1] == 'Z' && p[2] == 'h' && p[3] >= '1' && p[3] <= '9' &&
           std::memcmp(p + 4, kBlockMagic, 6) == 0;
}

// The first stream start at or after `from` (npos when none).
std::size_t findStreamStart(const std::string &data, std::size_t from)
{
    for (std::size_t i = data.find("BZh", from); i != std::string::npos;
         i = data.find("BZh", i + 1)) {
        if (i + kSignatureSize > data.size())
            return std::string::npos;
        if (isStreamStart(data.data() + i))
            return i;
    }
    return std::string::npos;
}

struct Job
{
    std::uint64_t index = 0;
    std::uint64_t offset = 0; // in the file, for messages
    std::string data;
};

// Decodes a run of whole streams into out (a buffer used before, kept at its size: growing a
// fresh one zero-filled and faulted in every page of it); returns the bytes decoded.
std::size_t decodeStreams(const std::string &path, const Job &job, std::string &out)
{
    const std::size_t expected = std::max<std::size_t>(job.data.size() * 5, 1 << 16);
    if (out.size() < expected)
        out.resize(expected);
    std::size_t produced = 0;
    std::size_t consumed = 0;
    while (consumed < job.data.size()) {
        bz_stream bz{};
        if (BZ2_bzDecompressInit(&bz, 0, 0) != BZ_OK)
            throw InputError(path + ": libbz2 could not start");
        bz.next_in = const_cast<char *>(job.data.data() + consumed);
        bz.avail_in = static_cast<unsigned>(job.data.size() - consumed);
        int rc = BZ_OK;
        while (rc == BZ_OK) {
            if (produced == out.size())
                out.resize(out.size() * 2);
            bz.next_out = out.data() + produced;
            bz.avail_out = static_cast<unsigned>(out.size() - produced);
            rc = BZ2_bzDecompress(&bz);
            produced = out.size() - bz.avail_out;
            if (rc == BZ_OK && bz.avail_in == 0 && bz.avail_out > 0)
                rc = BZ_UNEXPECTED_EOF;
        }
        consumed = job.data.size() - bz.avail_in;
        BZ2_bzDecompressEnd(&bz);
        if (rc != BZ_STREAM_END)
            throw InputError(path + ": bzip2 data " +
                             (rc == BZ_UNEXPECTED_EOF
                                  ? std::string("ends early (truncated file?)")
                                  : "corrupt (libbz2 error " + std::to_string(rc) + ")") +
                             " in the stream at byte " + std::to_string(job.offset));
    }
    return produced;
}

class ParallelBzip2Stream final : public InputStream
{
public:
    ParallelBzip2Stream(const std::string &path, unsigned threads, std::size_t jobBytes)
        : m_path(path), m_jobBytes(jobBytes), m_maxInFlight(2 * threads + 1)
    {
        m_file = std::fopen(path.c_str(), "rb");
        if (!m_file)
            throw InputError(path + ": cannot be opened: " + std::strerror(errno));
        std::error_code unknownSize;
        m_fileSize = std::filesystem::file_size(path, unknownSize);
        if (unknownSize)
            m_fileSize = kReadChunk;
        m_splitter = std::thread([this] { split(); });
        for (unsigned i = 0; i < threads; ++i)
            m_workers.emplace_back([this] { decode(); });
    }
    ~ParallelBzip2Stream() override
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_splitter.join();
        for (std::thread &worker : m_workers)
            worker.join();
        std::fclose(m_file);
    }

    std::size_t read(char *buffer, std::size_t size) override
    {
        if (m_position == m_currentSize && !takeNext())
            return 0;
        const std::size_t n = std::min(size, m_currentSize - m_position);
        std::memcpy(buffer, m_current.data() + m_position, n);
        m_position += n;
        return n;
    }
    std::uint64_t fileBytesRead() const override { return m_doneFileBytes; }

private:
    // Reads the file and cuts it into jobs at stream starts.
    void split()
    {
        try {
            std::string pending;
            std::uint64_t pendingOffset = 0;
            // No larger than the file: a small one must not zero (and fault in) 4 MiB.
            std::vector<char> chunk(std::min<std::uint64_t>(kReadChunk, m_fileSize + 1));
            bool eof = false;
            while (!eof) {
                const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), m_file);
                eof = n < chunk.size();
                pending.append(chunk.data(), n);
                // Cut whole streams off the front while a start past kJobBytes is in sight.
                for (std::size_t cut;
                     (cut = findStreamStart(pending, m_jobBytes)) != std::string::npos;) {
                    if (!push(pending.substr(0, cut), pendingOffset))
                        return;
                    pending.erase(0, cut);
                    pendingOffset += cut;
                }
            }
            if (!pending.empty() && !push(std::move(pending), pendingOffset))
                return;
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_splitDone = true;
        } catch (...) {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_error = std::current_exception();
        }
        m_changed.notify_all();
    }

    bool push(std::string data, std::uint64_t offset)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stop || m_nextJob - m_nextOut < m_maxInFlight; });
        if (m_stop)
            return false;
        m_jobs.push_back({m_nextJob++, offset, std::move(data)});
        m_changed.notify_all();
        return true;
    }

    void decode()
    {
        for (;;) {
            Job job;
            Result result;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
                if (m_stop)
                    return;
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
                if (!m_spare.empty()) {
                    result.text = std::move(m_spare.back());
                    m_spare.pop_back();
                }
            }
            result.fileEnd = job.offset + job.data.size();
            try {
                result.size = decodeStreams(m_path, job, result.text);
            } catch (...) {
                result.error = std::current_exception();
            }
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_done.emplace(job.index, std::move(result));
            m_changed.notify_all();
        }
    }

    bool takeNext()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] {
            return m_done.count(m_nextOut) || m_error || (m_splitDone && m_nextOut == m_nextJob);
        });
        const auto found = m_done.find(m_nextOut);
        if (found == m_done.end()) {
            if (m_error)
                std::rethrow_exception(m_error);
            return false;
        }
        Result result = std::move(found->second);
        m_done.erase(found);
        ++m_nextOut;
        if (!m_current.empty())
            m_spare.push_back(std::move(m_current)); // read out: a decoder fills it again
        m_changed.notify_all();
        lock.unlock();
        if (result.error)
            std::rethrow_exception(result.error);
        m_current = std::move(result.text);
        m_currentSize = result.size;
        m_position = 0;
        m_doneFileBytes = result.fileEnd;
        // A job of empty streams decodes to nothing: go on to the next.
        return m_currentSize > 0 || takeNext();
    }

    struct Result
    {
        std::string text; // its first `size` bytes decoded
        std::size_t size = 0;
        std::uint64_t fileEnd = 0;
        std::exception_ptr error;
    };

    std::string m_path;
    std::FILE *m_file = nullptr;
    std::uint64_t m_fileSize = 0;
    const std::size_t m_jobBytes;
    const std::uint64_t m_maxInFlight;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Job> m_jobs;
    std::map<std::uint64_t, Result> m_done;
    std::uint64_t m_nextJob = 0; // assigned by the splitter
    std::uint64_t m_nextOut = 0; // the next one the reader takes
    bool m_splitDone = false;
    bool m_stop = false;
    std::exception_ptr m_error;
    std::vector<std::string> m_spare; // buffers read out, for the decoders to reuse
    std::string m_current;
    std::size_t m_currentSize = 0;
    std::size_t m_position = 0;
    std::uint64_t m_doneFileBytes = 0;
    std::thread m_splitter;
    std::vector<std::thread> m_workers;
};

} // namespace

bool isMultistreamBzip2(const std::string &path)
{
    std::FILE *file = std::fopen(path.c_str(), "rb");
    if (!file)
        return false;
    // No bigger than the file: a small file must not cost an 8 MiB zeroed buffer.
    std::error_code unknownSize;
    const std::uintmax_t size = std::filesystem::file_size(path, unknownSize);
    std::string head(unknownSize ? kProbeBytes : std::min<std::uintmax_t>(size, kProbeBytes), '\0');
    head.resize(std::fread(head.data(), 1, head.size(), file));
    std::fclose(file);
    return findStreamStart(head, 1) != std::string::npos;
}

std::unique_ptr<InputStream> openParallelBzip2(const std::string &path, unsigned threads,
                                               std::size_t jobBytes)
{
    return std::make_unique<ParallelBzip2Stream>(path, std::max(1u, threads), jobBytes);
}

} // namespace azllm::sources
