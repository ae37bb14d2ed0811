// A file that appears under its name only when complete: written to a temporary name in the
// same folder, flushed to disk (fsync) and renamed over the target on commit(). Destroyed
// without commit() (an error, a cancel), it removes the temporary and leaves the target as it
// was. The same for a folder of files (AtomicFolder).
#pragma once

#include <cstdio>
#include <string>

namespace azllm::quant {

class AtomicFile
{
public:
    // Throws std::runtime_error naming the path when the temporary cannot be created.
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    // Throws std::runtime_error naming the file (a full disk, say).
    void write(const void *data, std::size_t bytes);
    void write(const std::string &bytes) { write(bytes.data(), bytes.size()); }
    std::uint64_t written() const { return m_written; }
    // fsync, close, rename over the target, fsync the folder.
    void commit();

    const std::string &path() const { return m_path; }

private:
    std::string m_path;
    std::string m_temp;
    std::FILE *m_file = nullptr;
    std::uint64_t m_written = 0;
};

// A folder filled under a temporary name and renamed into place on commit(); an existing
// folder of that name is replaced only then.
class AtomicFolder
{
public:
    explicit AtomicFolder(std::string path);
    ~AtomicFolder();
    AtomicFolder(const AtomicFolder &) = delete;
    AtomicFolder &operator=(const AtomicFolder &) = delete;

    // Where to write the folder's files until commit().
    const std::string &staging() const { return m_staging; }
    void commit();

private:
    std::string m_path;
    std::string m_staging;
    bool m_committed = false;
};

// Writes a whole small file atomically.
void writeWholeFile(const std::string &path, const std::string &bytes);

} // namespace azllm::quant
